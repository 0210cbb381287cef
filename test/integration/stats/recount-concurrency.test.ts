/**
 * The hourly recount runs while members check in, are marked present by hand, complete study and
 * read notices, with database latency on so that requests interleave between any two calls. The
 * counters it is correcting were corrupted first, so its compare-and-set writes meet live
 * increments. Nothing may be lost or counted twice: once the writes have settled, the counters
 * equal the records and a further run finds no drift at all.
 */
import cloud from 'wx-server-sdk';
import {
  COLLECTIONS,
  type BranchMonthDoc,
  type BranchYearDoc,
  type Dashboard,
  type NoticeBranchDoc,
} from '@zhibu/types';
import { issueToken } from '../../../cloudfunctions/core/activity/checkin-token';
import { runHourly } from '../../../cloudfunctions/core/jobs/hourly';
import type { LocalRuntime } from '../../../emulator/runtime';
import { bj, controlClock, type TestClock } from '../../support/clock';
import { aBranchOf } from '../../support/factories';
import { countOf, fixtureFor, type Fixture } from '../../support/fixture';
import { DEMO, startTestRuntime } from '../../support/runtime';

const NOW = bj('2026-05-22 12:00');
const MONTH = '2026-05';
const YEAR = '2026';
const SIZE = 40;

let runtime: LocalRuntime;
let fx: Fixture;
let clock: TestClock;

beforeAll(async () => {
  clock = controlClock(bj('2026-05-20 09:00'));
  runtime = await startTestRuntime({ dbLatencyMs: 3 });
  fx = fixtureFor(runtime);
});
afterAll(() => {
  runtime?.close();
  clock?.restore();
});

