import Taro from '@tarojs/taro';
import { signOut as forgetToken } from '@/services';
import { loadSession, resetSession } from './session';

const SIGN_IN_PAGE = process.env.TARO_ENV === 'h5' ? 'pages/login/index' : 'pages/bind/index';
export const HOME_PAGE = '/pages/index/index';

let redirecting = false;

/**
 * Sends the member to sign in: the demo-user picker in H5, the binding page in the mini program.
 * Several calls can fail together; only the first one navigates.
 */
export function goToSignIn(): void {
  const pages = Taro.getCurrentPages();
  const current = pages[pages.length - 1]?.route?.replace(/^\//, '');
  if (redirecting || current === SIGN_IN_PAGE) return;
  redirecting = true;
  void Taro.reLaunch({ url: `/${SIGN_IN_PAGE}` }).finally(() => {
    redirecting = false;
  });
}

/** Leaves the current demo user (H5 only) and opens the picker again. */
export function signOut(): void {
  forgetToken();
  resetSession();
  goToSignIn();
}

/** After signing in as someone else: forget the old member and start over from the home tab. */
export function enterAsNewMember(): void {
  resetSession();
  void Taro.reLaunch({ url: HOME_PAGE });
}

/** Opens the demo-user picker on top of 我的 (H5 only), so backing out keeps the current member. */
export function switchDemoUser(): void {
  void Taro.navigateTo({ url: `/${SIGN_IN_PAGE}` });
}

/** On the binding page: asks again whether this WeChat user is bound yet, and enters if so. */
export async function recheckBinding(): Promise<boolean> {
  const session = await loadSession();
  if (session.status !== 'ready') return false;
  void Taro.reLaunch({ url: HOME_PAGE });
  return true;
}
