/** Beijing time (UTC+8) for what a member reads: `5月8日 18:00`, with the year when it is not this one. */
const OFFSET_MS = 8 * 60 * 60 * 1000;

export function beijingDateTime(at: string, now: number = Date.now()): string {
  const ms = Date.parse(at);
  if (!Number.isFinite(ms)) return '';
  const d = new Date(ms + OFFSET_MS);
  const year = new Date(now + OFFSET_MS).getUTCFullYear();
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
  return `${d.getUTCFullYear() === year ? '' : `${d.getUTCFullYear()}年`}${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