function must<T>(result: { ok: true; data: T } | { ok: false; code: string; message: string }, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.code} ${result.message}`);
  return result.data;
}

async function read<T>(collection: string, id: string): Promise<T> {
  const { data } = (await cloud.database().collection(collection).doc(id).get()) as unknown as { data: T };
  return data;
}

type Hourly = Record<string, { drift?: number } | string>;
const driftOf = (result: Hourly) =>
  Object.fromEntries(
    ['recount', 'noticeRecount', 'study', 'quizRecount'].map((k) => {
      const part = result[k];
      return [k, typeof part === 'string' ? part : part?.drift];
    }),
  );

test('check-ins, marks, completions and reads during the recount: nothing lost, drift 0', async () => {
  const { branch, secretary, members } = await aBranchOf(SIZE, '并发重算学校党支部');
  const openid = (i: number) => `wx_${branch._id}_${i}`;
  const sec = secretary.openid!;
  const create = async (title: string, start: Date, end: Date) =>
    must(
      await fx.call<{ activityId: string }>(sec, 'activity', 'create', {
        title,
        type: 'theme_day',
        startAt: start.toISOString(),
        endAt: end.toISOString(),
        place: '会议室',
      }),
      'create',
    ).activityId;

  const ended = await create('上午的主题党日', bj('2026-05-22 09:00'), bj('2026-05-22 10:00'));
  const open = await create('中午的主题党日', bj('2026-05-22 11:50'), bj('2026-05-22 12:50'));
  const { taskId } = must(
    await fx.call<{ taskId: string }>(sec, 'study', 'createTask', {
      title: '学习党章',
      material: { text: '学习党章总纲。' },
      dueAt: bj('2026-05-25 18:00').toISOString(),
    }),
    'createTask',
  );
  const { noticeId } = must(
    await fx.call<{ noticeId: string }>(sec, 'notice', 'create', { title: '关于学习的通知', body: '请按时学习。' }),
    'notice',
  );
  // Before: ten scan in to the morning meeting, five complete the task, five read the notice.
  clock.set(bj('2026-05-22 09:05'));
  const morning = issueToken(ended, process.env.CHECKIN_SECRET!, Date.now()).token;
  for (let i = 0; i < 10; i++) must(await fx.call(openid(i), 'activity', 'checkin', { token: morning }), 'checkin');
  for (let i = 0; i < 5; i++) {
    must(await fx.call(openid(i), 'study', 'complete', { taskId }), 'complete');
    must(await fx.call(openid(i), 'notice', 'get', { noticeId }), 'read');
  }

  // A lost write for the recount to correct while the next ones land.
  clock.set(NOW);
  const db = cloud.database();
  const _ = db.command;
  await db
    .collection(COLLECTIONS.branchMonths)
    .doc(`${branch._id}_${MONTH}`)
    .update({
      data: {
        [`activities.${ended}.present`]: _.inc(-3),
        present: _.inc(-3),
      },
    });
  // And the year, apart from its month: a completion and a month's read lost there alone.
  await db
    .collection(COLLECTIONS.branchMonths)
    .doc(`${branch._id}_${YEAR}`)
    .update({
      data: {
        [`study.tasks.${taskId}.done`]: _.inc(-2),
        'study.done': _.inc(-2),
        [`byMonth.${MONTH}.study.done`]: _.inc(-2),
        [`byMonth.${MONTH}.noticeRead`]: _.inc(-1),
      },
    });

  const noon = issueToken(open, process.env.CHECKIN_SECRET!, Date.now()).token;
  const writes = [
    ...members.map((_m, i) => fx.call(openid(i), 'activity', 'checkin', { token: noon })),
    ...members.slice(10, 20).map((m) =>
      fx.call(sec, 'activity', 'markAttendance', {
        activityId: ended,
        memberId: m._id,
        state: 'present',
        reason: '会后补登签到',
      }),
    ),
    ...members.slice(5, 25).map((_m, i) => fx.call(openid(i + 5), 'study', 'complete', { taskId })),
    ...members.slice(5, 30).map((_m, i) => fx.call(openid(i + 5), 'notice', 'get', { noticeId })),
  ];
  const [during, ...results] = await Promise.all([runHourly() as Promise<Hourly>, ...writes]);
  for (const r of results) expect(r).toMatchObject({ ok: true });
  expect(typeof during.recount).toBe('object');
  // Right away, before any further run: the recount never counted a completion or a read whose
  // own increment was still on its way (that would count it twice).
  const now = await read<BranchMonthDoc>(COLLECTIONS.branchMonths, `${branch._id}_${MONTH}`);
  expect(now.study?.tasks[taskId]).toEqual({ expected: SIZE + 1, done: 25, late: 0 });
  expect((await read<NoticeBranchDoc>(COLLECTIONS.noticeBranches, `${noticeId}_${branch._id}`)).readCount).toBe(30);

  // Three hours on: check-in has closed and nothing can still be between its record and its bump.
  clock.set(bj('2026-05-22 15:00'));
  await runHourly();
  const settled = (await runHourly()) as Hourly;
  expect(driftOf(settled)).toEqual({ recount: 0, noticeRecount: 0, study: 0, quizRecount: 0 });
  // The years agree with their months: nothing left to repair, nothing skipped as moving.
  expect(settled.yearRollups).toEqual({ repaired: 0, created: 0, skipped: 0, trends: [MONTH.slice(0, 4)] });

  const month = await read<BranchMonthDoc>(COLLECTIONS.branchMonths, `${branch._id}_${MONTH}`);
  const present = (activityId: string) => countOf(COLLECTIONS.checkins, { activityId, state: 'present' });
  expect(await present(open)).toBe(SIZE);
  expect(await present(ended)).toBe(20);
  expect(month.activities[open]).toMatchObject({ expected: SIZE + 1, present: SIZE });
  expect(month.activities[ended]).toMatchObject({ expected: SIZE + 1, present: 20 });
  expect(month.present).toBe(SIZE + 20);
  expect(await countOf(COLLECTIONS.studyCompletions, { taskId })).toBe(25);
  expect(month.study?.tasks[taskId]).toEqual({ expected: SIZE + 1, done: 25, late: 0 });
  expect(month.study).toMatchObject({ expected: SIZE + 1, done: 25, late: 0 });
  const delivery = await read<NoticeBranchDoc>(COLLECTIONS.noticeBranches, `${noticeId}_${branch._id}`);
  expect(await countOf(COLLECTIONS.noticeReceipts, { noticeId })).toBe(30);
  expect(delivery.readCount).toBe(30);

  // The year holds the month's entries and totals exactly, and the month's totals under byMonth.
  const year = await read<BranchYearDoc>(COLLECTIONS.branchMonths, `${branch._id}_${YEAR}`);
  expect(year.activities).toEqual(month.activities);
  expect(year.study).toEqual(month.study);
  expect(year.notices).toEqual(month.notices);
  expect({ present: year.present, expected: year.expected, noticeRead: year.noticeRead }).toEqual({
    present: SIZE + 20,
    expected: month.expected,
    noticeRead: month.noticeRead,
  });
  expect(year.byMonth?.[MONTH]).toMatchObject({
    present: SIZE + 20,
    study: { expected: SIZE + 1, done: 25, late: 0 },
    noticeRead: month.noticeRead,
  });

  const dashboard = must(
    await fx.call<Dashboard>(DEMO.admin.openid, 'stats', 'dashboard', { period: MONTH }),
    'dashboard',
  );
  expect(dashboard.branches.find((b) => b.branchId === branch._id)).toMatchObject({
    held: { theme_day: 2 },
    expected: 2 * (SIZE + 1),
    present: SIZE + 20,
    studyExpected: SIZE + 1,
    studyDone: 25,
    noticeExpected: SIZE + 1,
    noticeRead: 30,
  });
  const ofYear = must(await fx.call<Dashboard>(DEMO.admin.openid, 'stats', 'dashboard', { period: YEAR }), 'year');
  // May is the year's only month with records: the same figures (the light judges other months).
  const figures = (row: Dashboard['branches'][number] | undefined) => row && { ...row, light: null, reasons: null };
  expect(figures(ofYear.branches.find((b) => b.branchId === branch._id))).toEqual(
    figures(dashboard.branches.find((b) => b.branchId === branch._id)),
  );
}, 120_000);
