import { ACTIVITY_TYPES, COLLECTIONS, type ActivityDoc, type ActivityType, type BranchMonthDoc } from '@zhibu/types';
import { monthDocId } from '../activity/counters';
import { database } from '../runtime/cloud';
import { getAllDocs, MAX_PAGE } from '../runtime/documents';
import { periodOfMonth, type MonthActivity } from './rules';

/**
 * Reads the counters kept on write (branch-month documents and the notices' per-branch deliveries)
 * for a set of months, grouped in the database: the number of operations and of rows returned
 * depends on branches, not on the records behind them nor on the number of months.
 */
export interface Totals {
  held: Partial<Record<ActivityType, number>>;
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

export const emptyTotals = (): Totals => ({
  held: {},
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
});

type Row = Record<string, unknown> & { _id: string };

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

async function aggregate(collection: string, match: object, group: object): Promise<Row[]> {
  const { list } = (await database()
    .collection(collection)
    .aggregate()
    .match(match)
    .group(group)
    .limit(MAX_PAGE)
    .end()) as { list: Row[] };
  return list;
}

/** The totals of one branch-month document, as the grouping below hands them over. */
interface MonthRow {
  month: string;
  held?: Partial<Record<ActivityType, number>> | null;
  minuted?: Partial<Record<ActivityType, number>> | null;
  expected?: number | null;
  present?: number | null;
  leave?: number | null;
  studyExpected?: number | null;
  studyDone?: number | null;
  studyLate?: number | null;
  quizExpected?: number | null;
  quizTaken?: number | null;
  quizPassed?: number | null;
}

/**
 * The totals of every branch-month document of the scope, one row per branch with its months:
 * one operation, one grouping stage with a single accumulator (a grouping with one sum per figure
 * and per activity type, run three times for branches, months and the calendar, cost several
 * times as much). The activities' entries stay in the database.
 */
async function monthRows(scope: Scope): Promise<Map<string, MonthRow[]>> {
  const $ = database().command.aggregate;
  const rows = await aggregate(COLLECTIONS.branchMonths, monthMatch(scope), {
    _id: '$branchId',
    months: $.push({
      month: '$month',
      held: '$held',
      minuted: '$minuted',
      expected: '$expected',
      present: '$present',
      leave: '$leave',
      studyExpected: '$study.expected',
      studyDone: '$study.done',
      studyLate: '$study.late',
      quizExpected: '$quizExpected',
      quizTaken: '$quizTaken',
      quizPassed: '$quizPassed',
    }),
  });
  return new Map(rows.map((row) => [row._id, row.months as MonthRow[]]));
}

function addRow(totals: Totals, row: MonthRow): void {
  const n = (value: number | null | undefined) => Number(value ?? 0);
  for (const type of ACTIVITY_TYPES) {
    const held = n(row.held?.[type]);
    if (held) totals.held[type] = (totals.held[type] ?? 0) + held;
  }
  totals.expected += n(row.expected);
  totals.present += n(row.present);
  totals.leave += n(row.leave);
  totals.studyExpected += n(row.studyExpected);
  totals.studyDone += n(row.studyDone);
  totals.studyLate += n(row.studyLate);
  totals.quizExpected += n(row.quizExpected);
  totals.quizTaken += n(row.quizTaken);
  totals.quizPassed += n(row.quizPassed);
}

/** 应读 and 已读 of the notices published in the scope's months, per branch and month: one operation. */
async function noticeRows(scope: Scope): Promise<Map<string, { month: string; expected: number; read: number }[]>> {
  const _ = database().command;
  const $ = _.aggregate;
  const match: Record<string, unknown> = { month: _.in(scope.months), status: 'published' };
  if (scope.branchIds) match.branchId = _.in(scope.branchIds);
  const rows = await aggregate(COLLECTIONS.noticeBranches, match, {
    _id: '$branchId',
    deliveries: $.push({ month: '$month', expected: '$audienceCount', read: '$readCount' }),
  });
  return new Map(
    rows.map((row) => [
      row._id,
      (row.deliveries as { month: string; expected?: number; read?: number }[]).map((d) => ({
        month: d.month,
        expected: Number(d.expected ?? 0),
        read: Number(d.read ?? 0),
      })),
    ]),
  );
}

/**
 * Activities in months that are not over yet (plus the 12 hours an activity may run past its
 * month's end) are counted in `held` from their creation; until they end they are taken out again,
 * from the entries of those few month documents. Two operations, whatever the period.
 */
export interface NotYetHeld {
  branchId: string;
  month: string;
  type: ActivityType;
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
  const open = { ...scope, months };
  const docs = await getAllDocs<BranchMonthDoc>(() =>
    db.collection(COLLECTIONS.branchMonths).where(monthMatch(open)).orderBy('_id', 'asc'),
  );
  const entries = new Map<string, { doc: BranchMonthDoc; id: string }>();
  for (const doc of docs) for (const id of Object.keys(doc.activities)) entries.set(id, { doc, id });
  if (entries.size === 0) return [];
  const future = await getAllDocs<Pick<ActivityDoc, '_id' | 'endAt'>>(() =>
    db
      .collection(COLLECTIONS.activities)
      .where({
        month: _.in(months),
        status: 'scheduled',
        ...(scope.branchIds ? { branchId: _.in(scope.branchIds) } : {}),
      })
      .field({ _id: true, endAt: true })
      .orderBy('_id', 'asc'),
  );
  const out: NotYetHeld[] = [];
  for (const activity of future) {
    if (new Date(activity.endAt).getTime() <= now.getTime()) continue;
    const found = entries.get(activity._id);
    if (!found) continue;
    const entry = found.doc.activities[activity._id]!;
    out.push({
      branchId: found.doc.branchId,
      month: found.doc.month,
      type: entry.type,
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
  totals.held[a.type] = (totals.held[a.type] ?? 0) - 1;
  if (!totals.held[a.type]) delete totals.held[a.type];
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
 * Every counter the statistics show, for the months of a period (totals by branch, and a monthly
 * trend) and for the months the compliance calendar looks at. At most 7 operations for 200 branches.
 */
export async function readCounters(scope: Scope & { complianceMonths: string[] }, now: Date): Promise<PeriodCounters> {
  const allMonths = [...new Set([...scope.months, ...scope.complianceMonths])];
  const [rows, notices, pending] = await Promise.all([
    monthRows({ branchIds: scope.branchIds, months: allMonths }),
    noticeRows({ branchIds: scope.branchIds, months: scope.months }),
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
  for (const [branchId, deliveries] of notices) {
    for (const d of deliveries) {
      for (const totals of [totalsOf(byBranch, branchId), totalsOf(byMonth, d.month)]) {
        totals.noticeExpected += d.expected;
        totals.noticeRead += d.read;
      }
    }
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
        month.held[a.type] = (month.held[a.type] ?? 0) - 1;
        if (a.minutes) month.evidenced[a.type] = (month.evidenced[a.type] ?? 0) - 1;
      }
    }
  }
  return { byBranch, byMonth, compliance };
}
