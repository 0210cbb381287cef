import type { DuesBracket, DuesCategory, DuesSettings } from '@zhibu/types';

/**
 * The 党费 rates, pure: no database, no clock. Every amount is an integer number of fen and every
 * rate an integer number of basis points, so no floating-point yuan ever enters a sum.
 */

/**
 * The defaults of the 规定 on 党费. The brackets are inclusive at their top: a base of exactly
 * 3,000.00 yuan pays 0.5 %, 3,000.01 pays 1 %; 5,000.00 pays 1 %, 10,000.00 pays 1.5 %. Retired
 * members: up to and including 5,000.00 yuan 0.5 %, above it 1 %. Students and members without
 * income pay a fixed 0.20 yuan a month.
 */
export const DEFAULT_DUES_SETTINGS: DuesSettings = {
  inService: [
    { upTo: 300_000, rateBp: 50 },
    { upTo: 500_000, rateBp: 100 },
    { upTo: 1_000_000, rateBp: 150 },
    { upTo: null, rateBp: 200 },
  ],
  retired: [
    { upTo: 500_000, rateBp: 50 },
    { upTo: null, rateBp: 100 },
  ],
  fixedMonthly: 20,
  deductInsurance: false,
};

/** The rate of the first bracket whose top (inclusive) is at or above the base. */
export function rateFor(brackets: readonly DuesBracket[], base: number): number {
  const bracket = brackets.find((b) => b.upTo === null || base <= b.upTo) ?? brackets[brackets.length - 1]!;
  return bracket.rateBp;
}

/**
 * base × rate, rounded half up to the fen: fen × bp / 10,000, with 5,000 added before the integer
 * division so that exactly half a fen rounds up (1,234.50 → 1,235 would be 0.5 fen up). Integers
 * throughout: a base of at most 10^9 fen times at most 10^4 bp stays far below 2^53.
 */
export function percentOf(base: number, rateBp: number): number {
  if (!Number.isSafeInteger(base) || base < 0)
    throw new RangeError(`base must be a non-negative integer of fen: ${base}`);
  return Math.floor((base * rateBp + 5_000) / 10_000);
}

/** The base the rate applies to: pay less the personal contributions where the bureau deducts them. */
export function effectiveBase(
  base: number,
  deductions: number,
  settings: Pick<DuesSettings, 'deductInsurance'>,
): number {
  return settings.deductInsurance ? Math.max(0, base - deductions) : base;
}

/** A month's dues in fen for a member of `category` with this monthly base. */
export function monthlyDues(category: DuesCategory, base: number, deductions: number, settings: DuesSettings): number {
  if (category === 'student' || category === 'no_income') return settings.fixedMonthly;
  const brackets = category === 'retired' ? settings.retired : settings.inService;
  const applied = effectiveBase(base, deductions, settings);
  return percentOf(applied, rateFor(brackets, applied));
}

/** Fen as yuan text for people: 1234 → "12.34". */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** "3000", "3000.5", "3,000.01" → fen, read from the text (never through a float); null when it is no amount. */
export function parseYuan(text: string): number | null {
  const match = /^(\d{1,8})(?:\.(\d{1,2}))?$/.exec(text.replace(/[,，\s]/g, '').replace(/元$/, ''));
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}
