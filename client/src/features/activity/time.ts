/**
 * Beijing time (UTC+8, no daylight saving) for everything a member reads or a secretary picks.
 * The phone's own time zone is never used: a teacher on holiday abroad still sees the meeting at
 * the time it happens at school, and what they pick is sent as +08:00.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;
const MINUTE = 60_000;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

export interface BeijingParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday. */
  weekday: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

function toMs(at: string | number | Date): number {
  if (typeof at === 'number') return at;
  if (at instanceof Date) return at.getTime();
  return Date.parse(at);
}

/** The calendar and clock in Beijing at an instant, or null for an unreadable time. */
export function beijingParts(at: string | number | Date): BeijingParts | null {
  const ms = toMs(at);
  if (!Number.isFinite(ms)) return null;
  const b = new Date(ms + OFFSET_MS);
  return {
    year: b.getUTCFullYear(),
    month: b.getUTCMonth() + 1,
    day: b.getUTCDate(),
    hour: b.getUTCHours(),
    minute: b.getUTCMinutes(),
    second: b.getUTCSeconds(),
    weekday: b.getUTCDay(),
  };
}

/** `YYYY-MM-DD` of the instant in Beijing, as a date picker holds it. */
export function beijingDate(at: string | number | Date): string {
  const p = beijingParts(at);
  return p ? `${p.year}-${pad(p.month)}-${pad(p.day)}` : '';
}

/** `HH:mm` of the instant in Beijing, as a time picker holds it. */
export function beijingClock(at: string | number | Date): string {
  const p = beijingParts(at);
  return p ? `${pad(p.hour)}:${pad(p.minute)}` : '';
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^(\d{2}):(\d{2})$/;

/**
 * A date picker's `YYYY-MM-DD` and a time picker's `HH:mm`, read as Beijing time, as the ISO 8601
 * instant the server takes (`2026-11-25T15:00:00+08:00`). Null when either is not a real date or time.
 */
export function toBeijingIso(date: string, time: string): string | null {
  const d = DATE_PATTERN.exec(date);
  const t = TIME_PATTERN.exec(time);
  if (!d || !t) return null;
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (hour > 23 || minute > 59) return null;
  // Round-trip through the calendar so 2026-02-30 is refused rather than rolled into March.
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return `${date}T${time}:00+08:00`;
}

/** The next half hour after `now`, a sensible start for a meeting being set up on the spot. */
export function nextHalfHour(now: number): number {
  const step = 30 * MINUTE;
  return Math.floor(now / step) * step + step;
}

function dayLabel(p: BeijingParts, now: number): string {
  const today = beijingParts(now);
  const sameYear = today !== null && today.year === p.year;
  return `${sameYear ? '' : `${p.year}年`}${p.month}月${p.day}日`;
}

/** `11月25日 周三` (with the year when it is not this year, in Beijing). */
export function formatDay(at: string | number | Date, now: number = Date.now()): string {
  const p = beijingParts(at);
  if (!p) return '';
  return `${dayLabel(p, now)} 周${WEEKDAYS[p.weekday]}`;
}

/** `11月25日 15:07`. */
export function formatDateTime(at: string | number | Date, now: number = Date.now()): string {
  const p = beijingParts(at);
  if (!p) return '';
  return `${dayLabel(p, now)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/**
 * When an activity happens: `11月25日 周三 15:00–16:30`, or with both days when it runs past
 * midnight: `11月25日 周三 20:00 至 11月26日 01:00`.
 */
export function formatTimeRange(start: string, end: string, now: number = Date.now()): string {
  const s = beijingParts(start);
  const e = beijingParts(end);
  if (!s || !e) return '';
  const startText = `${formatDay(start, now)} ${pad(s.hour)}:${pad(s.minute)}`;
  const sameDay = s.year === e.year && s.month === e.month && s.day === e.day;
  return sameDay ? `${startText}–${pad(e.hour)}:${pad(e.minute)}` : `${startText} 至 ${formatDateTime(end, now)}`;
}

/** Minutes between two picker times on the same day (negative when `end` is earlier). */
export function minutesBetween(startTime: string, endTime: string): number | null {
  const s = TIME_PATTERN.exec(startTime);
  const e = TIME_PATTERN.exec(endTime);
  if (!s || !e) return null;
  return Number(e[1]) * 60 + Number(e[2]) - (Number(s[1]) * 60 + Number(s[2]));
}
