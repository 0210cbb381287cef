import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { TaskDetailView, useStudyTask } from '@/features/study';
import { ErrorState, LoadingState } from '@/ui';

/** One study task, opened from the 学习 list or the home card (`?id=`). */
export default function StudyTaskPage() {
  const { params } = useRouter();
  const { state, reload } = useStudyTask(params.id ?? '');

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <View className="page">
      {state.status === 'loading' ? <LoadingState /> : null}
      {state.status === 'error' ? (
        <ErrorState message={state.message} code={state.code} onRetry={() => void reload()} />
      ) : null}
      {state.status === 'ready' ? <TaskDetailView task={state.data} onChanged={() => void reload()} /> : null}
    </View>
  );
}
