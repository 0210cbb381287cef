import type { Result } from '@zhibu/types';
import { useCallback, useEffect, useRef, useState } from 'react';
import { showFailureToast } from '@/ui';
import { hasMore, initialPaged, withPage, type PagedState } from './paging';

type PageLoader<T> = (page: number, pageSize: number) => Promise<Result<{ items: T[]; total: number }>>;

/**
 * A paged list: the first page on mount and on `refresh` (pull-down), the next on `loadMore`
 * (reaching the bottom). Answers that arrive after a newer refresh began are dropped.
 */
export function usePagedList<T>(
  load: PageLoader<T>,
  keyOf: (item: T) => string,
  { pageSize = 20, active = true }: { pageSize?: number; active?: boolean } = {},
) {
  const [state, setState] = useState<PagedState<T>>(initialPaged);
  const stateRef = useRef(state);
  stateRef.current = state;
  const loadRef = useRef(load);
  loadRef.current = load;
  const keyRef = useRef(keyOf);
  keyRef.current = keyOf;
  const generation = useRef(0);
  const fetchingMore = useRef(false);
  const started = useRef(false);
  /** Phone time of the last first-page load, so a list shown again can tell whether it is stale. */
  const loadedAt = useRef(0);

  const refresh = useCallback(async (): Promise<void> => {
    generation.current += 1;
    started.current = true;
    loadedAt.current = Date.now();
    const asked = generation.current;
    setState((current) => (current.status === 'error' ? initialPaged<T>() : current));
    const result = await loadRef.current(1, pageSize);
    if (asked !== generation.current) return;
    if (result.ok) {
      setState((current) => withPage(current, 1, result.data, keyRef.current));
      return;
    }
    showFailureToast(result);
    setState((current) =>
      current.status === 'ready' ? current : { ...initialPaged<T>(), status: 'error', message: result.message },
    );
  }, [pageSize]);

  const loadMore = useCallback(async (): Promise<void> => {
    const current = stateRef.current;
    if (fetchingMore.current || !hasMore(current, pageSize)) return;
    fetchingMore.current = true;
    const asked = generation.current;
    const page = current.page + 1;
    setState({ ...current, loadingMore: true });
    const result = await loadRef.current(page, pageSize);
    fetchingMore.current = false;
    if (asked !== generation.current) return;
    if (result.ok) {
      setState((latest) => withPage(latest, page, result.data, keyRef.current));
      return;
    }
    showFailureToast(result);
    setState((latest) => ({ ...latest, loadingMore: false }));
  }, [pageSize]);

  // The first page is asked for when the list is first shown (a second tab loads on first visit).
  useEffect(() => {
    if (active && !started.current) void refresh();
  }, [active, refresh]);

  const isStarted = useCallback(() => started.current, []);
  const lastLoadedAt = useCallback(() => loadedAt.current, []);

  return { state, refresh, loadMore, hasMore: hasMore(state, pageSize), isStarted, lastLoadedAt };
}
