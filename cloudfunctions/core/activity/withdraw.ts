import { COLLECTIONS, type ActivityDoc, type MemberDoc } from '@zhibu/types';
import { database } from '../runtime/cloud';
import { getDocs } from '../runtime/documents';
import { bump } from './counters';

/**
 * A member who leaves a branch (transfer out and the like) stops being expected at its activities
 * from that date: they are taken off every scheduled activity starting then or later, and its
 * expected count follows. Activities before the date keep them, as history. An exemption
 * (免于参加组织生活) does the same for the activities of its branch starting before `until`.
 */
export async function withdrawFromActivities(
  memberId: string,
  from: Date,
  until?: Date,
  branchId?: string,
): Promise<number> {
  const db = database();
  const _ = db.command;
  const found = await getDocs<Pick<ActivityDoc, '_id' | 'branchId' | 'month' | 'leaveIds' | 'startAt'>>(
    db
      .collection(COLLECTIONS.activities)
      .where({ expectedIds: memberId, endAt: _.gte(from), status: 'scheduled' })
      .field({ _id: true, branchId: true, month: true, leaveIds: true, startAt: true })
      .limit(1000),
  );
  const activities = found.filter(
    (a) => (!branchId || a.branchId === branchId) && (!until || new Date(a.startAt).getTime() < until.getTime()),
  );
  for (const activity of activities) {
    const result = (await db
      .collection(COLLECTIONS.activities)
      .where({
        _id: activity._id,
        expectedIds: memberId,
        startAt: until ? _.gte(from).and(_.lt(until)) : _.gte(from),
      })
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

/**
 * After members moved to another branch (merge, split): whoever a scheduled activity of `branchId`
 * from `from` on still expects but who no longer belongs to the branch is withdrawn from it.
 * Re-runnable: it looks at where members are now, not at who was moved.
 */
export async function withdrawMovedMembers(branchId: string, from: Date): Promise<number> {
  const db = database();
  const _ = db.command;
  const activities = await getDocs<Pick<ActivityDoc, 'expectedIds'>>(
    db
      .collection(COLLECTIONS.activities)
      .where({ branchId, endAt: _.gte(from), status: 'scheduled' })
      .field({ expectedIds: true })
      .limit(1000),
  );
  const ids = [...new Set(activities.flatMap((a) => a.expectedIds))];
  let withdrawn = 0;
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    const gone = await getDocs<Pick<MemberDoc, '_id'>>(
      db
        .collection(COLLECTIONS.members)
        .where({ _id: _.in(chunk), branchId: _.neq(branchId) })
        .field({ _id: true })
        .limit(chunk.length),
    );
    for (const member of gone) {
      await withdrawFromActivities(member._id, from);
      withdrawn++;
    }
  }
  return withdrawn;
}
