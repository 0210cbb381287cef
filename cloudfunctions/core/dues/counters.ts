import { COLLECTIONS, type DuesBranchMonthDoc } from '@zhibu/types';
import { database } from '../runtime/cloud';
import { txGet, type Transaction } from '../runtime/transaction';

export type CounterDelta = Partial<Pick<DuesBranchMonthDoc, 'due' | 'settled' | 'collected'>>;

export const branchMonthId = (branchId: string, month: string) => `${branchId}_${month}`;

/**
 * Moves a branch's month counters inside the transaction of the write that moves them, so a counter
 * is never ahead of or behind its records and no recount is needed: a missing document is created
 * (two creating it at once conflict and the loser's transaction runs again, finding it), an
 * existing one is incremented with `_.inc`, which never overwrites another write.
 */
export async function moveCounters(
  tx: Transaction,
  branchId: string,
  deltas: ReadonlyMap<string, CounterDelta>,
): Promise<void> {
  const _ = database().command;
  for (const [month, delta] of deltas) {
    const entries = Object.entries(delta).filter(([, v]) => v !== 0 && v !== undefined) as [string, number][];
    if (entries.length === 0) continue;
    const id = branchMonthId(branchId, month);
    const ref = tx.collection(COLLECTIONS.duesBranchMonths).doc(id);
    const existing = await txGet<DuesBranchMonthDoc>(tx, COLLECTIONS.duesBranchMonths, id);
    if (!existing) {
      const data: Omit<DuesBranchMonthDoc, '_id'> = { branchId, month, due: 0, settled: 0, collected: 0 };
      for (const [key, value] of entries) data[key as 'due'] = value;
      await ref.set({ data });
    } else {
      await ref.update({ data: Object.fromEntries(entries.map(([key, value]) => [key, _.inc(value)])) });
    }
  }
}
