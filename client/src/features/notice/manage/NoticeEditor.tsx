import { Switch, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  MAX_ATTACHMENTS,
  NOTICE_BODY_MAX,
  NOTICE_CATEGORIES,
  NOTICE_CATEGORY_NAMES,
  NOTICE_TITLE_MAX,
  type AttachmentInput,
  type Audience,
  type Fail,
  type LoginResult,
  type NoticeCategory,
} from '@zhibu/types';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useSubmit } from '@/hooks/useSubmit';
import { usePartyGroups } from '@/features/activity';
import { uploadAttachment } from '@/services/upload';
import {
  Button,
  Cell,
  ErrorState,
  FormActions,
  FormDate,
  FormGroup,
  FormInput,
  FormPicker,
  FormProblem,
  FormTextarea,
  LoadingState,
  showFailureToast,
} from '@/ui';
import { noticeApi, noteNoticeChanged } from '../api';
import { extensionLabel } from '../attachments';
import { ACCEPT, chooseFromChat, fromBrowserFiles, type ChosenFile } from './attachmentPicker';
import '../notice.css';

type Scope = 'branch' | 'committee' | 'group' | 'bureau';

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
  const partyGroups = usePartyGroups(noticeId ? null : member.branchId) ?? [];
  const admin = member.roles.includes('admin');
  const [loaded, setLoaded] = useState<'loading' | 'ready' | Fail>(noticeId ? 'loading' : 'ready');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [category, setCategory] = useState<NoticeCategory>('notice');
  const [pinned, setPinned] = useState(false);
  const [requireConfirm, setRequireConfirm] = useState(false);
  const [confirmBy, setConfirmBy] = useState('');
  const [scope, setScope] = useState<Scope>(admin ? 'bureau' : 'branch');
  const [groupIndex, setGroupIndex] = useState(-1);
  const [attachments, setAttachments] = useState<AttachmentInput[]>([]);
  const [uploading, setUploading] = useState(0);
  const requestId = useRef(newRequestId());
  const fileInput = useRef<HTMLInputElement>(null);
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

  const upload = async (files: ChosenFile[]) => {
    setUploading((n) => n + files.length);
    for (const file of files) {
      const result = await uploadAttachment({ ...file, memberId: member.memberId });
      setUploading((n) => n - 1);
      if (!result.ok) {
        showFailureToast(result);
        continue;
      }
      setAttachments((list) => [...list, { fileId: result.data.fileID, name: file.name, size: result.data.size }]);
    }
  };
  const room = MAX_ATTACHMENTS - attachments.length - uploading;
  const addAttachment = async () => {
    if (room <= 0)
      return showFailureToast({ ok: false, code: 'INVALID_ARGUMENT', message: `最多 ${MAX_ATTACHMENTS} 个附件` });
    if (process.env.TARO_ENV === 'h5') return fileInput.current?.click();
    await upload(await chooseFromChat(room));
  };
  const browserPicked = (event: ChangeEvent<HTMLInputElement>) => {
    const files = fromBrowserFiles(event.target.files, room);
    event.target.value = '';
    void upload(files);
  };

  const audience = (): Audience | undefined => {
    if (scope === 'committee') return { kind: 'committee' };
    if (scope === 'group' && partyGroups[groupIndex])
      return { kind: 'group', partyGroupId: partyGroups[groupIndex]!.id };
    return undefined;
  };

  const save = async () => {
    const local =
      formProblem(title, body) ??
      (scope === 'group' && groupIndex < 0 ? '请选择党小组' : null) ??
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
      const a = audience();
      const r = await noticeApi.create({
        ...fields,
        requestId: requestId.current,
        ...(scope === 'bureau' ? { scope: 'bureau' as const } : { scope: 'branch' as const }),
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

  const scopes: { key: Scope; label: string }[] = [
    ...(admin ? [{ key: 'bureau' as const, label: '全部支部（局党委通知）' }] : []),
    { key: 'branch', label: '本支部全体党员' },
    { key: 'committee', label: '支部委员会' },
    ...(partyGroups.length > 0 ? [{ key: 'group' as const, label: '一个党小组' }] : []),
  ];
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

      <FormGroup
        title={`附件（${attachments.length}/${MAX_ATTACHMENTS}）`}
        footer="图片、PDF、Word、Excel、PPT，每个不超过 20 MB"
      >
        {attachments.map((a) => (
          <Cell
            key={a.fileId}
            label={
              <View className="notice-attachment">
                <Text className="notice-attachment__icon">{extensionLabel(a.name)}</Text>
                <Text className="notice-attachment__name">{a.name}</Text>
              </View>
            }
            value={
              <Text
                className="notice-editor__attachment-remove"
                onClick={() => setAttachments((list) => list.filter((x) => x.fileId !== a.fileId))}
              >
                删除
              </Text>
            }
          />
        ))}
        {uploading > 0 ? <Cell label={`正在上传 ${uploading} 个附件…`} /> : null}
        <Cell label="添加附件" onClick={() => void addAttachment()} />
        {process.env.TARO_ENV === 'h5' ? (
          <input
            ref={fileInput}
            type="file"
            multiple
            accept={ACCEPT}
            aria-label="选择附件"
            style={{ display: 'none' }}
            onChange={browserPicked}
          />
        ) : null}
      </FormGroup>

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
        <FormGroup title="发送范围" footer="应读人员在发布时确定，之后加入的党员不计入本通知。">
          <FormPicker
            label="发送给"
            options={scopes.map((s) => s.label)}
            index={scopes.findIndex((s) => s.key === scope)}
            onChange={(i) => setScope(scopes[i]?.key ?? 'branch')}
          />
          {scope === 'group' ? (
            <FormPicker
              label="党小组"
              options={partyGroups.map((g) => g.name)}
              index={groupIndex}
              onChange={setGroupIndex}
              required
            />
          ) : null}
        </FormGroup>
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
