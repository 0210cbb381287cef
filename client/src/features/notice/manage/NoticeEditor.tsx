import { Switch, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  NOTICE_BODY_MAX,
  NOTICE_CATEGORIES,
  NOTICE_CATEGORY_NAMES,
  NOTICE_TITLE_MAX,
  type AttachmentInput,
  type Fail,
  type LoginResult,
  type NoticeCategory,
} from '@zhibu/types';
import { useEffect, useRef, useState } from 'react';
import { useSubmit } from '@/hooks/useSubmit';
import {
  AudienceChooser,
  audienceOf,
  audienceProblem,
  audienceValue,
  BRANCH_KINDS,
  BUREAU_KINDS,
  isBureauKind,
  type AudienceValue,
} from '@/features/audience';
import { AttachmentsField } from '@/features/attachments';
import {
  Button,
  ErrorState,
  FormActions,
  FormDate,
  FormGroup,
  FormInput,
  FormPicker,
  FormProblem,
  FormTextarea,
  LoadingState,
} from '@/ui';
import { noticeApi, noteNoticeChanged } from '../api';
import '../notice.css';

interface NoticeEditorProps {
  noticeId: string;
  member: LoginResult;
}

const newRequestId = () => `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;

function formProblem(title: string, body: string): string | null {
  if (!title.trim()) return '请填写标题';
  if (title.trim().length > NOTICE_TITLE_MAX) return `标题不能超过 ${NOTICE_TITLE_MAX} 个字`;
  if (!body.trim()) return '请填写正文';
  return null;
}

/** 发布通知 (no id) or 编辑通知: title, body, category, options, attachments, and who receives it. */
export function NoticeEditor({ noticeId, member }: NoticeEditorProps) {
  const admin = member.roles.includes('admin');
  const [loaded, setLoaded] = useState<'loading' | 'ready' | Fail>(noticeId ? 'loading' : 'ready');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [category, setCategory] = useState<NoticeCategory>('notice');
  const [pinned, setPinned] = useState(false);
  const [requireConfirm, setRequireConfirm] = useState(false);
  const [confirmBy, setConfirmBy] = useState('');
  const [sendTo, setSendTo] = useState<AudienceValue>(() => ({
    ...audienceValue(null),
    kind: admin ? 'allBranches' : 'branch',
  }));
  const [attachments, setAttachments] = useState<AttachmentInput[]>([]);
  const [uploading, setUploading] = useState(0);
  const requestId = useRef(newRequestId());
  const { problem, saving, submit } = useSubmit();

  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!noticeId) return;
    void noticeApi.get(noticeId).then((result) => {
      if (!result.ok) return setLoaded(result);
      const n = result.data;
      setTitle(n.title);
      setBody(n.body);
      setCategory(n.category);
      setPinned(n.pinned);
      setRequireConfirm(n.requireConfirm);
      setConfirmBy(n.confirmBy ? new Date(Date.parse(n.confirmBy) + 8 * 3600_000).toISOString().slice(0, 10) : '');
      setAttachments(n.attachments.map(({ fileId, name, size }) => ({ fileId, name, size })));
      setLoaded('ready');
    });
  }, [noticeId, attempt]);

  const save = async () => {
    const local =
      formProblem(title, body) ??
      (noticeId ? null : audienceProblem(sendTo)) ??
      (uploading > 0 ? '附件还在上传，请稍候' : null);
    const fields = {
      title: title.trim(),
      body: body.trim(),
      category,
      pinned,
      requireConfirm,
      confirmBy: requireConfirm && confirmBy ? `${confirmBy}T23:59:00+08:00` : null,
      attachments,
    };
    const saved = await submit(local, async () => {
      if (noticeId) {
        const r = await noticeApi.update({ noticeId, patch: fields });
        return r.ok ? { ok: true as const, data: r.data.noticeId } : r;
      }
      const a = audienceOf(sendTo);
      const r = await noticeApi.create({
        ...fields,
        requestId: requestId.current,
        ...(isBureauKind(sendTo.kind)
          ? { scope: 'bureau' as const, ...(sendTo.kind === 'branches' ? { branchIds: sendTo.branchIds } : {}) }
          : { scope: 'branch' as const }),
        ...(a ? { audience: a } : {}),
      });
      return r.ok ? { ok: true as const, data: r.data.noticeId } : r;
    });
    if (!saved) return;
    noteNoticeChanged();
    void Taro.showToast({ title: noticeId ? '已保存' : '已发布', icon: 'success' });
    if (noticeId) void Taro.navigateBack();
    // The poster goes on to see who reads it (opening the notice would count them as a reader).
    else void Taro.redirectTo({ url: `/packages/notice/receipts/index?id=${encodeURIComponent(saved)}` });
  };

  if (loaded === 'loading') return <LoadingState />;
  if (loaded !== 'ready') {
    return (
      <ErrorState
        message={loaded.message}
        code={loaded.code}
        notFoundTitle="该通知不存在或已撤回"
        onRetry={() => {
          setLoaded('loading');
          setAttempt((n) => n + 1);
        }}
      />
    );
  }

  const categoryNames = NOTICE_CATEGORIES.map((c) => NOTICE_CATEGORY_NAMES[c]);

  return (
    <View className="page">
      <FormGroup title="内容">
        <FormInput label="标题" value={title} onChange={setTitle} maxlength={NOTICE_TITLE_MAX} required />
        <FormTextarea
          label="正文"
          value={body}
          onChange={setBody}
          maxlength={NOTICE_BODY_MAX}
          placeholder="请填写通知正文，可分段；链接会显示为可复制的文字"
        />
        <FormPicker
          label="类别"
          options={categoryNames}
          index={NOTICE_CATEGORIES.indexOf(category)}
          onChange={(i) => setCategory(NOTICE_CATEGORIES[i] ?? 'notice')}
        />
      </FormGroup>

      <AttachmentsField
        attachments={attachments}
        onChange={setAttachments}
        folder="notices"
        group={member.memberId}
        onUploading={setUploading}
        make={(a) => a}
      />

      <FormGroup title="选项">
        <View className="form-cell">
          <Text className="form-cell__label">置顶</Text>
          <View style={{ flex: 1 }} />
          <Switch checked={pinned} color="#07c160" aria-label="置顶" onChange={(e) => setPinned(e.detail.value)} />
        </View>
        <View className="form-cell">
          <Text className="form-cell__label">需要签收</Text>
          <View style={{ flex: 1 }} />
          <Switch
            checked={requireConfirm}
            color="#07c160"
            aria-label="需要签收"
            onChange={(e) => setRequireConfirm(e.detail.value)}
          />
        </View>
        {requireConfirm ? (
          <FormDate
            label="签收截止"
            value={confirmBy}
            onChange={setConfirmBy}
            start={new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)}
            placeholder="不限"
            onClear={() => setConfirmBy('')}
          />
        ) : null}
      </FormGroup>

      {noticeId ? null : (
        <>
          <AudienceChooser
            title="发送给"
            kinds={admin ? [...BUREAU_KINDS, ...BRANCH_KINDS] : BRANCH_KINDS}
            memberTitle="选择接收的党员"
            branchId={member.branchId}
            value={sendTo}
            onChange={setSendTo}
          />
          <Text className="notice-editor__hint">应读人员在发布时确定，之后加入的党员不计入本通知。</Text>
        </>
      )}

      <FormProblem problem={problem} />
      <FormActions>
        <Button loading={saving} onClick={() => void save()}>
          {noticeId ? '保存修改' : '发布通知'}
        </Button>
      </FormActions>
    </View>
  );
}
