import type { ActivityDetail } from '@zhibu/types';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RemoteData } from '@/hooks/useRemoteData';
import { showFailureToast } from '@/ui';
import { activityApi } from './api';

/**
 * One activity's detail, loaded on mount and on `reload`; `replace` takes the fresh detail an
 * action answered with (leave asked for, activity cancelled) without asking again.
 */
export function useActivity(activityId: string) {
  const [state, setState] = useState<RemoteData<ActivityDetail>>({ status: 'loading' });
  /** Whether something is on screen: then a failed reload keeps it and says why in a toast. */
  const shown = useRef(false);
  shown.current = state.status === 'ready';
  const generation = useRef(0);

  const reload = useCallback(async (): Promise<void> => {
    generation.current += 1;
    const asked = generation.current;
    if (!activityId) {
      setState({ status: 'error', message: '没有指定活动，请从活动列表进入' });
      return;
    }
    setState((current) => (current.status === 'error' ? { status: 'loading' } : current));
    const result = await activityApi.get(activityId);
    if (asked !== generation.current) return;
    if (result.ok) {
      setState({ status: 'ready', data: result.data });
      return;
    }
    // Said once: on the page when there is nothing to show, in a toast when the old detail stays.
    if (shown.current) showFailureToast(result);
    else setState({ status: 'error', message: result.message, code: result.code });
  }, [activityId]);

  const replace = useCallback((detail: ActivityDetail) => {
    generation.current += 1;
    setState({ status: 'ready', data: detail });
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { state, reload, replace };
}
