/**
 * The dashboard's figures against a slow, obvious recount from the raw records, on random data.
 *
 * fast-check draws branches and members, activities (some cancelled, some with leave asked and
 * approved or refused, scan check-ins, some starting just before midnight at a month's edge),
 * study tasks with completions (some after the due date), quizzes with attempts (passed, failed,
 * failed then passed) and notices with reads. Everything goes through the real function actions
 * on a controlled server clock; no counter is written by the test. Then `naive` recounts every
 * figure from the records alone (activities, check-ins, leave records, study completions, quiz
 * attempts, notice deliveries and receipts), by the counting rules as written in the issue, and
 * `stats.dashboard`, `stats.branch` and `stats.mine` must answer the same.
 */
import cloud from 'wx-server-sdk';
import fc from 'fast-check';
import {
  ACTIVITY_TYPES,
  COLLECTIONS,
  type ActivityDoc,
  type ActivityType,
  type BranchMetrics,
  type BranchMonthDoc,
  type BranchYearDoc,
  type BranchStats,
  type CheckinDoc,
  type Dashboard,
  type LeaveDoc,
  type MyStats,
  type NoticeBranchDoc,
  type NoticeReceiptDoc,
  type QuizAttempt,
  type QuizAttemptDoc,
  type QuizDoc,
  type QuizSeatDoc,
  type StudyCompletionDoc,
  type StudyTaskDoc,
} from '@zhibu/types';
import { issueToken } from '../../../cloudfunctions/core/activity/checkin-token';
import { buildBureauRollups } from '../../../cloudfunctions/core/stats/bureau-rollup';
import { rollupMarkId } from '../../../cloudfunctions/core/stats/rollup';
import { periodOrThrow } from '../../../cloudfunctions/core/stats/rules';
import type { LocalRuntime } from '../../../emulator/runtime';
import { bj, controlClock, type TestClock } from '../../support/clock';
import { aBranch, aMember } from '../../support/factories';
import { fixtureFor, type Fixture } from '../../support/fixture';
import { DEMO, startTestRuntime } from '../../support/runtime';
import { designedQuestions, keyAsShown } from '../quiz/quiz-fixture';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const PERIOD = '2026-05';
/** The clock when the figures are read: late May, so some May meetings are still to come. */
const NOW = bj('2026-05-22 12:00');
const MAY_1 = bj('2026-05-01');
const QUESTIONS = designedQuestions(6, '统');

let runtime: LocalRuntime;
let fx: Fixture;
let clock: TestClock;
let world = 0;

beforeAll(async () => {
  clock = controlClock(NOW);
  runtime = await startTestRuntime();
  fx = fixtureFor(runtime);
  // The year is marked rolled up without the sync (which would repair the year documents first), so
  // that the year's dashboard reads the year documents exactly as the counter writes left them.
  await cloud
    .database()
    .collection(COLLECTIONS.statsConfig)
    .doc(rollupMarkId('2026'))
    .set({ data: { year: '2026', rolledUpAt: new Date() } });
});
afterAll(() => {
  runtime?.close();
  clock?.restore();
});

