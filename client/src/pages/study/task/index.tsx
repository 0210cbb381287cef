import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { TaskDetailView, useStudyTask } from '@/features/study';
import { ErrorState, LoadingState } from '@/ui';
import { usePullToReload } from '@/hooks/usePullToReload';

/** One study task, opened from the 学习 list or the home card (`?id=`). */
export default function StudyTaskPage() {
  const { params } = useRouter();
  const { state, reload } = useStudyTask(params.id ?? '');

  usePullToReload(reload);

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
