import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Development login for the H5 build: a token that names an openid, signed with the local
 * runtime's secret. It stands in for what WeChat does in production — the platform, not the
 * client, says who is calling — so a token cannot be forged by editing it.
 */
export function signToken(openid: string, secret: string): string {
  const body = Buffer.from(openid, 'utf8').toString('base64url');
  return `${body}.${mac(body, secret)}`;
}

export function verifyToken(token: string, secret: string): string | null {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(body, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return Buffer.from(body, 'base64url').toString('utf8');
}

function mac(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}

/** Openids are opaque to us, but a sane one is short and printable (WeChat's are 28 characters). */
export const OPENID_PATTERN = /^[A-Za-z0-9_-]{6,64}$/;

export function openidFromHeader(header: string | undefined, secret: string): string | null {
  if (!header?.startsWith('Bearer ')) return null;
  return verifyToken(header.slice('Bearer '.length).trim(), secret);
}
