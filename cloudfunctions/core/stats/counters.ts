import {
  ACTIVITY_TYPES,
  COLLECTIONS,
  type ActivityDoc,
  type ActivityType,
  type BranchMonthDoc,
  type YearRollupDoc,
} from '@zhibu/types';
import { entryTypes, monthDocId } from '../activity/counters';
import { rollupMarkId, yearDocId, yearOfMonth } from './rollup';
import { database } from '../runtime/cloud';
import { getAllDocs } from '../runtime/documents';
import { aggregate } from './grouped';
import { MONTH_ROW_FIELDS, rowOfFigures, toMonthRow, TOTAL_FIGURES, type MonthRow } from './month-row';
import { periodOfMonth, periodOrThrow, type MonthActivity } from './rules';
import { currentTrend, readTrendRollups, sumTrend, trendRows } from './trend-rollup';

/**
 * Reads the counters kept on write (branch-month documents: activities, study, quizzes and notices)
 * for a set of months, grouped in the database: the number of operations and of rows returned
 * depends on branches, not on the records behind them nor on the number of months.
 */
export interface Totals {
  held: Partial<Record<ActivityType, number>>;
  /** Meetings held: one meeting counted under several items (`alsoCountsAs`) is one meeting here. */
  meetings: number;
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
  noticeConfirmed: number;
  noticeConfirmExpected: number;
}

export const emptyTotals = (): Totals => ({
  held: {},
  meetings: 0,
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
  noticeConfirmed: 0,
  noticeConfirmExpected: 0,
});

interface Scope {
  /** Every branch when absent. */
  branchIds?: string[];
  months: string[];
}

/** The `$match` of a scope: by month for every branch, by document id for some branches. */
function monthMatch(scope: Scope): Record<string, unknown> {
  const _ = database().command;
  if (!scope.branchIds) return { month: _.in(scope.months) };
  return { _id: _.in(scope.branchIds.flatMap((b) => scope.months.map((m) => monthDocId(b, m)))) };
}

/**
 * The totals of every branch-month document of the scope, one row per branch with its months:
 * one operation, one grouping stage with a single accumulator. The activities' entries stay in the
 * database. Each month comes as an array in the order of MONTH_ROW_FIELDS rather than an object:
 * the answer carries no field names and no null for every figure a month lacks, less than half the
 * bytes to encode and decode. Only for years not yet rolled up (see rolledUpYears).
 */
async function monthRows(scope: Scope): Promise<Map<string, MonthRow[]>> {
  const $ = database().command.aggregate;
  const rows = await aggregate(COLLECTIONS.branchMonths, monthMatch(scope), {
    _id: '$branchId',
    months: $.push(MONTH_ROW_FIELDS.map(([, path]) => path)),
  });
  return new Map(rows.map((row) => [row._id as string, (row.months as unknown[][]).map(toMonthRow)]));
}

/** The paths of a month's totals in a year document, in the order of MONTH_ROW_FIELDS (no `month`). */
const slotPaths = (month: string) => MONTH_ROW_FIELDS.slice(1).map(([, path]) => `$byMonth.${month}.${path.slice(1)}`);

/**
 * Up to this many months in the period, each month's totals come per branch and are added here (a
 * quarter's dashboard needs them anyway, for its trend); beyond, the database sums them per branch
 * and the trend comes from the years' trend rollups (trend-rollup.ts).
 */
const PUSHED_MONTHS = 3;

interface YearRead {
  /** Per branch: its totals over the period's months of the years read, and its compliance months. */
  byBranch: Map<string, { totals: MonthRow[]; compliance: Map<string, MonthActivity> }>;
  /** The period's months of the years read: per branch, or summed over branches. */
  byMonth: MonthRow[];
}

/**
 * Years marked rolled up, from their year documents (stats/rollup.ts), in one grouped read of every
 * year at once: a row per branch with only what the scope needs — its totals over the period's
 * months (summed in the database: the years' own totals when the period holds every year read
 * whole, else each month's totals under `byMonth`, which only the document of that month's year
 * holds), `held`/`minuted` of the compliance months, and each document's year
 * and rev. The trend comes from the years' trend rollups while they are current, else is summed in
 * the database (one more operation, one row). So the answer, and the operations, follow branches
 * and not months or records: two years cost one read, as two months do.
 */
