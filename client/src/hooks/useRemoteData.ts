import type { ErrorCode, Result } from '@zhibu/types';
import { useCallback, useEffect, useRef, useState } from 'react';
import { showFailureToast } from '@/ui';

export type RemoteData<T> =
  { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; message: string; code?: ErrorCode };

/**
 * Loads one Result on mount and on `reload` (pull-down refresh). A failed reload keeps what is
 * already shown and says why in a toast; a failure with nothing to show becomes the error state,
 * which says it on the page (once: not in a toast as well).
 */
export function useRemoteData<T>(load: () => Promise<Result<T>>) {
  const [state, setState] = useState<RemoteData<T>>({ status: 'loading' });
  /** Whether something is on screen: then a failed reload keeps it and says why in a toast. */
  const shown = useRef(false);
  shown.current = state.status === 'ready';
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(async (): Promise<void> => {
    setState((current) => (current.status === 'error' ? { status: 'loading' } : current));
    const result = await loadRef.current();
    if (result.ok) {
      setState({ status: 'ready', data: result.data });
      return;
    }
    if (shown.current) showFailureToast(result);
    else setState({ status: 'error', message: result.message, code: result.code });
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { state, reload };
}
