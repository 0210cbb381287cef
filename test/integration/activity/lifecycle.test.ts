import cloud from 'wx-server-sdk';
import type { ActivitySummary, Attendance, BranchMonthDoc } from '@zhibu/types';
import { getDoc } from '../../../cloudfunctions/core/runtime/documents';
import type { LocalRuntime } from '../../../emulator/runtime';
import { createActivity, detail, endedAgo, happeningNow, startingIn, tokenFor } from '../../support/activities';
import { BRANCH_A, COLLECTIONS, countOf, expectRefused, fixtureFor, type Fixture } from '../../support/fixture';
import { DEMO, startTestRuntime } from '../../support/runtime';

let runtime: LocalRuntime;
let fx: Fixture;
beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = fixtureFor(runtime);
});
afterAll(() => runtime.close());

const monthDoc = (branchId: string, month: string) =>
  getDoc<BranchMonthDoc>(COLLECTIONS.branchMonths, `${branchId}_${month}`);

async function attendanceOf(activityId: string): Promise<Attendance> {
  const result = await fx.call<Attendance>('secretaryA', 'activity', 'attendance', { activityId });
  if (!result.ok) throw new Error(result.message);
  return result.data;
}

describe('creating activities', () => {
  it('expects the whole branch by default, and counts the activity in its Beijing month', async () => {
    // Month boundaries are Beijing's: 23:30 on 31 October there is 15:30 UTC, still October.
    const activityId = await createActivity(fx, 'secretaryA', {
      title: '10月支委会',
      type: 'committee',
      startAt: '2026-10-31T23:30:00+08:00',
      endAt: '2026-10-31T23:59:00+08:00',
      place: '校长室',
      audience: { kind: 'committee' },
    });
    const activity = await detail(fx, 'secretaryA', activityId);
    expect(activity).toMatchObject({ expected: 3, type: 'committee', canManage: true });
    expect((await monthDoc(BRANCH_A, '2026-10'))?.activities[activityId]).toMatchObject({ expected: 3, present: 0 });

    // 00:30 on 1 December in Beijing is 16:30 UTC on 30 November: it counts in December.
    const december = await createActivity(fx, 'secretaryA', {
      title: '12月主题党日',
      type: 'theme_day',
      startAt: '2026-11-30T16:30:00Z',
      endAt: '2026-11-30T18:30:00Z',
      place: '操场',
    });
    expect((await monthDoc(BRANCH_A, '2026-12'))?.activities[december]).toMatchObject({ expected: 14 });
    expect((await monthDoc(BRANCH_A, '2026-12'))?.held.theme_day).toBe(1);
  });

  it('a party group meeting expects that group only', async () => {
    const activityId = await createActivity(fx, 'secretaryA', {
      ...startingIn(60, { type: 'group', title: '高一年级党小组会' }),
      audience: { kind: 'group', partyGroupId: 'g1' },
    });
    // 高一年级党小组: 张伟, 刘洋, 陈静, 孙浩然.
    expect(await detail(fx, 'secretaryA', activityId)).toMatchObject({
      expected: 4,
      audienceGroupName: '高一年级党小组',
    });
    const listed = await fx.call<{ items: ActivitySummary[] }>('memberA', 'activity', 'list', {
      scope: 'upcoming',
      page: 1,
      pageSize: 20,
    });
    expect(listed.ok && listed.data.items.map((a) => a.activityId)).toContain(activityId);
    const otherGroup = await fx.call<{ items: ActivitySummary[] }>('demo_b-qhyz-06', 'activity', 'list', {
      scope: 'upcoming',
      page: 1,
      pageSize: 20,
    });
    expect(otherGroup.ok && otherGroup.data.items.map((a) => a.activityId)).not.toContain(activityId);
  });

  it('refuses times without an offset, or an end before the start, writing nothing', async () => {
    const before = runtime.engine.totalChanges();
    expectRefused(
      await fx.call('secretaryA', 'activity', 'create', startingIn(60, { startAt: '2026-12-01 15:00' })),
      'INVALID_ARGUMENT',
    );
    const backwards = startingIn(60);
    expectRefused(
      await fx.call('secretaryA', 'activity', 'create', {
        ...backwards,
        endAt: backwards.startAt,
        startAt: backwards.endAt,
      }),
      'INVALID_ARGUMENT',
    );
    expect(runtime.engine.totalChanges()).toBe(before);
  });

  it('the bureau pushes one activity to every branch', async () => {
    const result = await fx.call<{ activityIds: string[] }>(
      'admin',
      'activity',
      'push',
      startingIn(24 * 60, { title: '全县主题党日：学习贯彻全会精神', type: 'theme_day' }),
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.data.activityIds.length).toBeGreaterThanOrEqual(6);
    const mine = await fx.call<{ items: ActivitySummary[] }>('memberB', 'activity', 'list', {
      scope: 'upcoming',
      page: 1,
      pageSize: 50,
    });
    expect(mine.ok && mine.data.items.some((a) => a.title === '全县主题党日：学习贯彻全会精神')).toBe(true);
  });

  it('cancelling takes the activity out of its month’s counts', async () => {
    const activityId = await createActivity(fx, 'secretaryA', startingIn(60 * 24 * 3));
    const month = new Date(Date.now() + 8 * 3600_000 + 3 * 86_400_000).toISOString().slice(0, 7);
    expect((await monthDoc(BRANCH_A, month))?.activities[activityId]).toBeDefined();
    expect(await fx.call('secretaryA', 'activity', 'cancel', { activityId, reason: '与期中考试冲突' })).toMatchObject({
      ok: true,
      data: { status: 'cancelled', cancelReason: '与期中考试冲突' },
    });
    expect((await monthDoc(BRANCH_A, month))?.activities[activityId]).toBeUndefined();
    expectRefused(await fx.call('secretaryA', 'activity', 'checkinCode', { activityId }), 'FAILED_PRECONDITION');
  });
});

