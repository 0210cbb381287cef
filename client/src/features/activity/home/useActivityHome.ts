import { useDidShow } from '@tarojs/taro';
import type { ActivityHome } from '@zhibu/types';
import { useCallback, useEffect, useState } from 'react';
import { activityApi } from '../api';

/**
 * 首页's activity cards read one answer (activity.home). A failure leaves the cards out rather than
 * filling the home page with errors; the 活动 tab says what went wrong.
 */
export function useActivityHome(refreshKey: number): ActivityHome | null {
  const [home, setHome] = useState<ActivityHome | null>(null);
  const load = useCallback(async () => {
    const result = await activityApi.home();
    if (result.ok) setHome(result.data);
  }, []);
  useEffect(() => {
    void load();
  }, [load, refreshKey]);
  useDidShow(() => {
    void load();
  });
  return home;
}
