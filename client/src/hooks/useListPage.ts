import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useRef } from 'react';

interface Scrollable {
  reload(): Promise<unknown>;
  loadMore(): Promise<unknown>;
}

/**
 * A list page's gestures: pull down reloads, reaching the bottom loads the next page. With
 * `changes` (a feature's write counter), coming back to the page reloads it when something was
 * written elsewhere in the meantime, and only then.
 */
export function useListPage(list: Scrollable, changes?: () => number): void {
  const seen = useRef(changes?.());

  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void list.loadMore();
  });
  useDidShow(() => {
    if (!changes || seen.current === changes()) return;
    seen.current = changes();
    void list.reload();
  });
}
