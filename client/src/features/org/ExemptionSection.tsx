import { Input, Picker, Text, View } from '@tarojs/components';
import type { Exemption, ExemptionReason } from '@zhibu/types';
import { useCallback, useState } from 'react';
import { useRemoteData } from '@/hooks/useRemoteData';
import { Button, Cell, CellGroup, showFailureToast } from '@/ui';
import { orgApi } from './api';
import { confirm, toastDone } from './confirm';

/** The reasons' Chinese names (a copy of the contract's, so the mini program does not bundle zod). */
const REASONS: { reason: ExemptionReason; label: string }[] = [
  { reason: 'sick_leave', label: '长期病休' },
  { reason: 'frail', label: '年老体弱' },
  { reason: 'away', label: '外出流动' },
  { reason: 'other', label: '其他' },
];

const beijingToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const STATUS: Record<Exemption['status'], string> = { active: '有效', ended: '已提前结束', revoked: '已撤销' };

/**
 * 免于参加组织生活 on a member's page: the record for the committee, and adding or ending one for
 * the branch secretary and the bureau (the server decides who may; `canManage` says so).
 */
export function ExemptionSection({ memberId }: { memberId: string }) {
  const load = useCallback(() => orgApi.exemptions(memberId), [memberId]);
  const { state, reload } = useRemoteData(load);
  const [adding, setAdding] = useState(false);
  const [reason, setReason] = useState<ExemptionReason>('sick_leave');
  const [from, setFrom] = useState(beijingToday);
  const [to, setTo] = useState(beijingToday);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  if (state.status !== 'ready') return null;
  const { items, canManage } = state.data;
  if (items.length === 0 && !canManage) return null;

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    const result = await orgApi.addExemption({
      memberId,
      reason,
      from,
      to,
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    setBusy(false);
    if (!result.ok) return showFailureToast(result);
    toastDone('已批准');
    setAdding(false);
    void reload();
  };

  const end = async (item: Exemption) => {
    const sure = await confirm({
      title: '结束免于参加组织生活',
      content: `从明天起，${item.memberName}重新计入之后新发起活动的应到人数。确定结束吗？`,
      confirmText: '结束',
      danger: true,
    });
    if (!sure || busy) return;
    setBusy(true);
    const result = await orgApi.endExemption({ exemptionId: item.exemptionId });
    setBusy(false);
    if (!result.ok) return showFailureToast(result);
    toastDone(result.data.status === 'revoked' ? '已撤销' : '已结束');
    void reload();
  };

  return (
    <CellGroup title="免于参加组织生活">
      {items.length === 0 ? <Cell label="暂无记录" /> : null}
      {items.map((item) => (
        <View key={item.exemptionId}>
          <Cell
            label={`${item.reasonName}${item.note ? `：${item.note}` : ''}`}
            value={`${item.from} 至 ${item.to} · ${item.current ? '免于参加中' : STATUS[item.status]}`}
          />
          {canManage && item.status === 'active' ? (
            <Cell label={item.current ? '提前结束' : '撤销'} action="danger" onClick={() => void end(item)} />
          ) : null}
        </View>
      ))}
      {canManage && !adding ? <Cell label="办理免于参加组织生活" onClick={() => setAdding(true)} /> : null}
      {adding ? (
        <View className="exemption-form">
          <View className="exemption-form__reasons">
            {REASONS.map((r) => (
              <Text
                key={r.reason}
                className={`exemption-form__reason${reason === r.reason ? ' exemption-form__reason--on' : ''}`}
                onClick={() => setReason(r.reason)}
              >
                {r.label}
              </Text>
            ))}
          </View>
          <Picker mode="date" value={from} onChange={(e) => setFrom(String(e.detail.value))}>
            <Cell label="开始日期" value={from} />
          </Picker>
          <Picker mode="date" value={to} start={from} onChange={(e) => setTo(String(e.detail.value))}>
            <Cell label="结束日期" value={to} />
          </Picker>
          {reason === 'away' ? <Text className="exemption-form__hint">外出流动须满六个月。</Text> : null}
          {reason === 'other' ? (
            <Input
              className="exemption-form__note"
              value={note}
              maxlength={200}
              placeholder="请写明原因"
              onInput={(e) => setNote(e.detail.value)}
            />
          ) : null}
          <View className="exemption-form__actions">
            <Button kind="secondary" onClick={() => setAdding(false)}>
              取消
            </Button>
            <Button loading={busy} onClick={() => void submit()}>
              批准
            </Button>
          </View>
        </View>
      ) : null}
    </CellGroup>
  );
}
