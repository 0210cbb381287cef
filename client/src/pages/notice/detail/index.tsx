import { View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useRef } from 'react';
import { noticeApi, NoticeDetailView, noteNoticeChanged } from '@/features/notice';
import { useRemoteData } from '@/hooks/useRemoteData';
import { ErrorState, LoadingState } from '@/ui';
import { usePullToReload } from '@/hooks/usePullToReload';

/** One notice; opened from a list, the home page, or a WeChat reminder (`?id=`). Opening it reads it. */
export default function NoticeDetailPage() {
  const { params } = useRouter();
  const noticeId = params.id ?? '';
  const { state, reload } = useRemoteData(async () => {
    const result = await noticeApi.get(noticeId);
    if (result.ok) noteNoticeChanged();
    return result;
  });
  const shown = useRef(false);

  usePullToReload(reload);
  // Back from editing: show the change.
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
      {state.status === 'ready' ? <NoticeDetailView notice={state.data} onChanged={() => void reload()} /> : null}
    </View>
  );
}
