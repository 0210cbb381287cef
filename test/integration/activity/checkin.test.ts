import cloud from 'wx-server-sdk';
import type { BranchMonthDoc } from '@zhibu/types';
import { getDoc } from '../../../cloudfunctions/core/runtime/documents';
import type { LocalRuntime } from '../../../emulator/runtime';
import { createActivity, detail, endedAgo, happeningNow, startingIn, tokenFor } from '../../support/activities';
import { aBranchOf } from '../../support/factories';
import { COLLECTIONS, countOf, expectRefused, fixtureFor, type Fixture } from '../../support/fixture';
import { DEMO, startTestRuntime } from '../../support/runtime';

let runtime: LocalRuntime;
let fx: Fixture;
beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = fixtureFor(runtime);
});
afterAll(() => runtime.close());
afterEach(() => jest.restoreAllMocks());

describe('the check-in code', () => {
  it('is a short token with a QR image, and the live head count', async () => {
    const activityId = await createActivity(fx, 'secretaryA', happeningNow());
    const result = await fx.call<{
      token: string;
      qrImage: string;
      expected: number;
      present: number;
      slotSeconds: number;
      expiresAt: string;
    }>('secretaryA', 'activity', 'checkinCode', { activityId });
    if (!result.ok) throw new Error(result.message);
    expect(result.data.token.length).toBeLessThanOrEqual(32);
    expect(result.data.qrImage).toMatch(/^data:image\/png;base64,/);
    expect(result.data).toMatchObject({ expected: 14, present: 0, slotSeconds: 15 });
    expect(Date.parse(result.data.expiresAt) - Date.now()).toBeLessThanOrEqual(15_000);
    const left =
      Date.parse(result.data.expiresAt) - Date.parse((result.data as unknown as { serverTime: string }).serverTime);
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(15_000);
  });

  it('is only shown while check-in is open', async () => {
    const early = await createActivity(fx, 'secretaryA', startingIn(120));
    const late = await createActivity(fx, 'secretaryA', endedAgo(60));
    expectRefused(await fx.call('secretaryA', 'activity', 'checkinCode', { activityId: early }), 'FAILED_PRECONDITION');
    expectRefused(await fx.call('secretaryA', 'activity', 'checkinCode', { activityId: late }), 'FAILED_PRECONDITION');
  });
});

