import Taro from '@tarojs/taro';

export { confirm } from '@/ui';

/** A short success toast after an action. */
export function toastDone(title: string): void {
  void Taro.showToast({ title, icon: 'success', duration: 1500 });
}
