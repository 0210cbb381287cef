import {
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
import { aggregate, type Row } from './grouped';
import { figuresOfRow, MONTH_ROW_FIELDS, toMonthRow, TOTAL_FIGURES, type MonthRow } from './month-row';
import { periodOfMonth, periodOrThrow, type MonthActivity } from './rules';
import {
  addRollupTotals,
  builtCount,
  rollupTrendWith,
  readBureauRollups,
  rollupTrend,
  sumTrend,
  trendRows,
  type BureauRollup,
} from './bureau-rollup';

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
 * quarter's dashboard needs them anyway, for its trend); beyond, the database sums them per branch.
 * Only where the bureau's rollups cannot serve (readBureauYears).
 */
const PUSHED_MONTHS = 3;

interface YearRead {
  /** Per branch: its totals over the period's months of the years read, and its compliance months. */
  byBranch: Map<string, { totals: MonthRow[]; figures: Float64Array; compliance: Map<string, MonthActivity> }>;
  /** The period's months of the years read: per branch, or summed over branches. */
  byMonth: MonthRow[];
}

const branchOf = (read: YearRead, branchId: string) => {
  const found = read.byBranch.get(branchId) ?? {
    totals: [],
    /** Totals summed elsewhere (in the database, or from the rollups), in the order of TOTAL_FIGURES. */
    figures: new Float64Array(TOTAL_FIGURES.length),
    compliance: new Map<string, MonthActivity>(),
  };
  read.byBranch.set(branchId, found);
  return found;
};

/**
 * A group's sums of a branch's totals over some months, in the order of TOTAL_FIGURES: the years'
 * own totals when the months hold every year read whole, else each month's totals under `byMonth`,
 * which only the document of that month's year holds (`$.sum($.sum([paths]))`, the list form of
 * the CloudBase aggregate sum, which leaves out a missing path).
 */
function totalsGroup(months: string[], whole: boolean): Record<string, unknown> {
  const $ = database().command.aggregate;
  return Object.fromEntries(
    TOTAL_FIGURES.map(([, path], f) => [
      `t${f}`,
      whole ? $.sum(`$${path}`) : $.sum($.sum(months.map((m) => `$byMonth.${m}.${path}`))),
    ]),
  );
}

const SUM_KEYS = TOTAL_FIGURES.map((_f, f) => `t${f}`);

/** Adds a row's sums of totalsGroup to `figures`. */
function addSums(figures: Float64Array, row: Row): void {
  for (let f = 0; f < figures.length; f++) figures[f]! += Number(row[SUM_KEYS[f]!] ?? 0);
}

/** The `held`/`minuted` paths of some months, pushed after a document's year (see calendarOf). */
const calendarPaths = (calendar: string[]) => calendar.flatMap((m) => [`$byMonth.${m}.held`, `$byMonth.${m}.minuted`]);

/** Reads one document's calendar cells from `values` at `at` into `compliance`: only its own year's months. */
function calendarOf(
  year: string,
  values: unknown[],
  at: number,
  calendar: string[],
  compliance: Map<string, MonthActivity>,
): void {
  for (const month of calendar) {
    const held = values[at++] as MonthActivity['held'] | null;
    const minuted = values[at++] as MonthActivity['evidenced'] | null;
    if (yearOfMonth(month) !== year) continue;
    if (held || minuted) compliance.set(month, { held: { ...held }, evidenced: { ...minuted } });
  }
}

/**
 * Years marked rolled up, from their year documents (stats/rollup.ts), in one grouped read of every
 * year at once: a row per branch with only what the scope needs — its totals over the period's
 * months (summed in the database, totalsGroup), `held`/`minuted` of the compliance months, each
 * document's year first. The trend is summed in the database, one more operation and one row. So
 * the answer, and the operations, follow branches and not months or records. For some branches,
 * and for the bureau's years that have no current rollups (readBureauYears).
 */
async function readYears(scope: {
  branchIds?: string[];
  years: string[];
  /** The period's months in those years. */
  months: string[];
  /** The compliance months in those years. */
  calendar: string[];
}): Promise<YearRead> {
  const _ = database().command;
  const matchOf = (years: string[]) =>
    scope.branchIds
      ? { _id: _.in(scope.branchIds.flatMap((b) => years.map((y) => yearDocId(b, y)))) }
      : { year: years.length === 1 ? years[0] : _.in(years) };
  const pushed = scope.months.length <= PUSHED_MONTHS;
  const whole = scope.years.every((y) => periodOrThrow(y).months.every((m) => scope.months.includes(m)));
  const group: Record<string, unknown> = { _id: '$branchId', ...(pushed ? {} : totalsGroup(scope.months, whole)) };
  // Each document pushes its year first: a month's cells are taken from its own year's document only.
  group.cells = database().command.aggregate.push([
    '$year',
    ...(pushed ? scope.months.flatMap(slotPaths) : []),
    ...calendarPaths(scope.calendar),
  ]);
  const trendYears = pushed ? [] : scope.years.filter((y) => scope.months.some((m) => yearOfMonth(m) === y));
  const trendMonths = scope.months.filter((m) => trendYears.includes(yearOfMonth(m)));
  const [rows, trend] = await Promise.all([
    aggregate(COLLECTIONS.branchMonths, matchOf(scope.years), group),
    trendYears.length > 0 ? sumTrend(matchOf(trendYears), trendMonths) : null,
  ]);
  const out: YearRead = { byBranch: new Map(), byMonth: trend ? trendRows(trendMonths, trend) : [] };
  const width = MONTH_ROW_FIELDS.length - 1;
  for (const row of rows) {
    const branch = branchOf(out, row._id as string);
    if (!pushed) addSums(branch.figures, row);
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
      calendarOf(year, values, at, scope.calendar, branch.compliance);
    }
  }
  return out;
}

