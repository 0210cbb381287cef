import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { noticeApi } from '@/features/notice';
import { ReceiptsView } from '@/features/notice/manage';
import { useRemoteData } from '@/hooks/useRemoteData';
import { ErrorState, LoadingState } from '@/ui';
import { usePullToReload } from '@/hooks/usePullToReload';

/** 阅读回执 of one notice (`?id=`), or of one branch of a bureau notice (`&branch=`). */
export default function NoticeReceiptsPage() {
  const { params } = useRouter();
  const noticeId = params.id ?? '';
  const branchId = params.branch || undefined;
  const { state, reload } = useRemoteData(() => noticeApi.receipts(noticeId, branchId));

  usePullToReload(reload);

  return (
    <View className="page">
      {state.status === 'loading' ? <LoadingState /> : null}
      {state.status === 'error' ? (
        <ErrorState message={state.message} code={state.code} onRetry={() => void reload()} />
      ) : null}
      {state.status === 'ready' ? <ReceiptsView receipts={state.data} onChanged={() => void reload()} /> : null}
    </View>
  );
}
