import { View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useCallback, useRef } from 'react';
import { useRemoteData } from '@/hooks/useRemoteData';
import { ProgressView, manageStudyApi } from '@/features/study/manage';
import { ErrorState, LoadingState } from '@/ui';
import { usePullToReload } from '@/hooks/usePullToReload';

/** 学习进度 of one task (`?id=`). */
export default function StudyProgressPage() {
  const { params } = useRouter();
  const taskId = params.id ?? '';
  const load = useCallback(() => manageStudyApi.progress(taskId), [taskId]);
  const { state, reload } = useRemoteData(load);
  const shown = useRef(false);

  usePullToReload(reload);
  // Back from a comment: show it.
  useDidShow(() => {
    if (shown.current) void reload();
    shown.current = true;
  });

  return (
    <View className="page">
      {state.status === 'loading' ? <LoadingState /> : null}
      {state.status === 'error' ? (
        <ErrorState message={state.message} code={state.code} onRetry={() => void reload()} />
      ) : null}
      {state.status === 'ready' ? <ProgressView progress={state.data} /> : null}
    </View>
  );
}