/**
 * The bureau's years marked rolled up, from the bureau's rollups where they are current
 * (bureau-rollup.ts): a branch's totals over a year's run of the period's months are two `cum`
 * documents apart, and the trend is the rollup's. Beside the rollups, one grouped read of the
 * years the calendar looks at (and the period's last year) gives a row per branch with the
 * calendar's `held`/`minuted` and the branch's count of writes over each run of those years (the
 * counts only grow, so an equal sum means no month of the run moved); one row per year gives each
 * other year's count of documents and of writes, which must be the rollup's for the year to be
 * read from it at all. Only what moved since the rollups were built is then read afresh: the
 * branches whose count over a run moved (their totals summed in the database), the trend of the
 * months in which they moved, and any year without current rollups (readYears). The count of a
 * run's last month comes apart: when every branch moved in that month only (this month's check-ins
 * between two builds), that month's trend is the rollup's with the moved branches' totals of the
 * month, read with their other totals, in place of theirs as built — no further read. Otherwise the
 * moved branches' counts per month come with their totals, and the months are summed after. So the
 * cost follows branches and what moved since the hourly job, not months or records: two years cost
 * what two months cost, plus a few numbers a branch.
 */
async function readBureauYears(scope: { years: string[]; months: string[]; calendar: string[] }): Promise<YearRead> {
  const _ = database().command;
  const $ = _.aggregate;
  const yearsMatch = (years: string[]) => ({ year: years.length === 1 ? years[0] : _.in(years) });
  // A year's months of the period are one run (periods and spans are runs of months).
  const runs = scope.years.flatMap((year) => {
    const months = scope.months.filter((m) => yearOfMonth(m) === year);
    if (months.length === 0) return [];
    const all = periodOrThrow(year).months;
    const from = all.indexOf(months[0]!);
    const contiguous = months.every((m, i) => all[from + i] === m);
    return [{ year, months, from, contiguous, before: from > 0 ? all[from - 1]! : null, last: months.at(-1)! }];
  });
  const cumMonths = runs
    .filter((r) => r.contiguous)
    .flatMap((r) => {
      // And the month before the last, for the last month's own totals as built (rollupTrendWith).
      const beforeLast = r.months.length > 1 ? r.months.at(-2)! : r.before;
      return [...new Set([r.before, beforeLast, r.last])].filter((m): m is string => m !== null);
    });
  // Read per branch: the calendar's years, and the last year of the period (the one still written to).
  const lastYear = runs.at(-1)?.year;
  const branchYears = scope.years.filter((y) => y === lastYear || scope.calendar.some((m) => yearOfMonth(m) === y));
  const perBranch = runs.filter((run) => branchYears.includes(run.year));
  const perYear = runs.filter((run) => !branchYears.includes(run.year));
  const group: Record<string, unknown> = { _id: '$branchId' };
  perBranch.forEach((run, r) => {
    group[`r${r}`] = $.sum($.sum(run.months.map((m) => `$revs.${m}`)));
    // The run's last month apart: where writes land between two builds (this month), so that the
    // months to sum afresh are usually known from this read alone.
    group[`l${r}`] = $.sum(`$revs.${run.last}`);
  });
  // Merged over a branch's documents, which is taking each month's from the document of its year.
  scope.calendar.forEach((m, i) => {
    group[`h${i}`] = $.mergeObjects(`$byMonth.${m}.held`);
    group[`e${i}`] = $.mergeObjects(`$byMonth.${m}.minuted`);
  });
  const [rows, yearRows, rollups] = await Promise.all([
    aggregate(COLLECTIONS.branchMonths, yearsMatch(branchYears), group),
    perYear.length > 0
      ? aggregate(COLLECTIONS.branchMonths, yearsMatch(perYear.map((run) => run.year)), {
          _id: '$year',
          docs: $.sum(1),
          rev: $.sum('$rev'),
        })
      : [],
    runs.length > 0
      ? readBureauRollups(
          runs.map((run) => run.year),
          cumMonths,
        )
      : new Map<string, BureauRollup>(),
  ]);
  const out: YearRead = { byBranch: new Map(), byMonth: [] };
  for (const row of rows) {
    const branch = branchOf(out, row._id as string);
    scope.calendar.forEach((month, i) => {
      const held = row[`h${i}`] as MonthActivity['held'];
      const minuted = row[`e${i}`] as MonthActivity['evidenced'];
      if (Object.keys(held).length > 0 || Object.keys(minuted).length > 0) {
        branch.compliance.set(month, { held, evidenced: minuted });
      }
    });
  }
  const unrolled = runs.filter((run) => !run.contiguous || !rollups.has(run.year)).map((run) => run.year);
  const current = (run: (typeof runs)[number]) => !unrolled.includes(run.year);
  for (const run of perYear.filter(current)) {
    const rollup = rollups.get(run.year)!;
    const now = yearRows.find((row) => row._id === run.year);
    if (Number(now?.docs ?? 0) !== rollup.docs || Number(now?.rev ?? 0) !== rollup.rev) {
      unrolled.push(run.year);
      continue;
    }
    for (const branchId of rollup.revs.keys()) {
      addRollupTotals(branchOf(out, branchId).figures, rollup, branchId, run.last, run.before);
    }
    out.byMonth.push(...rollupTrend(rollup, run.months));
  }
  /** Per run read per branch: the branches whose count moved in it; whether all moved in its last month only. */
  const moved = perBranch.map(() => [] as string[]);
  const lastOnly = perBranch.map(() => true);
  const countOf = new Map(rows.map((row) => [row._id as string, row]));
  perBranch.forEach((run, r) => {
    if (!current(run)) return;
    const rollup = rollups.get(run.year)!;
    const last = run.from + run.months.length - 1;
    for (const branchId of new Set([...rollup.revs.keys(), ...countOf.keys()])) {
      const row = countOf.get(branchId);
      let more = Number(row?.[`r${r}`] ?? 0);
      for (let m = run.from; m <= last; m++) more -= builtCount(rollup, branchId, m);
      if (more === 0) {
        addRollupTotals(branchOf(out, branchId).figures, rollup, branchId, run.last, run.before);
        continue;
      }
      moved[r]!.push(branchId);
      if (Number(row?.[`l${r}`] ?? 0) - builtCount(rollup, branchId, last) !== more) lastOnly[r] = false;
    }
  });
  const live = perBranch.map((run, r) => ({ run, r })).filter(({ run }) => current(run));
  const movedDocs = live.flatMap(({ run, r }) => moved[r]!.map((b) => yearDocId(b, run.year)));
  // Years whose every month is in the period add up their own totals (as readYears does).
  const whole = live.every(({ run, r }) => moved[r]!.length === 0 || run.months.length === 12);
  const needCounts = live.some(({ r }) => moved[r]!.length > 0 && !lastOnly[r]);
  // Where every moved branch moved in the run's last month only, that month's trend is the rollup's
  // with those branches' totals of the month as they are now in place of theirs as built.
  const known = live.filter(({ r }) => moved[r]!.length > 0 && lastOnly[r]);
  const lastGroup: Record<string, unknown> = {};
  for (const { run, r } of known) {
    TOTAL_FIGURES.forEach(([, path], f) => (lastGroup[`n${r}_${f}`] = $.sum(`$byMonth.${run.last}.${path}`)));
  }
  const [fallback, movedRows] = await Promise.all([
    unrolled.length > 0
      ? readYears({
          years: unrolled,
          months: scope.months.filter((m) => unrolled.includes(yearOfMonth(m))),
          calendar: [],
        })
      : null,
    movedDocs.length > 0
      ? aggregate(
          COLLECTIONS.branchMonths,
          { _id: _.in(movedDocs) },
          {
            _id: '$branchId',
            ...(needCounts ? { revs: $.mergeObjects('$revs') } : {}),
            ...totalsGroup(scope.months, whole),
            ...lastGroup,
          },
        )
      : [],
  ]);
  for (const row of movedRows) addSums(branchOf(out, row._id as string).figures, row);
  const movedRow = new Map(movedRows.map((row) => [row._id as string, row]));
  const afresh = live.map(({ run, r }) => {
    const rollup = rollups.get(run.year)!;
    if (moved[r]!.length > 0 && lastOnly[r]) {
      const now = new Map(
        moved[r]!.map((b) => [
          b,
          Float64Array.from(TOTAL_FIGURES, (_f, f) => Number(movedRow.get(b)?.[`n${r}_${f}`] ?? 0)),
        ]),
      );
      out.byMonth.push(...rollupTrend(rollup, run.months.slice(0, -1)), rollupTrendWith(rollup, run.last, now));
      return { year: run.year, months: [] };
    }
    const months =
      moved[r]!.length === 0
        ? []
        : run.months.filter((month, i) =>
            moved[r]!.some(
              (b) =>
                ((movedRow.get(b)?.revs as Record<string, number> | undefined)?.[month] ?? 0) !==
                builtCount(rollup, b, run.from + i),
            ),
          );
    out.byMonth.push(
      ...rollupTrend(
        rollup,
        run.months.filter((m) => !months.includes(m)),
      ),
    );
    return { year: run.year, months };
  });
  const summed = await Promise.all(
    afresh
      .filter(({ months }) => months.length > 0)
      .map(async ({ year, months }) => trendRows(months, await sumTrend({ year }, months))),
  );
  out.byMonth.push(...summed.flat());
  if (fallback) {
    for (const [branchId, { totals, figures }] of fallback.byBranch) {
      const branch = branchOf(out, branchId);
      branch.totals.push(...totals);
      figures.forEach((n, f) => (branch.figures[f]! += n));
    }
    out.byMonth.push(...fallback.byMonth);
  }
  return out;
}

