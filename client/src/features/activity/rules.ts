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
 * Whether the member may ask for leave (or change a request still pending): until the end, when
 * expected and not already checked in or excused. After the start the request is marked late.
 */
export function canAskLeave(activity: ActivityDetail, now: number = Date.now()): boolean {
  if (activity.status !== 'scheduled' || now >= Date.parse(activity.endAt)) return false;
  return activity.myState === 'expected' || activity.myState === 'pending_leave';
}

/** Why the 请假 button is gone, when the member is still expected: said rather than left silent. */
export function leaveClosedReason(activity: ActivityDetail, now: number = Date.now()): string | null {
  if (activity.status !== 'scheduled' || activity.myState !== 'absent') return null;
  return now >= Date.parse(activity.endAt) ? '活动已结束，不能再请假。如有情况，请联系支部书记说明。' : null;
}

export const LEAVE_STATUS_NAMES = { pending: '待支部审批', approved: '已批准', rejected: '未批准' } as const;
