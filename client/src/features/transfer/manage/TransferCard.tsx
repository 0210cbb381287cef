import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { TransferItem } from '@zhibu/types';
import { useState } from 'react';
import { beijingToday, formatDate } from '@/features/member';
import { Button, FormGroup, FormTextarea, showFailureToast } from '@/ui';
import { transferApi } from '../api';
import { routeText, TRANSFER_STATUS_LABELS, waitingText } from '../format';

interface Props {
  item: TransferItem;
  /** After an accept or a return: the transfer as it is now. */
  onDecided: (item: TransferItem) => void;
}

/** One transfer: who, from where to where, how long it has waited; 接收 / 退回 for whoever decides. */
export function TransferCard({ item, onDecided }: Props) {
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  const decide = async (accept: boolean) => {
    if (busy) return;
    if (!accept && reason.trim() === '') {
      void Taro.showToast({ title: '请填写退回原因', icon: 'none' });
      return;
    }
    setBusy(true);
    const result = accept
      ? await transferApi.accept(item.transferId)
      : await transferApi.giveBack(item.transferId, reason.trim());
    setBusy(false);
    if (!result.ok) return showFailureToast(result);
    setReturning(false);
    onDecided(result.data);
  };

  const pending = item.status === 'pending';
  return (
    <View className="transfer-card" data-transfer={item.transferId}>
      <View className="transfer-card__head">
        <Text className="transfer-card__name">{item.memberName}</Text>
        <Text className={`transfer-card__status${pending ? ' transfer-card__status--pending' : ''}`}>
          {TRANSFER_STATUS_LABELS[item.status]}
        </Text>
      </View>
      <Text className="transfer-card__line">{routeText(item)}</Text>
      {item.letterNo ? <Text className="transfer-card__line">介绍信：{item.letterNo}</Text> : null}
      {item.date ? <Text className="transfer-card__line">日期：{formatDate(item.date)}</Text> : null}
      <Text className="transfer-card__line">
        {item.startedByName} 于 {formatDate(beijingToday(new Date(item.startedAt)))} 办理 ·{' '}
        <Text className={pending && item.waitingDays >= 7 ? 'transfer-card__wait' : ''}>{waitingText(item)}</Text>
      </Text>
      {item.decidedByName && !pending && item.kind === 'within' ? (
        <Text className="transfer-card__line">
          {item.decidedByName}
          {item.status === 'returned' ? `退回：${item.reason ?? ''}` : '已接收'}
        </Text>
      ) : null}
      {item.canDecide && returning ? (
        <FormGroup>
          <FormTextarea
            label="退回原因"
            value={reason}
            maxlength={200}
            placeholder="如：材料不全、转错支部"
            onChange={setReason}
          />
        </FormGroup>
      ) : null}
      {item.canDecide ? (
        <View className="transfer-card__actions">
          {returning ? (
            <>
              <Button kind="secondary" onClick={() => setReturning(false)}>
                取消
              </Button>
              <Button kind="warn" loading={busy} onClick={() => void decide(false)}>
                确认退回
              </Button>
            </>
          ) : (
            <>
              <Button kind="secondary" onClick={() => setReturning(true)}>
                退回
              </Button>
              <Button loading={busy} onClick={() => void decide(true)}>
                接收
              </Button>
            </>
          )}
        </View>
      ) : null}
    </View>
  );
}