function must<T>(result: { ok: true; data: T } | { ok: false; code: string; message: string }, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.code} ${result.message}`);
  return result.data;
}

// ---- the random world -------------------------------------------------------------------------

const activityArb = fc.record({
  type: fc.constantFrom<ActivityType>(...ACTIVITY_TYPES),
  /** Days from 1 May; the range reaches into April and June to check the period's edges. */
  day: fc.integer({ min: -3, max: 33 }),
  /** 23:30 on a month's last day ends in the next month: it counts where it started. */
  hour: fc.constantFrom(9, 15, 23.5),
  cancel: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
  leaves: fc.array(fc.record({ who: fc.nat(), approve: fc.boolean() }), { maxLength: 3 }),
  present: fc.array(fc.nat(), { maxLength: 5 }),
});

const taskArb = fc.record({
  dueDay: fc.integer({ min: -2, max: 33 }),
  /** Days the task runs before its due date. */
  runs: fc.integer({ min: 1, max: 8 }),
  /** Each done by a member some hours after it started: after its due date is late. */
  done: fc.array(fc.record({ who: fc.nat(), afterHours: fc.integer({ min: 1, max: 12 * 24 }) }), { maxLength: 5 }),
});

const quizArb = fc.record({
  openDay: fc.integer({ min: -3, max: 20 }),
  takers: fc.array(fc.record({ who: fc.nat(), tries: fc.constantFrom('pass', 'fail', 'failThenPass') }), {
    maxLength: 4,
  }),
});

const noticeArb = fc.record({
  day: fc.integer({ min: -3, max: 20 }),
  readers: fc.array(fc.record({ who: fc.nat(), afterHours: fc.integer({ min: 0, max: 72 }) }), { maxLength: 5 }),
});

const branchArb = fc.record({
  members: fc.integer({ min: 1, max: 4 }),
  activities: fc.array(activityArb, { minLength: 1, maxLength: 6 }),
  tasks: fc.array(taskArb, { maxLength: 2 }),
  quizzes: fc.array(quizArb, { maxLength: 2 }),
  notices: fc.array(noticeArb, { maxLength: 2 }),
});

type BranchPlan = typeof branchArb extends fc.Arbitrary<infer T> ? T : never;

interface Person {
  id: string;
  openid: string;
}

interface Built {
  branchId: string;
  secretary: Person;
  people: Person[];
}

/** A time at or before NOW: what the members do happens by the time the figures are read. */
const upToNow = (t: number) => t <= NOW.getTime();

async function buildBranch(plan: BranchPlan): Promise<Built> {
  clock.set(bj('2026-04-01 08:00'));
  world += 1;
  const branch = await aBranch({ name: `随机支部${world}`, partyGroups: [] });
  const sec = await aMember(branch._id, { name: '书记', roles: ['member', 'secretary', 'committee'] });
  const secretary = { id: sec._id, openid: sec.openid! };
  const people: Person[] = [secretary];
  for (let i = 0; i < plan.members; i++) {
    const m = await aMember(branch._id, { name: `党员${i}` });
    people.push({ id: m._id, openid: m.openid! });
  }
  const pick = (n: number) => people[n % people.length]!;
  const call = <T>(who: Person, fn: string, action: string, data: unknown) =>
    fx.call<T>(who.openid, fn, action, data).then((r) => must(r, `${fn}.${action}`));

  for (const a of plan.activities) {
    const start = MAY_1.getTime() + a.day * DAY + a.hour * HOUR;
    const end = start + HOUR;
    clock.set(new Date(start - 2 * DAY));
    const { activityId } = await call<{ activityId: string }>(secretary, 'activity', 'create', {
      title: '随机活动',
      type: a.type,
      startAt: new Date(start).toISOString(),
      endAt: new Date(end).toISOString(),
      place: '会议室',
    });
    // A 支委会 is the committee's: here the secretary alone.
    const attendee = (n: number) => (a.type === 'committee' ? secretary : pick(n));
    for (const leave of a.leaves) {
      const who = attendee(leave.who);
      clock.set(new Date(start - DAY));
      const asked = await fx.call(who.openid, 'activity', 'requestLeave', { activityId, reason: '外出培训' });
      if (!asked.ok) continue; // asked twice, or already approved
      await call(secretary, 'activity', 'reviewLeave', { activityId, memberId: who.id, approve: leave.approve });
    }
    if (upToNow(start + 10 * 60_000)) {
      clock.set(new Date(start + 10 * 60_000));
      const { token } = issueToken(activityId, process.env.CHECKIN_SECRET!, Date.now());
      for (const n of a.present) await call(attendee(n), 'activity', 'checkin', { token });
    }
    if (a.cancel) {
      clock.set(new Date(Math.min(start + 20 * 60_000, NOW.getTime())));
      await call(secretary, 'activity', 'cancel', { activityId, reason: '因故取消' });
    }
  }

  for (const t of plan.tasks) {
    const due = MAY_1.getTime() + t.dueDay * DAY + 18 * HOUR;
    const created = due - t.runs * DAY;
    clock.set(new Date(created));
    const { taskId } = await call<{ taskId: string }>(secretary, 'study', 'createTask', {
      title: '随机学习任务',
      material: { text: '学习党章第一章。' },
      dueAt: new Date(due).toISOString(),
    });
    const done = new Set<string>();
    for (const d of [...t.done].sort((x, y) => x.afterHours - y.afterHours)) {
      const at = created + d.afterHours * HOUR;
      const who = pick(d.who);
      if (!upToNow(at) || done.has(who.id)) continue;
      done.add(who.id);
      clock.set(new Date(at));
      await call(who, 'study', 'complete', { taskId });
    }
  }

  if (plan.quizzes.length > 0) {
    clock.set(bj('2026-04-01 09:00'));
    const { bankId } = await call<{ bankId: string }>(secretary, 'quiz', 'createBank', { name: '随机题库' });
    for (const q of QUESTIONS) await call(secretary, 'quiz', 'createQuestion', { bankId, ...q });
    for (const q of plan.quizzes) {
      const open = MAY_1.getTime() + q.openDay * DAY + 9 * HOUR;
      clock.set(new Date(open - HOUR));
      const { quizId } = await call<{ quizId: string }>(secretary, 'quiz', 'create', {
        title: '随机测试',
        openAt: new Date(open).toISOString(),
        closeAt: new Date(open + 2 * DAY).toISOString(),
        draw: { count: 3, bankIds: [bankId] },
        passScore: 60,
        timeLimitMinutes: 20,
        maxAttempts: 2,
      });
      const seen = new Set<string>();
      for (const taker of q.takers) {
        const who = pick(taker.who);
        if (seen.has(who.id)) continue;
        seen.add(who.id);
        const tries = taker.tries === 'failThenPass' ? [false, true] : [taker.tries === 'pass'];
        for (const [i, pass] of tries.entries()) {
          clock.set(new Date(open + (i + 1) * HOUR));
          const attempt = await call<QuizAttempt>(who, 'quiz', 'start', { quizId });
          const answers = pass
            ? Object.fromEntries(attempt.questions.map((x) => [x.questionId, keyAsShown(QUESTIONS, x)]))
            : {};
          await call(who, 'quiz', 'submit', { attemptId: attempt.attemptId, answers });
        }
      }
    }
  }

  for (const n of plan.notices) {
    const at = MAY_1.getTime() + n.day * DAY + 10 * HOUR;
    clock.set(new Date(at));
    const { noticeId } = await call<{ noticeId: string }>(secretary, 'notice', 'create', {
      title: '关于开展学习的通知',
      body: '请各位党员按时参加。',
    });
    for (const r of [...n.readers].sort((x, y) => x.afterHours - y.afterHours)) {
      const t = at + r.afterHours * HOUR;
      if (!upToNow(t)) continue;
      clock.set(new Date(t));
      await call(pick(r.who), 'notice', 'get', { noticeId });
    }
  }
  return { branchId: branch._id, secretary, people };
}

// ---- the slow, obvious recount ------------------------------------------------------------------

/** A whole collection, page by page, filtered here in plain code: nothing of the functions' queries. */
async function all<T>(collection: string, where: Record<string, string>): Promise<T[]> {
  const db = cloud.database();
  const out: T[] = [];
  for (;;) {
    const { data } = (await db
      .collection(collection)
      .orderBy('_id', 'asc')
      .skip(out.length)
      .limit(1000)
      .get()) as unknown as {
      data: T[];
    };
    out.push(...data);
    if (data.length < 1000) break;
  }
  return out.filter((doc) => Object.entries(where).every(([k, v]) => (doc as Record<string, unknown>)[k] === v));
}

/** The Beijing month of an instant, written out longhand. */
const monthOf = (at: Date | string) => new Date(new Date(at).getTime() + 8 * HOUR).toISOString().slice(0, 7);
const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);

interface Figures {
  held: Record<string, number>;
  expected: number;
  present: number;
  leave: number;
  studyExpected: number;
  studyDone: number;
  studyLate: number;
  quizExpected: number;
  quizTaken: number;
  quizPassed: number;
  noticeExpected: number;
  noticeRead: number;
}

/** Every figure for the branch, or for one member of it, from the records alone. */
/** `period` is any period key: what counts in it is what counts in its months. */
async function naive(branchId: string, memberId?: string, period: string = PERIOD): Promise<Figures> {
  const now = Date.now();
  const months = new Set(periodOrThrow(period).months);
  const inPeriod = (at: Date | string) => months.has(monthOf(at));
  const mine = (ids: string[]) => (memberId ? ids.filter((id) => id === memberId) : ids);
  const f: Figures = {
    held: Object.fromEntries(ACTIVITY_TYPES.map((t) => [t, 0])),
    expected: 0,
    present: 0,
    leave: 0,
    studyExpected: 0,
    studyDone: 0,
    studyLate: 0,
    quizExpected: 0,
    quizTaken: 0,
    quizPassed: 0,
    noticeExpected: 0,
    noticeRead: 0,
  };
  // 到会: a meeting counts in the month it starts, once it has ended, unless cancelled.
  const activities = await all<ActivityDoc>(COLLECTIONS.activities, { branchId });
  const checkins = await all<CheckinDoc>(COLLECTIONS.checkins, { branchId });
  const leaves = await all<LeaveDoc>(COLLECTIONS.leaves, { branchId });
  for (const a of activities) {
    if (a.status === 'cancelled' || new Date(a.endAt).getTime() > now || !inPeriod(a.startAt)) continue;
    const expected = mine(a.expectedIds);
    if (memberId && expected.length === 0) continue;
    f.held[a.type]! += 1;
    f.expected += expected.length;
    const present = new Set(
      checkins
        .filter((c) => c.activityId === a._id && c.state === 'present' && expected.includes(c.memberId))
        .map((c) => c.memberId),
    );
    f.present += present.size;
    const onLeave = new Set(
      leaves
        .filter((l) => l.activityId === a._id && l.status === 'approved' && expected.includes(l.memberId))
        .map((l) => l.memberId),
    );
    f.leave += [...onLeave].filter((id) => !present.has(id)).length;
  }
  // 学习: tasks due in the period, once started; done by the due date, or late after it.
  const tasks = await all<StudyTaskDoc>(COLLECTIONS.studyTasks, { branchId });
  const completions = await all<StudyCompletionDoc>(COLLECTIONS.studyCompletions, { branchId });
  for (const t of tasks) {
    if (!t.audienceFixedAt || !inPeriod(t.dueAt)) continue;
    const expected = mine(t.expectedIds);
    f.studyExpected += expected.length;
    const done = completions.filter((c) => c.taskId === t._id && expected.includes(c.memberId));
    f.studyDone += done.length;
    f.studyLate += done.filter((c) => new Date(c.completedAt).getTime() > new Date(t.dueAt).getTime()).length;
  }
  // 测试: quizzes opening in the period; taken = a submitted attempt; passed = best score ≥ pass.
  const quizzes = await all<QuizDoc>(COLLECTIONS.quizzes, { branchId });
  const seats = await all<QuizSeatDoc>(COLLECTIONS.quizSeats, { branchId });
  const attempts = await all<QuizAttemptDoc>(COLLECTIONS.quizAttempts, { branchId });
  for (const q of quizzes) {
    if (q.status !== 'published' || !inPeriod(q.openAt)) continue;
    for (const seat of seats.filter((s) => s.quizId === q._id && mine([s.memberId]).length > 0)) {
      f.quizExpected += 1;
      const scores = attempts
        .filter((x) => x.quizId === q._id && x.memberId === seat.memberId && x.status === 'submitted')
        .map((x) => x.score ?? 0);
      if (scores.length > 0) f.quizTaken += 1;
      if (scores.length > 0 && Math.max(...scores) >= q.passScore) f.quizPassed += 1;
    }
  }
  // 通知: notices published in the period; read = a receipt of someone it was posted to.
  const deliveries = await all<NoticeBranchDoc>(COLLECTIONS.noticeBranches, { branchId });
  const receipts = await all<NoticeReceiptDoc>(COLLECTIONS.noticeReceipts, { branchId });
  for (const d of deliveries) {
    if (d.status !== 'published' || !inPeriod(d.publishedAt)) continue;
    const audience = mine(d.audienceIds);
    f.noticeExpected += audience.length;
    f.noticeRead += receipts.filter((r) => r.noticeId === d.noticeId && audience.includes(r.memberId)).length;
  }
  return f;
}

function figuresOf(m: BranchMetrics): Figures & Record<string, unknown> {
  return {
    held: m.held,
    expected: m.expected,
    present: m.present,
    leave: m.leave,
    studyExpected: m.studyExpected,
    studyDone: m.studyDone,
    studyLate: m.studyLate,
    quizExpected: m.quizExpected,
    quizTaken: m.quizTaken,
    quizPassed: m.quizPassed,
    noticeExpected: m.noticeExpected,
    noticeRead: m.noticeRead,
    attendanceRate: m.attendanceRate,
    studyCompletionRate: m.studyCompletionRate,
    quizPassRate: m.quizPassRate,
    noticeReadRate: m.noticeReadRate,
  };
}

function withRates(f: Figures): Figures & Record<string, unknown> {
  return {
    ...f,
    attendanceRate: ratio(f.present, f.expected),
    studyCompletionRate: ratio(f.studyDone - f.studyLate, f.studyExpected),
    quizPassRate: ratio(f.quizPassed, f.quizExpected),
    noticeReadRate: ratio(f.noticeRead, f.noticeExpected),
  };
}

const YEAR = '2026';

/** A branch's year document, with the totals that are zero left out (zero and absent count the same). */
async function yearDoc(branchId: string): Promise<unknown> {
  const { data } = (await cloud
    .database()
    .collection(COLLECTIONS.branchMonths)
    .doc(`${branchId}_${YEAR}`)
    .get()) as unknown as { data: BranchYearDoc };
  // Counts of the writes to this document, not totals: a year's are not its months' sums.
  const { rev, revs, ...rest } = data;
  void [rev, revs];
  return withoutZeros(rest);
}

/** The year document the branch's month documents add up to: their entries, summed totals and each month's totals. */
async function yearFromMonths(branchId: string): Promise<unknown> {
  const { data: months } = (await cloud
    .database()
    .collection(COLLECTIONS.branchMonths)
    .where({ branchId, month: cloud.database().RegExp({ regexp: `^${YEAR}-` }) })
    .limit(100)
    .get()) as unknown as { data: BranchMonthDoc[] };
  const year: Record<string, unknown> = { _id: `${branchId}_${YEAR}`, branchId, year: YEAR, byMonth: {} };
  for (const month of months) {
    const { _id, branchId: _b, month: m, byMonth, activities, notices, quizzes, study, rev, revs, ...totals } = month;
    void [_id, _b, byMonth, rev, revs];
    const own = {
      ...totals,
      ...(study ? { study: { expected: study.expected, done: study.done, late: study.late } } : {}),
    };
    (year.byMonth as Record<string, unknown>)[m] = own;
    addNumbers(year, own);
    year.activities = { ...(year.activities as object), ...activities };
    if (notices) year.notices = { ...(year.notices as object), ...notices };
    if (quizzes) year.quizzes = { ...(year.quizzes as object), ...quizzes };
    if (study) {
      const y = (year.study ??= {}) as Record<string, unknown>;
      y.tasks = { ...(y.tasks as object), ...study.tasks };
    }
  }
  return withoutZeros(year);
}

function addNumbers(into: Record<string, unknown>, from: object): void {
  for (const [key, value] of Object.entries(from)) {
    if (typeof value === 'number') into[key] = ((into[key] as number | undefined) ?? 0) + value;
    else if (value && typeof value === 'object' && !Array.isArray(value)) {
      into[key] ??= {};
      addNumbers(into[key] as Record<string, unknown>, value);
    }
  }
}

/** Totals of zero and the objects left empty by removing them dropped; entries (the id-keyed containers) kept as they are. */
function withoutZeros(doc: unknown, path = ''): unknown {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return doc;
  const entries = /^(activities|notices|quizzes|study\.tasks)\.[^.]+$/;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    const at = path ? `${path}.${key}` : key;
    if (entries.test(at)) {
      out[key] = value;
      continue;
    }
    const kept = withoutZeros(value, at);
    if (kept === 0 || (kept && typeof kept === 'object' && !Array.isArray(kept) && Object.keys(kept).length === 0))
      continue;
    out[key] = kept;
  }
  return out;
}

test('dashboard, branch page and a member record equal a recount from the raw records', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(branchArb, { minLength: 1, maxLength: 2 }), fc.nat(), async (plans, memberPick) => {
      const built: Built[] = [];
      for (const plan of plans) built.push(await buildBranch(plan));

      clock.set(NOW);
      const dashboard = must(
        await fx.call<Dashboard>(DEMO.admin.openid, 'stats', 'dashboard', { period: PERIOD }),
        'dashboard',
      );
      for (const b of built) {
        const row = dashboard.branches.find((r) => r.branchId === b.branchId);
        const expected = withRates(await naive(b.branchId));
        if (process.env.STATS_PROPERTY_LOG) console.log(JSON.stringify(expected));
        expect(row && figuresOf(row)).toEqual(expected);
        const page = must(
          await fx.call<BranchStats>(b.secretary.openid, 'stats', 'branch', { period: PERIOD }),
          'branch',
        );
        expect(figuresOf(page.metrics)).toEqual(expected);
      }
      // Half a year: each branch's months summed in the database from the year documents (or, after
      // the first run, from the rollups built then, this run's branches read as moved).
      const half = must(
        await fx.call<Dashboard>(DEMO.admin.openid, 'stats', 'dashboard', { period: '2026-H1' }),
        'dashboard of the half-year',
      );
      for (const b of built) {
        const row = half.branches.find((r) => r.branchId === b.branchId);
        expect(row && figuresOf(row)).toEqual(withRates(await naive(b.branchId, undefined, '2026-H1')));
      }
      // The year: read from the year documents the counter writes keep beside the months.
      const year = must(
        await fx.call<Dashboard>(DEMO.admin.openid, 'stats', 'dashboard', { period: YEAR }),
        'dashboard of the year',
      );
      for (const b of built) {
        const row = year.branches.find((r) => r.branchId === b.branchId);
        expect(row && figuresOf(row)).toEqual(withRates(await naive(b.branchId, undefined, YEAR)));
        expect(await yearDoc(b.branchId)).toEqual(await yearFromMonths(b.branchId));
      }
      // The same three periods read from the bureau's rollups: once built, with every branch as it
      // was built; and in the next run, with the branches written since as moved.
      await buildBureauRollups([YEAR]);
      for (const period of [PERIOD, '2026-H1', YEAR]) {
        const fromRollups = must(
          await fx.call<Dashboard>(DEMO.admin.openid, 'stats', 'dashboard', { period }),
          `dashboard of ${period} from the rollups`,
        );
        for (const b of built) {
          const row = fromRollups.branches.find((r) => r.branchId === b.branchId);
          expect(row && figuresOf(row)).toEqual(withRates(await naive(b.branchId, undefined, period)));
        }
      }
      const b = built[memberPick % built.length]!;
      const me = b.people[memberPick % b.people.length]!;
      const mine = must(await fx.call<MyStats>(me.openid, 'stats', 'mine', { period: PERIOD }), 'mine');
      const own = await naive(b.branchId, me.id);
      expect({
        attendance: {
          expected: mine.attendance.expected,
          present: mine.attendance.present,
          leave: mine.attendance.leave,
        },
        study: mine.study,
        quizzes: mine.quizzes,
        notices: mine.notices,
      }).toEqual({
        attendance: {
          expected: Object.values(own.held).reduce((x, y) => x + y, 0),
          present: own.present,
          leave: own.leave,
        },
        study: { expected: own.studyExpected, done: own.studyDone, late: own.studyLate },
        quizzes: { expected: own.quizExpected, taken: own.quizTaken, passed: own.quizPassed },
        notices: { expected: own.noticeExpected, read: own.noticeRead },
      });
    }),
    {
      numRuns: Number(process.env.STATS_PROPERTY_RUNS ?? 8),
      seed: Number(process.env.STATS_PROPERTY_SEED ?? Date.now() % 2 ** 31),
      endOnFailure: true,
    },
  );
}, 120_000);
