import Taro from '@tarojs/taro';

/**
 * WeChat delivers a subscribe message only to a member who agreed to receive it, one message per
 * agreement, asked for from a tap. The template is the mini program's own (TARO_APP_SUBSCRIBE_TEMPLATE_ACTIVITY,
 * the same id as the functions' SUBSCRIBE_TEMPLATE_ACTIVITY); without it, or outside WeChat, nothing is offered.
 */
export function canSubscribeToReminders(): boolean {
  return process.env.TARO_ENV === 'weapp' && !!process.env.TARO_APP_SUBSCRIBE_TEMPLATE_ACTIVITY;
}

export async function subscribeToReminder(): Promise<boolean> {
  const template = process.env.TARO_APP_SUBSCRIBE_TEMPLATE_ACTIVITY;
  if (process.env.TARO_ENV !== 'weapp' || !template) return false;
  try {
    const result = (await Taro.requestSubscribeMessage({ tmplIds: [template], entityIds: [] })) as Record<
      string,
      unknown
    >;
    return result[template] === 'accept';
  } catch {
    return false;
  }
}
