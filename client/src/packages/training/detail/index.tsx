import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback } from 'react';
import { openCheckinCode } from '@/features/activity/navigation';
import { trainingApi } from '@/features/training/api';
import { dateRange } from '@/features/training/format';
import '@/features/training/training.css';
import { useRemoteData } from '@/hooks/useRemoteData';
import { Button, Cell, CellGroup, ErrorState, FormActions, LoadingState } from '@/ui';
import { usePullToReload } from '@/hooks/usePullToReload';

/** A training: its facts, who attended (by scan or by hand), and the check-in code when it has one. */
export default function TrainingDetailPage() {
  const { params } = useRouter();
  const trainingId = params.id ?? '';
  const load = useCallback(() => trainingApi.get(trainingId), [trainingId]);
  const { state, reload } = useRemoteData(load);
  usePullToReload(reload);

  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error')
    return <ErrorState message={state.message} code={state.code} onRetry={() => void reload()} />;
  const t = state.data;
  return (
    <View className="page">
      <CellGroup title={t.title}>
        <Cell label="举办单位" value={t.organiser} />
        <Cell label="日期" value={dateRange(t.startDate, t.endDate)} />
        <Cell label="学时" value={`${t.hours} 学时`} />
        {t.checkin ? <Cell label="扫码签到" value={`受邀 ${t.invited} 人 · ${t.checkin.place}`} /> : null}
      </CellGroup>
      {t.canManage && t.activityId ? (
        <FormActions>
          <Button onClick={() => openCheckinCode(t.activityId!)}>显示签到二维码</Button>
        </FormActions>
      ) : null}
      <CellGroup title={`参加人员 ${t.attendees} 人`}>
        {t.attendeeList.length === 0 ? <Cell label="暂无" /> : null}
        {t.attendeeList.map((p) => (
          <Cell
            key={p.memberId}
            label={p.name}
            value={`${p.branchName} · ${p.source === 'scan' ? '扫码签到' : '登记'}`}
          />
        ))}
      </CellGroup>
    </View>
  );
}
