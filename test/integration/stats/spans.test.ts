/**
 * Spans of any months over several years read from the year documents and the bureau's rollups
 * (each branch's totals two `cum` documents apart, or summed in the database from the years' own
 * totals or each month's under `byMonth`; the calendar from `byMonth`; the trend from the rollups)
 * answer exactly what the same spans read from the month documents answer — as built, and after
 * writes since the build, to a past year and to this one. No dashboard period spans two years, but
 * the counters behind it take any months, and the benchmark reads 24.
 */
import cloud from 'wx-server-sdk';
import { COLLECTIONS } from '@zhibu/types';
import { forgetRolledUpYears, readCounters, type PeriodCounters } from '../../../cloudfunctions/core/stats/counters';
import { rollupMarkId } from '../../../cloudfunctions/core/stats/rollup';
import type { LocalRuntime } from '../../../emulator/runtime';
import { bj, controlClock, type TestClock } from '../../support/clock';
import { fixtureFor, type Fixture } from '../../support/fixture';
import { DEMO, startTestRuntime } from '../../support/runtime';
import { aSmallBranch, heldMeeting } from './meetings';

const TODAY = '2026-07-15 12:00';
const YEARS = ['2025', '2026'];
let runtime: LocalRuntime;
let fx: Fixture;
let clock: TestClock;
let first: string[];
let second: string[];

function must<T>(result: { ok: true; data: T } | { ok: false; code: string; message: string }, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.code} ${result.message}`);
  return result.data;
}

const months = (from: string, to: string) => {
  const out: string[] = [];
  for (let [y, m] = from.split('-').map(Number) as [number, number]; `${y}-${String(m).padStart(2, '0')}` <= to;) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
};

const meeting = (openids: string[], day: string, type: string, present: number) =>
  heldMeeting(fx, clock, openids, day, type, present);
const aBranchOf = async (name: string) => (await aSmallBranch(name)).openids;

/** The counters as plain data, months and branches with nothing in them left out. */
function plain(counters: PeriodCounters) {
  const nonZero = (t: object) => JSON.stringify(t).match(/[1-9]/) !== null;
  const figures = (map: Map<string, object>) =>
    Object.fromEntries(
      [...map]
        .filter(([, t]) => nonZero(t))
        .map(([k, t]) => [k, JSON.parse(JSON.stringify(t, (_k, v: unknown) => (v === 0 ? undefined : v)))])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
  const compliance = Object.fromEntries(
    [...counters.compliance]
      .map(([b, calendar]) => [b, figures(calendar)])
      .filter(([, calendar]) => Object.keys(calendar as object).length > 0)
      .sort(([a], [b]) => String(a).localeCompare(String(b))),
  );
  return { byBranch: figures(counters.byBranch), byMonth: figures(counters.byMonth), compliance };
}

async function marks(on: boolean): Promise<void> {
  for (const year of YEARS) {
    const doc = cloud.database().collection(COLLECTIONS.statsConfig).doc(rollupMarkId(year));
    if (on) await doc.set({ data: { year, rolledUpAt: new Date() } });
    else await doc.remove();
  }
  forgetRolledUpYears();
}

beforeAll(async () => {
  clock = controlClock(bj('2025-01-05 08:00'));
  runtime = await startTestRuntime();
  fx = fixtureFor(runtime);
  first = await aBranchOf('跨年一校党支部');
  second = await aBranchOf('跨年二校党支部');
  await meeting(first, '2025-01-14', 'theme_day', 3);
  await meeting(second, '2025-03-12', 'committee', 1);
  await meeting(second, '2025-04-08', 'lecture', 2);
  await meeting(first, '2025-05-20', 'theme_day', 2);
  await meeting(first, '2025-06-30', 'lecture', 4);
  await meeting(second, '2025-07-01', 'theme_day', 2);
  await meeting(first, '2025-12-31', 'party_congress', 4);
  await meeting(second, '2026-01-20', 'theme_day', 3);
  await meeting(first, '2026-04-09', 'committee', 1);
  await meeting(second, '2026-06-18', 'lecture', 2);
  clock.set(bj(TODAY));
  const result = must(
    await fx.call<{ rollups: { rolledUp: string[]; trends: string[] } }>(DEMO.admin.openid, 'jobs', 'recount', {
      months: ['2026-06'],
      years: YEARS,
    }),
    'jobs.recount',
  );
  expect(result.rollups.rolledUp).toEqual(YEARS);
  expect(result.rollups.trends).toEqual(YEARS);
}, 60_000);

afterAll(() => {
  runtime?.close();
  clock?.restore();
});

const SPANS: [string, string, string][] = [
  ['24 months to June', '2024-07', '2026-06'],
  ['24 months to December', '2025-01', '2026-12'],
  ['14 months across a new year', '2025-05', '2026-06'],
  ['a run inside one year', '2025-04', '2025-09'],
  ['a run from January', '2026-01', '2026-05'],
  ['two months across a new year', '2025-12', '2026-01'],
];

async function sameBothWays(from: string, to: string): Promise<void> {
  const span = months(from, to);
  const calendar = months(`${to.slice(0, 4)}-01`, to);
  const now = bj(TODAY);
  await marks(true);
  const fromYears = plain(await readCounters({ months: span, complianceMonths: calendar }, now));
  await marks(false);
  const fromMonths = plain(await readCounters({ months: span, complianceMonths: calendar }, now));
  await marks(true);
  expect(fromYears).toEqual(fromMonths);
  expect(Object.keys(fromYears.byMonth).length).toBeGreaterThan(0);
}

test.each(SPANS)('%s: the year documents and rollups answer what the months answer', async (_name, from, to) => {
  await sameBothWays(from, to);
});

describe('after writes since the rollups were built', () => {
  beforeAll(async () => {
    await meeting(first, '2025-10-15', 'theme_day', 4);
    await meeting(second, '2026-05-06', 'party_congress', 3);
    clock.set(bj(TODAY));
  });

  test.each(SPANS)('%s: still what the months answer', async (_name, from, to) => {
    await sameBothWays(from, to);
  });
});
