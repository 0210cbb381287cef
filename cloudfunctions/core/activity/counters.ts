import {
  COLLECTIONS,
  type ActivityCounters,
  type ActivityDoc,
  type ActivityType,
  type BranchMonthDoc,
} from '@zhibu/types';
import { database } from '../runtime/cloud';
import { getDoc, getDocs } from '../runtime/documents';
import { countOnce, monthDocId, updateCounters } from '../stats/rollup';
import { countedTypes } from '../stats/rules';

export { monthDocId };

/**
 * The branch-month counters (BranchMonthDoc). One `_.inc` moves both an activity's own counter and
 * its branch-month total (and the same in the branch's year, stats/rollup.ts), which keeps a
 * check-in within four database operations and lets dashboards read one document per branch and
 * month or year. `recount.ts` rebuilds them from records.
 */

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

type Entry = Partial<ActivityCounters>;
const FIELDS = ['type', 'expected', 'present', 'leave', 'minutes'] as const;

/**
 * The where-clause terms matching an entry's `also` list exactly: its length and each item in
 * order (array equality is left out: element terms behave the same on every engine).
 */
export function alsoIs(path: string, also: readonly ActivityType[] | undefined): Record<string, unknown> {
  const _ = database().command;
  if (!also || also.length === 0) return { [path]: _.exists(false) };
  return { [path]: _.size(also.length), ...Object.fromEntries(also.map((t, i) => [`${path}.${i}`, t])) };
}

/**
 * The items an entry is counted under in `held` (and `minuted`): its type and its `also` list, the
 * activity's `alsoCountsAs` when it was counted (stats/rules.ts countedTypes).
 */
export function entryTypes(entry: Entry): ActivityType[] {
  return entry.type ? countedTypes({ type: entry.type, alsoCountsAs: entry.also }) : [];
}

/** `also` as an entry keeps it: absent when the activity counts for its own type alone. */
export function alsoOf(activity: Pick<ActivityDoc, 'type' | 'alsoCountsAs'>): ActivityType[] | undefined {
  const also = countedTypes(activity).slice(1);
  return also.length > 0 ? also : undefined;
}

/** `_.inc(n)` of `<field>.<type>` for every item an entry counts under. */
function incTypes(field: 'held' | 'minuted', types: ActivityType[], n: number): Record<string, unknown> {
  const _ = database().command;
  return Object.fromEntries(types.map((t) => [`${field}.${t}`, _.inc(n)]));
}

/** A where-clause matching the month document whose entry for `activityId` is exactly `entry`. */
export function entryIs(monthId: string, activityId: string, entry: Entry | undefined): Record<string, unknown> {
  const _ = database().command;
  if (!entry) return { _id: monthId, [`activities.${activityId}`]: _.exists(false) };
  const where: Record<string, unknown> = { _id: monthId };
  for (const field of FIELDS) {
    where[`activities.${activityId}.${field}`] = entry[field] === undefined ? _.exists(false) : entry[field];
  }
  return { ...where, ...alsoIs(`activities.${activityId}.also`, entry.also) };
}

/** A where-clause of `entryIs` without its `_id`, for a write of both the month and the year. */
export function withoutId(where: Record<string, unknown>): Record<string, unknown> {
  const { _id: _ignored, ...rest } = where;
  return rest;
}

/**
 * Adds to an activity's counters (and its month's totals), only while the activity is counted in
 * that month: a bump that arrives after a cancel or a move (detach) changes nothing, instead of
 * re-creating a phantom entry. Such a lost bump is repaired by the recount job. One operation.
 */
export async function bump(
  activity: Pick<ActivityDoc, '_id' | 'branchId' | 'month'>,
  delta: CounterDelta,
): Promise<void> {
  const data = incFields(activity._id, delta);
  if (Object.keys(data).length === 0) return;
  const _ = database().command;
  await updateCounters(
    activity.branchId,
    activity.month,
    { [`activities.${activity._id}.type`]: _.exists(true) },
    data,
  );
}

