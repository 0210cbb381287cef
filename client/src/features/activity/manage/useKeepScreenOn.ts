import Taro from '@tarojs/taro';
import { useEffect } from 'react';

/** Keeps the phone's screen lit while `on` (the mini program only; a browser decides for itself). */
export function useKeepScreenOn(on: boolean): void {
  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp' || !on) return undefined;
    void Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined);
    return () => {
      void Taro.setKeepScreenOn({ keepScreenOn: false }).catch(() => undefined);
    };
  }, [on]);
}