describe('checking in', () => {
  it('records the member once and counts them', async () => {
    const activityId = await createActivity(fx, 'secretaryA', happeningNow());
    const token = await tokenFor(fx, 'secretaryA', activityId);
    const first = await fx.call<{ checkedInAt: string; alreadyCheckedIn: boolean; title: string }>(
      'memberA',
      'activity',
      'checkin',
      { token },
    );
    expect(first).toMatchObject({ ok: true, data: { alreadyCheckedIn: false, title: '11月主题党日' } });
    const again = await fx.call('memberA', 'activity', 'checkin', { token });
    expect(again).toMatchObject({ ok: true, data: { alreadyCheckedIn: true } });
    expect(await countOf(COLLECTIONS.checkins, { activityId })).toBe(1);
    expect(await detail(fx, 'memberA', activityId)).toMatchObject({ present: 1, expected: 14, myState: 'present' });
  });

  it('takes at most four database operations on the way to success', async () => {
    const activityId = await createActivity(fx, 'secretaryA', happeningNow());
    const token = await tokenFor(fx, 'secretaryA', activityId);
    runtime.seam.reset();
    const result = await fx.call('memberA', 'activity', 'checkin', { token });
    expect(result).toMatchObject({ ok: true });
    expect(runtime.seam.calls).toBeLessThanOrEqual(4);
    expect(runtime.seam.calls).toBeGreaterThan(0);
  });

  it('refuses a forged, an expired, a malformed and a foreign token, each in its own words', async () => {
    const activityId = await createActivity(fx, 'secretaryA', happeningNow());
    const token = await tokenFor(fx, 'secretaryA', activityId);
    const [id, slot, mac] = token.split('.') as [string, string, string];
    const forged = await fx.call('memberA', 'activity', 'checkin', {
      token: `${id}.${slot}.${mac.replace(/^./, mac[0] === 'A' ? 'B' : 'A')}`,
    });
    expectRefused(forged, 'FAILED_PRECONDITION');
    expect((forged as { message: string }).message).toContain('无效');

    const now = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(now + 31_000);
    const expired = await fx.call('memberA', 'activity', 'checkin', { token });
    jest.restoreAllMocks();
    expectRefused(expired, 'FAILED_PRECONDITION');
    expect((expired as { message: string }).message).toContain('过期');

    expectRefused(await fx.call('memberA', 'activity', 'checkin', { token: 'not-a-token' }), 'INVALID_ARGUMENT');

    const otherBranch = await createActivity(fx, 'secretaryB', happeningNow());
    const foreign = await fx.call('memberA', 'activity', 'checkin', {
      token: await tokenFor(fx, 'secretaryB', otherBranch),
    });
    expectRefused(foreign, 'FORBIDDEN');
    expect((foreign as { message: string }).message).toContain('应到名单');
    expect(await countOf(COLLECTIONS.checkins, { memberId: DEMO.memberA.memberId, activityId })).toBe(0);
  });

  it('refuses outside the window: before 30 minutes ahead, and 30 minutes after the end', async () => {
    const activityId = await createActivity(fx, 'secretaryA', happeningNow());
    const token = await tokenFor(fx, 'secretaryA', activityId);
    const real = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(real);
    // Move the activity so that its window closed a minute ago, keeping the token fresh.
    await cloud
      .database()
      .collection(COLLECTIONS.activities)
      .doc(activityId)
      .update({ data: { startAt: new Date(real - 3 * 3600_000), endAt: new Date(real - 31 * 60_000) } });
    const late = await fx.call('memberA', 'activity', 'checkin', { token });
    expectRefused(late, 'FAILED_PRECONDITION');
    expect((late as { message: string }).message).toContain('签到已结束');
    await cloud
      .database()
      .collection(COLLECTIONS.activities)
      .doc(activityId)
      .update({ data: { startAt: new Date(real + 31 * 60_000), endAt: new Date(real + 2 * 3600_000) } });
    const early = await fx.call('memberA', 'activity', 'checkin', { token });
    expectRefused(early, 'FAILED_PRECONDITION');
    expect((early as { message: string }).message).toContain('尚未开始');
  });

  it('rate-limits a member who keeps sending wrong tokens', async () => {
    const activityId = await createActivity(fx, 'secretaryA', happeningNow());
    const token = await tokenFor(fx, 'secretaryA', activityId);
    const wrong = token.replace(/.$/, token.endsWith('x') ? 'y' : 'x');
    for (let i = 0; i < 20; i++) await fx.call('memberB', 'activity', 'checkin', { token: wrong });
    expectRefused(await fx.call('memberB', 'activity', 'checkin', { token: wrong }), 'RATE_LIMITED');
  });
});

describe('concurrency', () => {
  it('100 simultaneous check-ins by one member give one record', async () => {
    const activityId = await createActivity(fx, 'secretaryA', happeningNow());
    const token = await tokenFor(fx, 'secretaryA', activityId);
    const results = await Promise.all(
      Array.from({ length: 100 }, () => fx.call('secretaryA', 'activity', 'checkin', { token })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && !(r.data as { alreadyCheckedIn: boolean }).alreadyCheckedIn)).toHaveLength(1);
    expect(await countOf(COLLECTIONS.checkins, { activityId })).toBe(1);
    expect(await detail(fx, 'secretaryA', activityId)).toMatchObject({ present: 1 });
  });

  it('500 members at once give 500 records and a counter of 500', async () => {
    const { secretary, members } = await aBranchOf(500);
    const activityId = await createActivity(
      fx,
      secretary.openid!,
      happeningNow({ title: '全体党员大会', type: 'party_congress' }),
    );
    const token = await tokenFor(fx, secretary.openid!, activityId);
    const results = await Promise.all(members.map((m) => fx.call(m.openid!, 'activity', 'checkin', { token })));
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(await countOf(COLLECTIONS.checkins, { activityId })).toBe(500);
    const month = await getDoc<BranchMonthDoc>(
      COLLECTIONS.branchMonths,
      `${secretary.branchId}_${new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7)}`,
    );
    expect(month?.activities[activityId]).toMatchObject({ expected: 501, present: 500, leave: 0 });
  }, 60_000);
});
