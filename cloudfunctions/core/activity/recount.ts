import {
  COLLECTIONS,
  type ActivityCounters,
  type ActivityDoc,
  type BranchMonthDoc,
  type CheckinDoc,
} from '@zhibu/types';
import { database } from '../runtime/cloud';
import { getAllDocs } from '../runtime/documents';
import { beijingMonth } from '../runtime/time';
import { monthDocId } from './counters';

export interface Drift {
  activityId: string;
  field: 'expected' | 'present' | 'leave' | 'missing';
  recorded: number;
  actual: number;
}

/** What an activity's counters should be, from its records alone. */
async function countActivity(activity: ActivityDoc): Promise<Omit<ActivityCounters, 'type'>> {
  const db = database();
  const present = await getAllDocs<Pick<CheckinDoc, 'memberId'>>(() =>
    db
      .collection(COLLECTIONS.checkins)
      .where({ activityId: activity._id, state: 'present' })
      .field({ memberId: true })
      .orderBy('_id', 'asc'),
  );
  const expected = new Set(activity.expectedIds);
  const presentIds = new Set(present.map((c) => c.memberId).filter((id) => expected.has(id)));
  return {
    expected: expected.size,
    present: presentIds.size,
    leave: activity.leaveIds.filter((id) => !presentIds.has(id)).length,
  };
}

/**
 * Rebuilds the branch-month counters of the given Beijing months from the records, reports every
 * difference from what was kept on write, and writes the correct figures. Safe to run again.
 */
export async function recountMonths(
  months: string[] = defaultMonths(),
): Promise<{ months: string[]; activities: number; drift: Drift[] }> {
  const db = database();
  const _ = db.command;
  const activities = await getAllDocs<ActivityDoc>(() =>
    db
      .collection(COLLECTIONS.activities)
      .where({ month: _.in(months), status: 'scheduled' })
      .orderBy('_id', 'asc'),
  );
  const rebuilt = new Map<string, Omit<BranchMonthDoc, '_id'>>();
  const drift: Drift[] = [];
  const kept = new Map<string, BranchMonthDoc>();
  for (const doc of await getAllDocs<BranchMonthDoc>(() =>
    db
      .collection(COLLECTIONS.branchMonths)
      .where({ month: _.in(months) })
      .orderBy('_id', 'asc'),
  )) {
    kept.set(doc._id, doc);
  }
  for (const activity of activities) {
    const actual = await countActivity(activity);
    const id = monthDocId(activity.branchId, activity.month);
    const recorded = kept.get(id)?.activities[activity._id];
    if (!recorded) drift.push({ activityId: activity._id, field: 'missing', recorded: 0, actual: 1 });
    for (const field of ['expected', 'present', 'leave'] as const) {
      if (recorded && recorded[field] !== actual[field])
        drift.push({ activityId: activity._id, field, recorded: recorded[field], actual: actual[field] });
    }
    const doc = rebuilt.get(id) ?? {
      branchId: activity.branchId,
      month: activity.month,
      activities: {},
      held: {},
      expected: 0,
      present: 0,
      leave: 0,
    };
    doc.activities[activity._id] = { type: activity.type, ...actual };
    doc.held[activity.type] = (doc.held[activity.type] ?? 0) + 1;
    doc.expected += actual.expected;
    doc.present += actual.present;
    doc.leave += actual.leave;
    rebuilt.set(id, doc);
  }
  for (const [id, doc] of rebuilt) await db.collection(COLLECTIONS.branchMonths).doc(id).set({ data: doc });
  // A month document whose activities were all cancelled or moved keeps nothing.
  for (const id of kept.keys()) {
    if (!rebuilt.has(id)) {
      const { branchId, month } = kept.get(id)!;
      await db
        .collection(COLLECTIONS.branchMonths)
        .doc(id)
        .set({ data: { branchId, month, activities: {}, held: {}, expected: 0, present: 0, leave: 0 } });
    }
  }
  return { months, activities: activities.length, drift };
}

/** This Beijing month and the last: what can still change. */
function defaultMonths(now = new Date()): string[] {
  const thisMonth = beijingMonth(now);
  const [y, m] = thisMonth.split('-').map(Number) as [number, number];
  const last = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  return [last, thisMonth];
}
