import Taro from '@tarojs/taro';
import { signOut as forgetToken } from '@/services';
import { getToken } from '@/services/token';
import { loadSession, resetSession } from './session';

/** The H5 build's demo-user picker: it stands in for WeChat's own login, which the mini program has. */
export const PICKER_PAGE = 'pages/login/index';
/** Where a WeChat user who is not bound to a member record binds with an invite code (both builds). */
export const BIND_PAGE = 'pages/bind/index';
export const HOME_PAGE = '/pages/index/index';

const isH5 = () => process.env.TARO_ENV === 'h5';

/**
 * The mini program always has a WeChat identity, so a caller the server does not know is simply
 * not bound yet. In H5 the token plays WeChat's part: with one the caller is a WeChat user who
 * still has to bind; with none, the tester first picks who to be.
 */
function signInPage(): string {
  return isH5() && getToken() === null ? PICKER_PAGE : BIND_PAGE;
}

function currentRoute(): string | undefined {
  const pages = Taro.getCurrentPages();
  return pages[pages.length - 1]?.route?.replace(/^\//, '');
}

/**
 * Pages a member reaches by scanning a code. When such a page finds its caller signed out or not
 * yet bound, it is remembered (with its scene) and opened again once they are in, so the scan is
 * not lost on the way through sign-in or binding.
 */
const DEEP_LINK_PAGES = new Set(['pages/checkin/index']);
const RETURN_KEY = 'zhibu.returnTo';

function rememberDeepLink(): void {
  const router = Taro.getCurrentInstance().router;
  const route = router?.path?.split('?')[0]?.replace(/^\//, '');
  if (!route || !DEEP_LINK_PAGES.has(route)) return;
  const query = Object.entries(router?.params ?? {})
    .filter(([key, value]) => key !== '$taroTimestamp' && typeof value === 'string')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value as string)}`)
    .join('&');
  Taro.setStorageSync(RETURN_KEY, `/${route}${query ? `?${query}` : ''}`);
}

/** Where to go once signed in and bound: a remembered scan, else the home tab. */
export function afterSignIn(): string {
  const remembered: unknown = Taro.getStorageSync(RETURN_KEY);
  Taro.removeStorageSync(RETURN_KEY);
  return typeof remembered === 'string' && remembered.startsWith('/pages/') ? remembered : HOME_PAGE;
}

let redirecting = false;

/**
 * Sends the caller to sign in or to bind. Several calls can fail together; only the first one
 * navigates, and the pages that sign in never send anyone away from themselves.
 */
export function goToSignIn(): void {
  const current = currentRoute();
  if (redirecting || current === PICKER_PAGE || current === BIND_PAGE) return;
  redirecting = true;
  rememberDeepLink();
  void Taro.reLaunch({ url: `/${signInPage()}` }).finally(() => {
    redirecting = false;
  });
}

/** Leaves the current demo user (H5 only) and opens the picker again. */
export function signOut(): void {
  forgetToken();
  resetSession();
  redirecting = false;
  void Taro.reLaunch({ url: `/${PICKER_PAGE}` });
}

/** After signing in as someone else: forget the old member and start over from the home tab. */
export function enterAsNewMember(): void {
  resetSession();
  void Taro.reLaunch({ url: afterSignIn() });
}

/** After signing in (H5) as a WeChat user who is bound to nobody: straight to binding. */
export function enterAsUnboundUser(): void {
  resetSession();
  void Taro.reLaunch({ url: `/${BIND_PAGE}` });
}

/** Opens the demo-user picker on top of the current page (H5 only), so backing out keeps the current member. */
export function switchDemoUser(): void {
  void Taro.navigateTo({ url: `/${PICKER_PAGE}` });
}

/** On the binding page: asks again whether this WeChat user is bound yet, and enters if so. */
export async function recheckBinding(): Promise<boolean> {
  const session = await loadSession();
  if (session.status !== 'ready') return false;
  void Taro.reLaunch({ url: afterSignIn() });
  return true;
}
