import { View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useRef } from 'react';
import { ActivityDetailView, useActivity } from '@/features/activity';
import { ScanCheckinButton } from '@/features/checkin';
import { ErrorState, LoadingState } from '@/ui';
import { usePullToReload } from '@/hooks/usePullToReload';

/** One activity; opened from the list, from 我的出勤记录, or from a WeChat reminder (`?id=`). */
export default function ActivityDetailPage() {
  const { params } = useRouter();
  const activityId = params.id ?? '';
  const { state, reload, replace } = useActivity(activityId);
  const shown = useRef(false);

  usePullToReload(reload);
  // Coming back from the code, the attendance or the minutes: show what changed there.
  useDidShow(() => {
    if (shown.current) void reload();
    shown.current = true;
  });

  return (
    <View className="page">
      {state.status === 'loading' ? <LoadingState /> : null}
      {state.status === 'error' ? (
        <ErrorState
          message={state.message}
          code={state.code}
          notFoundTitle="该活动不存在或已取消"
          onRetry={() => void reload()}
        />
      ) : null}
      {state.status === 'ready' ? (
        <ActivityDetailView
          activity={state.data}
          onChanged={(detail) => (detail ? replace(detail) : void reload())}
          checkinAction={<ScanCheckinButton />}
        />
      ) : null}
    </View>
  );
}
