import { COLLECTIONS, type ActivityDoc, type CheckinDoc, type LeaveDoc } from '@zhibu/types';
import { notFound } from '../runtime/app-error';
import { getDoc } from '../runtime/documents';

export const attendanceId = (activityId: string, memberId: string) => `${activityId}_${memberId}`;

export async function activityOrFail(activityId: string): Promise<ActivityDoc> {
  const activity = await getDoc<ActivityDoc>(COLLECTIONS.activities, activityId);
  if (!activity) throw notFound('没有找到该活动');
  return activity;
}

export const checkinOf = (activityId: string, memberId: string) =>
  getDoc<CheckinDoc>(COLLECTIONS.checkins, attendanceId(activityId, memberId));

export const leaveOf = (activityId: string, memberId: string) =>
  getDoc<LeaveDoc>(COLLECTIONS.leaves, attendanceId(activityId, memberId));
