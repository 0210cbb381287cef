/**
 * The bureau's rollups of a year (trend and `cum` documents), built by the hourly job or
 * jobs.recount with `years` (core/stats/bureau-rollup.ts). The statistics read a branch's totals
 * and the trend from them, and read afresh only what moved since they were built: a branch whose
 * count of writes moved in the period's months, a month in which some branch's count moved.
 * Whichever way a figure is read, it is what reading everything afresh gives.
 */
import cloud from 'wx-server-sdk';
import {
  COLLECTIONS,
  type BranchMetrics,
  type BranchYearDoc,
  type BureauCumDoc,
  type BureauTrendDoc,
  type Dashboard,
} from '@zhibu/types';
import { cumRollupId, trendRollupId } from '../../../cloudfunctions/core/stats/bureau-rollup';
import type { LocalRuntime } from '../../../emulator/runtime';
import { bj, controlClock, type TestClock } from '../../support/clock';
import { fixtureFor, type Fixture } from '../../support/fixture';
import { DEMO, startTestRuntime } from '../../support/runtime';
import { aSmallBranch, heldMeeting } from './meetings';

const YEAR = '2025';
const TODAY = '2026-05-22 12:00';
const MONTHS = Array.from({ length: 12 }, (_, i) => `${YEAR}-${String(i + 1).padStart(2, '0')}`);
let runtime: LocalRuntime;
let fx: Fixture;
let clock: TestClock;

