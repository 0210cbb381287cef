/**
 * Years written before the year rollups existed have month documents and no year documents (or a
 * year document started by a later write, holding only that write). Such a year must never read
 * back empty or short: until the hourly job or `jobs.recount` with `years` has found the year whole
 * and marked it, the statistics read it from its months; from then on from its year documents.
 */
import cloud from 'wx-server-sdk';
import { COLLECTIONS, type BranchMetrics, type BranchYearDoc, type Dashboard } from '@zhibu/types';
import { issueToken } from '../../../cloudfunctions/core/activity/checkin-token';
import { emptyYearDoc } from '../../../cloudfunctions/core/stats/rollup';
import type { LocalRuntime } from '../../../emulator/runtime';
import { bj, controlClock, type TestClock } from '../../support/clock';
import { aBranch, aMember } from '../../support/factories';
import { fixtureFor, type Fixture } from '../../support/fixture';
import { DEMO, startTestRuntime } from '../../support/runtime';

const YEAR = '2025';
let runtime: LocalRuntime;
let fx: Fixture;
let clock: TestClock;
let branchId: string;

function must<T>(result: { ok: true; data: T } | { ok: false; code: string; message: string }, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.code} ${result.message}`);
  return result.data;
}

const db = () => cloud.database();
const yearId = () => `${branchId}_${YEAR}`;

async function yearRow(): Promise<BranchMetrics> {
  const data = must(await fx.call<Dashboard>(DEMO.admin.openid, 'stats', 'dashboard', { period: YEAR }), 'dashboard');
  return data.branches.find((b) => b.branchId === branchId)!;
}

/** The figures of the two meetings below: what the year must show however it is read. */
function expectTheMeetings(row: BranchMetrics) {
  expect(Object.fromEntries(Object.entries(row.held).filter(([, n]) => n !== 0))).toEqual({ theme_day: 1, lecture: 1 });
  expect(row.expected).toBe(2 * 4);
  expect(row.present).toBe(3 + 2);
  expect(row.leave).toBe(0);
}

beforeAll(async () => {
  clock = controlClock(bj('2025-03-01 08:00'));
  runtime = await startTestRuntime();
  fx = fixtureFor(runtime);
  const branch = await aBranch({ name: '往年数据学校党支部', partyGroups: [] });
  branchId = branch._id;
  const sec = await aMember(branchId, { name: '书记', roles: ['member', 'secretary', 'committee'] });
  const people = [sec];
  for (let i = 0; i < 3; i++) people.push(await aMember(branchId, { name: `党员${i}` }));
  const call = async <T>(who: number, fn: string, action: string, data: unknown) =>
    must(await fx.call<T>(people[who]!.openid!, fn, action, data), `${fn}.${action}`);
  // A 主题党日 in March (three scan in) and a 党课 in June (two scan in), both with minutes.
  const meetings = [
    { type: 'theme_day', day: '2025-03-10', present: [0, 1, 2] },
    { type: 'lecture', day: '2025-06-12', present: [0, 3] },
  ];
  for (const m of meetings) {
    clock.set(bj(`${m.day} 09:00`));
    const { activityId } = await call<{ activityId: string }>(0, 'activity', 'create', {
      title: `${m.day} 会议`,
      type: m.type,
      startAt: bj(`${m.day} 15:00`).toISOString(),
      endAt: bj(`${m.day} 16:00`).toISOString(),
      place: '会议室',
    });
    clock.set(bj(`${m.day} 15:05`));
    const { token } = issueToken(activityId, process.env.CHECKIN_SECRET!, Date.now());
    for (const who of m.present) await call(who, 'activity', 'checkin', { token });
    clock.set(bj(`${m.day} 18:00`));
    await call(0, 'activity', 'saveMinutes', { activityId, text: '传达了上级精神，交流了体会。', photos: [] });
  }
  clock.set(bj('2026-05-22 12:00'));
}, 60_000);

afterAll(() => {
  runtime?.close();
  clock?.restore();
});

test('a year without its year document (written before the rollups) reads from its months', async () => {
  await db().collection(COLLECTIONS.branchMonths).doc(yearId()).remove();
  expectTheMeetings(await yearRow());
});

test('a year document holding only what was written after the rollups began is not trusted before the sync', async () => {
  // As a first write after the upgrade leaves it: the year document exists, with one meeting's 实到 only.
  const partial = { ...emptyYearDoc(branchId, YEAR), present: 2, held: { lecture: 1 } };
  const { _id, ...data } = partial;
  await db().collection(COLLECTIONS.branchMonths).doc(_id).set({ data });
  expectTheMeetings(await yearRow());
});

test('jobs.recount with years builds the year from its months and marks it; the year documents are read from then on', async () => {
  const refused = await fx.call(DEMO.secretaryA.openid, 'jobs', 'recount', { years: [YEAR] });
  expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  const result = must(
    await fx.call<{ rollups: { years: string[]; rolledUp: string[]; repaired: number } }>(
      DEMO.admin.openid,
      'jobs',
      'recount',
      { months: ['2025-03'], years: [YEAR] },
    ),
    'jobs.recount',
  );
  expect(result.rollups.rolledUp).toEqual([YEAR]);
  expect(result.rollups.repaired).toBeGreaterThan(0);
  const { data: year } = (await db().collection(COLLECTIONS.branchMonths).doc(yearId()).get()) as unknown as {
    data: BranchYearDoc;
  };
  expect(year.held).toEqual({ theme_day: 1, lecture: 1 });
  expect(year.present).toBe(5);
  expectTheMeetings(await yearRow());
  // The year documents are what the dashboard reads now (through the bureau's rollups built from
  // them, and afresh where a count moved): a change made to the year alone, written as a counter
  // write writes it, shows.
  const _ = db().command;
  await db()
    .collection(COLLECTIONS.branchMonths)
    .doc(yearId())
    .update({
      data: { present: _.inc(1), 'byMonth.2025-03.present': _.inc(1), 'revs.2025-03': _.inc(1), rev: _.inc(1) },
    });
  expect((await yearRow()).present).toBe(6);
});
