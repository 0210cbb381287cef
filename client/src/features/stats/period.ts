/**
 * The statistics periods as the pickers show them: Beijing months, quarters, half-years and years,
 * written as the server reads them (2026-03, 2026-Q1, 2026-H1, 2026).
 */
export type PeriodKind = 'month' | 'quarter' | 'half' | 'year';

export const PERIOD_KINDS: { key: PeriodKind; label: string }[] = [
  { key: 'month', label: '月' },
  { key: 'quarter', label: '季度' },
  { key: 'half', label: '半年' },
  { key: 'year', label: '年' },
];

const OFFSET_MS = 8 * 3600_000;
const PATTERN = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4])|-H([12]))?$/;

interface Parsed {
  kind: PeriodKind;
  year: number;
  /** The number of the month, quarter or half within its year (1 for a year). */
  index: number;
}

const PER_YEAR: Record<PeriodKind, number> = { month: 12, quarter: 4, half: 2, year: 1 };

function parse(key: string): Parsed {
  const m = PATTERN.exec(key);
  if (!m) throw new Error(`not a period: ${key}`);
  const year = Number(m[1]);
  if (m[2]) return { kind: 'month', year, index: Number(m[2]) };
  if (m[3]) return { kind: 'quarter', year, index: Number(m[3]) };
  if (m[4]) return { kind: 'half', year, index: Number(m[4]) };
  return { kind: 'year', year, index: 1 };
}

function format({ kind, year, index }: Parsed): string {
  if (kind === 'month') return `${year}-${String(index).padStart(2, '0')}`;
  if (kind === 'quarter') return `${year}-Q${index}`;
  if (kind === 'half') return `${year}-H${index}`;
  return String(year);
}

/** Year and month (1–12) of an instant in Beijing time, whatever the phone's time zone. */
export function beijingMonth(now: number = Date.now()): { year: number; month: number } {
  const d = new Date(now + OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

export const isPeriod = (key: string | undefined): key is string => Boolean(key && PATTERN.test(key));
export const kindOf = (key: string): PeriodKind => parse(key).kind;
export const yearOf = (key: string): number => parse(key).year;

/** The period of a kind that holds `now` (Beijing time). */
export function currentPeriod(kind: PeriodKind, now: number = Date.now()): string {
  const { year, month } = beijingMonth(now);
  const index = { month, quarter: Math.ceil(month / 3), half: month <= 6 ? 1 : 2, year: 1 }[kind];
  return format({ kind, year, index });
}

/** The period `delta` steps before (negative) or after a period of the same kind. */
export function shiftPeriod(key: string, delta: number): string {
  const p = parse(key);
  const n = PER_YEAR[p.kind];
  const flat = p.year * n + (p.index - 1) + delta;
  return format({ kind: p.kind, year: Math.floor(flat / n), index: (flat % n) + 1 });
}

/** Whether a period begins after the running one: nothing has happened in it yet. */
export function isFuture(key: string, now: number = Date.now()): boolean {
  // Keys of one kind sort as their periods do (2026-09 < 2026-10, 2026-Q4 < 2027-Q1).
  return key > currentPeriod(kindOf(key), now);
}

/** The same instant seen at another granularity: switching 月 → 季度 keeps the quarter of that month. */
export function changeKind(key: string, kind: PeriodKind): string {
  const p = parse(key);
  const firstMonth = { month: p.index, quarter: (p.index - 1) * 3 + 1, half: p.index === 1 ? 1 : 7, year: 1 }[p.kind];
  const index = { month: firstMonth, quarter: Math.ceil(firstMonth / 3), half: firstMonth <= 6 ? 1 : 2, year: 1 }[kind];
  return format({ kind, year: p.year, index });
}

const QUARTERS = ['一', '二', '三', '四'];

/** 2026年3月, 2026年第一季度, 2026年上半年, 2026年. */
export function periodName(key: string): string {
  const { kind, year, index } = parse(key);
  if (kind === 'month') return `${year}年${index}月`;
  if (kind === 'quarter') return `${year}年第${QUARTERS[index - 1]}季度`;
  if (kind === 'half') return `${year}年${index === 1 ? '上' : '下'}半年`;
  return `${year}年`;
}

/** 3月 for the axis of a monthly trend (YYYY-MM). */
export const monthLabel = (month: string) => `${Number(month.slice(5, 7))}月`;

/** Days left in the running Beijing month, today included: what 本月还需 counts against. */
export function daysLeftInMonth(now: number = Date.now()): number {
  const { year, month } = beijingMonth(now);
  const end = Date.UTC(year, month, 1) - OFFSET_MS;
  return Math.max(1, Math.ceil((end - now) / 86_400_000));
}
