/** One paged list as the screens hold it. */
export interface PagedState<T> {
  status: 'loading' | 'ready' | 'error';
  items: T[];
  total: number;
  /** The last page loaded. */
  page: number;
  loadingMore: boolean;
  /** Why the first page failed (shown in place of the list). */
  message: string;
}

export function initialPaged<T>(): PagedState<T> {
  return { status: 'loading', items: [], total: 0, page: 0, loadingMore: false, message: '' };
}

/**
 * Adds a page to what is shown. Page 1 replaces the list; later pages append, skipping rows already
 * shown (a row can move to the next page when something is added meanwhile).
 */
export function withPage<T>(
  state: PagedState<T>,
  page: number,
  data: { items: T[]; total: number },
  keyOf: (item: T) => string,
): PagedState<T> {
  if (page === 1) {
    return { status: 'ready', items: data.items, total: data.total, page: 1, loadingMore: false, message: '' };
  }
  const seen = new Set(state.items.map(keyOf));
  return {
    ...state,
    status: 'ready',
    items: [...state.items, ...data.items.filter((item) => !seen.has(keyOf(item)))],
    total: data.total,
    page,
    loadingMore: false,
  };
}

/** Whether another page may exist. */
export function hasMore<T>(state: PagedState<T>, pageSize: number): boolean {
  return state.status === 'ready' && state.items.length < state.total && state.page * pageSize < state.total;
}