describe('members who leave', () => {
  it('a member transferred out is no longer expected at activities from that date, but stays in earlier ones', async () => {
    const member = await fx.boundMember();
    const past = await createActivity(fx, 'secretaryA', endedAgo(60 * 24 * 5));
    const upcoming = await createActivity(fx, 'secretaryA', startingIn(60 * 24 * 5));
    const expectedBefore = (await detail(fx, 'secretaryA', upcoming)).expected;
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    await fx.call('secretaryA', 'member', 'deactivate', {
      memberId: member._id,
      reason: 'transfer_out',
      effectiveDate: today,
    });
    expect(await detail(fx, 'secretaryA', upcoming)).toMatchObject({ expected: expectedBefore - 1 });
    expect((await attendanceOf(upcoming)).absentList.map((m) => m.memberId)).not.toContain(member._id);
    expect((await attendanceOf(past)).absentList.map((m) => m.memberId)).toContain(member._id);
  });
});

describe('leave and manual marks', () => {
  it('a member asks for leave before the start; the secretary approves; the counts follow', async () => {
    const activityId = await createActivity(fx, 'secretaryA', startingIn(120));
    const asked = await fx.call('memberA', 'activity', 'requestLeave', { activityId, reason: '带学生参加市里比赛' });
    expect(asked).toMatchObject({ ok: true, data: { myState: 'pending_leave', myLeave: { status: 'pending' } } });
    expect((await attendanceOf(activityId)).pendingLeaves.map((p) => p.name)).toEqual(['刘洋']);

    const reviewed = await fx.call<Attendance>('secretaryA', 'activity', 'reviewLeave', {
      activityId,
      memberId: DEMO.memberA.memberId,
      approve: true,
    });
    expect(reviewed).toMatchObject({
      ok: true,
      data: { leave: 1, leaveList: [{ name: '刘洋', reason: '带学生参加市里比赛' }] },
    });
    expect(await detail(fx, 'memberA', activityId)).toMatchObject({ leave: 1, myState: 'leave' });
    expectRefused(
      await fx.call('secretaryA', 'activity', 'reviewLeave', {
        activityId,
        memberId: DEMO.memberA.memberId,
        approve: true,
      }),
      'FAILED_PRECONDITION',
    );
  });

  it('leave asked for after the start is taken until the end, marked late; after the end it is refused', async () => {
    const activityId = await createActivity(fx, 'secretaryA', happeningNow());
    const asked = await fx.call('memberA', 'activity', 'requestLeave', { activityId, reason: '路上堵车，赶不到了' });
    expect(asked).toMatchObject({
      ok: true,
      data: { myState: 'pending_leave', myLeave: { status: 'pending', late: true } },
    });
    expect((await attendanceOf(activityId)).pendingLeaves).toEqual([
      expect.objectContaining({ name: '刘洋', reason: '路上堵车，赶不到了', late: true }),
    ]);

    const early = await createActivity(fx, 'secretaryA', startingIn(120));
    expect(
      await fx.call('memberA', 'activity', 'requestLeave', { activityId: early, reason: '外出培训' }),
    ).toMatchObject({ ok: true, data: { myLeave: { late: false } } });

    const ended = await createActivity(fx, 'secretaryA', endedAgo(10));
    const refused = await fx.call('memberA', 'activity', 'requestLeave', { activityId: ended, reason: '临时有事' });
    expectRefused(refused, 'FAILED_PRECONDITION');
    expect(!refused.ok && refused.message).toContain('活动已结束');
  });

  it('the secretary records the leave of a member who phoned in: approved at once, counted once, logged', async () => {
    const activityId = await createActivity(fx, 'secretaryA', startingIn(24 * 60));
    const recorded = await fx.call<Attendance>('secretaryA', 'activity', 'markAttendance', {
      activityId,
      memberId: DEMO.memberA.memberId,
      state: 'leave',
      reason: '电话请假：外出培训',
    });
    if (!recorded.ok) throw new Error(recorded.message);
    expect(recorded.data).toMatchObject({ leave: 1, leaveList: [{ name: '刘洋', reason: '电话请假：外出培训' }] });
    expect(recorded.data.changes[0]).toMatchObject({
      memberName: '刘洋',
      change: 'leave_recorded',
      byName: '王建国',
      reason: '电话请假：外出培训',
    });
    expect(await detail(fx, 'memberA', activityId)).toMatchObject({
      leave: 1,
      myState: 'leave',
      myLeave: { status: 'approved' },
    });
    // Recorded twice: refused, nothing counted twice.
    expectRefused(
      await fx.call('secretaryA', 'activity', 'markAttendance', {
        activityId,
        memberId: DEMO.memberA.memberId,
        state: 'leave',
        reason: '重复登记',
      }),
      'FAILED_PRECONDITION',
    );
    expect(await detail(fx, 'secretaryA', activityId)).toMatchObject({ leave: 1 });
    // A member may not record anyone's leave.
    expectRefused(
      await fx.call('memberA', 'activity', 'markAttendance', {
        activityId,
        memberId: DEMO.memberA.memberId,
        state: 'leave',
        reason: '自己登记',
      }),
      'FORBIDDEN',
    );
  });

  it('recording leave for someone marked present by mistake moves them from 实到 to 请假', async () => {
    const activityId = await createActivity(fx, 'secretaryA', happeningNow());
    await fx.call('secretaryA', 'activity', 'markAttendance', {
      activityId,
      memberId: DEMO.memberA.memberId,
      state: 'present',
      reason: '误点了到场',
    });
    const recorded = await fx.call<Attendance>('secretaryA', 'activity', 'markAttendance', {
      activityId,
      memberId: DEMO.memberA.memberId,
      state: 'leave',
      reason: '会前已电话请假',
    });
    expect(recorded).toMatchObject({ ok: true, data: { present: 0, leave: 1, presentList: [] } });
    expect(await detail(fx, 'secretaryA', activityId)).toMatchObject({ present: 0, leave: 1 });
  });

  it('marks a member without a phone present by hand, and keeps who did it and why', async () => {
    const activityId = await createActivity(fx, 'secretaryA', happeningNow());
    const marked = await fx.call<Attendance>('secretaryA', 'activity', 'markAttendance', {
      activityId,
      memberId: DEMO.unboundA.memberId,
      state: 'present',
      reason: '老同志无智能手机，现场签字',
    });
    if (!marked.ok) throw new Error(marked.message);
    expect(marked.data.present).toBe(1);
    expect(marked.data.presentList).toEqual([expect.objectContaining({ name: '朱光明', source: 'manual' })]);
    expect(marked.data.changes[0]).toMatchObject({
      memberName: '朱光明',
      change: 'marked_present',
      byName: '王建国',
      reason: '老同志无智能手机，现场签字',
    });

    // Marked again: no double count. Then corrected to absent: the count goes back.
    await fx.call('secretaryA', 'activity', 'markAttendance', {
      activityId,
      memberId: DEMO.unboundA.memberId,
      state: 'present',
      reason: '重复操作',
    });
    expect((await attendanceOf(activityId)).present).toBe(1);
    const corrected = await fx.call<Attendance>('secretaryA', 'activity', 'markAttendance', {
      activityId,
      memberId: DEMO.unboundA.memberId,
      state: 'absent',
      reason: '记错了人',
    });
    expect(corrected).toMatchObject({ ok: true, data: { present: 0 } });
    expect(corrected.ok && corrected.data.changes.map((c) => c.change)).toEqual([
      'marked_absent',
      'marked_present',
      'marked_present',
    ]);
  });

  it('an approved leave gives way to an actual check-in, without counting the member twice', async () => {
    const activityId = await createActivity(fx, 'secretaryA', startingIn(120));
    await fx.call('memberA', 'activity', 'requestLeave', { activityId, reason: '可能要开家长会' });
    await fx.call('secretaryA', 'activity', 'reviewLeave', {
      activityId,
      memberId: DEMO.memberA.memberId,
      approve: true,
    });
    const now = Date.now();
    await cloud
      .database()
      .collection(COLLECTIONS.activities)
      .doc(activityId)
      .update({ data: { startAt: new Date(now - 5 * 60_000), endAt: new Date(now + 60 * 60_000) } });
    await fx.call('memberA', 'activity', 'checkin', { token: await tokenFor(fx, 'secretaryA', activityId) });
    const attendance = await attendanceOf(activityId);
    expect(attendance).toMatchObject({ present: 1, leave: 0 });
    expect(await detail(fx, 'secretaryA', activityId)).toMatchObject({ present: 1, leave: 0 });
  });

  it('after the window the attendance list names who was absent', async () => {
    const activityId = await createActivity(fx, 'secretaryA', { ...endedAgo(90), audience: { kind: 'committee' } });
    const attendance = await attendanceOf(activityId);
    expect(attendance).toMatchObject({ expected: 3, present: 0, absent: 3 });
    expect(attendance.absentList.map((m) => m.name)).toEqual(['王建国', '李秀英', '张伟']);
  });
});

