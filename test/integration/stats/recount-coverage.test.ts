/**
 * The hourly recount covers every counter the statistics read. For each family of counters in the
 * branch-month documents (activities: held, minuted, 应到/实到/请假; study; quizzes) and the
 * notices' per-branch deliveries, a lost or doubled write is simulated by corrupting the stored
 * counter (an entry with its month's totals, as a lost `_.inc` would leave them, or the totals
 * alone); the hourly job must bring back exactly the figures the records give.
 */
import cloud from 'wx-server-sdk';
import {
  COLLECTIONS,
  type BranchMetrics,
  type BranchMonthDoc,
  type BranchYearDoc,
  type Dashboard,
  type NoticeBranchDoc,
  type QuizAttempt,
} from '@zhibu/types';
import { issueToken } from '../../../cloudfunctions/core/activity/checkin-token';
import { runHourly } from '../../../cloudfunctions/core/jobs/hourly';
import type { LocalRuntime } from '../../../emulator/runtime';
import { bj, controlClock, type TestClock } from '../../support/clock';
import { aBranch, aMember } from '../../support/factories';
import { fixtureFor, type Fixture } from '../../support/fixture';
import { DEMO, startTestRuntime } from '../../support/runtime';
import { designedQuestions, keyAsShown } from '../quiz/quiz-fixture';

const NOW = bj('2026-05-22 12:00');
const MONTH = '2026-05';
const QUESTIONS = designedQuestions(6, '数');

let runtime: LocalRuntime;
let fx: Fixture;
let clock: TestClock;
let branchId: string;
const ids = { theme: '', committee: '', onTime: '', late: '', quiz: '', notice: '' };
let before: {
  month: BranchMonthDoc;
  year: BranchYearDoc;
  delivery: NoticeBranchDoc;
  row: BranchMetrics;
  yearRow: BranchMetrics;
};