/**
 * Counts a new activity in its month, creating the month's document on first use. Re-runnable: an
 * activity already counted there is left as it is, so a retried create or push counts it once.
 */
export async function attach(
  activity: Pick<ActivityDoc, '_id' | 'branchId' | 'month' | 'type' | 'alsoCountsAs'> & {
    minutes?: ActivityDoc['minutes'];
  },
  counts: Omit<ActivityCounters, 'type' | 'also' | 'minutes'>,
): Promise<boolean> {
  const db = database();
  const _ = db.command;
  const id = monthDocId(activity.branchId, activity.month);
  // An activity moved to another month after its minutes were saved keeps them counted there.
  const minuted = Boolean(activity.minutes);
  const also = alsoOf(activity);
  const types = countedTypes(activity);
  const counters: Omit<ActivityCounters, 'type'> = {
    ...(also ? { also } : {}),
    ...counts,
    ...(minuted ? { minutes: true } : {}),
  };
  const update = {
    [`activities.${activity._id}`]: _.set({ type: activity.type, ...counters }),
    // Held (and minuted) once under each item it counts for; attendance below once.
    ...incTypes('held', types, 1),
    ...(minuted ? incTypes('minuted', types, 1) : {}),
    ...(also ? { alsoHeld: _.inc(also.length) } : {}),
    expected: _.inc(counters.expected),
    present: _.inc(counters.present),
    leave: _.inc(counters.leave),
  };
  return countOnce(activity.branchId, activity.month, withoutId(entryIs(id, activity._id, undefined)), update);
}

/**
 * Takes an activity out of its month's counts (cancelled, or moved to another month), and answers
 * the counters it had. Compare-and-set: the entry is removed only as it was read, so a check-in
 * counted meanwhile makes it read again rather than leaving the month's totals wrong.
 */
export async function detach(
  activity: Pick<ActivityDoc, '_id' | 'branchId' | 'month'>,
): Promise<Omit<ActivityCounters, 'type'> | null> {
  const db = database();
  const _ = db.command;
  const id = monthDocId(activity.branchId, activity.month);
  for (let attempt = 0; attempt < 5; attempt++) {
    const month = await getDoc<BranchMonthDoc>(COLLECTIONS.branchMonths, id);
    const entry = month?.activities[activity._id] as Entry | undefined;
    if (!entry) return null;
    const removed = { expected: entry.expected ?? 0, present: entry.present ?? 0, leave: entry.leave ?? 0 };
    const taken = await updateCounters(activity.branchId, activity.month, withoutId(entryIs(id, activity._id, entry)), {
      [`activities.${activity._id}`]: _.remove(),
      ...incTypes('held', entryTypes(entry), -1),
      ...(entry.minutes ? incTypes('minuted', entryTypes(entry), -1) : {}),
      ...(entry.also?.length ? { alsoHeld: _.inc(-entry.also.length) } : {}),
      expected: _.inc(-removed.expected),
      present: _.inc(-removed.present),
      leave: _.inc(-removed.leave),
    });
    if (taken > 0) return removed;
  }
  throw new Error(`could not take activity ${activity._id} out of ${id}: its counters kept changing`);
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

/**
 * Counts an activity's minutes in its month, once: compare-and-set on the entry's `minutes` flag,
 * so saving the minutes again (or two saves at once) counts them one time. One operation; an entry
 * missing at that moment is repaired by the recount.
 */
export async function markMinuted(
  activity: Pick<ActivityDoc, '_id' | 'branchId' | 'month' | 'type' | 'alsoCountsAs'>,
): Promise<void> {
  const _ = database().command;
  const also = alsoOf(activity);
  await updateCounters(
    activity.branchId,
    activity.month,
    {
      [`activities.${activity._id}.type`]: activity.type,
      // Counted under the items the entry was counted under in `held`, never others.
      ...alsoIs(`activities.${activity._id}.also`, also),
      [`activities.${activity._id}.minutes`]: _.neq(true),
    },
    { [`activities.${activity._id}.minutes`]: true, ...incTypes('minuted', countedTypes(activity), 1) },
  );
}
