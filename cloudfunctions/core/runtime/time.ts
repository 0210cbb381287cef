/**
 * Beijing time (UTC+8, no daylight saving) for month boundaries and display. Functions run in UTC,
 * so every "which month" or "which day" question is answered here and nowhere else.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;

/** YYYY-MM of the instant in Beijing. */
export function beijingMonth(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 7);
}

/** YYYY-MM-DD of the instant in Beijing. */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** 11月25日 15:00, as a notice or a reminder would write it. */
export function beijingShort(at: Date): string {
  const b = new Date(at.getTime() + OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${b.getUTCMonth() + 1}月${b.getUTCDate()}日 ${pad(b.getUTCHours())}:${pad(b.getUTCMinutes())}`;
}
