import type { ActivitySummary } from '@zhibu/types';
import { useCallback, useRef, useState } from 'react';
import { activityApi, activityChangeCount } from './api';
import { usePagedList } from './usePagedList';

export type FeedScope = 'upcoming' | 'past';

const keyOf = (activity: ActivitySummary) => activity.activityId;
const loadUpcoming = (page: number, pageSize: number) => activityApi.list('upcoming', page, pageSize);
const loadPast = (page: number, pageSize: number) => activityApi.list('past', page, pageSize);

/** A list shown again after this long is reloaded: meetings start, end and fill up meanwhile. */
const STALE_AFTER_MS = 60_000;

/** The 活动 tab's two lists, 即将开始 and 已结束; the second loads when first opened. */
export function useActivityFeed() {
  const [scope, setScope] = useState<FeedScope>('upcoming');
  const upcoming = usePagedList(loadUpcoming, keyOf, { active: scope === 'upcoming' });
  const past = usePagedList(loadPast, keyOf, { active: scope === 'past' });
  const current = scope === 'upcoming' ? upcoming : past;
  const seenChanges = useRef(activityChangeCount());

  const refresh = useCallback(() => current.refresh(), [current]);
  const loadMore = useCallback(() => current.loadMore(), [current]);

  /** On showing the tab again: reload what changed on this phone, or what has grown stale. */
  const refreshIfStale = useCallback(() => {
    const changed = seenChanges.current !== activityChangeCount();
    seenChanges.current = activityChangeCount();
    for (const list of [upcoming, past]) {
      if (!list.isStarted()) continue;
      if (changed || Date.now() - list.lastLoadedAt() > STALE_AFTER_MS) void list.refresh();
    }
  }, [upcoming, past]);

  return { scope, setScope, state: current.state, hasMore: current.hasMore, refresh, loadMore, refreshIfStale };
}

export type ActivityFeed = ReturnType<typeof useActivityFeed>;
