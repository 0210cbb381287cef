import { COLLECTIONS, type BranchMonthDoc, type BranchYearDoc } from '@zhibu/types';
import { database } from '../runtime/cloud';
import { isDuplicateKeyError } from '../runtime/db-errors';

/**
 * Year rollups of the branch-month counters. Every counter write (activities, attendance, minutes,
 * notices, study, quizzes) is one update of two documents, `where({_id: _.in([month, year])})`: the
 * branch's month and its year (`<branchId>_<YYYY>`, in the same collection), with the same data.
 * So the year holds the same entries as its months and the year's totals, and each total is also
 * written under `byMonth.<YYYY-MM>` (the month's document holds its own month there, unread): a
 * statistic over whole years reads one document per branch and year instead of twelve, and a check-in
 * stays one counter operation. Each document's entry and totals still move together atomically; a
 * year that drifts from its months (an update that found the entry in one document only) is
 * repaired from the months by the hourly job (rollup-sync.ts).
 */
export const monthDocId = (branchId: string, month: string) => `${branchId}_${month}`;
export const yearDocId = (branchId: string, year: string) => `${branchId}_${year}`;
export const yearOfMonth = (month: string) => month.slice(0, 4);
/** The `statsConfig` document saying a year's rollups are whole (YearRollupDoc). */
export const rollupMarkId = (year: string) => `rollup_${year}`;

/** The containers of entries (one per activity, notice, quiz, study task); every other path is a total. */
export const ENTRY_CONTAINERS = ['activities', 'notices', 'quizzes', 'study.tasks'] as const;

const isEntryPath = (path: string) => ENTRY_CONTAINERS.some((c) => path === c || path.startsWith(`${c}.`));

/** The two documents a counter write of a branch's month moves. */
export function counterDocIds(branchId: string, month: string): [string, string] {
  return [monthDocId(branchId, month), yearDocId(branchId, yearOfMonth(month))];
}

/** Update data with every total also written under its month in `byMonth`. */
export function withMonthTotals(month: string, data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...data };
  for (const [path, value] of Object.entries(data)) {
    if (!isEntryPath(path)) out[`byMonth.${month}.${path}`] = value;
  }
  return out;
}

const updatedCount = (result: unknown) => (result as { stats: { updated: number } }).stats.updated;

/**
 * One counter write: `data` (entries and totals, as for one month document) applied to the month's
 * and the year's document where both match `where` (no `_id`: it is set here), each document's counts
 * of writes (`revs` of the month and `rev`, bureau-rollup.ts) moved with it. Answers how many of the two took it. One operation.
 */
export async function updateCounters(
  branchId: string,
  month: string,
  where: Record<string, unknown>,
  data: Record<string, unknown>,
): Promise<number> {
  const _ = database().command;
  const result = await database()
    .collection(COLLECTIONS.branchMonths)
    .where({ ...where, _id: _.in(counterDocIds(branchId, month)) })
    .update({ data: { ...withMonthTotals(month, data), [`revs.${month}`]: _.inc(1), rev: _.inc(1) } });
  return updatedCount(result);
}

export function emptyMonthDoc(branchId: string, month: string): BranchMonthDoc {
  return {
    _id: monthDocId(branchId, month),
    branchId,
    month,
    activities: {},
    held: {},
    expected: 0,
    present: 0,
    leave: 0,
  };
}

export function emptyYearDoc(branchId: string, year: string): BranchYearDoc {
  return {
    _id: yearDocId(branchId, year),
    branchId,
    year,
    activities: {},
    held: {},
    expected: 0,
    present: 0,
    leave: 0,
    byMonth: {},
  };
}

/** Creates the month's and the year's documents where missing (re-runnable: an existing one is left alone). */
export async function ensureCounterDocs(branchId: string, month: string): Promise<void> {
  const collection = database().collection(COLLECTIONS.branchMonths);
  for (const doc of [emptyMonthDoc(branchId, month), emptyYearDoc(branchId, yearOfMonth(month))]) {
    try {
      await collection.add({ data: doc });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
}

/**
 * A write that counts something new once (`where` holds while the entry is absent): applied to
 * both documents, creating them first when it did not reach both. Re-runnable, since the condition
 * keeps a document that has the entry from counting it again. Answers whether any document took it.
 * One operation when both documents exist, four on a branch's first write of a month.
 */
export async function countOnce(
  branchId: string,
  month: string,
  where: Record<string, unknown>,
  data: Record<string, unknown>,
): Promise<boolean> {
  const first = await updateCounters(branchId, month, where, data);
  if (first >= 2) return true;
  await ensureCounterDocs(branchId, month);
  return first + (await updateCounters(branchId, month, where, data)) > 0;
}
