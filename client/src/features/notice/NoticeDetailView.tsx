import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { NoticeDetail } from '@zhibu/types';
import { useState } from 'react';
import { Button, Cell, CellGroup, showFailureToast } from '@/ui';
import { noticeApi, noteNoticeChanged } from './api';
import { AttachmentList } from '@/features/attachments';
import { openNoticeEditor, openReceipts } from './routes';
import { askForNoticeReminder } from './subscribe';
import { NOTICE_CATEGORY_NAMES, noticeTime, paragraphs } from './text';
import './notice.css';

const copy = (text: string) =>
  void Taro.setClipboardData({ data: text }).then(() => Taro.showToast({ title: '链接已复制', icon: 'none' }));

interface NoticeDetailViewProps {
  notice: NoticeDetail;
  onChanged: () => void;
}

export function NoticeDetailView({ notice, onChanged }: NoticeDetailViewProps) {
  const [confirming, setConfirming] = useState(false);
  const withdrawn = notice.status === 'withdrawn';

  const confirm = async () => {
    setConfirming(true);
    // The natural tap to ask for a reminder subscription (WeChat allows it only from a tap).
    await askForNoticeReminder();
    const result = await noticeApi.confirm(notice.noticeId);
    setConfirming(false);
    if (!result.ok) return showFailureToast(result);
    noteNoticeChanged();
    void Taro.showToast({ title: '已确认收到', icon: 'success' });
    onChanged();
  };

  const withdraw = async () => {
    // `editable` and `placeholderText` exist in WeChat (2.17.1+) and Taro's H5 modal, not in the typings.
    const options = {
      title: '撤回通知',
      editable: true,
      placeholderText: '请填写撤回原因（党员可见）',
      confirmText: '撤回',
      confirmColor: '#fa5151',
    } as Taro.showModal.Option;
    const answer = (await Taro.showModal(options)) as { confirm: boolean; content?: string };
    if (!answer.confirm) return;
    const reason = (answer.content ?? '').trim();
    if (reason.length < 2) return showFailureToast({ ok: false, code: 'INVALID_ARGUMENT', message: '请写明撤回原因' });
    const result = await noticeApi.withdraw(notice.noticeId, reason);
    if (!result.ok) return showFailureToast(result);
    noteNoticeChanged();
    onChanged();
  };

  return (
    <>
      <View className="notice-detail">
        <Text className="notice-detail__title">{notice.title}</Text>
        <View className="notice-detail__tags">
          {notice.pinned ? <Text className="notice-tag notice-tag--pinned">置顶</Text> : null}
          <Text className="notice-tag">{NOTICE_CATEGORY_NAMES[notice.category]}</Text>
          {withdrawn ? <Text className="notice-tag notice-tag--muted">已撤回</Text> : null}
          {notice.requireConfirm && !withdrawn ? (
            <Text className={`notice-tag ${notice.confirmedAt ? 'notice-tag--muted' : 'notice-tag--todo'}`}>
              {notice.confirmedAt ? '已签收' : '需要签收'}
            </Text>
          ) : null}
        </View>
        <Text className="notice-detail__meta">
          {notice.postedByName} · 发布于 {noticeTime(notice.publishedAt)}
        </Text>
        {notice.updatedAt && !withdrawn ? (
          <Text className="notice-detail__meta">已修改 · {noticeTime(notice.updatedAt)}</Text>
        ) : null}
        {notice.requireConfirm && notice.confirmBy && !withdrawn ? (
          <Text className="notice-detail__meta">请于 {noticeTime(notice.confirmBy)} 前确认收到</Text>
        ) : null}
        {withdrawn ? (
          <View className="notice-withdrawn" role="note">
            该通知已于 {notice.withdrawnAt ? noticeTime(notice.withdrawnAt) : ''} 撤回
            {notice.withdrawReason ? `，原因：${notice.withdrawReason}` : ''}
          </View>
        ) : (
          <View className="notice-detail__body">
            {paragraphs(notice.body).map((parts, i) => (
              <Text key={i} className="notice-detail__para" userSelect>
                {parts.map((part, j) =>
                  part.kind === 'link' ? (
                    <Text key={j} className="notice-detail__link" onClick={() => copy(part.text)}>
                      {part.text}
                    </Text>
                  ) : (
                    part.text
                  ),
                )}
              </Text>
            ))}
          </View>
        )}
      </View>

      {notice.attachments.length > 0 ? <AttachmentList attachments={notice.attachments} /> : null}

      {notice.inAudience && notice.requireConfirm && !withdrawn ? (
        <View className="notice-confirm">
          {notice.confirmedAt ? (
            <Text className="notice-confirm__done">已确认收到 · {noticeTime(notice.confirmedAt)}</Text>
          ) : (
            <Button loading={confirming} onClick={() => void confirm()}>
              确认收到
            </Button>
          )}
        </View>
      ) : null}

      {notice.canSeeReceipts ? (
        <CellGroup title="管理">
          <Cell label="阅读回执" value="已读、未读与签收" onClick={() => openReceipts(notice.noticeId)} />
          {notice.canManage && !withdrawn ? (
            <>
              <Cell label="编辑通知" onClick={() => openNoticeEditor(notice.noticeId)} />
              <Cell label="撤回通知" action="danger" onClick={() => void withdraw()} />
            </>
          ) : null}
        </CellGroup>
      ) : null}
    </>
  );
}
