/** `2015-07-01` (or a full ISO time) as `2015年7月1日`; anything else is shown as it is. */
export function formatDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  const [, year, month, day] = match;
  return `${year}年${Number(month)}月${Number(day)}日`;
}

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** An instant as Beijing wall-clock parts, whatever the phone's own time zone. */
function beijing(value: string | Date): Date | null {
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : new Date(ms + BEIJING_OFFSET_MS);
}

/** An instant as `2025年1月8日 14:05`, in Beijing time. */
export function formatDateTime(value: string | Date): string {
  const d = beijing(value);
  if (!d) return String(value);
  const minutes = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${d.getUTCHours()}:${minutes}`;
}

/** Today's date in Beijing as `YYYY-MM-DD`, the form date pickers and the server use. */
export function beijingToday(now: Date = new Date()): string {
  return new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}