async function readYears(scope: {
  branchIds?: string[];
  years: string[];
  /** The period's months in those years. */
  months: string[];
  /** The compliance months in those years. */
  calendar: string[];
}): Promise<YearRead> {
  const db = database();
  const _ = db.command;
  const $ = _.aggregate;
  const matchOf = (years: string[]) =>
    scope.branchIds
      ? { _id: _.in(scope.branchIds.flatMap((b) => years.map((y) => yearDocId(b, y)))) }
      : { year: years.length === 1 ? years[0] : _.in(years) };
  const pushed = scope.months.length <= PUSHED_MONTHS;
  const group: Record<string, unknown> = { _id: '$branchId', revs: $.push(['$year', '$rev']) };
  if (!pushed) {
    // Years the period holds whole add up their own totals; otherwise each month's are added, which
    // only the document of that month's year holds (`$.sum($.sum([paths]))`, the list form of the
    // CloudBase aggregate sum, which leaves out a missing path).
    const whole = scope.years.every((y) => periodOrThrow(y).months.every((m) => scope.months.includes(m)));
    TOTAL_FIGURES.forEach(([, path], f) => {
      group[`t${f}`] = whole ? $.sum(`$${path}`) : $.sum($.sum(scope.months.map((m) => `$byMonth.${m}.${path}`)));
    });
  }
  // Each document pushes its year first: a month's cells are taken from its own year's document only.
  group.cells = $.push([
    '$year',
    ...(pushed ? scope.months.flatMap(slotPaths) : []),
    ...scope.calendar.flatMap((m) => [`$byMonth.${m}.held`, `$byMonth.${m}.minuted`]),
  ]);
  const trendYears = pushed ? [] : scope.years.filter((y) => scope.months.some((m) => yearOfMonth(m) === y));
  const monthsOf = (years: string[]) => scope.months.filter((m) => years.includes(yearOfMonth(m)));
  const sumOf = async (years: string[]) =>
    trendRows(monthsOf(years), (await sumTrend(matchOf(years), monthsOf(years))).sums);
  // For some branches the trend is theirs alone, cheap to sum; for the bureau it is the rollups'.
  const [rows, rollups, trendOfBranches] = await Promise.all([
    aggregate(COLLECTIONS.branchMonths, matchOf(scope.years), group),
    trendYears.length > 0 && !scope.branchIds ? readTrendRollups(trendYears) : null,
    trendYears.length > 0 && scope.branchIds ? sumOf(trendYears) : null,
  ]);
  const out: YearRead = { byBranch: new Map(), byMonth: [...(trendOfBranches ?? [])] };
  if (rollups) {
    const revsOf = new Map(trendYears.map((y) => [y, new Map<string, number>()]));
    for (const row of rows) {
      for (const [year, rev] of row.revs as [string, number | null][])
        revsOf.get(year)?.set(row._id as string, rev ?? 0);
    }
    const stale: string[] = [];
    for (const year of trendYears) {
      const trend = currentTrend(rollups.get(year), revsOf.get(year)!, monthsOf([year]));
      if (trend) out.byMonth.push(...trend);
      else stale.push(year);
    }
    if (stale.length > 0) out.byMonth.push(...(await sumOf(stale)));
  }
  const width = MONTH_ROW_FIELDS.length - 1;
  for (const row of rows) {
    const branchId = row._id as string;
    const branch = { totals: [] as MonthRow[], compliance: new Map<string, MonthActivity>() };
    out.byBranch.set(branchId, branch);
    if (!pushed)
      branch.totals.push(
        rowOfFigures(
          '',
          TOTAL_FIGURES,
          TOTAL_FIGURES.map((_f, f) => row[`t${f}`]),
        ),
      );
    for (const [year, ...values] of row.cells as [string, ...unknown[]][]) {
      let at = 0;
      if (pushed) {
        for (const month of scope.months) {
          const slot = toMonthRow([month, ...values.slice(at, at + width)]);
          at += width;
          if (yearOfMonth(month) !== year) continue;
          branch.totals.push(slot);
          out.byMonth.push(slot);
        }
      }
      for (const month of scope.calendar) {
        const held = values[at++] as MonthActivity['held'] | null;
        const minuted = values[at++] as MonthActivity['evidenced'] | null;
        if (yearOfMonth(month) !== year) continue;
        if (held || minuted) branch.compliance.set(month, { held: { ...held }, evidenced: { ...minuted } });
      }
    }
  }
  return out;
}

