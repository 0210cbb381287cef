import type { ErrorCode, Result } from '@zhibu/types';
import { useCallback, useEffect, useRef, useState } from 'react';
import { showFailureToast } from '@/ui';

export interface Page<T> {
  items: T[];
  total: number;
}

/** Loads one page (1-based) of a list. */
export type PageLoader<T> = (page: number, pageSize: number) => Promise<Result<Page<T>>>;

export interface PagedListState<T> {
  items: T[];
  total: number;
  /** `loading`: nothing to show yet; `error`: the first page failed (message says why). */
  status: 'loading' | 'ready' | 'error';
  message: string;
  /** Why the first page failed, so that a refusal reads as one (没有权限查看) and offers no retry. */
  code?: ErrorCode;
  /** Pages loaded so far. */
  pages: number;
  loadingMore: boolean;
  /** The last load-more failed; the footer offers to try again. */
  moreFailed: boolean;
}

export interface PagedList<T> extends PagedListState<T> {
  hasMore: boolean;
  /**
   * Phone time (ms) page 1 was last asked for, so a list shown again can tell whether it is stale;
   * null while the list has not started (a tab not shown yet).
   */
  loadedAt: number | null;
  /** Page 1 again (pull-down refresh). A failed refresh keeps what is shown. */
  reload: () => Promise<void>;
  /** The next page (reaching the bottom); ignored while one is loading or when there is no more. */
  loadMore: () => Promise<void>;
  /** Changes loaded items in place, e.g. after editing one. */
  update: (change: (items: T[]) => T[]) => void;
}

export interface PagedListOptions<T> {
  /** Filters the list depends on: when it changes the list starts again from page 1. */
  key?: string;
  pageSize?: number;
  /** Identity of an item, so a row that moved to the next page between loads is not shown twice. */
  idOf: (item: T) => string;
  /**
   * Whether the list is shown. Page 1 is asked for only once it is, so a second tab loads when first
   * opened; hiding it again keeps what was loaded. Defaults to true.
   */
  active?: boolean;
}

const initial = <T>(): PagedListState<T> => ({
  items: [],
  total: 0,
  status: 'loading',
  message: '',
  pages: 0,
  loadingMore: false,
  moreFailed: false,
});

/** Whether another page may exist. */
function moreToLoad<T>(state: PagedListState<T>, pageSize: number): boolean {
  return state.status === 'ready' && state.items.length < state.total && state.pages * pageSize < state.total;
}

/**
 * A server-paged list, as every list in the app is: page 1 when first shown and whenever `key`
 * changes, the next page on demand. Answers that arrive after page 1 was asked for again are dropped.
 */
export function usePagedList<T>(
  load: PageLoader<T>,
  { key = '', pageSize = 20, idOf, active = true }: PagedListOptions<T>,
): PagedList<T> {
  const [state, setState] = useState<PagedListState<T>>(initial);
  const [loadedAt, setLoadedAt] = useState<number | null>(null);
  const loadRef = useRef(load);
  loadRef.current = load;
  const idRef = useRef(idOf);
  idRef.current = idOf;
  const stateRef = useRef(state);
  stateRef.current = state;
  /** Bumped whenever page 1 is asked for again; older answers are then ignored. */
  const generation = useRef(0);
  const loadingMore = useRef(false);
  /** Page 1 is wanted (on mount, after the filters changed) and has not been asked for yet. */
  const due = useRef(true);

  const fetchFirst = useCallback(
    async (reset: boolean): Promise<void> => {
      generation.current += 1;
      const asked = generation.current;
      due.current = false;
      loadingMore.current = false;
      setLoadedAt(Date.now());
      setState((current) =>
        reset || current.status === 'error' ? initial<T>() : { ...current, loadingMore: false, moreFailed: false },
      );
      const result = await loadRef.current(1, pageSize);
      if (asked !== generation.current) return;
      if (result.ok) {
        setState({ ...initial<T>(), items: result.data.items, total: result.data.total, status: 'ready', pages: 1 });
        return;
      }
      // Each failure is said once: over a list already shown, in a toast; else by the page's error state.
      if (stateRef.current.status === 'ready') showFailureToast(result);
      setState((current) =>
        current.status === 'ready'
          ? current
          : { ...initial<T>(), status: 'error', message: result.message, code: result.code },
      );
    },
    [pageSize],
  );

  const reload = useCallback(() => fetchFirst(false), [fetchFirst]);

  const loadMore = useCallback(async (): Promise<void> => {
    const current = stateRef.current;
    if (loadingMore.current || !moreToLoad(current, pageSize)) return;
    loadingMore.current = true;
    const asked = generation.current;
    setState((s) => ({ ...s, loadingMore: true, moreFailed: false }));
    const result = await loadRef.current(current.pages + 1, pageSize);
    if (asked !== generation.current) return;
    loadingMore.current = false;
    if (!result.ok) {
      // The footer says it (加载失败，点击重试); a toast as well would say it twice.
      setState((s) => ({ ...s, loadingMore: false, moreFailed: true }));
      return;
    }
    setState((s) => {
      const seen = new Set(s.items.map((item) => idRef.current(item)));
      const fresh = result.data.items.filter((item) => !seen.has(idRef.current(item)));
      return { ...s, items: [...s.items, ...fresh], total: result.data.total, pages: s.pages + 1, loadingMore: false };
    });
  }, [pageSize]);

  const update = useCallback((change: (items: T[]) => T[]) => {
    setState((s) => ({ ...s, items: change(s.items) }));
  }, []);

  // New filters make page 1 due again; it is asked for once the list is shown.
  useEffect(() => {
    due.current = true;
  }, [fetchFirst, key]);
  useEffect(() => {
    if (active && due.current) void fetchFirst(true);
  }, [active, fetchFirst, key]);

  return {
    ...state,
    hasMore: moreToLoad(state, pageSize),
    loadedAt,
    reload,
    loadMore,
    update,
  };
}
