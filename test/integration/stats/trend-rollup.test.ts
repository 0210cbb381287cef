/**
 * A year's monthly trend summed once by the hourly job (or jobs.recount with `years`) and kept with
 * the rev of every year document it summed (core/stats/trend-rollup.ts). The statistics may use it
 * only while no year document of the year has moved, appeared or gone; else they sum the trend
 * themselves. Whichever way it is read, a month's point is the one that month's own dashboard shows.
 */
import cloud from 'wx-server-sdk';
import { COLLECTIONS, type BranchYearDoc, type Dashboard, type TrendPoint, type TrendRollupDoc } from '@zhibu/types';
import { trendRollupId } from '../../../cloudfunctions/core/stats/trend-rollup';
import type { LocalRuntime } from '../../../emulator/runtime';
import { bj, controlClock, type TestClock } from '../../support/clock';
import { fixtureFor, type Fixture } from '../../support/fixture';
import { DEMO, startTestRuntime } from '../../support/runtime';
import { aSmallBranch, heldMeeting } from './meetings';

const YEAR = '2025';
const TODAY = '2026-05-22 12:00';
let runtime: LocalRuntime;
let fx: Fixture;
let clock: TestClock;
let branchIds: string[] = [];

function must<T>(result: { ok: true; data: T } | { ok: false; code: string; message: string }, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.code} ${result.message}`);
  return result.data;
}

const db = () => cloud.database();
const trendOf = async (period: string): Promise<TrendPoint[]> =>
  must(await fx.call<Dashboard>(DEMO.admin.openid, 'stats', 'dashboard', { period }), `dashboard ${period}`).trend;

async function rollup(): Promise<TrendRollupDoc | null> {
  const { data } = (await db()
    .collection(COLLECTIONS.statsConfig)
    .where({ _id: trendRollupId(YEAR) })
    .get()) as unknown as { data: TrendRollupDoc[] };
  return data[0] ?? null;
}

/** What summing afresh gives: the trend read with no rollup kept (the rollup put back after). */
async function summedAfresh(): Promise<TrendPoint[]> {
  const kept = await rollup();
  if (kept) await db().collection(COLLECTIONS.statsConfig).doc(kept._id).remove();
  const trend = await trendOf(YEAR);
  if (kept) {
    const { _id, ...data } = kept;
    await db().collection(COLLECTIONS.statsConfig).doc(_id).set({ data });
  }
  return trend;
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

/** A meeting held in the past through the real functions, the clock then set back to today. */
async function meeting(openids: string[], day: string, type: string, present: number): Promise<void> {
  await heldMeeting(fx, clock, openids, day, type, present);
  clock.set(bj(TODAY));
}

async function aBranchOf(name: string): Promise<string[]> {
  const { branchId, openids } = await aSmallBranch(name);
  branchIds.push(branchId);
  return openids;
}

let first: string[];
let second: string[];

beforeAll(async () => {
  clock = controlClock(bj('2025-02-01 08:00'));
  runtime = await startTestRuntime();
  fx = fixtureFor(runtime);
  branchIds = [];
  first = await aBranchOf('趋势一校党支部');
  second = await aBranchOf('趋势二校党支部');
  await meeting(first, '2025-02-11', 'theme_day', 3);
  await meeting(first, '2025-03-10', 'committee', 1);
  await meeting(second, '2025-03-12', 'theme_day', 4);
  await meeting(second, '2025-07-08', 'lecture', 2);
  clock.set(bj(TODAY));
}, 60_000);

afterAll(() => {
  runtime?.close();
  clock?.restore();
});

test('jobs.recount with years sums the trend; read from it, each month is what its own dashboard shows', async () => {
  const result = await recountYear();
  expect(result.rolledUp).toEqual([YEAR]);
  expect(result.trends).toEqual([YEAR]);
  const kept = (await rollup())!;
  expect(kept.revs.map(([branchId]) => branchId)).toEqual(expect.arrayContaining(branchIds));
  const year = await trendOf(YEAR);
  expect(year.map((p) => p.month)).toEqual(
    Array.from({ length: 12 }, (_, i) => `${YEAR}-${String(i + 1).padStart(2, '0')}`),
  );
  for (const point of year) expect([point.month, ...(await trendOf(point.month))]).toEqual([point.month, point]);
  expect(year.find((p) => p.month === '2025-03')!.heldTotal).toBeGreaterThanOrEqual(2);
  expect(await summedAfresh()).toEqual(year);
  // Half a year reads the same months from the same rollup.
  expect(await trendOf(`${YEAR}-H2`)).toEqual(year.slice(6));
});

test('a rollup is used while every year document is at the rev it saw, and not once a counter write moved one', async () => {
  await recountYear();
  const truth = await trendOf(YEAR);
  // Proof that it is read: a rollup changed by hand (its revs kept) shows.
  const kept = (await rollup())!;
  const at = kept.fields.indexOf('expected') + 2 * kept.fields.length; // March's 应到
  const sums = [...kept.sums];
  sums[at] = sums[at]! + 1000;
  await db().collection(COLLECTIONS.statsConfig).doc(kept._id).update({ data: { sums } });
  const shown = await trendOf(YEAR);
  expect(shown[2]!.attendanceRate).toBeLessThan(truth[2]!.attendanceRate! / 10);
  expect(shown.filter((_, i) => i !== 2)).toEqual(truth.filter((_, i) => i !== 2));
  // One meeting of the year (a counter write to one year document): the rollup is passed over.
  await meeting(first, '2025-08-20', 'theme_day', 2);
  const after = await trendOf(YEAR);
  expect(after[2]).toEqual(truth[2]);
  expect(after[7]!.heldTotal).toBe(truth[7]!.heldTotal + 1);
  expect(after).toEqual(await summedAfresh());
});

test('a branch whose year document appeared since the rollup was summed makes it stale too', async () => {
  await recountYear();
  const kept = (await rollup())!;
  const sums = kept.sums.map((n) => n + 1000);
  await db().collection(COLLECTIONS.statsConfig).doc(kept._id).update({ data: { sums } });
  const third = await aBranchOf('趋势三校党支部');
  await meeting(third, '2025-09-09', 'committee', 1);
  const trend = await trendOf(YEAR);
  expect(trend).toEqual(await summedAfresh());
  expect(trend[8]!.heldTotal).toBeLessThan(1000);
});

test('a repair of a year document moves its rev, as a counter write does', async () => {
  await recountYear();
  const yearId = `${branchIds[0]}_${YEAR}`;
  const read = async () =>
    ((await db().collection(COLLECTIONS.branchMonths).doc(yearId).get()) as unknown as { data: BranchYearDoc }).data;
  const before = await read();
  // Drift the year away from its months, as a write reaching one document only would.
  await db()
    .collection(COLLECTIONS.branchMonths)
    .doc(yearId)
    .update({ data: { present: before.present + 5 } });
  expect((await recountYear()).repaired).toBeGreaterThan(0);
  const after = await read();
  expect(after.present).toBe(before.present);
  expect(after.rev).toBeGreaterThan(before.rev ?? 0);
  expect((await rollup())!.revs).toContainEqual([branchIds[0], after.rev]);
});