function addRow(totals: Totals, row: MonthRow): void {
  const n = (value: number | null | undefined) => Number(value ?? 0);
  let held = 0;
  for (const type of ACTIVITY_TYPES) {
    const count = n(row.held?.[type]);
    if (count) totals.held[type] = (totals.held[type] ?? 0) + count;
    held += count;
  }
  // A meeting that also counts as other items is in `held` once per item and in `alsoHeld` once per extra item.
  totals.meetings += held - n(row.alsoHeld);
  totals.expected += n(row.expected);
  totals.present += n(row.present);
  totals.leave += n(row.leave);
  totals.studyExpected += n(row.studyExpected);
  totals.studyDone += n(row.studyDone);
  totals.studyLate += n(row.studyLate);
  totals.quizExpected += n(row.quizExpected);
  totals.quizTaken += n(row.quizTaken);
  totals.quizPassed += n(row.quizPassed);
  totals.noticeExpected += n(row.noticeExpected);
  totals.noticeRead += n(row.noticeRead);
  totals.noticeConfirmed += n(row.noticeConfirmed);
  totals.noticeConfirmExpected += n(row.noticeConfirmExpected);
}

/**
 * Activities in months that are not over yet (plus the 12 hours an activity may run past its
 * month's end) are counted in `held` from their creation; until they end they are taken out again,
 * from their entries in the branch-month documents. The activities still to end are read first
 * (usually few, often none); then only the documents that hold their entries, and of those only the
 * entries. Two operations at most, whatever the period; one when nothing is still to end.
 */
export interface NotYetHeld {
  branchId: string;
  month: string;
  /** Every item it is counted under in `held` (its type and `also`). */
  types: ActivityType[];
  expected: number;
  present: number;
  leave: number;
  minutes: boolean;
}

const RUNS_PAST_MONTH_MS = 12 * 60 * 60 * 1000;

export function openMonths(months: string[], now: Date): string[] {
  return months.filter((m) => periodOfMonth(m, 'month').end.getTime() + RUNS_PAST_MONTH_MS > now.getTime());
}

async function notYetHeld(scope: Scope, now: Date): Promise<NotYetHeld[]> {
  const months = openMonths(scope.months, now);
  if (months.length === 0) return [];
  const db = database();
  const _ = db.command;
  const scheduled = await getAllDocs<Pick<ActivityDoc, '_id' | 'endAt' | 'branchId' | 'month'>>(() =>
    db
      .collection(COLLECTIONS.activities)
      .where({
        month: _.in(months),
        status: 'scheduled',
        ...(scope.branchIds ? { branchId: _.in(scope.branchIds) } : {}),
      })
      .field({ _id: true, endAt: true, branchId: true, month: true })
      .orderBy('_id', 'asc'),
  );
  const future = scheduled.filter((a) => new Date(a.endAt).getTime() > now.getTime());
  if (future.length === 0) return [];
  // An activity's entry lives in the document of its branch and month (activity/counters.ts).
  const ids = [...new Set(future.map((a) => monthDocId(a.branchId, a.month)))];
  const docs = await getAllDocs<Pick<BranchMonthDoc, '_id' | 'branchId' | 'month' | 'activities'>>(() =>
    db
      .collection(COLLECTIONS.branchMonths)
      .where({ _id: _.in(ids) })
      .field({ _id: true, branchId: true, month: true, activities: true })
      .orderBy('_id', 'asc'),
  );
  const byId = new Map(docs.map((doc) => [doc._id, doc]));
  const out: NotYetHeld[] = [];
  for (const activity of future) {
    const doc = byId.get(monthDocId(activity.branchId, activity.month));
    const entry = doc?.activities?.[activity._id];
    if (!doc || !entry) continue;
    out.push({
      branchId: doc.branchId,
      month: doc.month,
      types: entryTypes(entry),
      expected: entry.expected,
      present: entry.present,
      leave: entry.leave,
      minutes: Boolean(entry.minutes),
    });
  }
  return out;
}

function subtract(totals: Totals | undefined, a: NotYetHeld): void {
  if (!totals) return;
  for (const type of a.types) {
    totals.held[type] = (totals.held[type] ?? 0) - 1;
    if (!totals.held[type]) delete totals.held[type];
  }
  totals.meetings -= 1;
  totals.expected -= a.expected;
  totals.present -= a.present;
  totals.leave -= a.leave;
}

export interface PeriodCounters {
  byBranch: Map<string, Totals>;
  byMonth: Map<string, Totals>;
  /** Per branch and month of `complianceMonths`: held and minuted by type. */
  compliance: Map<string, Map<string, MonthActivity>>;
}

/**
 * Years known to be rolled up in this instance. A year stays rolled up once it is (rollup-sync.ts),
 * so only that answer is kept, and a warm instance reads no marker for the years it has seen.
 */
const rolledUpSeen = new Set<string>();

/**
 * Which of some years the statistics may read from their year documents: those the hourly job
 * (or jobs.recount with `years`) marked rolled up. A year without the mark — data written before
 * the year rollups existed, or a sync that has not yet found the year whole — is read from its
 * month documents, so it never comes back empty or short. One operation, none once all are seen.
 */