/** Of each of TOTAL_FIGURES: the activity type it counts (`held`), else the field of Totals it adds to. */
const FIGURE_TYPE = TOTAL_FIGURES.map(([field]) =>
  field.startsWith('held.') ? (field.slice('held.'.length) as ActivityType) : null,
);
const FIGURE_FIELD = TOTAL_FIGURES.map(([field]) => field as Exclude<keyof Totals, 'held' | 'meetings'> | 'alsoHeld');

/** Adds figures in the order of TOTAL_FIGURES to a branch's or a month's totals. */
function addFigures(totals: Totals, figures: Float64Array): void {
  let meetings = 0;
  for (let f = 0; f < figures.length; f++) {
    const n = figures[f]!;
    if (!n) continue;
    const type = FIGURE_TYPE[f];
    const field = FIGURE_FIELD[f]!;
    if (type) {
      totals.held[type] = (totals.held[type] ?? 0) + n;
      meetings += n;
    } else if (field === 'alsoHeld') meetings -= n;
    else totals[field] += n;
  }
  // A meeting that also counts as other items is in `held` once per item and in `alsoHeld` once per extra item.
  totals.meetings += meetings;
}

function addRow(totals: Totals, row: MonthRow): void {
  addFigures(totals, figuresOfRow(row));
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
 * years rolled up and, for the bureau, one of their rollups (and up to two more for what moved
 * since they were built), one of the months of any other year, and one or two for the activities
 * still to end.
 */
export async function readCounters(scope: Scope & { complianceMonths: string[] }, now: Date): Promise<PeriodCounters> {
  const allMonths = [...new Set([...scope.months, ...scope.complianceMonths])];
  // Years rolled up are read from their year documents, the others from their months.
  const rolledUp = await rolledUpYears([...new Set(allMonths.map(yearOfMonth))]);
  const split = {
    years: [...rolledUp],
    months: allMonths.filter((m) => !rolledUp.has(yearOfMonth(m))),
  };
  const yearScope = {
    years: split.years,
    months: scope.months.filter((m) => rolledUp.has(yearOfMonth(m))),
    calendar: scope.complianceMonths.filter((m) => rolledUp.has(yearOfMonth(m))),
  };
  const [rows, years, pending] = await Promise.all([
    split.months.length > 0
      ? monthRows({ branchIds: scope.branchIds, months: split.months })
      : new Map<string, MonthRow[]>(),
    yearScope.years.length > 0
      ? scope.branchIds
        ? readYears({ ...yearScope, branchIds: scope.branchIds })
        : readBureauYears(yearScope)
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
    for (const [branchId, { totals, figures, compliance: calendar }] of years.byBranch) {
      for (const row of totals) addRow(totalsOf(byBranch, branchId), row);
      addFigures(totalsOf(byBranch, branchId), figures);
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