function must<T>(result: { ok: true; data: T } | { ok: false; code: string; message: string }, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.code} ${result.message}`);
  return result.data;
}

const db = () => cloud.database();
const dashboard = async (period: string): Promise<Dashboard> =>
  must(await fx.call<Dashboard>(DEMO.admin.openid, 'stats', 'dashboard', { period }), `dashboard ${period}`);
const rowOf = (d: Dashboard, branchId: string): BranchMetrics => d.branches.find((b) => b.branchId === branchId)!;

const rollupIds = [trendRollupId(YEAR), ...MONTHS.map(cumRollupId)];

async function rollups(): Promise<(BureauTrendDoc | BureauCumDoc)[]> {
  const { data } = (await db()
    .collection(COLLECTIONS.statsConfig)
    .where({ _id: db().command.in(rollupIds) })
    .limit(100)
    .get()) as unknown as { data: (BureauTrendDoc | BureauCumDoc)[] };
  return data;
}

/** What reading everything afresh gives: the dashboard with no rollups kept (put back after). */
async function afresh(period: string): Promise<Dashboard> {
  const kept = await rollups();
  for (const doc of kept) await db().collection(COLLECTIONS.statsConfig).doc(doc._id).remove();
  const answer = await dashboard(period);
  for (const { _id, ...data } of kept) await db().collection(COLLECTIONS.statsConfig).doc(_id).set({ data });
  return answer;
}

async function recountYear(): Promise<{ repaired: number; rolledUp: string[]; trends: string[] }> {
  const result = must(
    await fx.call<{ rollups: { repaired: number; rolledUp: string[]; trends: string[] } }>(
      DEMO.admin.openid,
      'jobs',
      'recount',
      { months: ['2025-03'], years: [YEAR] },
    ),
    'jobs.recount',
  );
  return result.rollups;
}

/** Adds `n` to a branch's 应到 from January to `month` in its `cum` document, the build kept. */
async function tamperCum(month: string, branchId: string, n: number, build?: string): Promise<void> {
  const { data } = (await db().collection(COLLECTIONS.statsConfig).doc(cumRollupId(month)).get()) as unknown as {
    data: BureauCumDoc;
  };
  const rows = JSON.parse(data.branches) as (string | number)[][];
  const at = data.fields.indexOf('expected') + 1;
  const row = rows.find((r) => r[0] === branchId)!;
  row[at] = Number(row[at]) + n;
  await db()
    .collection(COLLECTIONS.statsConfig)
    .doc(data._id)
    .update({ data: { branches: JSON.stringify(rows), ...(build ? { build } : {}) } });
}

/** Adds `n` to the trend's 应到 of a month (0 for January), the build kept. */
async function tamperTrend(monthIndex: number, n: number): Promise<void> {
  const { data } = (await db().collection(COLLECTIONS.statsConfig).doc(trendRollupId(YEAR)).get()) as unknown as {
    data: BureauTrendDoc;
  };
  const sums = [...data.sums];
  sums[monthIndex * data.fields.length + data.fields.indexOf('expected')]! += n;
  await db().collection(COLLECTIONS.statsConfig).doc(data._id).update({ data: { sums } });
}

/** A meeting held in the past through the real functions, the clock then set back to today. */
async function meeting(openids: string[], day: string, type: string, present: number): Promise<void> {
  await heldMeeting(fx, clock, openids, day, type, present);
  clock.set(bj(TODAY));
}

let first: { branchId: string; openids: string[] };
let second: { branchId: string; openids: string[] };

beforeAll(async () => {
  clock = controlClock(bj('2025-02-01 08:00'));
  runtime = await startTestRuntime();
  fx = fixtureFor(runtime);
  first = await aSmallBranch('汇总一校党支部');
  second = await aSmallBranch('汇总二校党支部');
  await meeting(first.openids, '2025-02-11', 'theme_day', 3);
  await meeting(first.openids, '2025-03-10', 'committee', 1);
  await meeting(second.openids, '2025-03-12', 'theme_day', 4);
  await meeting(second.openids, '2025-07-08', 'lecture', 2);
  clock.set(bj(TODAY));
}, 60_000);

afterAll(() => {
  runtime?.close();
  clock?.restore();
});

test('jobs.recount with years builds the rollups; read from them, every period answers what it answers afresh', async () => {
  const result = await recountYear();
  expect(result.rolledUp).toEqual([YEAR]);
  expect(result.trends).toEqual([YEAR]);
  const docs = await rollups();
  expect(docs.map((d) => d._id).sort()).toEqual([...rollupIds].sort());
  expect(new Set(docs.map((d) => d.build)).size).toBe(1);
  for (const period of [YEAR, `${YEAR}-H1`, `${YEAR}-Q3`, '2025-03']) {
    const read = await dashboard(period);
    expect(read).toEqual(await afresh(period));
    expect(rowOf(read, second.branchId)).toBeDefined();
  }
  const year = await dashboard(YEAR);
  expect(year.trend.map((p) => p.month)).toEqual(MONTHS);
  for (const point of year.trend)
    expect([point.month, ...(await dashboard(point.month)).trend]).toEqual([point.month, point]);
  // A 主题党日 for the branch's four, a 支委会 for its committee (the secretary).
  expect(rowOf(year, first.branchId).expected).toBe(4 + 1);
});

test('the rollups are read, and after a counter write only the branch and the month that moved are read afresh', async () => {
  await recountYear();
  const truth = await dashboard(YEAR);
  const truthH1 = await dashboard(`${YEAR}-H1`);
  // Proof that they are read: rollups changed by hand (their build kept) show.
  await tamperCum('2025-12', second.branchId, 1000);
  await tamperCum('2025-06', first.branchId, 100);
  await tamperTrend(2, 1000);
  const shown = await dashboard(YEAR);
  expect(rowOf(shown, second.branchId).expected).toBe(rowOf(truth, second.branchId).expected + 1000);
  expect(shown.trend[2]!.attendanceRate).toBeLessThan(truth.trend[2]!.attendanceRate! / 10);
  expect(rowOf(await dashboard(`${YEAR}-H1`), first.branchId).expected).toBe(
    rowOf(truthH1, first.branchId).expected + 100,
  );
  // A meeting of the first branch in August: that branch's year and August are read afresh, the
  // rest still from the rollups; its first half did not move and is still the rollup's.
  await meeting(first.openids, '2025-08-20', 'theme_day', 2);
  const after = await dashboard(YEAR);
  expect(rowOf(after, first.branchId).expected).toBe(rowOf(truth, first.branchId).expected + 4);
  expect(rowOf(after, first.branchId).held.theme_day).toBe((rowOf(truth, first.branchId).held.theme_day ?? 0) + 1);
  expect(rowOf(after, second.branchId).expected).toBe(rowOf(truth, second.branchId).expected + 1000);
  expect(after.trend[2]).toEqual(shown.trend[2]);
  expect(after.trend[7]!.heldTotal).toBe(truth.trend[7]!.heldTotal + 1);
  const fresh = await afresh(YEAR);
  expect(after.trend[7]).toEqual(fresh.trend[7]);
  expect(rowOf(after, first.branchId)).toEqual(rowOf(fresh, first.branchId));
  expect(rowOf(await dashboard(`${YEAR}-H1`), first.branchId).expected).toBe(
    rowOf(truthH1, first.branchId).expected + 100,
  );
  // The next build takes the meeting in, and the hand-made changes out.
  await recountYear();
  expect(await dashboard(YEAR)).toEqual(await afresh(YEAR));
});

test("writes in the period's last month only (as between two builds): that month's trend and those branches afresh", async () => {
  await recountYear();
  await tamperTrend(10, 1000);
  // As if the first branch had had 1,000 more 应到 in December when the rollups were built: its
  // December in the trend and in its own totals alike, so that both must give way to what it has now.
  await tamperTrend(11, 1000);
  await tamperCum('2025-12', first.branchId, 1000);
  const tampered = await dashboard(YEAR);
  expect(rowOf(tampered, first.branchId).expected).toBeGreaterThan(1000);
  await meeting(second.openids, '2025-12-09', 'committee', 1);
  await meeting(first.openids, '2025-12-10', 'theme_day', 4);
  const read = await dashboard(YEAR);
  const fresh = await afresh(YEAR);
  expect(read.trend[11]).toEqual(fresh.trend[11]);
  expect(read.trend[10]).toEqual(tampered.trend[10]);
  expect(rowOf(read, first.branchId)).toEqual(rowOf(fresh, first.branchId));
  expect(rowOf(read, second.branchId)).toEqual(rowOf(fresh, second.branchId));
  await recountYear();
  expect(await dashboard(YEAR)).toEqual(await afresh(YEAR));
});

test('documents of two builds are not read together', async () => {
  await recountYear();
  await tamperCum('2025-12', second.branchId, 1000, 'another-build');
  const read = await dashboard(YEAR);
  expect(read).toEqual(await afresh(YEAR));
  expect(rowOf(read, second.branchId).expected).toBeLessThan(1000);
});

test('a branch whose year document appeared since the build is read afresh', async () => {
  await recountYear();
  await tamperTrend(8, 1000);
  const third = await aSmallBranch('汇总三校党支部');
  await meeting(third.openids, '2025-09-09', 'committee', 1);
  const read = await dashboard(YEAR);
  expect(rowOf(read, third.branchId).held.committee).toBe(1);
  expect(read.trend[8]).toEqual((await afresh(YEAR)).trend[8]);
  expect(read).toEqual(await afresh(YEAR));
});

test("a repair of a month's totals moves that month's count and the document's, as a counter write does", async () => {
  await recountYear();
  const yearId = `${first.branchId}_${YEAR}`;
  const read = async () =>
    ((await db().collection(COLLECTIONS.branchMonths).doc(yearId).get()) as unknown as { data: BranchYearDoc }).data;
  const before = await read();
  // Drift the year's March away from its month, as a write reaching one document only would.
  await db()
    .collection(COLLECTIONS.branchMonths)
    .doc(yearId)
    .update({ data: { 'byMonth.2025-03.present': db().command.inc(5) } });
  expect((await recountYear()).repaired).toBeGreaterThan(0);
  const after = await read();
  expect(after.byMonth?.['2025-03']).toEqual(before.byMonth?.['2025-03']);
  expect(after.revs?.['2025-03']).toBe((before.revs?.['2025-03'] ?? 0) + 1);
  expect(after.revs?.['2025-02']).toBe(before.revs?.['2025-02']);
  expect(after.rev).toBeGreaterThan(before.rev ?? 0);
  expect(await dashboard(YEAR)).toEqual(await afresh(YEAR));
});
