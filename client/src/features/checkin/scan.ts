import Taro from '@tarojs/taro';
import { ACTIVITY_PAGES } from '@/features/activity';
import { tokenFromScan } from './scene';

/** The check-in page for a token (or, with none, the page that asks for one). */
export function checkinUrl(token?: string): string {
  return token ? `${ACTIVITY_PAGES.checkin}?scene=${encodeURIComponent(token)}` : ACTIVITY_PAGES.checkin;
}

function isCancel(error: unknown): boolean {
  const errMsg = typeof error === 'object' && error !== null && 'errMsg' in error ? String(error.errMsg) : '';
  return errMsg.includes('cancel');
}

/**
 * 扫码签到: in the mini program, WeChat's scanner, then the check-in page with the token found. The
 * H5 build cannot open the camera; it opens the check-in page, where the link or code can be pasted.
 * `replace` swaps the current page (used on the check-in page itself) instead of stacking another.
 */
export async function scanToCheckIn(replace = false): Promise<void> {
  const open = (url: string) => void (replace ? Taro.redirectTo({ url }) : Taro.navigateTo({ url }));
  if (process.env.TARO_ENV !== 'weapp') {
    open(checkinUrl());
    return;
  }
  try {
    // No scanType: the default set also reads this mini program's own code (小程序码), not only QR codes.
    const scan = await Taro.scanCode({ onlyFromCamera: true });
    const token = tokenFromScan(scan);
    if (!token) {
      void Taro.showModal({
        title: '不是签到二维码',
        content: '请扫描活动现场屏幕上显示的支部活动签到二维码。',
        showCancel: false,
        confirmText: '知道了',
      });
      return;
    }
    open(checkinUrl(token));
  } catch (error) {
    if (isCancel(error)) return;
    void Taro.showToast({ title: '无法打开扫一扫，请稍后重试', icon: 'none', duration: 3000 });
  }
}
