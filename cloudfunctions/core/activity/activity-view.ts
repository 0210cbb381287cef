import type { ActivityCounters, ActivityDetail, ActivityDoc, ActivitySummary, LeaveDoc } from '@zhibu/types';
import { CHECKIN_CLOSES_AFTER_MS, CHECKIN_OPENS_BEFORE_MS } from './window';

export type MyState = ActivitySummary['myState'];

export function toSummary(
  activity: ActivityDoc,
  counters: ActivityCounters | undefined,
  myState: MyState,
  pendingLeave = 0,
): ActivitySummary {
  const start = new Date(activity.startAt).getTime();
  const end = new Date(activity.endAt).getTime();
  return {
    activityId: activity._id,
    branchId: activity.branchId,
    title: activity.title,
    type: activity.type,
    startAt: new Date(activity.startAt).toISOString(),
    endAt: new Date(activity.endAt).toISOString(),
    place: activity.place,
    status: activity.status,
    expected: counters?.expected ?? activity.expectedIds.length,
    present: counters?.present ?? 0,
    leave: counters?.leave ?? 0,
    myState,
    hasMinutes: activity.minutes !== null,
    pendingLeave,
    checkinOpensAt: new Date(start - CHECKIN_OPENS_BEFORE_MS).toISOString(),
    checkinClosesAt: new Date(end + CHECKIN_CLOSES_AFTER_MS).toISOString(),
  };
}

export function toDetail(
  activity: ActivityDoc,
  counters: ActivityCounters | undefined,
  extra: {
    myState: MyState;
    myLeave: LeaveDoc | null;
    canManage: boolean;
    photoUrls: Map<string, string | null>;
    audienceGroupName: string | null;
  },
): ActivityDetail {
  return {
    ...toSummary(activity, counters, extra.myState),
    agenda: activity.agenda,
    audience: activity.audience,
    alsoCountsAs: activity.alsoCountsAs ?? [],
    createdByName: activity.createdByName,
    canManage: extra.canManage,
    minutes: activity.minutes
      ? {
          text: activity.minutes.text,
          photos: activity.minutes.photos.map((fileId) => ({ fileId, url: extra.photoUrls.get(fileId) ?? null })),
          savedAt: new Date(activity.minutes.savedAt).toISOString(),
          savedByName: activity.minutes.savedByName,
        }
      : null,
    myLeave: extra.myLeave
      ? { status: extra.myLeave.status, reason: extra.myLeave.reason, late: extra.myLeave.late === true }
      : null,
    cancelReason: activity.cancelReason,
    reminderSent: activity.reminderSentAt !== null,
    audienceGroupName: extra.audienceGroupName,
  };
}
