import { raterKey } from '../../../cloudfunctions/core/runtime/rater-key';

describe('raterKey', () => {
  const saved = process.env.RATER_SECRET;
  afterEach(() => {
    process.env.RATER_SECRET = saved;
  });

  it('is stable for one rater in one ballot and unlinkable across ballots and secrets', () => {
    process.env.RATER_SECRET = 'a'.repeat(64);
    const key = raterKey('review-2026-b1', 'member-1');
    expect(raterKey('review-2026-b1', 'member-1')).toBe(key);
    expect(raterKey('review-2026-b1', 'member-2')).not.toBe(key);
    expect(raterKey('review-2027-b1', 'member-1')).not.toBe(key);
    expect(key).not.toContain('member-1');
    expect(key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    process.env.RATER_SECRET = 'b'.repeat(64);
    expect(raterKey('review-2026-b1', 'member-1')).not.toBe(key);
  });

  it('refuses to work without a long enough secret', () => {
    process.env.RATER_SECRET = 'short';
    expect(() => raterKey('r', 'm')).toThrow(/RATER_SECRET/);
    delete process.env.RATER_SECRET;
    expect(() => raterKey('r', 'm')).toThrow(/RATER_SECRET/);
  });
});
