import cloud from 'wx-server-sdk';
import {
  COLLECTIONS,
  type BranchMonthDoc,
  type BranchTerms,
  type Compliance,
  type Dashboard,
  type MyTraining,
  type TrainingDetail,
} from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { aMember } from '../../support/factories';
import { BRANCH_A, BRANCH_B, expectRefused, fixtureFor, type Fixture } from '../../support/fixture';
import { DEMO, startTestRuntime } from '../../support/runtime';
import { dayFromToday, trainingOn, unwrap } from './helpers';
import { beijingDate } from '../../../cloudfunctions/core/runtime/time';

jest.setTimeout(30_000);
let runtime: LocalRuntime;
let fx: Fixture;
beforeAll(async () => {
  runtime = await startTestRuntime({ dbLatencyMs: 3 });
  fx = fixtureFor(runtime);
});
afterAll(() => runtime.close());

const SEC_A = DEMO.secretaryA.memberId;
const SEC_B = DEMO.secretaryB.memberId;

const terms = async (branchId: string) =>
  unwrap(await fx.call<BranchTerms>('admin', 'training', 'terms', { branchId }));
const start = (branchId: string, secretaryId: string, startDate: string) =>
  fx.call<BranchTerms>('admin', 'training', 'startTerm', { branchId, secretaryId, startDate });
const record = async (startDate: string, attendeeIds: string[]) =>
  unwrap(await fx.call<{ trainingId: string }>('admin', 'training', 'create', trainingOn(startDate, attendeeIds)))
    .trainingId;

