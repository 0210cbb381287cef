import {
  COLLECTIONS,
  type ActivityCounters,
  type ActivityDoc,
  type BranchMonthDoc,
  type CheckinDoc,
} from '@zhibu/types';
import { database } from '../runtime/cloud';
import { getAllDocs, getDoc } from '../runtime/documents';
import { beijingMonth } from '../runtime/time';
import { alsoOf, attach, entryIs, entryTypes, monthDocId } from './counters';
import { CHECKIN_CLOSES_AFTER_MS, CHECKIN_OPENS_BEFORE_MS } from './window';

export interface Drift {
  activityId: string;
  field: 'expected' | 'present' | 'leave' | 'minutes' | 'missing' | 'phantom';
  recorded: number;
  actual: number;
}

export interface Skipped {
  activityId: string;
  /**
   * `open`: check-in is open; `busy`: a write its counters follow is recent, or the counters kept
   * changing while it was counted. Either way the next run takes it.
   */
  reason: 'open' | 'busy';
}

type Counts = Omit<ActivityCounters, 'type'>;
type Entry = Partial<ActivityCounters>;

/**
 * A check-in writes its record and then bumps the counter, two operations apart. While check-in is
 * open, a record can therefore be counted by the recount before its bump lands, and the bump would
 * then count it twice. The recount leaves such activities alone until every function that could
 * still be between the two steps has finished (CloudBase stops a function after 60 s at most).
 */
const IN_FLIGHT_MS = 2 * 60 * 1000;

function checkinsMayArrive(activity: Pick<ActivityDoc, 'startAt' | 'endAt'>, now: number): boolean {
  return (
    now >= new Date(activity.startAt).getTime() - CHECKIN_OPENS_BEFORE_MS &&
    now <= new Date(activity.endAt).getTime() + CHECKIN_CLOSES_AFTER_MS + IN_FLIGHT_MS
  );
}

/**
 * What an activity's counters should be, from its records alone, or null while a write that its
 * counters follow may still be between its record and its bump (see IN_FLIGHT_MS): the activity's
 * own `changedAt`, or any attendance record written within that time.
 */
async function countActivity(activity: ActivityDoc, now: number): Promise<Counts | null> {
  const db = database();
  const settled = (at: Date | null | undefined) => !at || now - new Date(at).getTime() > IN_FLIGHT_MS;
  if (!settled(activity.changedAt)) return null;
  const records = await getAllDocs<Pick<CheckinDoc, 'memberId' | 'state' | 'at'>>(() =>
    db
      .collection(COLLECTIONS.checkins)
      .where({ activityId: activity._id })
      .field({ memberId: true, state: true, at: true })
      .orderBy('_id', 'asc'),
  );
  if (!records.every((r) => settled(r.at))) return null;
  const expected = new Set(activity.expectedIds);
  const presentIds = new Set(
    records.filter((r) => r.state === 'present' && expected.has(r.memberId)).map((r) => r.memberId),
  );
  return {
    expected: expected.size,
    present: presentIds.size,
    leave: activity.leaveIds.filter((id) => !presentIds.has(id)).length,
  };
}

const updated = (result: unknown) => (result as { stats: { updated: number } }).stats.updated > 0;
const ATTEMPTS = 3;

/**
 * Brings one activity's entry to what its records say, compare-and-set: the correction is written
 * as increments, and only if the entry is still exactly what was read before counting. A bump that
 * lands in between makes the write miss; the activity is then read and counted again.
 */
