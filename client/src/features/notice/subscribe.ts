import Taro from '@tarojs/taro';

/**
 * Asks, from a tap, to receive one notice reminder (TARO_APP_SUBSCRIBE_TEMPLATE_NOTICE, the same id as
 * the function's SUBSCRIBE_TEMPLATE_NOTICE). Outside WeChat, or without a template, nothing is asked.
 */
export async function askForNoticeReminder(): Promise<void> {
  const template = process.env.TARO_APP_SUBSCRIBE_TEMPLATE_NOTICE;
  if (process.env.TARO_ENV !== 'weapp' || !template) return;
  try {
    await Taro.requestSubscribeMessage({ tmplIds: [template], entityIds: [] });
  } catch {
    // Declined or not supported: the notice still works without a reminder.
  }
}
