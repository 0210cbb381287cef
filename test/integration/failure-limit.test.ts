import cloud from 'wx-server-sdk';
import { INVITE_ALPHABET, type RateLimitDoc } from '@zhibu/types';
import { getDocs } from '../../cloudfunctions/core/runtime/documents';
import type { LocalRuntime } from '../../emulator/runtime';
import { createActivity, happeningNow, tokenFor } from '../support/activities';
import { COLLECTIONS, fixtureFor, type Fixture } from '../support/fixture';
import { DEMO, startTestRuntime } from '../support/runtime';

let runtime: LocalRuntime;
let fx: Fixture;
beforeAll(async () => {
  runtime = await startTestRuntime({ dbLatencyMs: 3 });
  fx = fixtureFor(runtime);
});
afterAll(() => runtime.close());

async function attemptsCounted(prefix: string): Promise<number> {
  const db = cloud.database();
  const docs = await getDocs<RateLimitDoc>(
    db
      .collection(COLLECTIONS.rateLimits)
      .where({ _id: db.RegExp({ regexp: `^${prefix}@` }) })
      .limit(100),
  );
  return docs.reduce((n, d) => n + d.count, 0);
}

describe('the failure limiter under concurrency', () => {
  it('60 parallel wrong invite codes: at most 10 are looked at, and all 60 are counted', async () => {
    const openid = 'wx_code_guesser_0001';
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        fx.call(openid, 'member', 'bind', {
          code: `ZZZZZZ${INVITE_ALPHABET[Math.floor(i / 32)]}${INVITE_ALPHABET[i % 32]}`,
        }),
      ),
    );
    const looked = results.filter((r) => !r.ok && r.code !== 'RATE_LIMITED');
    expect(looked.length).toBeGreaterThan(0);
    expect(looked.length).toBeLessThanOrEqual(10);
    expect(results.filter((r) => !r.ok && r.code === 'RATE_LIMITED')).toHaveLength(60 - looked.length);
    expect(await attemptsCounted(`bind_${openid}`)).toBe(60);
  });

  it('as many parallel wrong codes as the limit allows, on a window not yet opened: every one is looked at', async () => {
    // They arrive a millisecond apart: some find no window, one opens it, and those that looked
    // before it was opened take from it rather than refuse.
    const openid = 'wx_code_guesser_0002';
    const results = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        await new Promise((resolve) => setTimeout(resolve, i));
        return fx.call(openid, 'member', 'bind', { code: `YYYYYYY${INVITE_ALPHABET[i]}` });
      }),
    );
    expect(results.filter((r) => !r.ok && r.code === 'RATE_LIMITED')).toEqual([]);
    expect(await attemptsCounted(`bind_${openid}`)).toBe(10);
  });

  it('a successful bind gives its attempt back', async () => {
    const { code } = await fx.invite();
    const openid = 'wx_honest_binder_0001';
    expect(await fx.call(openid, 'member', 'bind', { code })).toMatchObject({ ok: true });
    expect(await attemptsCounted(`bind_${openid}`)).toBe(0);
  });

  it('60 parallel wrong check-in tokens: at most 20 are answered as wrong, all 60 counted', async () => {
    const activityId = await createActivity(fx, 'secretaryA', happeningNow());
    const token = await tokenFor(fx, 'secretaryA', activityId);
    const wrong = token.replace(/.$/, token.endsWith('x') ? 'y' : 'x');
    const results = await Promise.all(
      Array.from({ length: 60 }, () => fx.call('memberA', 'activity', 'checkin', { token: wrong })),
    );
    const answered = results.filter((r) => !r.ok && r.code !== 'RATE_LIMITED');
    expect(answered.length).toBeLessThanOrEqual(20);
    expect(await attemptsCounted(`checkin_${DEMO.memberA.memberId}`)).toBe(60);
  });
});
