import { useEffect, useSyncExternalStore } from 'react';
import { getSession, loadSession, subscribeSession } from './session';

/**
 * The signed-in member, loaded once for the whole app and shared by every page. Only a page that
 * mounts asks for it: after sign-out the pages still on screen wait for the navigation that
 * replaces them instead of asking the server again.
 */
export function useSession() {
  const session = useSyncExternalStore(subscribeSession, getSession);
  useEffect(() => {
    if (getSession().status === 'idle') void loadSession();
  }, []);
  return { session, refresh: loadSession };
}
