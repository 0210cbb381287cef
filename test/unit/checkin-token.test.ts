import {
  issueToken,
  MAX_TOKEN_LENGTH,
  SLOT_SECONDS,
  slotAt,
  verifyToken,
} from '../../cloudfunctions/core/activity/checkin-token';
import { isValidScene } from '../../cloudfunctions/core/runtime/wxacode';

const SECRET = 'k'.repeat(64);
const ACTIVITY = 'a7h2k9m3p4';
const T0 = Date.UTC(2026, 10, 25, 7, 0, 3); // inside a slot, not on its edge

describe('the rotating check-in token', () => {
  it('changes every 15 seconds and expires at the end of its slot', () => {
    const first = issueToken(ACTIVITY, SECRET, T0);
    const sameSlot = issueToken(ACTIVITY, SECRET, T0 + 5_000);
    const nextSlot = issueToken(ACTIVITY, SECRET, T0 + SLOT_SECONDS * 1000);
    expect(sameSlot.token).toBe(first.token);
    expect(nextSlot.token).not.toBe(first.token);
    expect(first.expiresAt.getTime()).toBe((slotAt(T0) + 1) * SLOT_SECONDS * 1000);
  });

  it('is accepted in its own slot and the grace slot after it, never later', () => {
    const { token } = issueToken(ACTIVITY, SECRET, T0);
    expect(verifyToken(token, SECRET, T0)).toEqual({ ok: true, activityId: ACTIVITY });
    expect(verifyToken(token, SECRET, T0 + SLOT_SECONDS * 1000)).toEqual({ ok: true, activityId: ACTIVITY });
    expect(verifyToken(token, SECRET, T0 + 2 * SLOT_SECONDS * 1000)).toMatchObject({ ok: false, reason: 'expired' });
    expect(verifyToken(token, SECRET, T0 + 3600_000)).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('cannot be made without the secret, nor for a future slot', () => {
    const forged = issueToken(ACTIVITY, 'another-secret-of-sufficient-length-000000', T0).token;
    expect(verifyToken(forged, SECRET, T0)).toMatchObject({ ok: false, reason: 'forged' });
    const future = issueToken(ACTIVITY, SECRET, T0 + 10 * SLOT_SECONDS * 1000).token;
    expect(verifyToken(future, SECRET, T0)).toMatchObject({ ok: false, reason: 'forged' });
  });

  it('refuses any tampering: another activity, another slot, a changed mac', () => {
    const { token } = issueToken(ACTIVITY, SECRET, T0);
    const [id, slot, mac] = token.split('.') as [string, string, string];
    const otherActivity = `a0000000001.${slot}.${mac}`;
    const otherSlot = `${id}.${(parseInt(slot, 36) - 1).toString(36)}.${mac}`;
    const flipped = `${id}.${slot}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`;
    for (const bad of [otherActivity, otherSlot, flipped])
      expect(verifyToken(bad, SECRET, T0)).toMatchObject({ ok: false, reason: 'forged' });
  });

  it('refuses malformed input without throwing', () => {
    for (const bad of ['', '...', 'abc', `${ACTIVITY}.zz`, `${ACTIVITY}.!!.x`, 'x'.repeat(200), `${ACTIVITY}.1.2.3`]) {
      expect(verifyToken(bad, SECRET, T0)).toMatchObject({ ok: false, reason: 'malformed' });
    }
  });

  it('fits a mini program code scene: at most 32 characters of the allowed set', () => {
    for (let i = 0; i < 200; i++) {
      const { token } = issueToken(ACTIVITY, SECRET, T0 + i * 7_919_000);
      expect(token.length).toBeLessThanOrEqual(MAX_TOKEN_LENGTH);
      expect(isValidScene(token)).toBe(true);
    }
    expect(() => issueToken('a'.repeat(20), SECRET, T0)).toThrow(/too long/);
  });
});
