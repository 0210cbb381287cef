import Taro from '@tarojs/taro';

interface ConfirmOptions {
  title: string;
  content: string;
  confirmText?: string;
  /** A red confirm button, for what cannot easily be undone. */
  danger?: boolean;
}

/** WeChat's own confirm dialog; resolves true only when the member tapped the confirm button. */
export async function confirm({ title, content, confirmText = '确定', danger = false }: ConfirmOptions) {
  try {
    const answer = await Taro.showModal({
      title,
      content,
      confirmText,
      cancelText: '取消',
      confirmColor: danger ? '#fa5151' : '#07c160',
    });
    return answer.confirm;
  } catch {
    return false;
  }
}

/** A short success toast after an action. */
export function toastDone(title: string): void {
  void Taro.showToast({ title, icon: 'success', duration: 1500 });
}