describe('minutes, reminders and history', () => {
  it('saves minutes with photos stored behind the same API as cloud storage', async () => {
    const activityId = await createActivity(fx, 'secretaryA', endedAgo(10));
    const photo = runtime.storage.save(`minutes/${BRANCH_A}`, 'image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
    const saved = await fx.call('secretaryA', 'activity', 'saveMinutes', {
      activityId,
      text: '会议传达学习了全会精神，讨论了本学期党员发展工作计划，通过了两名入党积极分子的培养考察意见。',
      photos: [photo],
    });
    expect(saved).toMatchObject({ ok: true, data: { hasMinutes: true, minutes: { savedByName: '王建国' } } });
    const url = saved.ok ? (saved.data as { minutes: { photos: { url: string }[] } }).minutes.photos[0]!.url : '';
    expect(url).toMatch(/\/api\/storage\/minutes\/.+\.jpg$/);
    expectRefused(
      await fx.call('memberA', 'activity', 'saveMinutes', { activityId, text: '我也来写一段会议记录内容', photos: [] }),
      'FORBIDDEN',
    );
  });

  it('sends one reminder to those expected, recorded in the outbox', async () => {
    const activityId = await createActivity(fx, 'secretaryA', {
      ...startingIn(180, { title: '支委会：研究年度考评' }),
      audience: { kind: 'committee' },
    });
    const sent = await fx.call<{ sent: number; skipped: number }>('secretaryA', 'activity', 'remind', { activityId });
    expect(sent).toEqual({ ok: true, data: { sent: 3, skipped: 0 } });
    expect(await countOf(COLLECTIONS.outbox, { page: `pages/activity/detail/index?id=${activityId}` })).toBe(3);
    expect(await detail(fx, 'secretaryA', activityId)).toMatchObject({ reminderSent: true });
    expectRefused(await fx.call('secretaryA', 'activity', 'remind', { activityId }), 'FAILED_PRECONDITION');
  });

  it('the hourly job reminds for activities starting within a day, once', async () => {
    const activityId = await createActivity(fx, 'secretaryB', { ...startingIn(300), audience: { kind: 'committee' } });
    const { runHourly } = await import('../../../cloudfunctions/core/jobs/hourly');
    await runHourly();
    const reminded = await countOf(COLLECTIONS.outbox, { page: `pages/activity/detail/index?id=${activityId}` });
    expect(reminded).toBe(2);
    await runHourly();
    expect(await countOf(COLLECTIONS.outbox, { page: `pages/activity/detail/index?id=${activityId}` })).toBe(2);
  });

  it('a member sees their own attendance history', async () => {
    const result = await fx.call<{ items: { state: string; title: string }[]; total: number }>(
      'memberA',
      'activity',
      'myAttendance',
      { page: 1, pageSize: 50 },
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.data.total).toBeGreaterThan(0);
    expect(result.data.items.some((i) => i.state === 'present')).toBe(true);
  });
});

describe('the counter recount job', () => {
  it('finds and repairs drift between the counters and the records', async () => {
    const activityId = await createActivity(fx, 'secretaryA', happeningNow({ title: '漂移测试' }));
    await fx.call('memberA', 'activity', 'checkin', { token: await tokenFor(fx, 'secretaryA', activityId) });
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    // The recount leaves an activity alone while check-ins may still arrive; move this one, and its
    // record, back to a morning whose check-in has long closed (in the same Beijing month).
    const db = cloud.database();
    const monthStart = new Date(`${month}-01T00:00:00+08:00`).getTime();
    const at = Math.max(monthStart + 60_000, Date.now() - 4 * 3600_000);
    await db
      .collection(COLLECTIONS.activities)
      .doc(activityId)
      .update({ data: { startAt: new Date(at), endAt: new Date(at + 1000), changedAt: null } });
    await db
      .collection(COLLECTIONS.checkins)
      .doc(`${activityId}_${DEMO.memberA.memberId}`)
      .update({ data: { at: new Date(at) } });
    // A crash between the insert and the counter would leave this: a record the counter missed.
    await cloud
      .database()
      .collection(COLLECTIONS.branchMonths)
      .doc(`${BRANCH_A}_${month}`)
      .update({ data: { [`activities.${activityId}.present`]: 0 } });

    const first = await fx.call<{ drift: { activityId: string; field: string; recorded: number; actual: number }[] }>(
      'admin',
      'jobs',
      'recount',
      {
        months: [month],
      },
    );
    if (!first.ok) throw new Error(first.message);
    expect(first.data.drift).toContainEqual({ activityId, field: 'present', recorded: 0, actual: 1 });
    expect(await detail(fx, 'secretaryA', activityId)).toMatchObject({ present: 1 });
    const again = await fx.call<{ drift: unknown[] }>('admin', 'jobs', 'recount', { months: [month] });
    expect(again).toMatchObject({ ok: true, data: { drift: [] } });
    expectRefused(await fx.call('secretaryA', 'jobs', 'recount', { months: [month] }), 'FORBIDDEN');
  });

  it('a timer event runs the hourly job; the same event from a WeChat user does not', async () => {
    const asTimer = await runtime.invoke(
      'jobs',
      { Type: 'Timer', TriggerName: 'hourly', Time: new Date().toISOString() },
      { openid: null },
    );
    expect(asTimer).toHaveProperty('recount');
    const asUser = await runtime.invoke(
      'jobs',
      { Type: 'Timer', TriggerName: 'hourly' },
      { openid: DEMO.memberA.openid },
    );
    expect(asUser).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
  });
});
