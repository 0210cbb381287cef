import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { NoticeReceipts } from '@zhibu/types';
import { useState } from 'react';
import { Button, Cell, CellGroup, Segmented, showFailureToast } from '@/ui';
import { noticeApi } from '../api';
import { openReceipts } from '../routes';
import { noticeTime, rate } from '../text';
import '../notice.css';

type ListKey = 'unread' | 'read' | 'confirmed';

interface ReceiptsViewProps {
  receipts: NoticeReceipts;
  onChanged: () => void;
}

function Stat({ label, value, tone }: { label: string; value: number; tone?: 'good' | 'bad' }) {
  return (
    <View className="notice-stats__item">
      <Text className={`notice-stats__number${tone ? ` notice-stats__number--${tone}` : ''}`}>{value}</Text>
      <Text className="notice-stats__label">{label}</Text>
    </View>
  );
}

/** 回执: 应读 / 已读 / 已签收 / 未读 and the names, or for a bureau notice a table of branches. */
export function ReceiptsView({ receipts: r, onChanged }: ReceiptsViewProps) {
  const [tab, setTab] = useState<ListKey>('unread');
  const [reminding, setReminding] = useState(false);
  const unreadCount = r.audienceCount - r.readCount;

  const remind = async () => {
    const answer = await Taro.showModal({
      title: '提醒未读党员',
      content: r.requireConfirm
        ? '向未读或未签收的党员发送一次微信提醒？24 小时内只能提醒一次。'
        : '向未读的党员发送一次微信提醒？24 小时内只能提醒一次。',
      confirmText: '发送',
    });
    if (!answer.confirm) return;
    setReminding(true);
    const result = await noticeApi.remind(r.noticeId);
    setReminding(false);
    if (!result.ok) return showFailureToast(result);
    void Taro.showToast({ title: `已提醒 ${result.data.sent} 人`, icon: 'none' });
    onChanged();
  };

  const people =
    tab === 'unread'
      ? r.unread.map((p) => ({ key: p.memberId, name: p.name }))
      : tab === 'read'
        ? r.read.map((p) => ({ key: p.memberId, name: p.name }))
        : r.confirmed.map((p) => ({ key: p.memberId, name: p.name }));

  return (
    <>
      <View className="notice-detail">
        <Text className="notice-detail__title">{r.title}</Text>
      </View>
      <View className="notice-stats" aria-label="回执统计">
        <Stat label="应读" value={r.audienceCount} />
        <Stat label="已读" value={r.readCount} tone="good" />
        {r.requireConfirm ? <Stat label="已签收" value={r.confirmedCount} tone="good" /> : null}
        <Stat label="未读" value={unreadCount} tone={unreadCount > 0 ? 'bad' : undefined} />
      </View>

      {r.branches ? (
        <CellGroup title={`各支部阅读情况（${r.branches.length} 个支部）`}>
          {r.branches.map((b) => (
            <Cell
              key={b.branchId}
              label={b.branchName}
              value={`已读 ${rate(b.readCount, b.audienceCount)}${r.requireConfirm ? ` · 签收 ${rate(b.confirmedCount, b.audienceCount)}` : ''}`}
              onClick={() => openReceipts(r.noticeId, b.branchId)}
            />
          ))}
        </CellGroup>
      ) : (
        <CellGroup>
          <Segmented<ListKey>
            segments={[
              { key: 'unread', label: '未读', count: r.unread.length },
              { key: 'read', label: '已读', count: r.read.length },
              ...(r.requireConfirm ? [{ key: 'confirmed' as const, label: '已签收', count: r.confirmed.length }] : []),
            ]}
            value={tab}
            onChange={setTab}
          />
          <View className="notice-names">
            {people.length === 0 ? <Text className="notice-card__meta">没有人</Text> : null}
            {people.map((p) => (
              <Text key={p.key} className="notice-name">
                {p.name}
              </Text>
            ))}
          </View>
        </CellGroup>
      )}

      <CellGroup title="提醒">
        <Cell
          label="微信提醒"
          value={r.reminder ? `${noticeTime(r.reminder.sentAt)} 已提醒 ${r.reminder.sent} 人` : '尚未提醒'}
        />
      </CellGroup>
      {r.canManage ? (
        <View className="notice-confirm">
          <Button
            kind="secondary"
            loading={reminding}
            disabled={unreadCount === 0 && !r.requireConfirm}
            onClick={() => void remind()}
          >
            提醒未读党员
          </Button>
        </View>
      ) : null}
    </>
  );
}
