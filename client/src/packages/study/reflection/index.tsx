import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { CompletionView } from '@zhibu/types';
import { useCallback, useState } from 'react';
import { useRemoteData } from '@/hooks/useRemoteData';
import { ReflectionReview, manageStudyApi } from '@/features/study/manage';
import { ErrorState, LoadingState } from '@/ui';

/** One member's reflection on one task (`?id=&memberId=`), to read and comment on. */
export default function StudyReflectionPage() {
  const { params } = useRouter();
  const taskId = params.id ?? '';
  const memberId = params.memberId ?? '';
  const load = useCallback(() => manageStudyApi.completion(taskId, memberId), [taskId, memberId]);
  const { state, reload } = useRemoteData(load);
  const [saved, setSaved] = useState<CompletionView | null>(null);

  return (
    <View className="page">
      {state.status === 'loading' ? <LoadingState /> : null}
      {state.status === 'error' ? (
        <ErrorState message={state.message} code={state.code} onRetry={() => void reload()} />
      ) : null}
      {state.status === 'ready' ? (
        <ReflectionReview key={saved?.comment?.at ?? 'first'} completion={saved ?? state.data} onSaved={setSaved} />
      ) : null}
    </View>
  );
}
