import cloud from 'wx-server-sdk';
import { COLLECTIONS, type ActivityDetail, type ActivitySummary } from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { createActivity, endedAgo, happeningNow, startingIn, tokenFor } from '../../support/activities';
import { expectRefused, fixtureFor, type Fixture } from '../../support/fixture';
import { DEMO, startTestRuntime } from '../../support/runtime';

let runtime: LocalRuntime;
let fx: Fixture;
beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = fixtureFor(runtime);
});
afterAll(() => runtime.close());

const committeeA = DEMO.committeeA.openid;
/** A's committee in the demo seed: its secretary and two committee members. */
const A_COMMITTEE = ['b-qhyz-01', 'b-qhyz-02', 'b-qhyz-03'];

async function listed(caller: string, scope: 'upcoming' | 'past', mine?: boolean): Promise<string[]> {
  const result = await fx.call<{ items: ActivitySummary[] }>(caller, 'activity', 'list', {
    scope,
    page: 1,
    pageSize: 50,
    ...(mine === undefined ? {} : { mine }),
  });
  if (!result.ok) throw new Error(result.message);
  return result.data.items.map((a) => a.activityId);
}

async function history(caller: string): Promise<string[]> {
  const result = await fx.call<{ items: { activityId: string }[] }>(caller, 'activity', 'myAttendance', {
    page: 1,
    pageSize: 50,
  });
  if (!result.ok) throw new Error(result.message);
  return result.data.items.map((a) => a.activityId);
}

describe('committee-only activities', () => {
  it('a 支委会 is for the committee whatever audience the form gave', async () => {
    const id = await createActivity(fx, 'secretaryA', startingIn(120, { type: 'committee', title: '十二月支委会' }));
    const branchWide = await createActivity(
      fx,
      'secretaryA',
      startingIn(120, { type: 'committee', title: '支委会（全支部）', audience: { kind: 'branch' } }),
    );
    for (const activityId of [id, branchWide]) {
      const detail = await fx.call<ActivityDetail>('secretaryA', 'activity', 'get', { activityId });
      expect(detail).toMatchObject({ ok: true, data: { activityId, expected: A_COMMITTEE.length } });
    }
    const listedMembers = await fx.call('secretaryA', 'activity', 'create', {
      ...startingIn(120, { type: 'committee' }),
      audience: { kind: 'members', memberIds: [DEMO.memberA.memberId] },
    });
    expectRefused(listedMembers, 'INVALID_ARGUMENT');
  });

  it('are seen, with their detail, by the committee and the bureau only', async () => {
    const meeting = await createActivity(fx, 'secretaryA', startingIn(90, { type: 'committee', title: '支委会' }));
    const committeeLecture = await createActivity(
      fx,
      'secretaryA',
      startingIn(90, { type: 'lecture', title: '支委专题学习', audience: { kind: 'committee' } }),
    );
    for (const activityId of [meeting, committeeLecture]) {
      for (const caller of ['secretaryA', committeeA, 'admin']) {
        expect(await fx.call(caller, 'activity', 'get', { activityId })).toMatchObject({
          ok: true,
          data: { activityId, branchId: DEMO.secretaryA.branchId },
        });
      }
      for (const caller of ['memberA', 'memberB', 'secretaryB']) {
        expectRefused(await fx.call(caller, 'activity', 'get', { activityId }), 'NOT_FOUND');
        expectRefused(await fx.call(caller, 'activity', 'attendance', { activityId }), 'NOT_FOUND');
        expectRefused(
          await fx.call(caller, 'activity', 'requestLeave', { activityId, reason: '外出培训学习' }),
          'NOT_FOUND',
        );
      }
    }
    expect(await listed('secretaryA', 'upcoming')).toEqual(expect.arrayContaining([meeting, committeeLecture]));
    expect(await listed(committeeA, 'upcoming', true)).toEqual(expect.arrayContaining([meeting, committeeLecture]));
    for (const caller of ['memberA', 'memberB']) {
      const ids = await listed(caller, 'upcoming');
      expect(ids).not.toContain(meeting);
      expect(ids).not.toContain(committeeLecture);
    }
  });

  it('keep their minutes and attendance from a member, even one left on the expected list', async () => {
    const meeting = await createActivity(fx, 'secretaryA', endedAgo(30, { type: 'committee', title: '上月支委会' }));
    const saved = await fx.call<ActivityDetail>('secretaryA', 'activity', 'saveMinutes', {
      activityId: meeting,
      text: '支委会研究了发展党员工作和下月主题党日安排。',
      photos: [],
    });
    expect(saved).toMatchObject({ ok: true, data: { minutes: { text: expect.stringContaining('发展党员') } } });
    // A member who sat on the committee then, or a record written before this rule: still expected.
    await cloud
      .database()
      .collection(COLLECTIONS.activities)
      .doc(meeting)
      .update({ data: { expectedIds: cloud.database().command.push(DEMO.memberA.memberId) } });

    expectRefused(await fx.call('memberA', 'activity', 'get', { activityId: meeting }), 'NOT_FOUND');
    expectRefused(await fx.call('memberA', 'activity', 'attendance', { activityId: meeting }), 'NOT_FOUND');
    expect(await listed('memberA', 'past')).not.toContain(meeting);
    expect(await listed('memberA', 'past', true)).not.toContain(meeting);
    expect(await history('memberA')).not.toContain(meeting);

    expect(await history(committeeA)).toContain(meeting);
    const attendance = await fx.call<{ activityId: string; expected: number }>(committeeA, 'activity', 'attendance', {
      activityId: meeting,
    });
    expect(attendance).toMatchObject({ ok: true, data: { activityId: meeting } });
    const adminView = await fx.call<ActivityDetail>('admin', 'activity', 'get', { activityId: meeting });
    expect(adminView).toMatchObject({ ok: true, data: { minutes: { text: expect.stringContaining('支委会') } } });
  });

  it('cannot be checked in to by a member left on the expected list, and nothing is recorded', async () => {
    const meeting = await createActivity(fx, 'secretaryA', happeningNow({ type: 'committee', title: '临时支委会' }));
    await cloud
      .database()
      .collection(COLLECTIONS.activities)
      .doc(meeting)
      .update({ data: { expectedIds: cloud.database().command.push(DEMO.memberA.memberId) } });
    const token = await tokenFor(fx, 'secretaryA', meeting);
    const before = runtime.engine.totalChanges();
    expectRefused(await fx.call('memberA', 'activity', 'checkin', { token }), 'NOT_FOUND');
    expect(runtime.engine.totalChanges()).toBe(before);
    expect(await fx.call(committeeA, 'activity', 'checkin', { token })).toMatchObject({
      ok: true,
      data: { activityId: meeting, alreadyCheckedIn: false },
    });
  });

  it('an activity turned into a 支委会 narrows to the committee and disappears for members', async () => {
    const id = await createActivity(fx, 'secretaryA', startingIn(200, { type: 'lecture', title: '党课' }));
    expect(await listed('memberA', 'upcoming')).toContain(id);
    const updated = await fx.call<ActivityDetail>('secretaryA', 'activity', 'update', {
      activityId: id,
      patch: { type: 'committee' },
    });
    expect(updated).toMatchObject({ ok: true, data: { type: 'committee', expected: A_COMMITTEE.length } });
    expect(await listed('memberA', 'upcoming')).not.toContain(id);
    expectRefused(await fx.call('memberA', 'activity', 'get', { activityId: id }), 'NOT_FOUND');
  });
});