async function rolledUpYears(years: string[]): Promise<Set<string>> {
  const unseen = years.filter((y) => !rolledUpSeen.has(y));
  if (unseen.length > 0) {
    const db = database();
    const marks = await getAllDocs<Pick<YearRollupDoc, '_id' | 'year'>>(() =>
      db
        .collection(COLLECTIONS.statsConfig)
        .where({ _id: db.command.in(unseen.map(rollupMarkId)) })
        .field({ _id: true, year: true })
        .orderBy('_id', 'asc'),
    );
    for (const mark of marks) rolledUpSeen.add(mark.year);
  }
  return new Set(years.filter((y) => rolledUpSeen.has(y)));
}

/** For tests that replace the database under a running instance: forget the years seen rolled up. */
export function forgetRolledUpYears(): void {
  rolledUpSeen.clear();
}

/**
 * Every counter the statistics show, for the months of a period (totals by branch, and a monthly
 * trend) and for the months the compliance calendar looks at. For 200 branches: one read of the
 * years rolled up, one of the months of any other year, one of the trend rollups (and one more to
 * sum a trend that is stale), and one or two for the activities still to end.
 */
export async function readCounters(scope: Scope & { complianceMonths: string[] }, now: Date): Promise<PeriodCounters> {
  const allMonths = [...new Set([...scope.months, ...scope.complianceMonths])];
  // Years rolled up are read from their year documents, the others from their months.
  const rolledUp = await rolledUpYears([...new Set(allMonths.map(yearOfMonth))]);
  const split = {
    years: [...rolledUp],
    months: allMonths.filter((m) => !rolledUp.has(yearOfMonth(m))),
  };
  const [rows, years, pending] = await Promise.all([
    split.months.length > 0
      ? monthRows({ branchIds: scope.branchIds, months: split.months })
      : new Map<string, MonthRow[]>(),
    split.years.length > 0
      ? readYears({
          branchIds: scope.branchIds,
          years: split.years,
          months: scope.months.filter((m) => rolledUp.has(yearOfMonth(m))),
          calendar: scope.complianceMonths.filter((m) => rolledUp.has(yearOfMonth(m))),
        })
      : null,
    notYetHeld({ branchIds: scope.branchIds, months: allMonths }, now),
  ]);
  const byBranch = new Map<string, Totals>();
  const byMonth = new Map<string, Totals>();
  const compliance = new Map<string, Map<string, MonthActivity>>();
  const inPeriodMonth = new Set(scope.months);
  const inComplianceMonth = new Set(scope.complianceMonths);
  const totalsOf = (map: Map<string, Totals>, key: string) => {
    const found = map.get(key) ?? emptyTotals();
    map.set(key, found);
    return found;
  };
  for (const [branchId, months] of rows) {
    for (const row of months) {
      if (inPeriodMonth.has(row.month)) {
        addRow(totalsOf(byBranch, branchId), row);
        addRow(totalsOf(byMonth, row.month), row);
      }
      if (inComplianceMonth.has(row.month)) {
        const calendar = compliance.get(branchId) ?? new Map<string, MonthActivity>();
        calendar.set(row.month, { held: { ...row.held }, evidenced: { ...row.minuted } });
        compliance.set(branchId, calendar);
      }
    }
  }
  if (years) {
    for (const [branchId, { totals, compliance: calendar }] of years.byBranch) {
      for (const row of totals) addRow(totalsOf(byBranch, branchId), row);
      if (calendar.size === 0) continue;
      const months = compliance.get(branchId) ?? new Map<string, MonthActivity>();
      for (const [month, activity] of calendar) months.set(month, activity);
      compliance.set(branchId, months);
    }
    for (const row of years.byMonth) addRow(totalsOf(byMonth, row.month), row);
  }
  const inPeriod = new Set(scope.months);
  const inCompliance = new Set(scope.complianceMonths);
  const wanted = scope.branchIds ? new Set(scope.branchIds) : null;
  for (const a of pending) {
    if (wanted && !wanted.has(a.branchId)) continue;
    if (inPeriod.has(a.month)) {
      subtract(byBranch.get(a.branchId), a);
      subtract(byMonth.get(a.month), a);
    }
    if (inCompliance.has(a.month)) {
      const month = compliance.get(a.branchId)?.get(a.month);
      if (month) {
        for (const type of a.types) {
          month.held[type] = (month.held[type] ?? 0) - 1;
          if (a.minutes) month.evidenced[type] = (month.evidenced[type] ?? 0) - 1;
        }
      }
    }
  }
  return { byBranch, byMonth, compliance };
}
