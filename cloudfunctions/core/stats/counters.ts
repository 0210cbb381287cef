import { ACTIVITY_TYPES, COLLECTIONS, type ActivityDoc, type ActivityType, type BranchMonthDoc } from '@zhibu/types';
import { entryTypes, monthDocId } from '../activity/counters';
import { database } from '../runtime/cloud';
import { getAllDocs, MAX_PAGE } from '../runtime/documents';
import { periodOfMonth, type MonthActivity } from './rules';

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

type Row = Record<string, number | string | null | undefined> & { _id: string };

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

function sums(): Record<string, unknown> {
  const $ = database().command.aggregate;
  const out: Record<string, unknown> = {
    expected: $.sum('$expected'),
    present: $.sum('$present'),
    leave: $.sum('$leave'),
    studyExpected: $.sum('$study.expected'),
    studyDone: $.sum('$study.done'),
    studyLate: $.sum('$study.late'),
    quizExpected: $.sum('$quizExpected'),
    quizTaken: $.sum('$quizTaken'),
    quizPassed: $.sum('$quizPassed'),
    alsoHeld: $.sum('$alsoHeld'),
    noticeExpected: $.sum('$noticeExpected'),
    noticeRead: $.sum('$noticeRead'),
    noticeConfirmed: $.sum('$noticeConfirmed'),
    noticeConfirmExpected: $.sum('$noticeConfirmExpected'),
  };
  for (const type of ACTIVITY_TYPES) out[`held_${type}`] = $.sum(`$held.${type}`);
  return out;
}

function toTotals(row: Row): Totals {
  const n = (key: string) => Number(row[key] ?? 0);
  const held: Partial<Record<ActivityType, number>> = {};
  for (const type of ACTIVITY_TYPES) if (n(`held_${type}`)) held[type] = n(`held_${type}`);
  const heldSum = Object.values(held).reduce((a, b) => a + (b ?? 0), 0);
  return {
    held,
    meetings: heldSum - n('alsoHeld'),
    expected: n('expected'),
    present: n('present'),
    leave: n('leave'),
    studyExpected: n('studyExpected'),
    studyDone: n('studyDone'),
    studyLate: n('studyLate'),
    quizExpected: n('quizExpected'),
    quizTaken: n('quizTaken'),
    quizPassed: n('quizPassed'),
    noticeExpected: n('noticeExpected'),
    noticeRead: n('noticeRead'),
    noticeConfirmed: n('noticeConfirmed'),
    noticeConfirmExpected: n('noticeConfirmExpected'),
  };
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

/** Activity, study and quiz totals of the scope's months, by `key` (branch or month): one operation. */
async function monthTotals(scope: Scope, key: 'branchId' | 'month'): Promise<Map<string, Totals>> {
  const rows = await aggregate(COLLECTIONS.branchMonths, monthMatch(scope), { _id: `$${key}`, ...sums() });
  return new Map(rows.map((row) => [row._id, toTotals(row)]));
}

/** Held and minuted activities by type and month, per branch, for the compliance calendar: one operation. */
async function complianceMonths(scope: Scope): Promise<Map<string, Map<string, MonthActivity>>> {
  const $ = database().command.aggregate;
  const rows = (await aggregate(COLLECTIONS.branchMonths, monthMatch(scope), {
    _id: '$branchId',
    months: $.push({ month: '$month', held: '$held', minuted: '$minuted' }),
  })) as unknown as {
    _id: string;
    months: { month: string; held?: MonthActivity['held']; minuted?: MonthActivity['held'] }[];
  }[];
  return new Map(
    rows.map((row) => [
      row._id,
      new Map(row.months.map((m) => [m.month, { held: { ...m.held }, evidenced: { ...m.minuted } }])),
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
 * Every counter the statistics show, for the months of a period (totals by branch, and a monthly
 * trend) and for the months the compliance calendar looks at. At most 5 operations for 200 branches.
 */
export async function readCounters(scope: Scope & { complianceMonths: string[] }, now: Date): Promise<PeriodCounters> {
  const allMonths = [...new Set([...scope.months, ...scope.complianceMonths])];
  const [byBranch, byMonth, compliance, pending] = await Promise.all([
    monthTotals(scope, 'branchId'),
    monthTotals(scope, 'month'),
    complianceMonths({ branchIds: scope.branchIds, months: scope.complianceMonths }),
    notYetHeld({ branchIds: scope.branchIds, months: allMonths }, now),
  ]);
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
