import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { AttendanceView, useAttendance } from '@/features/activity/manage';
import { ErrorState, LoadingState } from '@/ui';
import { usePullToReload } from '@/hooks/usePullToReload';

export default function AttendancePage() {
  const { params } = useRouter();
  const { state, reload, replace } = useAttendance(params.id ?? '');

  usePullToReload(reload);

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
        <AttendanceView activity={state.activity} attendance={state.attendance} onChanged={replace} />
      ) : null}
    </View>
  );
}
