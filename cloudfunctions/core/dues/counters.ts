import { COLLECTIONS, type DuesBranchYearDoc, type DuesMonthCounters } from '@zhibu/types';
import { database } from '../runtime/cloud';
import { isTransactionConflict, runTransaction, txGet, type Transaction } from '../runtime/transaction';

export type CounterDelta = Partial<DuesMonthCounters>;

export const branchYearId = (branchId: string, year: number) => `${branchId}_${year}`;
/** `2025-03` → `m03`: the entry of a month in its year's document. */
export const monthKey = (month: string) => `m${month.slice(5, 7)}`;

/**
 * Moves a branch's counters inside the transaction of the write that moves them, so a counter is
 * never ahead of or behind its records and no recount is needed: a missing year document is created
 * (two creating it at once conflict and the loser's transaction runs again, finding it), an existing
 * one is incremented with `_.inc`, which never overwrites another write. `deltas` is by month
 * (YYYY-MM); a payment over a new year touches that year's document too.
 */
export async function moveCounters(
  tx: Transaction,
  branchId: string,
  deltas: ReadonlyMap<string, CounterDelta>,
): Promise<void> {
  const _ = database().command;
  const byYear = new Map<number, [string, keyof DuesMonthCounters, number][]>();
  for (const [month, delta] of deltas) {
    for (const [field, value] of Object.entries(delta) as [keyof DuesMonthCounters, number][]) {
      if (!value) continue;
      const year = Number(month.slice(0, 4));
      byYear.set(year, [...(byYear.get(year) ?? []), [monthKey(month), field, value]]);
    }
  }
  for (const [year, changes] of byYear) {
    const id = branchYearId(branchId, year);
    const ref = tx.collection(COLLECTIONS.duesBranchYears).doc(id);
    const existing = await txGet<DuesBranchYearDoc>(tx, COLLECTIONS.duesBranchYears, id);
    if (!existing) {
      const months: DuesBranchYearDoc['months'] = {};
      for (const [key, field, value] of changes) {
        const entry = (months[key] ??= { due: 0, settled: 0, collected: 0 });
        entry[field] += value;
      }
      const data: Omit<DuesBranchYearDoc, '_id'> = { branchId, year, months };
      await ref.set({ data });
    } else {
      const data: Record<string, unknown> = {};
      const sums = new Map<string, number>();
      for (const [key, field, value] of changes)
        sums.set(`months.${key}.${field}`, (sums.get(`months.${key}.${field}`) ?? 0) + value);
      for (const [path, value] of sums) data[path] = _.inc(value);
      await ref.update({ data });
    }
  }
}

/** Rounds of `runTransaction` (itself three attempts) before a conflict reaches the caller. */
const ROUNDS = 6;

/**
 * A transaction that moves branch counters. Every base and payment of a branch meets on its year's
 * counter document, so concurrent writes for different members conflict there far more often than
 * on their own records: such a conflict is tried again after a short random pause, a few rounds
 * more than `runTransaction` alone would. A refusal from `work` itself (a month already paid, say)
 * is never retried.
 */
export async function counterTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
  for (let round = 1; ; round++) {
    try {
      return await runTransaction(work);
    } catch (error) {
      if (round >= ROUNDS || !isTransactionConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * round));
    }
  }
}