function must<T>(result: { ok: true; data: T } | { ok: false; code: string; message: string }, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.code} ${result.message}`);
  return result.data;
}

const monthId = () => `${branchId}_${MONTH}`;
const db = () => cloud.database();
const _ = () => cloud.database().command;

async function read<T>(collection: string, id: string): Promise<T> {
  const { data } = (await db().collection(collection).doc(id).get()) as unknown as { data: T };
  return data;
}

/** A month document with its zero counts by type left out: `held.committee: 0` and no entry are the same count. */
function normal(month: BranchMonthDoc) {
  const drop = (counts: Record<string, number | undefined> | undefined) =>
    counts && Object.fromEntries(Object.entries(counts).filter(([, n]) => n !== 0));
  // `rev` and `revs` count the writes to the document, repairs included: not figures to bring back.
  const { rev, revs, ...rest } = month;
  void [rev, revs];
  return { ...rest, held: drop(month.held), minuted: drop(month.minuted) };
}

async function dashboardRow(period = MONTH): Promise<BranchMetrics> {
  const data = must(await fx.call<Dashboard>(DEMO.admin.openid, 'stats', 'dashboard', { period }), 'dashboard');
  return data.branches.find((b) => b.branchId === branchId)!;
}

const YEAR = '2026';
const yearId = () => `${branchId}_${YEAR}`;

/**
 * A year document with its zero totals left out: a year rebuilt by the hourly job writes the totals
 * that differ, so a zero it never needed is absent there. Entries are kept as they are.
 */
function normalYear(doc: unknown, path = ''): unknown {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return doc;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    const at = path ? `${path}.${key}` : key;
    if (at === 'rev' || at === 'revs') continue;
    if (/^(activities|notices|quizzes|study\.tasks)\.[^.]+$/.test(at)) {
      out[key] = value;
      continue;
    }
    const kept = normalYear(value, at);
    if (kept === 0 || (kept && typeof kept === 'object' && Object.keys(kept).length === 0)) continue;
    out[key] = kept;
  }
  return out;
}

beforeAll(async () => {
  clock = controlClock(bj('2026-05-01 08:00'));
  runtime = await startTestRuntime();
  fx = fixtureFor(runtime);
  const branch = await aBranch({ name: '重算测试学校党支部', partyGroups: [] });
  branchId = branch._id;
  const sec = await aMember(branchId, { name: '书记', roles: ['member', 'secretary', 'committee'] });
  const people = [sec];
  for (let i = 0; i < 4; i++) people.push(await aMember(branchId, { name: `党员${i}` }));
  const as = (i: number) => people[i]!.openid!;
  const call = async <T>(who: number, fn: string, action: string, data: unknown) =>
    must(await fx.call<T>(as(who), fn, action, data), `${fn}.${action}`);

  // A 主题党日 on 10 May: three scan in, one on approved leave, minutes saved.
  ids.theme = (
    await call<{ activityId: string }>(0, 'activity', 'create', {
      title: '五月主题党日',
      type: 'theme_day',
      startAt: bj('2026-05-10 15:00').toISOString(),
      endAt: bj('2026-05-10 16:30').toISOString(),
      place: '会议室',
    })
  ).activityId;
  await call(4, 'activity', 'requestLeave', { activityId: ids.theme, reason: '外出培训' });
  await call(0, 'activity', 'reviewLeave', { activityId: ids.theme, memberId: people[4]!._id, approve: true });
  clock.set(bj('2026-05-10 15:05'));
  const { token } = issueToken(ids.theme, process.env.CHECKIN_SECRET!, Date.now());
  for (const who of [0, 1, 2]) await call(who, 'activity', 'checkin', { token });
  clock.set(bj('2026-05-10 18:00'));
  await call(0, 'activity', 'saveMinutes', { activityId: ids.theme, text: '学习了党章，交流了体会。', photos: [] });
  // A 支委会 on 12 May, without minutes.
  clock.set(bj('2026-05-11 09:00'));
  ids.committee = (
    await call<{ activityId: string }>(0, 'activity', 'create', {
      title: '五月支委会',
      type: 'committee',
      startAt: bj('2026-05-12 15:00').toISOString(),
      endAt: bj('2026-05-12 16:00').toISOString(),
      place: '书记办公室',
    })
  ).activityId;
  // Study: one task due 18 May (one done in time, one late), one due 25 May (two done so far).
  clock.set(bj('2026-05-10 09:00'));
  ids.late = (
    await call<{ taskId: string }>(0, 'study', 'createTask', {
      title: '学习党章',
      material: { text: '学习党章总纲。' },
      dueAt: bj('2026-05-18 18:00').toISOString(),
    })
  ).taskId;
  clock.set(bj('2026-05-15 09:00'));
  await call(1, 'study', 'complete', { taskId: ids.late });
  ids.onTime = (
    await call<{ taskId: string }>(0, 'study', 'createTask', {
      title: '学习条例',
      material: { text: '学习支部工作条例。' },
      dueAt: bj('2026-05-25 18:00').toISOString(),
    })
  ).taskId;
  clock.set(bj('2026-05-20 09:00'));
  await call(2, 'study', 'complete', { taskId: ids.late });
  await call(1, 'study', 'complete', { taskId: ids.onTime });
  await call(3, 'study', 'complete', { taskId: ids.onTime });
  // A quiz open 15–17 May: two pass, one fails.
  clock.set(bj('2026-05-14 09:00'));
  const { bankId } = await call<{ bankId: string }>(0, 'quiz', 'createBank', { name: '重算题库' });
  for (const q of QUESTIONS) await call(0, 'quiz', 'createQuestion', { bankId, ...q });
  ids.quiz = (
    await call<{ quizId: string }>(0, 'quiz', 'create', {
      title: '五月测试',
      openAt: bj('2026-05-15 09:00').toISOString(),
      closeAt: bj('2026-05-17 09:00').toISOString(),
      draw: { count: 3, bankIds: [bankId] },
      passScore: 60,
      timeLimitMinutes: 20,
      maxAttempts: 1,
    })
  ).quizId;
  clock.set(bj('2026-05-15 10:00'));
  for (const [who, pass] of [
    [1, true],
    [2, true],
    [3, false],
  ] as const) {
    const attempt = await call<QuizAttempt>(who, 'quiz', 'start', { quizId: ids.quiz });
    const answers = pass
      ? Object.fromEntries(attempt.questions.map((q) => [q.questionId, keyAsShown(QUESTIONS, q)]))
      : {};
    await call(who, 'quiz', 'submit', { attemptId: attempt.attemptId, answers });
  }
  // A notice of 16 May, read by three.
  clock.set(bj('2026-05-16 10:00'));
  ids.notice = (
    await call<{ noticeId: string }>(0, 'notice', 'create', { title: '关于学习的通知', body: '请按时学习。' })
  ).noticeId;
  for (const who of [1, 2, 3]) await call(who, 'notice', 'get', { noticeId: ids.notice });

  clock.set(NOW);
  await runHourly();
  before = {
    month: await read<BranchMonthDoc>(COLLECTIONS.branchMonths, monthId()),
    delivery: await read<NoticeBranchDoc>(COLLECTIONS.noticeBranches, `${ids.notice}_${branchId}`),
    row: await dashboardRow(),
    year: await read<BranchYearDoc>(COLLECTIONS.branchMonths, yearId()),
    yearRow: await dashboardRow(YEAR),
  };
}, 60_000);

afterAll(() => {
  runtime?.close();
  clock?.restore();
});

test('the designed data is what the dashboard shows before anything is corrupted', () => {
  expect(before.row).toMatchObject({
    held: { theme_day: 1, committee: 1 },
    expected: 5 + 1,
    present: 3,
    leave: 1,
    studyExpected: 10,
    studyDone: 4,
    studyLate: 1,
    quizExpected: 5,
    quizTaken: 3,
    quizPassed: 2,
    noticeExpected: 5,
    noticeRead: 3,
  });
  expect(before.month.minuted).toEqual({ theme_day: 1 });
  // The year holds the month's entries and totals (May is its only month here), and May's totals.
  const { _id, branchId: _b, month, byMonth, ...held } = before.month;
  void [_id, _b, month, byMonth];
  expect(normalYear(before.year)).toEqual(
    normalYear({ _id: yearId(), branchId, year: YEAR, ...held, byMonth: before.year.byMonth }),
  );
  expect(normalYear(before.year.byMonth?.[MONTH])).toMatchObject({ present: 3, noticeRead: 3, study: { done: 4 } });
  expect(before.yearRow).toMatchObject({ present: 3, leave: 1, studyDone: 4, quizPassed: 2, noticeRead: 3 });
});

const yearUpdate = (data: (c: ReturnType<typeof _>) => Record<string, unknown>) => async () => {
  await db()
    .collection(COLLECTIONS.branchMonths)
    .doc(yearId())
    .update({ data: data(_()) });
};

const monthUpdate = (data: (c: ReturnType<typeof _>) => Record<string, unknown>) => async () => {
  await db()
    .collection(COLLECTIONS.branchMonths)
    .doc(monthId())
    .update({ data: data(_()) });
};

const CORRUPTIONS: [string, () => Promise<void>][] = [
  [
    'activities: a lost check-in bump (entry and totals)',
    monthUpdate((c) => ({ [`activities.${ids.theme}.present`]: c.inc(-1), present: c.inc(-1) })),
  ],
  [
    'activities: leave counted twice (entry and totals)',
    monthUpdate((c) => ({ [`activities.${ids.theme}.leave`]: c.inc(1), leave: c.inc(1) })),
  ],
  ['activities: totals alone (应到, held)', monthUpdate((c) => ({ expected: c.inc(7), 'held.theme_day': c.inc(2) }))],
  [
    'activities: the minutes flag lost (entry and minuted)',
    monthUpdate((c) => ({ [`activities.${ids.theme}.minutes`]: c.remove(), 'minuted.theme_day': c.inc(-1) })),
  ],
  ['activities: minuted alone', monthUpdate((c) => ({ 'minuted.committee': c.inc(1) }))],
  [
    'activities: an entry lost with its totals',
    monthUpdate((c) => ({
      [`activities.${ids.committee}`]: c.remove(),
      'held.committee': c.inc(-1),
      expected: c.inc(-1),
    })),
  ],
  [
    'study: a lost completion (entry and totals)',
    monthUpdate((c) => ({ [`study.tasks.${ids.late}.done`]: c.inc(-1), 'study.done': c.inc(-1) })),
  ],
  [
    'study: a late completion counted twice (entry and totals)',
    monthUpdate((c) => ({ [`study.tasks.${ids.late}.late`]: c.inc(1), 'study.late': c.inc(1) })),
  ],
  ['study: totals alone', monthUpdate((c) => ({ 'study.expected': c.inc(3), 'study.done': c.inc(-2) }))],
  [
    'quizzes: a lost submission (entry and totals)',
    monthUpdate((c) => ({
      [`quizzes.${ids.quiz}.taken`]: c.inc(-1),
      [`quizzes.${ids.quiz}.passed`]: c.inc(-1),
      quizTaken: c.inc(-1),
      quizPassed: c.inc(-1),
    })),
  ],
  [
    'quizzes: 应考 wrong (entry and totals)',
    monthUpdate((c) => ({ [`quizzes.${ids.quiz}.expected`]: c.inc(2), quizExpected: c.inc(2) })),
  ],
  ['quizzes: totals alone', monthUpdate((c) => ({ quizExpected: c.inc(-1), quizPassed: c.inc(4) }))],
  [
    'notices: lost reads (delivery, month entry and totals)',
    async () => {
      await db()
        .collection(COLLECTIONS.noticeBranches)
        .doc(`${ids.notice}_${branchId}`)
        .update({ data: { readCount: _().inc(-2) } });
      await monthUpdate((c) => ({ [`notices.${ids.notice}.read`]: c.inc(-2), noticeRead: c.inc(-2) }))();
    },
  ],
  ['notices: totals alone', monthUpdate((c) => ({ noticeExpected: c.inc(4), noticeRead: c.inc(1) }))],
  [
    'year: an entry lost with its totals and its month’s',
    yearUpdate((c) => ({
      [`activities.${ids.committee}`]: c.remove(),
      'held.committee': c.inc(-1),
      expected: c.inc(-1),
      [`byMonth.${MONTH}.held.committee`]: c.inc(-1),
      [`byMonth.${MONTH}.expected`]: c.inc(-1),
    })),
  ],
  [
    'year: a check-in counted in the month and not the year (entry and totals)',
    yearUpdate((c) => ({
      [`activities.${ids.theme}.present`]: c.inc(-1),
      present: c.inc(-1),
      [`byMonth.${MONTH}.present`]: c.inc(-1),
    })),
  ],
  ['year: totals alone', yearUpdate((c) => ({ 'study.done': c.inc(2), quizPassed: c.inc(-1), noticeRead: c.inc(5) }))],
  [
    'year: a month’s totals alone',
    yearUpdate((c) => ({ [`byMonth.${MONTH}.noticeRead`]: c.inc(-2), [`byMonth.${MONTH}.held.theme_day`]: c.inc(1) })),
  ],
  [
    'year: a study entry and a notice entry wrong',
    yearUpdate((c) => ({ [`study.tasks.${ids.late}.late`]: c.inc(3), [`notices.${ids.notice}.read`]: c.inc(-1) })),
  ],
  [
    'year: the whole document lost',
    async () => {
      await db().collection(COLLECTIONS.branchMonths).doc(yearId()).remove();
    },
  ],
];

test.each(CORRUPTIONS)('%s: the hourly job brings back the exact figures', async (_name, corrupt) => {
  await corrupt();
  const [row, yearRow] = [await dashboardRow(), await dashboardRow(YEAR)];
  // A corruption of the year's entries alone shows in no figure, only in the document; one of the
  // month's alone shows in its document (the statistics read a rolled-up year from its year documents).
  const year = await read<BranchYearDoc>(COLLECTIONS.branchMonths, yearId()).catch(() => null);
  const month = normal(await read<BranchMonthDoc>(COLLECTIONS.branchMonths, monthId()));
  expect([row, yearRow, year && normalYear(year), month]).not.toEqual([
    before.row,
    before.yearRow,
    normalYear(before.year),
    normal(before.month),
  ]);
  await runHourly();
  expect(normal(await read<BranchMonthDoc>(COLLECTIONS.branchMonths, monthId()))).toEqual(normal(before.month));
  expect(await read<NoticeBranchDoc>(COLLECTIONS.noticeBranches, `${ids.notice}_${branchId}`)).toEqual(before.delivery);
  expect(await dashboardRow()).toEqual(before.row);
  expect(normalYear(await read<BranchYearDoc>(COLLECTIONS.branchMonths, yearId()))).toEqual(normalYear(before.year));
  expect(await dashboardRow(YEAR)).toEqual(before.yearRow);
});
