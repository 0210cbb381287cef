/**
 * Calendar arithmetic on Beijing days written YYYY-MM-DD. Every date of the pipeline is a day as a
 * party document writes it (no time of day), so these work on the calendar alone and never on the
 * server's clock or time zone; "today" comes from runtime/time.ts's beijingDate.
 */

function parts(day: string): [number, number, number] {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

const format = (t: Date) => t.toISOString().slice(0, 10);

const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The same day `months` later; a day the later month lacks falls on its last day (01-31 + 1 → 02-28/29). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = parts(day);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return format(new Date(Date.UTC(year, month - 1, Math.min(d, daysInMonth(year, month)))));
}

export function addDays(day: string, days: number): string {
  const [y, m, d] = parts(day);
  return format(new Date(Date.UTC(y, m - 1, d + days)));
}

/** Whole months from `from` to `to` (0 when `to` is earlier): the largest n with addMonths(from, n) ≤ to. */
export function wholeMonths(from: string, to: string): number {
  if (to < from) return 0;
  const [fy, fm] = parts(from);
  const [ty, tm] = parts(to);
  let n = (ty - fy) * 12 + (tm - fm);
  while (n > 0 && addMonths(from, n) > to) n--;
  return n;
}

/** 0 Sunday … 6 Saturday, of the calendar day itself. */
export function weekday(day: string): number {
  const [y, m, d] = parts(day);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/**
 * Working days from `start` to `end`, both included: Monday to Friday in Beijing. Public holidays
 * and the weekend days worked in their place (调休) are not known to the app and are ignored, so a
 * 公示 over 国庆 counts the holiday's weekdays; the bureau sets a longer minimum if it needs to.
 */
export function workingDays(start: string, end: string): number {
  if (end < start) return 0;
  const [sy, sm, sd] = parts(start);
  const [ey, em, ed] = parts(end);
  const total = Math.round((Date.UTC(ey, em - 1, ed) - Date.UTC(sy, sm - 1, sd)) / 86_400_000) + 1;
  const weeks = Math.floor(total / 7);
  let count = weeks * 5;
  const first = weekday(start);
  for (let i = 0; i < total % 7; i++) {
    const wd = (first + i) % 7;
    if (wd !== 0 && wd !== 6) count++;
  }
  return count;
}
