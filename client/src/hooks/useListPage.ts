import { useReachBottom } from '@tarojs/taro';
import { useReloadAfterChanges } from './changes';
import { usePullToReload } from './usePullToReload';

interface Scrollable {
  reload(): Promise<unknown>;
  loadMore(): Promise<unknown>;
}

/**
 * A list page's gestures: pull down reloads, reaching the bottom loads the next page. With
 * `changes` (a feature's write counter), coming back to the page reloads it when something was
 * written elsewhere in the meantime, and only then.
 */
const unchanging = () => 0;

export function useListPage(list: Scrollable, changes?: () => number): void {
  usePullToReload(list.reload);
  useReachBottom(() => {
    void list.loadMore();
  });
  useReloadAfterChanges(changes ?? unchanging, () => list.reload());
}
