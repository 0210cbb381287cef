import { COLLECTIONS, type ActivityDoc } from '@zhibu/types';
import { database } from '../runtime/cloud';
import { getDocs } from '../runtime/documents';
import { bump } from './counters';

/**
 * A member who leaves a branch (transfer out and the like) stops being expected at its activities
 * from that date: they are taken off every scheduled activity starting then or later, and its
 * expected count follows. Activities before the date keep them, as history.
 */
export async function withdrawFromActivities(memberId: string, from: Date): Promise<number> {
  const db = database();
  const _ = db.command;
  const activities = await getDocs<Pick<ActivityDoc, '_id' | 'branchId' | 'month' | 'leaveIds'>>(
    db
      .collection(COLLECTIONS.activities)
      .where({ expectedIds: memberId, endAt: _.gte(from), status: 'scheduled' })
      .field({ _id: true, branchId: true, month: true, leaveIds: true })
      .limit(1000),
  );
  for (const activity of activities) {
    const result = (await db
      .collection(COLLECTIONS.activities)
      .where({ _id: activity._id, expectedIds: memberId, startAt: _.gte(from) })
      .update({ data: { expectedIds: _.pull(memberId), leaveIds: _.pull(memberId), changedAt: new Date() } })) as {
      stats: { updated: number };
    };
    // Each activity: a conditional update, then its counter. Re-runnable (only an activity that
    // still expects the member changes), and a counter missed by a stop is repaired by the job.
    if (result.stats.updated > 0) {
      await bump(activity, { expected: -1, ...(activity.leaveIds.includes(memberId) ? { leave: -1 } : {}) });
    }
  }
  return activities.length;
}
