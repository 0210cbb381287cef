import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { MemberListItem } from '@zhibu/types';
import { useCallback, useState } from 'react';
import { beijingToday, formatDate } from '@/features/member';
import { useRemoteData } from '@/hooks/useRemoteData';
import {
  Button,
  ErrorState,
  FormActions,
  FormDate,
  FormGroup,
  FormPicker,
  FormTextarea,
  LoadingState,
  showFailureToast,
} from '@/ui';
import { orgApi } from './api';
import { markOrgChanged } from './changes';
import { confirm, toastDone } from './confirm';
import { LEAVE_REASON_LABELS, LEAVE_REASON_OPTIONS, type LeaveReason } from './labels';
import './Deactivate.css';

function Form({ member }: { member: MemberListItem }) {
  const [reason, setReason] = useState<LeaveReason>('transfer_out');
  const [effectiveDate, setEffectiveDate] = useState(beijingToday);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const sure = await confirm({
      title: '确认调出',
      content: `${member.name}将于${formatDate(effectiveDate)}起不再计入本支部（${LEAVE_REASON_LABELS[reason]}），其微信也不能再登录支部通。档案会保留备查。`,
      confirmText: '确认',
      danger: true,
    });
    if (!sure || saving) return;
    setSaving(true);
    const result = await orgApi.deactivateMember({
      memberId: member.memberId,
      reason,
      effectiveDate,
      note: note.trim() || undefined,
    });
    setSaving(false);
    if (!result.ok) return showFailureToast(result);
    markOrgChanged();
    toastDone('已办理');
    void Taro.navigateBack();
  };

  return (
    <View>
      <View className="deactivate__intro">
        <Text className="deactivate__title">为 {member.name} 办理调出</Text>
        <Text className="deactivate__hint">
          组织关系转出、去世等情况在此登记。办理后该党员不再出现在名册和统计中，已有的活动与学习记录保留。
        </Text>
      </View>
      <FormGroup>
        <FormPicker
          label="原因"
          required
          options={LEAVE_REASON_OPTIONS.map((r) => LEAVE_REASON_LABELS[r])}
          index={LEAVE_REASON_OPTIONS.indexOf(reason)}
          onChange={(i) => setReason(LEAVE_REASON_OPTIONS[i] ?? 'transfer_out')}
        />
        <FormDate label="生效日期" required value={effectiveDate} display={formatDate} onChange={setEffectiveDate} />
        <FormTextarea
          label="备注"
          value={note}
          maxlength={200}
          placeholder="如：转入单位、介绍信编号（选填）"
          onChange={setNote}
        />
      </FormGroup>
      <FormActions>
        <Button kind="warn" loading={saving} onClick={() => void submit()}>
          确认调出
        </Button>
      </FormActions>
    </View>
  );
}

/** 办理调出: the member leaves the branch's roster and statistics, with a reason and a date. */
export function DeactivateForm({ memberId }: { memberId: string }) {
  const load = useCallback(() => orgApi.getMember(memberId), [memberId]);
  const { state, reload } = useRemoteData(load);
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error')
    return <ErrorState message={state.message} code={state.code} onRetry={() => void reload()} />;
  if (!state.data.active) {
    return (
      <View className="deactivate__intro">
        <Text className="deactivate__title">{state.data.name} 已调出或停用</Text>
      </View>
    );
  }
  return <Form member={state.data} />;
}
