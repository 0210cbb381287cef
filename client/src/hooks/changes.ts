import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';

/**
 * A feature's write counter on this phone. A change made on one page (a task completed, a notice
 * read, a member added) must show on the lists of pages underneath when the member comes back to
 * them, without reloading every list on every show: a page that saw an older count reloads.
 */
export interface ChangeCounter {
  mark(): void;
  count(): number;
}

export function changeCounter(): ChangeCounter {
  let count = 0;
  return {
    mark: () => {
      count += 1;
    },
    count: () => count,
  };
}

/** Calls `reload` when the page is shown again after `changes` moved on another page. */
export function useReloadAfterChanges(changes: () => number, reload: () => unknown): void {
  const seen = useRef(changes());
  useDidShow(() => {
    const now = changes();
    if (seen.current === now) return;
    seen.current = now;
    void reload();
  });
}