async function reconcile(
  first: ActivityDoc,
  firstEntry: Entry | undefined,
  now: number,
): Promise<{ drift: Drift[]; busy: boolean }> {
  const db = database();
  const _ = db.command;
  let activity = first;
  let entry = firstEntry;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (attempt > 0) {
      const fresh = await getDoc<ActivityDoc>(COLLECTIONS.activities, first._id);
      // Cancelled or moved meanwhile: that change took it out of (or into) the counts itself.
      if (!fresh || fresh.status !== 'scheduled' || fresh.month !== first.month) return { drift: [], busy: false };
      activity = fresh;
      const month = await getDoc<BranchMonthDoc>(COLLECTIONS.branchMonths, monthDocId(first.branchId, first.month));
      entry = month?.activities[first._id];
    }
    const actual = await countActivity(activity, now);
    if (!actual) return { drift: [], busy: true };
    if (!entry) {
      if (await attach(activity, actual)) {
        return { drift: [{ activityId: activity._id, field: 'missing', recorded: 0, actual: 1 }], busy: false };
      }
      continue;
    }
    const drift: Drift[] = [];
    const data: Record<string, unknown> = {};
    for (const field of ['expected', 'present', 'leave'] as const) {
      const recorded = entry[field] ?? 0;
      if (recorded === actual[field] && entry[field] !== undefined) continue;
      drift.push({ activityId: activity._id, field, recorded, actual: actual[field] });
      data[`activities.${activity._id}.${field}`] = _.inc(actual[field] - recorded);
      data[field] = _.inc(actual[field] - recorded);
    }
    // The items it counts under (its type and `alsoCountsAs`), as recorded and as they are now.
    const also = alsoOf(activity);
    const wasTypes = entryTypes(entry);
    const nowTypes = entryTypes({ type: activity.type, also });
    const sameTypes = entry.type === activity.type && JSON.stringify(entry.also) === JSON.stringify(also);
    if (!sameTypes) {
      data[`activities.${activity._id}.type`] = activity.type;
      data[`activities.${activity._id}.also`] = also ?? _.remove();
    }
    const minuted = Boolean(activity.minutes);
    if (Boolean(entry.minutes) !== minuted) {
      drift.push({
        activityId: activity._id,
        field: 'minutes',
        recorded: entry.minutes ? 1 : 0,
        actual: minuted ? 1 : 0,
      });
      data[`activities.${activity._id}.minutes`] = minuted;
    }
    // Moves between items count with `held`: out of the old ones as recorded, into the new ones.
    const held: Record<string, number> = {};
    const minutedInc: Record<string, number> = {};
    for (const type of wasTypes) {
      held[type] = (held[type] ?? 0) - 1;
      if (entry.minutes) minutedInc[type] = (minutedInc[type] ?? 0) - 1;
    }
    for (const type of nowTypes) {
      held[type] = (held[type] ?? 0) + 1;
      if (minuted) minutedInc[type] = (minutedInc[type] ?? 0) + 1;
    }
    for (const [type, n] of Object.entries(held)) if (n) data[`held.${type}`] = _.inc(n);
    for (const [type, n] of Object.entries(minutedInc)) if (n) data[`minuted.${type}`] = _.inc(n);
    const alsoMoved = (also?.length ?? 0) - (entry.also?.length ?? 0);
    if (alsoMoved) data.alsoHeld = _.inc(alsoMoved);
    if (Object.keys(data).length === 0) return { drift: [], busy: false };
    const result = await db
      .collection(COLLECTIONS.branchMonths)
      .where(entryIs(monthDocId(activity.branchId, activity.month), activity._id, entry))
      .update({ data });
    if (updated(result)) return { drift, busy: false };
  }
  return { drift: [], busy: true };
}

/**
 * Removes an entry whose activity is no longer scheduled in that month (cancelled or moved, and the
 * function stopped before it took the entry out), compare-and-set as above.
 */
async function removePhantom(month: BranchMonthDoc, activityId: string, entry: Entry): Promise<Drift | null> {
  const activity = await getDoc<ActivityDoc>(COLLECTIONS.activities, activityId);
  if (activity && activity.status === 'scheduled' && activity.month === month.month) return null;
  const db = database();
  const _ = db.command;
  const result = await db
    .collection(COLLECTIONS.branchMonths)
    .where(entryIs(month._id, activityId, entry))
    .update({
      data: {
        [`activities.${activityId}`]: _.remove(),
        ...Object.fromEntries(entryTypes(entry).map((t) => [`held.${t}`, _.inc(-1)])),
        ...(entry.minutes ? Object.fromEntries(entryTypes(entry).map((t) => [`minuted.${t}`, _.inc(-1)])) : {}),
        ...(entry.also?.length ? { alsoHeld: _.inc(-entry.also.length) } : {}),
        expected: _.inc(-(entry.expected ?? 0)),
        present: _.inc(-(entry.present ?? 0)),
        leave: _.inc(-(entry.leave ?? 0)),
      },
    });
  return updated(result) ? { activityId, field: 'phantom', recorded: 1, actual: 0 } : null;
}

/**
 * A month's totals must be the sum of its entries. Every counter write moves an entry and the
 * totals in one atomic update, so a document read whole whose totals differ has truly drifted
 * (an older write, say); corrected compare-and-set on the totals as read.
 */
