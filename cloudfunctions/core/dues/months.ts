import type { DuesBaseEntryDoc, DuesReliefDoc } from '@zhibu/types';

/** Month arithmetic on 'YYYY-MM' strings, and what each month of a year costs; pure. */

export const monthsOfYear = (year: number): string[] =>
  Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function monthsOfQuarter(quarter: string): string[] {
  const [year, q] = quarter.split('-Q') as [string, string];
  const first = (Number(q) - 1) * 3 + 1;
  return [0, 1, 2].map((i) => `${year}-${String(first + i).padStart(2, '0')}`);
}

/**
 * What each month of the year costs (index 0 = January), in fen:
 * - nothing before `startMonth` (a probationary member pays from the month the branch meeting
 *   accepted them, others from joining);
 * - otherwise the monthly amount of the latest base entry starting at or before the month (a new
 *   base applies from the month the new pay starts); nothing before the first entry;
 * - an approved relief covering the month replaces that: exemption 0, reduction its own amount.
 */
export function duesOfYear(
  year: number,
  startMonth: string | null,
  entries: readonly Pick<DuesBaseEntryDoc, 'fromMonth' | 'monthly'>[],
  reliefs: readonly Pick<DuesReliefDoc, 'fromMonth' | 'toMonth' | 'kind' | 'monthly'>[],
): number[] {
  const sorted = [...entries].sort((a, b) => a.fromMonth.localeCompare(b.fromMonth));
  return monthsOfYear(year).map((month) => {
    if (startMonth && month < startMonth) return 0;
    const entry = sorted.filter((e) => e.fromMonth <= month).at(-1);
    if (!entry) return 0;
    // The latest relief approved wins where two overlap.
    const relief = reliefs.filter((r) => r.fromMonth <= month && month <= r.toMonth).at(-1);
    if (relief) return relief.kind === 'exempt' ? 0 : Math.min(relief.monthly, entry.monthly);
    return entry.monthly;
  });
}

/** Whether the month has any base behind it (so an unpaid month is owed, not merely unknown). */
export function hasBase(entries: readonly Pick<DuesBaseEntryDoc, 'fromMonth'>[], month: string): boolean {
  return entries.some((e) => e.fromMonth <= month);
}

/**
 * A payment's amount spread over its months: each month its due; an amount above the sum is
 * voluntary and goes with the last month; one below it (with its reason) is taken from the last
 * months first. Shares are whole fen and add up to the amount exactly.
 */
export function shareOut(dues: readonly number[], amount: number): number[] {
  const shares = [...dues];
  const total = dues.reduce((a, b) => a + b, 0);
  if (amount >= total) {
    shares[shares.length - 1]! += amount - total;
    return shares;
  }
  let short = total - amount;
  for (let i = shares.length - 1; i >= 0 && short > 0; i--) {
    const cut = Math.min(shares[i]!, short);
    shares[i]! -= cut;
    short -= cut;
  }
  return shares;
}
