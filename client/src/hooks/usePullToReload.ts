import Taro, { usePullDownRefresh } from '@tarojs/taro';

/** The page's pull-down: reloads what it shows, and ends the pull when that is done (or failed). */
export function usePullToReload(reload: () => Promise<unknown>): void {
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });
}
