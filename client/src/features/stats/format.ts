import type { Light } from '@zhibu/types';

/** 87.5% from 0.875; a rate with nobody expected (null) is a dash, never 0%. */
export function percent(rate: number | null): string {
  if (rate === null) return '—';
  return `${Math.round(rate * 1000) / 10}%`;
}

export const LIGHT_NAMES: Record<Light, string> = { green: '绿', yellow: '黄', red: '红' };

/** Worst first when sorted high to low: red, yellow, green. */
export const LIGHT_RANK: Record<Light, number> = { red: 2, yellow: 1, green: 0 };

/** 2026-03-28 → 3月28日 (the evidence dates of the compliance calendar are Beijing dates). */
export function shortDate(date: string): string {
  const [, m, d] = date.split('-');
  return `${Number(m)}月${Number(d)}日`;
}

/** An ISO instant as a Beijing date, 3月28日. */
export function beijingShortDate(iso: string): string {
  return shortDate(new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10));
}
