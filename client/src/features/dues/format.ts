import { DUES_CATEGORY_NAMES, type DuesCategory, type DuesMonthState } from '@zhibu/types';

/** Fen as yuan for people: 1234 → "12.34". Integers only; no floating-point yuan anywhere. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** "3000", "3000.5" → fen, read from the text; null when it is not an amount with at most two decimals. */
export function parseYuan(text: string): number | null {
  const match = /^(\d{1,8})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

export const STATE_NAMES: Record<DuesMonthState, string> = {
  paid: '已缴',
  due: '待缴',
  overdue: '欠缴',
  none: '无需缴纳',
};

export const CATEGORY_OPTIONS = Object.entries(DUES_CATEGORY_NAMES) as [DuesCategory, string][];

/** 2025-03 → 3月 */
export const monthLabel = (month: string) => `${Number(month.slice(5, 7))}月`;

/** The Beijing-time month and quarter of now. */
export function beijingNow(): { year: number; month: string; quarter: string } {
  const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
  const year = Number(month.slice(0, 4));
  return { year, month, quarter: `${year}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}` };
}

export const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
