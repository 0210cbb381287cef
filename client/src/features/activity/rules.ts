import type { ActivityDetail } from '@zhibu/types';

type Times = Pick<ActivityDetail, 'status' | 'startAt' | 'endAt' | 'checkinOpensAt' | 'checkinClosesAt'>;

/** Where the activity is in its day, as the screens word it. */
export function phaseOf(activity: Times, now: number = Date.now()): 'cancelled' | 'before' | 'during' | 'after' {
  if (activity.status === 'cancelled') return 'cancelled';
  if (now < Date.parse(activity.startAt)) return 'before';
  if (now <= Date.parse(activity.endAt)) return 'during';
  return 'after';
}

/** Whether the check-in window is open (the server decides; this only chooses what to offer). */
export function checkinOpen(activity: Times, now: number = Date.now()): boolean {
  return (
    activity.status === 'scheduled' &&
    now >= Date.parse(activity.checkinOpensAt) &&
    now <= Date.parse(activity.checkinClosesAt)
  );
}

/**
 * Whether the member may ask for leave (or change a request still pending): before the start, when
 * expected and not already checked in or excused.
 */
export function canAskLeave(activity: ActivityDetail, now: number = Date.now()): boolean {
  if (activity.status !== 'scheduled' || now >= Date.parse(activity.startAt)) return false;
  return activity.myState === 'expected' || activity.myState === 'pending_leave';
}

export const LEAVE_STATUS_NAMES = { pending: '待支部审批', approved: '已批准', rejected: '未批准' } as const;
