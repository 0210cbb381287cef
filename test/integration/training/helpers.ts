import type { Result } from '@zhibu/types';
import { beijingDate } from '../../../cloudfunctions/core/runtime/time';

export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.code} ${result.message}`);
  return result.data;
}

const DAY = 24 * 60 * 60 * 1000;
/** The Beijing calendar day `days` from today (negative: in the past). */
export const dayFromToday = (days: number) => beijingDate(new Date(Date.now() + days * DAY));

/** A training's fields, recorded by hand (no check-in), on `startDate`. */
export const trainingOn = (startDate: string, attendeeIds: string[], title = '全县支部书记示范培训班') => ({
  title,
  organiser: '县教育局党委',
  startDate,
  endDate: startDate,
  hours: 8,
  attendeeIds,
});
