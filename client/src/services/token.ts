import Taro from '@tarojs/taro';

const TOKEN_KEY = 'zhibu.token';

/** The H5 build's sign-in token; the mini program's identity comes from WeChat and needs none. */
export function getToken(): string | null {
  const value: unknown = Taro.getStorageSync(TOKEN_KEY);
  return typeof value === 'string' && value !== '' ? value : null;
}

export function setToken(token: string): void {
  Taro.setStorageSync(TOKEN_KEY, token);
}

export function clearToken(): void {
  Taro.removeStorageSync(TOKEN_KEY);
}
