import type { Result } from '@zhibu/types';
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
  /** Pages loaded so far. */
  pages: number;
  loadingMore: boolean;
  /** The last load-more failed; the footer offers to try again. */
  moreFailed: boolean;
}

export interface PagedList<T> extends PagedListState<T> {
  hasMore: boolean;
  /** Page 1 again (pull-down refresh). A failed refresh keeps what is shown. */
  reload: () => Promise<void>;
  /** The next page (reaching the bottom); ignored while one is loading or when there is no more. */
  loadMore: () => Promise<void>;
  /** Changes loaded items in place, e.g. after editing one. */
  update: (change: (items: T[]) => T[]) => void;
}

interface Options<T> {
  /** Filters the list depends on: when it changes the list starts again from page 1. */
  key?: string;
  pageSize?: number;
  /** Identity of an item, so a row that moved to the next page between loads is not shown twice. */
  idOf: (item: T) => string;
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

/**
 * A server-paged list, as every list in the app is: page 1 on mount and whenever `key` changes,
 * the next page on demand. Answers that arrive after the filters changed are dropped.
 */
export function usePagedList<T>(load: PageLoader<T>, { key = '', pageSize = 20, idOf }: Options<T>): PagedList<T> {
  const [state, setState] = useState<PagedListState<T>>(initial);
  const loadRef = useRef(load);
  loadRef.current = load;
  const idRef = useRef(idOf);
  idRef.current = idOf;
  const stateRef = useRef(state);
  stateRef.current = state;
  /** Bumped whenever page 1 is asked for again; older answers are then ignored. */
  const generation = useRef(0);
  const loadingMore = useRef(false);

  const fetchFirst = useCallback(
    async (reset: boolean): Promise<void> => {
      generation.current += 1;
      const asked = generation.current;
      loadingMore.current = false;
      setState((current) =>
        reset || current.status === 'error' ? initial<T>() : { ...current, loadingMore: false, moreFailed: false },
      );
      const result = await loadRef.current(1, pageSize);
      if (asked !== generation.current) return;
      if (result.ok) {
        setState({ ...initial<T>(), items: result.data.items, total: result.data.total, status: 'ready', pages: 1 });
        return;
      }
      showFailureToast(result);
      setState((current) =>
        current.status === 'ready' ? current : { ...initial<T>(), status: 'error', message: result.message },
      );
    },
    [pageSize],
  );

  const reload = useCallback(() => fetchFirst(false), [fetchFirst]);

  const loadMore = useCallback(async (): Promise<void> => {
    const current = stateRef.current;
    if (loadingMore.current || current.status !== 'ready' || current.pages * pageSize >= current.total) return;
    loadingMore.current = true;
    const asked = generation.current;
    setState((s) => ({ ...s, loadingMore: true, moreFailed: false }));
    const result = await loadRef.current(current.pages + 1, pageSize);
    if (asked !== generation.current) return;
    loadingMore.current = false;
    if (!result.ok) {
      showFailureToast(result);
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

  useEffect(() => {
    void fetchFirst(true);
  }, [fetchFirst, key]);

  return {
    ...state,
    hasMore: state.status === 'ready' && state.pages * pageSize < state.total,
    reload,
    loadMore,
    update,
  };
}
