import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { Result, Timeline } from '@zhibu/types';
import { useCallback } from 'react';
import emptyImage from '@/assets/empty/activity.png';
import { developmentApi } from '@/features/development/api';
import { TimelineView } from '@/features/development/manage/TimelineView';
import { canManage, isBureauAdmin, useSession } from '@/features/member';
import { useRemoteData } from '@/hooks/useRemoteData';
import { EmptyState, ErrorState, LoadingState } from '@/ui';
import { usePullToReload } from '@/hooks/usePullToReload';

/** One candidate's timeline (`?id=`), or the caller's own without an id: what is next, what is done, the forms. */
export default function DevelopmentTimelinePage() {
  const { params } = useRouter();
  const candidateId = params.id ?? '';
  const { session } = useSession();
  const load = useCallback(async (): Promise<Result<Timeline | null>> => {
    if (candidateId) return developmentApi.timeline(candidateId);
    const mine = await developmentApi.mine();
    return mine.ok ? { ok: true, data: mine.data.timeline } : mine;
  }, [candidateId]);
  const { state, reload } = useRemoteData(load);
  usePullToReload(reload);
  const me = session.status === 'ready' ? session.member : null;
  return (
    <View className="page">
      {state.status === 'loading' ? <LoadingState /> : null}
      {state.status === 'error' ? (
        <ErrorState
          message={state.message}
          code={state.code}
          notFoundTitle="没有找到该发展对象"
          onRetry={() => void reload()}
        />
      ) : null}
      {state.status === 'ready' && !state.data ? (
        <EmptyState
          image={emptyImage}
          title="还没有入党进程记录"
          description="递交入党申请书后，支部会为你开始发展程序，每一步和到期日期都会显示在这里"
        />
      ) : null}
      {state.status === 'ready' && state.data ? (
        <TimelineView
          timeline={state.data}
          manager={
            !!me &&
            me.memberId !== state.data.memberId &&
            canManage(me.roles) &&
            (isBureauAdmin(me.roles) || me.branchId === state.data.branchId)
          }
          onChanged={() => void reload()}
        />
      ) : null}
    </View>
  );
}
