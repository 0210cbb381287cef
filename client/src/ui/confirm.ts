import Taro from '@tarojs/taro';

interface ConfirmOptions {
  title: string;
  content: string;
  confirmText?: string;
  /** A red confirm button, for what cannot easily be undone. */
  danger?: boolean;
}

/** The colours of every dialog's buttons, WeChat's own and the text dialogs alike. */
export const DIALOG_COLORS = { confirm: '#07c160', danger: '#fa5151', cancel: '#191919' } as const;

/** WeChat's own confirm dialog; resolves true only when the member tapped the confirm button. */
export async function confirm({ title, content, confirmText = '确定', danger = false }: ConfirmOptions) {
  try {
    const answer = await Taro.showModal({
      title,
      content,
      confirmText,
      cancelText: '取消',
      confirmColor: danger ? DIALOG_COLORS.danger : DIALOG_COLORS.confirm,
      cancelColor: DIALOG_COLORS.cancel,
    });
    return answer.confirm;
  } catch {
    return false;
  }
}
