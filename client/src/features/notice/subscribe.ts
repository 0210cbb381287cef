import Taro from '@tarojs/taro';

/**
 * Asks, from a tap, to receive one notice reminder (TARO_APP_SUBSCRIBE_TEMPLATE_NOTICE, the same id as
 * the function's SUBSCRIBE_TEMPLATE_NOTICE). Outside WeChat, or without a template, nothing is asked.
 * Never throws: whatever happens here, the tap that asked goes on with its own work.
 */
export async function askForNoticeReminder(): Promise<void> {
  // TARO_ENV first: the build replaces it, so H5 drops the rest. A TARO_APP_* name missing from every
  // .env file is not replaced at all and would read the browser's undefined `process`.
  if (process.env.TARO_ENV !== 'weapp') return;
  try {
    const template = process.env.TARO_APP_SUBSCRIBE_TEMPLATE_NOTICE;
    if (!template) return;
    await Taro.requestSubscribeMessage({ tmplIds: [template], entityIds: [] });
  } catch {
    // Declined, not supported or not configured: the notice still works without a reminder.
  }
}
