import type { Result } from '@zhibu/types';
import { useCallback, useEffect, useRef, useState } from 'react';
import { showFailureToast } from '@/ui';

export type RemoteData<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; message: string };

/**
 * Loads one Result on mount and on `reload` (pull-down refresh). A failed reload keeps what is
 * already shown; every failure is announced with a toast.
 */
export function useRemoteData<T>(load: () => Promise<Result<T>>) {
  const [state, setState] = useState<RemoteData<T>>({ status: 'loading' });
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(async (): Promise<void> => {
    setState((current) => (current.status === 'error' ? { status: 'loading' } : current));
    const result = await loadRef.current();
    if (result.ok) {
      setState({ status: 'ready', data: result.data });
      return;
    }
    showFailureToast(result);
    setState((current) => (current.status === 'ready' ? current : { status: 'error', message: result.message }));
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { state, reload };
}
