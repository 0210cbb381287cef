import { COLLECTIONS, type ActivityCounters, type ActivityDoc, type BranchMonthDoc } from '@zhibu/types';
import { database } from '../runtime/cloud';
import { isDuplicateKeyError } from '../runtime/db-errors';
import { getDocs } from '../runtime/documents';

/**
 * The branch-month counters (BranchMonthDoc). One `_.inc` moves both an activity's own counter and
 * its branch-month total, which keeps a check-in within four database operations and lets
 * dashboards read one document per branch and month. `recount.ts` rebuilds them from records.
 */
export const monthDocId = (branchId: string, month: string) => `${branchId}_${month}`;

export type CounterDelta = Partial<Record<'expected' | 'present' | 'leave', number>>;

function incFields(activityId: string, delta: CounterDelta): Record<string, unknown> {
  const _ = database().command;
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(delta)) {
    if (!value) continue;
    data[`activities.${activityId}.${key}`] = _.inc(value);
    data[key] = _.inc(value);
  }
  return data;
}

/** Adds to an activity's counters (and its month's totals). */
export async function bump(
  activity: Pick<ActivityDoc, '_id' | 'branchId' | 'month'>,
  delta: CounterDelta,
): Promise<void> {
  const data = incFields(activity._id, delta);
  if (Object.keys(data).length === 0) return;
  await database()
    .collection(COLLECTIONS.branchMonths)
    .doc(monthDocId(activity.branchId, activity.month))
    .update({ data });
}

/** Counts a new activity in its month, creating the month's document on first use. */
export async function attach(
  activity: Pick<ActivityDoc, '_id' | 'branchId' | 'month' | 'type'>,
  counters: Omit<ActivityCounters, 'type'>,
): Promise<void> {
  const db = database();
  const _ = db.command;
  const id = monthDocId(activity.branchId, activity.month);
  const update = {
    [`activities.${activity._id}`]: _.set({ type: activity.type, ...counters }),
    [`held.${activity.type}`]: _.inc(1),
    expected: _.inc(counters.expected),
    present: _.inc(counters.present),
    leave: _.inc(counters.leave),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    const result = (await db.collection(COLLECTIONS.branchMonths).doc(id).update({ data: update })) as {
      stats: { updated: number };
    };
    if (result.stats.updated > 0) return;
    const fresh: Omit<BranchMonthDoc, '_id'> = {
      branchId: activity.branchId,
      month: activity.month,
      activities: { [activity._id]: { type: activity.type, ...counters } },
      held: { [activity.type]: 1 },
      ...counters,
    };
    try {
      await db.collection(COLLECTIONS.branchMonths).add({ data: { _id: id, ...fresh } });
      return;
    } catch (error) {
      // Another request created this month's document first: count into it instead.
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
  throw new Error(`could not count activity ${activity._id} in ${id}`);
}

/** Takes an activity out of its month's counts (cancelled, or moved to another month). */
export async function detach(
  activity: Pick<ActivityDoc, '_id' | 'branchId' | 'month' | 'type'>,
  counters: Omit<ActivityCounters, 'type'>,
): Promise<void> {
  const db = database();
  const _ = db.command;
  await db
    .collection(COLLECTIONS.branchMonths)
    .doc(monthDocId(activity.branchId, activity.month))
    .update({
      data: {
        [`activities.${activity._id}`]: _.remove(),
        [`held.${activity.type}`]: _.inc(-1),
        expected: _.inc(-counters.expected),
        present: _.inc(-counters.present),
        leave: _.inc(-counters.leave),
      },
    });
}

/** The counters of some activities, reading each month document once. */
export async function countersOf(
  activities: Pick<ActivityDoc, '_id' | 'branchId' | 'month'>[],
): Promise<Map<string, ActivityCounters>> {
  const ids = [...new Set(activities.map((a) => monthDocId(a.branchId, a.month)))];
  if (ids.length === 0) return new Map();
  const db = database();
  const docs = await getDocs<BranchMonthDoc>(
    db
      .collection(COLLECTIONS.branchMonths)
      .where({ _id: db.command.in(ids) })
      .limit(ids.length),
  );
  const out = new Map<string, ActivityCounters>();
  for (const doc of docs) for (const [id, counters] of Object.entries(doc.activities)) out.set(id, counters);
  return out;
}
