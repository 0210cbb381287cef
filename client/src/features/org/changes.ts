import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';

/**
 * A change made on one page (a member added, a branch merged) that lists on pages underneath must
 * show when the member comes back to them. A counter is enough: a page that saw an older value
 * reloads when it is shown again.
 */
let version = 0;

export function markOrgChanged(): void {
  version += 1;
}

/** Calls `reload` when the page is shown again after a change was made elsewhere. */
export function useReloadAfterChanges(reload: () => unknown): void {
  const seen = useRef(version);
  useDidShow(() => {
    if (seen.current === version) return;
    seen.current = version;
    void reload();
  });
}
