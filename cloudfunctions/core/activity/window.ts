/** Check-in is open from 30 minutes before the start to 30 minutes after the end (SPEC). */
export const CHECKIN_OPENS_BEFORE_MS = 30 * 60 * 1000;
export const CHECKIN_CLOSES_AFTER_MS = 30 * 60 * 1000;

export function checkinWindowState(activity: { startAt: Date; endAt: Date }, now: number): 'early' | 'open' | 'closed' {
  if (now < new Date(activity.startAt).getTime() - CHECKIN_OPENS_BEFORE_MS) return 'early';
  if (now > new Date(activity.endAt).getTime() + CHECKIN_CLOSES_AFTER_MS) return 'closed';
  return 'open';
}
