import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The rotating check-in token: `<activityId>.<slot>.<mac>`, where the slot is the 15-second window
 * it was issued in (base 36) and the mac an HMAC-SHA256 over the activity and slot with the
 * server's secret, cut to 72 bits. Only the server can issue one; it is accepted in its own slot
 * and the next (the grace slot), never after. At most 32 characters, all allowed in a mini program
 * code's scene.
 */
export const SLOT_SECONDS = 15;
const MAC_LENGTH = 12;
export const MAX_TOKEN_LENGTH = 32;

export const slotAt = (ms: number) => Math.floor(ms / 1000 / SLOT_SECONDS);

function mac(activityId: string, slot: number, secret: string): string {
  return createHmac('sha256', secret).update(`${activityId}.${slot}`).digest('base64url').slice(0, MAC_LENGTH);
}

export function issueToken(activityId: string, secret: string, now: number): { token: string; expiresAt: Date } {
  const slot = slotAt(now);
  const token = `${activityId}.${slot.toString(36)}.${mac(activityId, slot, secret)}`;
  if (token.length > MAX_TOKEN_LENGTH) throw new Error(`activity id too long for a check-in token: ${activityId}`);
  return { token, expiresAt: new Date((slot + 1) * SLOT_SECONDS * 1000) };
}

export type TokenCheck =
  | { ok: true; activityId: string }
  | { ok: false; reason: 'malformed' | 'forged' | 'expired'; activityId: string | null };

export function verifyToken(token: string, secret: string, now: number): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3 || token.length > MAX_TOKEN_LENGTH)
    return { ok: false, reason: 'malformed', activityId: null };
  const [activityId, slotText, given] = parts as [string, string, string];
  if (!/^[A-Za-z0-9_-]{1,20}$/.test(activityId) || !/^[0-9a-z]{1,10}$/.test(slotText)) {
    return { ok: false, reason: 'malformed', activityId: null };
  }
  const slot = parseInt(slotText, 36);
  const expected = Buffer.from(mac(activityId, slot, secret));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    return { ok: false, reason: 'forged', activityId };
  }
  const current = slotAt(now);
  // A genuine token from a future slot cannot exist; one older than the grace slot has expired.
  if (slot > current) return { ok: false, reason: 'forged', activityId };
  if (slot < current - 1) return { ok: false, reason: 'expired', activityId };
  return { ok: true, activityId };
}

/** The secret from the function's environment; without it, no token can be issued or checked. */
export function checkinSecret(): string {
  const secret = process.env.CHECKIN_SECRET;
  if (!secret || secret.length < 32) {
    throw new Error('CHECKIN_SECRET is not set (at least 32 characters) in the activity function environment');
  }
  return secret;
}