async function repairTotals(id: string): Promise<boolean> {
  const month = await getDoc<BranchMonthDoc>(COLLECTIONS.branchMonths, id);
  if (!month) return false;
  const db = database();
  const _ = db.command;
  const sums = { expected: 0, present: 0, leave: 0 };
  let alsoHeld = 0;
  const held: Record<string, number> = {};
  const minuted: Record<string, number> = {};
  for (const entry of Object.values(month.activities) as Entry[]) {
    sums.expected += entry.expected ?? 0;
    sums.present += entry.present ?? 0;
    sums.leave += entry.leave ?? 0;
    alsoHeld += entry.also?.length ?? 0;
    for (const type of entryTypes(entry)) {
      held[type] = (held[type] ?? 0) + 1;
      if (entry.minutes) minuted[type] = (minuted[type] ?? 0) + 1;
    }
  }
  const where: Record<string, unknown> = { _id: id };
  const data: Record<string, unknown> = {};
  for (const field of ['expected', 'present', 'leave'] as const) {
    where[field] = month[field];
    if (month[field] !== sums[field]) data[field] = _.inc(sums[field] - month[field]);
  }
  where.alsoHeld = month.alsoHeld === undefined ? _.exists(false) : month.alsoHeld;
  if ((month.alsoHeld ?? 0) !== alsoHeld) data.alsoHeld = _.inc(alsoHeld - (month.alsoHeld ?? 0));
  const recordedHeld = month.held as Record<string, number | undefined>;
  for (const type of new Set([...Object.keys(held), ...Object.keys(recordedHeld)])) {
    const recorded = recordedHeld[type];
    where[`held.${type}`] = recorded === undefined ? _.exists(false) : recorded;
    if ((recorded ?? 0) !== (held[type] ?? 0)) data[`held.${type}`] = _.inc((held[type] ?? 0) - (recorded ?? 0));
  }
  const recordedMinuted = (month.minuted ?? {}) as Record<string, number | undefined>;
  for (const type of new Set([...Object.keys(minuted), ...Object.keys(recordedMinuted)])) {
    const recorded = recordedMinuted[type];
    where[`minuted.${type}`] = recorded === undefined ? _.exists(false) : recorded;
    if ((recorded ?? 0) !== (minuted[type] ?? 0)) {
      data[`minuted.${type}`] = _.inc((minuted[type] ?? 0) - (recorded ?? 0));
    }
  }
  if (Object.keys(data).length === 0) return false;
  return updated(await db.collection(COLLECTIONS.branchMonths).where(where).update({ data }));
}

/**
 * Brings the branch-month counters of the given Beijing months to what the records say, reports
 * every difference it corrected, and never overwrites a counter write that lands while it counts:
 * it leaves activities whose check-in is open alone, and corrects the others entry by entry,
 * compare-and-set. Safe to run again, and at the same time as anything else.
 */
export async function recountMonths(
  months: string[] = defaultMonths(),
  now = Date.now(),
): Promise<{ months: string[]; activities: number; drift: Drift[]; skipped: Skipped[]; totals: string[] }> {
  const db = database();
  const _ = db.command;
  // The counters are read before the activities: an activity created in between then looks
  // missing (attach is a no-op if it got counted meanwhile), never like a phantom to remove.
  const kept = new Map<string, BranchMonthDoc>();
  for (const doc of await getAllDocs<BranchMonthDoc>(() =>
    db
      .collection(COLLECTIONS.branchMonths)
      .where({ month: _.in(months) })
      .orderBy('_id', 'asc'),
  )) {
    kept.set(doc._id, doc);
  }
  const activities = await getAllDocs<ActivityDoc>(() =>
    db
      .collection(COLLECTIONS.activities)
      .where({ month: _.in(months), status: 'scheduled' })
      .orderBy('_id', 'asc'),
  );
  const drift: Drift[] = [];
  const skipped: Skipped[] = [];
  const scheduled = new Set<string>();
  for (const activity of activities) {
    scheduled.add(activity._id);
    // A training's check-in counts in the training register, never in a branch's months.
    if (activity.training) continue;
    if (checkinsMayArrive(activity, now)) {
      skipped.push({ activityId: activity._id, reason: 'open' });
      continue;
    }
    const entry = kept.get(monthDocId(activity.branchId, activity.month))?.activities[activity._id];
    const result = await reconcile(activity, entry, now);
    drift.push(...result.drift);
    if (result.busy) skipped.push({ activityId: activity._id, reason: 'busy' });
  }
  for (const month of kept.values()) {
    for (const [activityId, entry] of Object.entries(month.activities)) {
      if (scheduled.has(activityId)) continue;
      const removed = await removePhantom(month, activityId, entry);
      if (removed) drift.push(removed);
    }
  }
  const totals: string[] = [];
  for (const id of kept.keys()) if (await repairTotals(id)) totals.push(id);
  return { months, activities: activities.length, drift, skipped, totals };
}

/** This Beijing month and the last: what can still change. */
function defaultMonths(now = new Date()): string[] {
  const thisMonth = beijingMonth(now);
  const [y, m] = thisMonth.split('-').map(Number) as [number, number];
  const last = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  return [last, thisMonth];
}
