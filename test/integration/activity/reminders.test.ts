import cloud from 'wx-server-sdk';
import type { ActivityDoc } from '@zhibu/types';
import * as reminderService from '../../../cloudfunctions/core/activity/reminder.service';
import { HOURLY_PARTS, runHourly } from '../../../cloudfunctions/core/jobs/hourly';
import { getDoc } from '../../../cloudfunctions/core/runtime/documents';
import type { LocalRuntime } from '../../../emulator/runtime';
import { createActivity, startingIn } from '../../support/activities';
import { aBranchOf } from '../../support/factories';
import { COLLECTIONS, countOf, expectRefused, fixtureFor, type Fixture } from '../../support/fixture';
import { startTestRuntime } from '../../support/runtime';

let runtime: LocalRuntime;
let fx: Fixture;
beforeAll(async () => {
  runtime = await startTestRuntime({ dbLatencyMs: 3 });
  fx = fixtureFor(runtime);
});
afterAll(() => runtime.close());
afterEach(() => jest.restoreAllMocks());

type Send = (message: { touser: string }) => Promise<unknown>;
const subscribe = () => (cloud.openapi as unknown as { subscribeMessage: { send: Send } }).subscribeMessage;
const outboxOf = (activityId: string) =>
  countOf(COLLECTIONS.outbox, { page: `pages/activity/detail/index?id=${activityId}` });

describe('reminders', () => {
  it('two clicks at once send once', async () => {
    const { secretary } = await aBranchOf(30, '提醒并发测试党支部');
    const activityId = await createActivity(fx, secretary.openid!, startingIn(180));
    const [a, b] = await Promise.all([
      fx.call<{ sent: number }>(secretary.openid!, 'activity', 'remind', { activityId }),
      fx.call<{ sent: number }>(secretary.openid!, 'activity', 'remind', { activityId }),
    ]);
    const won = [a, b].filter((r) => r.ok);
    expect(won).toHaveLength(1);
    expectRefused(
      [a, b].find((r) => !r.ok)!,
      'FAILED_PRECONDITION',
    );
    expect(await outboxOf(activityId)).toBe(31);
  });

  it('a click racing the hourly job sends once', async () => {
    const { secretary } = await aBranchOf(20, '提醒与定时任务测试党支部');
    const activityId = await createActivity(fx, secretary.openid!, startingIn(120));
    await Promise.all([
      fx.call(secretary.openid!, 'activity', 'remind', { activityId }),
      reminderService.sendDueReminders(),
    ]);
    expect(await outboxOf(activityId)).toBe(21);
  });

  it('logs what WeChat refused with its code, and records as reminded only those who got it', async () => {
    const { secretary, members } = await aBranchOf(10, '提醒拒收测试党支部');
    const activityId = await createActivity(fx, secretary.openid!, startingIn(240));
    const refusing = new Set(members.slice(0, 3).map((m) => m.openid));
    const api = subscribe();
    const real = api.send.bind(api);
    jest.spyOn(api, 'send').mockImplementation(async (message) => {
      if (refusing.has(message.touser))
        throw Object.assign(new Error('openapi.subscribeMessage.send:fail user refuse to accept the msg'), {
          errCode: 43101,
        });
      return real(message);
    });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    const result = await fx.call<{ sent: number; skipped: number }>(secretary.openid!, 'activity', 'remind', {
      activityId,
    });
    expect(result).toEqual({ ok: true, data: { sent: 8, skipped: 3 } });
    expect(warn).toHaveBeenCalledWith(
      '[reminder] not delivered',
      expect.objectContaining({ activityId, byCode: { 43101: 3 } }),
    );
    const activity = await getDoc<ActivityDoc>(COLLECTIONS.activities, activityId);
    expect(activity?.remindedIds).toHaveLength(8);
    expect(activity?.remindedIds).not.toContain(members[0]!._id);
    expect(activity?.remindedIds).toContain(members[5]!._id);
  });

  it('sends to a 500-member branch in parallel rounds, not one by one', async () => {
    const { secretary } = await aBranchOf(500, '提醒大支部测试党支部');
    const activityId = await createActivity(fx, secretary.openid!, startingIn(300));
    const api = subscribe();
    const real = api.send.bind(api);
    let inFlight = 0;
    let most = 0;
    jest.spyOn(api, 'send').mockImplementation(async (message) => {
      inFlight++;
      most = Math.max(most, inFlight);
      try {
        return await real(message);
      } finally {
        inFlight--;
      }
    });
    const result = await fx.call<{ sent: number }>(secretary.openid!, 'activity', 'remind', { activityId });
    expect(result).toMatchObject({ ok: true, data: { sent: 501 } });
    expect(most).toBeGreaterThanOrEqual(50);
    expect(await outboxOf(activityId)).toBe(501);
  }, 60_000);
});

describe('the hourly job', () => {
  it('runs every part though one fails and another runs out of time', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => {});
    const report = await runHourly(200, {
      ...HOURLY_PARTS,
      reminders: () => Promise.reject(new Error('WeChat is down')),
      recount: () => new Promise(() => {}),
    });
    expect(report).toMatchObject({
      reminders: 'failed',
      recount: 'timeout',
      withdrawals: { members: expect.any(Number) },
    });
  });

  it('finishes the withdrawal of a member whose deactivation stopped halfway', async () => {
    const { secretary, members } = await aBranchOf(5, '停用中断测试党支部');
    const activityId = await createActivity(fx, secretary.openid!, startingIn(60 * 24 * 3));
    const leaver = members[0]!;
    // The deactivation's first step landed; the function stopped before the withdrawal.
    await cloud
      .database()
      .collection(COLLECTIONS.members)
      .doc(leaver._id)
      .update({ data: { active: false, leftAt: new Date(Date.now() - 3600_000), leftReason: 'transfer_out' } });
    await runHourly();
    const activity = await getDoc<ActivityDoc>(COLLECTIONS.activities, activityId);
    expect(activity?.expectedIds).not.toContain(leaver._id);
    expect(activity?.expectedIds).toHaveLength(5);
  });
});
