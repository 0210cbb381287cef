import Taro from '@tarojs/taro';
import type { Fail } from '@zhibu/types';

/**
 * The one way a failure is announced: a plain toast, long enough for an older reader.
 * UNAUTHENTICATED is not announced: the member is already being sent to sign in.
 */
export function showFailureToast(failure: Fail): void {
  if (failure.code === 'UNAUTHENTICATED') return;
  void Taro.showToast({ title: failure.message, icon: 'none', duration: 3000 });
}
