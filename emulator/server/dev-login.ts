import { isIP } from 'node:net';

/**
 * The development sign-in (`/api/dev/*` and the tokens it issues) lets anyone who can reach the
 * server act as any user. It is open only while the server listens on a loopback address, where
 * nobody else can reach it, or when the operator opts in with `ZHIBU_DEV_LOGIN=1`.
 */
export type DevLogin = 'loopback' | 'always';

export const DEV_LOGIN_REFUSED =
  '开发登录只在本机地址（127.0.0.1、::1、localhost）上开放；如确需在其他地址使用，请在启动时设置 ZHIBU_DEV_LOGIN=1';

export function isLoopback(address: string): boolean {
  const host = address.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host === '::1') return true;
  const v4 = host.startsWith('::ffff:') ? host.slice('::ffff:'.length) : host;
  return isIP(v4) === 4 && v4.split('.')[0] === '127';
}

/** Whether the sign-in is open for a server listening on `address` (null: not listening yet). */
export function devLoginOpen(policy: DevLogin, address: string | null): boolean {
  return policy === 'always' || (address !== null && isLoopback(address));
}

/** What the server prints at start about the sign-in, if anything. */
export function devLoginNotice(policy: DevLogin, host: string): string | null {
  if (policy === 'always') {
    return `警告：已设置 ZHIBU_DEV_LOGIN=1，开发登录在 ${host} 上开放，任何能访问该地址的人都能以任意党员身份登录。只在受信任的网络中使用，切勿用于真实数据。`;
  }
  if (!isLoopback(host)) return `提示：服务监听 ${host}（非本机地址），开发登录已关闭（/api/dev/* 答 403）。`;
  return null;
}