describe('terms of office', () => {
  it('a new term ends the previous one the day before, and counts only the trainings in it', async () => {
    const before = await record(dayFromToday(-400), [SEC_A]);
    unwrap(await start(BRANCH_A, SEC_A, dayFromToday(-300)));
    const inFirst = await record(dayFromToday(-200), [SEC_A]);
    let view = await terms(BRANCH_A);
    expect(view.terms).toHaveLength(1);
    expect(view.item).toMatchObject({ secretaryId: SEC_A, trained: 1, required: 2, status: 'due', needed: 1 });

    // A second term: the first ends the day before, and keeps its one training.
    view = unwrap(await start(BRANCH_A, SEC_A, dayFromToday(-100)));
    expect(view.terms).toHaveLength(2);
    expect(view.terms[0]).toMatchObject({ startDate: dayFromToday(-300), endDate: dayFromToday(-101), trained: 1 });
    expect(view.terms[1]).toMatchObject({ startDate: dayFromToday(-100), endDate: null, trained: 0 });

    // Starting one that does not follow the latest is refused, naming why.
    const early = await start(BRANCH_A, SEC_A, dayFromToday(-150));
    expectRefused(early, 'FAILED_PRECONDITION');
    expect(!early.ok && early.message).toContain('晚于上一届');

    // Trainings before the term and in the earlier term do not count in the current one.
    const inSecond = await record(dayFromToday(-10), [SEC_A]);
    view = await terms(BRANCH_A);
    expect(view.item).toMatchObject({ trained: 1, status: 'due', needed: 1 });
    expect([before, inFirst, inSecond]).toHaveLength(3);
  });

  it('a term is only for the branch secretary, starts no later than today, and only once in a day', async () => {
    expectRefused(await start(BRANCH_A, DEMO.memberA.memberId, dayFromToday(-5)), 'FAILED_PRECONDITION');
    expectRefused(await start(BRANCH_A, SEC_B, dayFromToday(-5)), 'INVALID_ARGUMENT');
    expectRefused(await start(BRANCH_B, SEC_B, dayFromToday(2)), 'FAILED_PRECONDITION');
    expectRefused(await start('no-such-branch', SEC_B, dayFromToday(-5)), 'NOT_FOUND');
  });

  it('two admins starting the same term at once make one history', async () => {
    const branch = await fx.branchWithMember();
    const sec = await aMember(branch.branch._id, { roles: ['member', 'secretary'], name: '并发书记' });
    const date = dayFromToday(-30);
    const results = await Promise.all([
      start(branch.branch._id, sec._id, date),
      start(branch.branch._id, sec._id, date),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expectRefused(
      results.find((r) => !r.ok)!,
      'FAILED_PRECONDITION',
    );
    expect((await terms(branch.branch._id)).terms).toHaveLength(1);
  });
});

describe('QR check-in of secretaries from two branches to one training', () => {
  it('counts both in the register and changes neither branch’s meeting statistics', async () => {
    unwrap(await start(BRANCH_B, SEC_B, dayFromToday(-60)));
    const db = cloud.database();
    const period = dayFromToday(0).slice(0, 7);
    const monthDocs = async () =>
      (
        (await db
          .collection(COLLECTIONS.branchMonths)
          .where({ _id: db.command.in([`${BRANCH_A}_${period}`, `${BRANCH_B}_${period}`, `bureau_${period}`]) })
          .get()) as unknown as { data: BranchMonthDoc[] }
      ).data;
    const dashboard = async () =>
      unwrap(await fx.call<Dashboard>('admin', 'stats', 'dashboard', { period })).branches.filter((b) =>
        ([BRANCH_A, BRANCH_B] as string[]).includes(b.branchId),
      );
    const monthsBefore = await monthDocs();
    const dashBefore = await dashboard();
    const countsBefore = {
      a: (await terms(BRANCH_A)).item!.trained,
      b: (await terms(BRANCH_B)).item!.trained,
    };

    const now = Date.now();
    const created = unwrap(
      await fx.call<{ trainingId: string; activityId: string }>('admin', 'training', 'create', {
        // Its days cover the whole check-in window, which may cross Beijing midnight.
        ...trainingOn(beijingDate(new Date(now - 10 * 60_000)), []),
        endDate: beijingDate(new Date(now + 60 * 60_000)),
        checkin: {
          startAt: new Date(now - 10 * 60_000).toISOString(),
          endAt: new Date(now + 60 * 60_000).toISOString(),
          place: '县委党校报告厅',
          inviteeIds: [SEC_A, SEC_B, DEMO.committeeA.memberId],
        },
      }),
    );
    expect(created.activityId).toBeTruthy();
    // The trainer's screen: the ordinary check-in code of the activity, one for every branch.
    const code = unwrap(
      await fx.call<{ token: string; expected: number; present: number }>('admin', 'activity', 'checkinCode', {
        activityId: created.activityId,
      }),
    );
    expect(code).toMatchObject({ expected: 3, present: 0 });
    const scans = await Promise.all([
      fx.call('secretaryA', 'activity', 'checkin', { token: code.token }),
      fx.call('secretaryB', 'activity', 'checkin', { token: code.token }),
      fx.call('secretaryB', 'activity', 'checkin', { token: code.token }),
    ]);
    for (const scan of scans) expect(scan.ok).toBe(true);
    // Someone not invited (a plain member of A) cannot check in to it.
    expectRefused(await fx.call('memberA', 'activity', 'checkin', { token: code.token }), 'FORBIDDEN');

    const detail = unwrap(
      await fx.call<TrainingDetail>('admin', 'training', 'get', { trainingId: created.trainingId }),
    );
    expect(detail.attendeeList.map((p) => [p.memberId, p.source]).sort()).toEqual([
      [SEC_A, 'scan'],
      [SEC_B, 'scan'],
    ]);
    expect(detail.attendeeList.find((p) => p.memberId === SEC_B)?.branchName).toBeTruthy();
    const live = unwrap(
      await fx.call<{ present: number }>('admin', 'activity', 'checkinCode', { activityId: created.activityId }),
    );
    expect(live.present).toBe(2);

    expect((await terms(BRANCH_A)).item!.trained).toBe(countsBefore.a + 1);
    expect((await terms(BRANCH_B)).item!.trained).toBe(countsBefore.b + 1);
    const mineB = unwrap(await fx.call<MyTraining>('secretaryB', 'training', 'mine', {}));
    expect(mineB.term).toMatchObject({ secretaryId: SEC_B, trained: countsBefore.b + 1 });
    expect(mineB.items.map((t) => t.trainingId)).toContain(created.trainingId);

    // Neither branch's meeting counters nor its dashboard figures moved; the recount agrees.
    expect(await monthDocs()).toEqual(monthsBefore);
    const recount = unwrap(await fx.call<{ drift: unknown[] }>('admin', 'jobs', 'recount', {}));
    expect(recount.drift).toEqual([]);
    expect(await monthDocs()).toEqual(monthsBefore);
    const pick = (rows: Dashboard['branches']) => rows.map((b) => [b.branchId, b.expected, b.present, b.heldTotal]);
    expect(pick(await dashboard())).toEqual(pick(dashBefore));
    // Nor the secretary's own meeting record.
    const my = unwrap(
      await fx.call<{ attendance: { activities: { activityId: string }[] } }>('secretaryA', 'stats', 'mine', {
        period,
      }),
    );
    expect(my.attendance.activities.map((a) => a.activityId)).not.toContain(created.activityId);
  });
});

describe('the compliance item 书记培训', () => {
  it('进行中 with how many are needed, 已完成, and 已逾期 (red light) when a term ends short', async () => {
    const { branch } = await fx.branchWithMember();
    const sec = await aMember(branch._id, { roles: ['member', 'secretary'], name: '培训书记' });
    const year = Number(dayFromToday(0).slice(0, 4));
    const calendar = async () =>
      unwrap(await fx.call<Compliance>('admin', 'stats', 'compliance', { branchId: branch._id, year }));
    expect((await calendar()).training ?? null).toBeNull();

    unwrap(await start(branch._id, sec._id, dayFromToday(-50)));
    await record(dayFromToday(-40), [sec._id]);
    expect((await calendar()).training).toMatchObject({ status: 'due', trained: 1, needed: 1, required: 2 });

    // Ends short: 已逾期, and the light turns red naming the rule.
    unwrap(await fx.call('admin', 'training', 'endTerm', { branchId: branch._id, endDate: dayFromToday(-1) }));
    const overdue = await calendar();
    expect(overdue.training).toMatchObject({ status: 'overdue', trained: 1, needed: 1 });
    expect(overdue.light).toBe('red');
    expect(overdue.reasons.join()).toContain('至少参加培训 2 次');
    const period = dayFromToday(0).slice(0, 7);
    runtime.seam.reset();
    const dash = unwrap(await fx.call<Dashboard>('admin', 'stats', 'dashboard', { period }));
    // The dashboard reads every branch's terms at once: within its budget of 10 operations.
    expect(runtime.seam.calls).toBeLessThanOrEqual(10);
    const row = dash.branches.find((b) => b.branchId === branch._id)!;
    expect(row.light).toBe('red');
    expect(row.reasons.join()).toContain('培训书记');

    // A training recorded later that falls in the ended term still counts there: 已完成.
    await record(dayFromToday(-20), [sec._id]);
    expect((await calendar()).training).toMatchObject({ status: 'done', trained: 2, needed: 0 });
    // A training after the term ended does not.
    await record(dayFromToday(0), [sec._id]);
    expect((await calendar()).training).toMatchObject({ trained: 2 });
  });

  it('the rule is configurable and applies to running terms', async () => {
    const { branch } = await fx.branchWithMember();
    const sec = await aMember(branch._id, { roles: ['member', 'secretary'], name: '规则书记' });
    unwrap(await start(branch._id, sec._id, dayFromToday(-10)));
    await record(dayFromToday(-5), [sec._id]);
    expect(unwrap(await fx.call('admin', 'training', 'rule', { minPerTerm: 1 }))).toEqual({ minPerTerm: 1 });
    expect((await terms(branch._id)).item).toMatchObject({ status: 'done', required: 1 });
    unwrap(await fx.call('admin', 'training', 'rule', { minPerTerm: 2 }));
    expect((await terms(branch._id)).item).toMatchObject({ status: 'due', required: 2, needed: 1 });
  });
});

describe('attendees by hand', () => {
  it('setAttendees adds and takes off, and the term count follows', async () => {
    const { branch } = await fx.branchWithMember();
    const sec = await aMember(branch._id, { roles: ['member', 'secretary'], name: '登记书记' });
    unwrap(await start(branch._id, sec._id, dayFromToday(-10)));
    const trainingId = await record(dayFromToday(-3), []);
    let d = unwrap(
      await fx.call<TrainingDetail>('admin', 'training', 'setAttendees', { trainingId, attendeeIds: [sec._id, SEC_A] }),
    );
    expect(d.attendees).toBe(2);
    expect((await terms(branch._id)).item!.trained).toBe(1);
    d = unwrap(
      await fx.call<TrainingDetail>('admin', 'training', 'setAttendees', { trainingId, attendeeIds: [SEC_A] }),
    );
    expect(d.attendeeList.map((p) => p.memberId)).toEqual([SEC_A]);
    expect((await terms(branch._id)).item!.trained).toBe(0);
    // Only committee members attend; a future training takes no attendees yet.
    expectRefused(
      await fx.call('admin', 'training', 'setAttendees', { trainingId, attendeeIds: [DEMO.memberA.memberId] }),
      'INVALID_ARGUMENT',
    );
    expectRefused(
      await fx.call('admin', 'training', 'create', trainingOn(dayFromToday(3), [SEC_A])),
      'FAILED_PRECONDITION',
    );
    const audit = (
      (await cloud.database().collection(COLLECTIONS.auditLogs).where({ targetId: trainingId }).get()) as unknown as {
        data: { action: string }[];
      }
    ).data;
    expect(audit.map((a) => a.action).sort()).toEqual([
      'training.create',
      'training.setAttendees',
      'training.setAttendees',
    ]);
  });
});
