import type { Result } from '@zhibu/types';
import { signInAs } from '@/services';

const LETTERS = 'abcdefghijkmnpqrstuvwxyz23456789';

/** An openid nobody is bound to, in the shape WeChat's have (letters and digits, under 64). */
export function newWeChatOpenid(random: () => number = Math.random): string {
  let tail = '';
  for (let i = 0; i < 12; i++) tail += LETTERS[Math.floor(random() * LETTERS.length)] ?? 'a';
  return `wx_new_${tail}`;
}

/**
 * Signs in (H5 only) as a WeChat user who has just opened the mini program for the first time:
 * the server knows the identity but no member, so the next step is binding with an invite code.
 */
export function signInAsNewWeChatUser(): Promise<Result<null>> {
  return signInAs(newWeChatOpenid());
}
