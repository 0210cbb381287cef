import type { LoginResult, Result } from '@zhibu/types';
import { callFunction, signOut as forgetToken } from '@/services';
import { getToken } from '@/services/token';
import { setSessionMember } from './session';

/**
 * Whether this caller has a WeChat identity to bind: always in the mini program; in H5 only with
 * a sign-in token, which stands in for WeChat there.
 */
export function hasWeChatIdentity(): boolean {
  return process.env.TARO_ENV !== 'h5' || getToken() !== null;
}

/**
 * Binds the calling WeChat user with an invite code (`member.bind`). On success the member is
 * known at once, so 首页 opens without asking again. In H5 an UNAUTHENTICATED answer means the
 * token no longer names anyone (a fresh local database, say): it is forgotten.
 */
export async function bindWithCode(code: string): Promise<Result<LoginResult>> {
  const result = await callFunction('member', 'bind', { code });
  if (result.ok) setSessionMember(result.data);
  else if (result.code === 'UNAUTHENTICATED' && process.env.TARO_ENV === 'h5') forgetToken();
  return result;
}
