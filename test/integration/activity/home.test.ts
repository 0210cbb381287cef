import type { ActivityHome, ActivitySummary } from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { createActivity, endedAgo, happeningNow, startingIn } from '../../support/activities';
import { BRANCH_A, BRANCH_B, expectRefused, fixtureFor, type Fixture } from '../../support/fixture';
import { DEMO, startTestRuntime } from '../../support/runtime';

let runtime: LocalRuntime;
let fx: Fixture;
beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = fixtureFor(runtime);
});
afterAll(() => runtime.close());

async function home(caller: Parameters<Fixture['call']>[0]): Promise<ActivityHome> {
  const result = await fx.call<ActivityHome>(caller, 'activity', 'home', {});
  if (!result.ok) throw new Error(result.message);
  return result.data;
}

describe('首页 to-do', () => {
  let today: string;
  let later: string;
  let ended: string;
  beforeAll(async () => {
    today = await createActivity(fx, 'secretaryA', happeningNow({ title: '今天的主题党日' }));
    later = await createActivity(fx, 'secretaryA', startingIn(3 * 24 * 60, { title: '下周的党课', type: 'lecture' }));
    ended = await createActivity(fx, 'secretaryA', endedAgo(120, { title: '上次的党小组会', type: 'other' }));
    const asked = await fx.call('memberA', 'activity', 'requestLeave', { activityId: later, reason: '外出培训' });
    if (!asked.ok) throw new Error(asked.message);
  });

  it('a member sees today’s and the next activities they are expected at, and no committee to-do', async () => {
    const data = await home('memberA');
    expect(data.manage).toBeNull();
    const titles = data.mine.map((a) => a.title);
    expect(titles).toContain('今天的主题党日');
    expect(data.mine.find((a) => a.activityId === today)).toMatchObject({ myState: 'expected', pendingLeave: 0 });
    expect(Date.parse(data.mine[0]!.checkinOpensAt)).toBeLessThanOrEqual(Date.now());
    expect(titles).not.toContain('上次的党小组会');
  });

  it('the secretary sees the waiting leave with its count, today’s meetings and the minutes still to write', async () => {
    const data = await home('secretaryA');
    expect(data.manage).not.toBeNull();
    const manage = data.manage!;
    expect(manage.pendingLeave).toBeGreaterThanOrEqual(1);
    expect(manage.pendingActivities.find((a) => a.activityId === later)).toMatchObject({ pendingLeave: 1 });
    expect(manage.today.map((a) => a.activityId)).toContain(today);
    expect(manage.today.map((a) => a.activityId)).not.toContain(later);
    expect(manage.withoutMinutes.map((a) => a.activityId)).toContain(ended);
    expect(manage.withoutMinutesTotal).toBeGreaterThanOrEqual(1);
  });

  it('the other branch’s secretary sees none of it', async () => {
    const manage = (await home('secretaryB')).manage!;
    const ids = [...manage.pendingActivities, ...manage.today, ...manage.withoutMinutes].map((a) => a.activityId);
    expect(ids).not.toEqual(expect.arrayContaining([today]));
    expect(ids).not.toContain(later);
    expect(ids).not.toContain(ended);
  });

  it('the activity list row carries the waiting-leave count for the committee only', async () => {
    const list = await fx.call<{ items: ActivitySummary[] }>('secretaryA', 'activity', 'list', {
      scope: 'upcoming',
      page: 1,
      pageSize: 50,
    });
    if (!list.ok) throw new Error(list.message);
    expect(list.data.items.find((a) => a.activityId === later)).toMatchObject({ pendingLeave: 1 });
    const mine = await fx.call<{ items: ActivitySummary[] }>('memberA', 'activity', 'list', {
      scope: 'upcoming',
      page: 1,
      pageSize: 50,
    });
    if (!mine.ok) throw new Error(mine.message);
    expect(mine.data.items.find((a) => a.activityId === later)).toMatchObject({ pendingLeave: 0 });
  });
});

describe('the bureau’s 活动 tab', () => {
  it('lists every branch’s activities, and one branch’s when filtered', async () => {
    const inB = await createActivity(fx, 'secretaryB', startingIn(24 * 60, { title: '乙支部的党课', type: 'lecture' }));
    const inA = await createActivity(fx, 'secretaryA', startingIn(24 * 60, { title: '甲支部的党课', type: 'lecture' }));
    const all = await fx.call<{ items: ActivitySummary[] }>('admin', 'activity', 'list', {
      scope: 'upcoming',
      page: 1,
      pageSize: 50,
    });
    if (!all.ok) throw new Error(all.message);
    expect(all.data.items.map((a) => a.activityId)).toEqual(expect.arrayContaining([inA, inB]));
    const onlyB = await fx.call<{ items: ActivitySummary[] }>('admin', 'activity', 'list', {
      scope: 'upcoming',
      branchId: BRANCH_B,
      page: 1,
      pageSize: 50,
    });
    if (!onlyB.ok) throw new Error(onlyB.message);
    expect(onlyB.data.items.map((a) => a.activityId)).toContain(inB);
    expect(onlyB.data.items.every((a) => a.branchId === BRANCH_B)).toBe(true);
  });

  it('a secretary cannot list another branch by naming it', async () => {
    expectRefused(
      await fx.call('secretaryA', 'activity', 'list', { scope: 'upcoming', branchId: BRANCH_B, page: 1, pageSize: 5 }),
      'FORBIDDEN',
    );
    const own = await fx.call<{ items: ActivitySummary[] }>('secretaryA', 'activity', 'list', {
      scope: 'upcoming',
      branchId: BRANCH_A,
      page: 1,
      pageSize: 50,
    });
    expect(own.ok && own.data.items.every((a) => a.branchId === BRANCH_A)).toBe(true);
    expect(DEMO.secretaryA.branchId).toBe(BRANCH_A);
  });
});
