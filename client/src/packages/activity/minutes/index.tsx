import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { leavePage, useActivity } from '@/features/activity';
import { MinutesEditor } from '@/features/activity/manage';
import { ErrorState, LoadingState } from '@/ui';

export default function MinutesPage() {
  const { params } = useRouter();
  const { state, reload } = useActivity(params.id ?? '');

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
        <MinutesEditor activity={state.data} onSaved={() => setTimeout(leavePage, 800)} />
      ) : null}
    </View>
  );
}
