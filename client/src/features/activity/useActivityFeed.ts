import type { ActivitySummary } from '@zhibu/types';
import { useCallback, useRef, useState } from 'react';
import { usePagedList } from '@/hooks/usePagedList';
import { activityApi, activityChangeCount } from './api';

export type FeedScope = 'upcoming' | 'past';

const idOf = (activity: ActivitySummary) => activity.activityId;

/** A list shown again after this long is reloaded: meetings start, end and fill up meanwhile. */
const STALE_AFTER_MS = 60_000;

/**
 * The 活动 tab's two lists, 即将开始 and 已结束; the second loads when first opened. A bureau admin
 * may narrow both to one branch.
 */
export function useActivityFeed() {
  const [scope, setScope] = useState<FeedScope>('upcoming');
  const [branchId, setBranchId] = useState<string | null>(null);
  const loadUpcoming = useCallback(
    (page: number, pageSize: number) => activityApi.list('upcoming', page, pageSize, branchId ?? undefined),
    [branchId],
  );
  const loadPast = useCallback(
    (page: number, pageSize: number) => activityApi.list('past', page, pageSize, branchId ?? undefined),
    [branchId],
  );
  const upcoming = usePagedList(loadUpcoming, { idOf, key: branchId ?? '', active: scope === 'upcoming' });
  const past = usePagedList(loadPast, { idOf, key: branchId ?? '', active: scope === 'past' });
  const seenChanges = useRef(activityChangeCount());

  /** On showing the tab again: reload what changed on this phone, or what has grown stale. */
  const reloadIfStale = useCallback(() => {
    const changed = seenChanges.current !== activityChangeCount();
    seenChanges.current = activityChangeCount();
    for (const list of [upcoming, past]) {
      if (list.loadedAt === null) continue;
      if (changed || Date.now() - list.loadedAt > STALE_AFTER_MS) void list.reload();
    }
  }, [upcoming, past]);

  return { ...(scope === 'upcoming' ? upcoming : past), scope, setScope, reloadIfStale, branchId, setBranchId };
}

export type ActivityFeed = ReturnType<typeof useActivityFeed>;
