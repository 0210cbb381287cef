import type { ActivitySummary } from '@zhibu/types';
import { useCallback, useRef, useState } from 'react';
import { usePagedList } from '@/hooks/usePagedList';
import { activityApi, activityChangeCount } from './api';

export type FeedScope = 'upcoming' | 'past';

const idOf = (activity: ActivitySummary) => activity.activityId;
const loadUpcoming = (page: number, pageSize: number) => activityApi.list('upcoming', page, pageSize);
const loadPast = (page: number, pageSize: number) => activityApi.list('past', page, pageSize);

/** A list shown again after this long is reloaded: meetings start, end and fill up meanwhile. */
const STALE_AFTER_MS = 60_000;

/** The 活动 tab's two lists, 即将开始 and 已结束; the second loads when first opened. */
export function useActivityFeed() {
  const [scope, setScope] = useState<FeedScope>('upcoming');
  const upcoming = usePagedList(loadUpcoming, { idOf, active: scope === 'upcoming' });
  const past = usePagedList(loadPast, { idOf, active: scope === 'past' });
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

  return { ...(scope === 'upcoming' ? upcoming : past), scope, setScope, reloadIfStale };
}

export type ActivityFeed = ReturnType<typeof useActivityFeed>;
