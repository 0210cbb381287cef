import { createHash } from 'node:crypto';
import {
  COLLECTIONS,
  type ActivityDetail,
  type ActivityDoc,
  type ActivitySummary,
  type Audience,
  type BranchDoc,
  type CheckinDoc,
  type LeaveDoc,
  type activityContract,
} from '@zhibu/types';
import type { z } from 'zod';
import { activeBranchOrFail, memberRepository } from '../member/member.repository';
import { canManageBranch, isAdmin, requireAdmin, requireBranchManager } from '../member/policy';
import type { Session } from '../member/session';
import { failedPrecondition, forbidden, invalidArgument, notFound } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { getDocs, MAX_PAGE, pageOf } from '../runtime/documents';
import { isDuplicateKeyError } from '../runtime/db-errors';
import { randomString } from '../runtime/ids';
import { beijingMonth } from '../runtime/time';
import { attendanceId, checkinOf, leaveOf } from './activity.repository';
import { canSee, hideCommitteeOnly, isCommitteeOnly, managedActivity, visibleActivity } from './access';
import { toDetail, toSummary, type MyState } from './activity-view';
import { resolveExpected } from './audience';
import { alsoOf, attach, bump, countersOf, detach } from './counters';
import { photoUrls } from './minutes.service';

type Input<K extends keyof typeof activityContract> = z.infer<(typeof activityContract)[K]['input']>;

/** Short ids: a check-in token carries the id and must fit a 32-character mini program code scene. */
const newActivityId = () => `a${randomString(9)}`;

/** Characters of `text`'s SHA-256 in the id alphabet: the same input gives the same id. */
function digestId(text: string, length: number): string {
  const alphabet = '0123456789abcdefghijkmnpqrstuvwxyz';
  return [...createHash('sha256').update(text).digest()]
    .slice(0, length)
    .map((byte) => alphabet[byte % alphabet.length])
    .join('');
}

async function insertActivity(
  session: Session,
  branch: BranchDoc,
  input: Input<'create'>,
  pushId: string | null,
): Promise<string | null> {
  // A 支委会 is the committee's meeting unless the form says otherwise (a bureau push has no audience).
  const audience: Audience = input.audience ?? { kind: input.type === 'committee' ? 'committee' : 'branch' };
  // A pushed activity skips a branch with nobody in it yet (a branch just created, say).
  const startAt = new Date(input.startAt);
  const expectedIds = await resolveExpected(
    branch,
    audience,
    pushId !== null,
    isCommitteeOnly({ type: input.type, audience }),
    startAt,
  );
  if (expectedIds.length === 0) return null;
  const activity: ActivityDoc = {
    // A pushed activity's id follows from the push and the branch, so a retried push finds it.
    _id: pushId ? `a${digestId(`${pushId}/${branch._id}`, 9)}` : newActivityId(),
    branchId: branch._id,
    title: input.title,
    type: input.type,
    ...(input.alsoCountsAs?.length ? { alsoCountsAs: input.alsoCountsAs } : {}),
    startAt,
    endAt: new Date(input.endAt),
    place: input.place,
    agenda: input.agenda ?? '',
    audience,
    expectedIds,
    leaveIds: [],
    status: 'scheduled',
    cancelReason: null,
    month: beijingMonth(startAt),
    pushId,
    createdBy: session.member._id,
    createdByName: session.member.name,
    createdAt: new Date(),
    minutes: null,
    reminderSentAt: null,
  };
  // Two steps, both re-runnable: the activity is added by its id (a retried push meets the
  // duplicate and keeps the first), and attach counts an activity once however often it runs.
  try {
    await database().collection(COLLECTIONS.activities).add({ data: activity });
  } catch (error) {
    if (!pushId || !isDuplicateKeyError(error)) throw error;
  }
  await attach(activity, { expected: expectedIds.length, present: 0, leave: 0 });
  return activity._id;
}

export async function createActivity(session: Session, input: Input<'create'>): Promise<{ activityId: string }> {
  requireBranchManager(session, session.member.branchId);
  const branch = await activeBranchOrFail(session.member.branchId);
  const activityId = await insertActivity(session, branch, input, null);
  if (!activityId) throw new Error('an activity without a push id always has attendees');
  return { activityId };
}

/** The bureau pushes one activity (a theme day, say) to every branch, or to the ones it names. */
export async function pushActivity(session: Session, input: Input<'push'>): Promise<{ activityIds: string[] }> {
  requireAdmin(session);
  const db = database();
  const branches = await getDocs<BranchDoc>(
    input.branchIds
      ? db
          .collection(COLLECTIONS.branches)
          .where({ _id: db.command.in(input.branchIds), active: true })
          .limit(input.branchIds.length)
      : db.collection(COLLECTIONS.branches).where({ active: true }).limit(1000),
  );
  if (input.branchIds && branches.length !== new Set(input.branchIds).size)
    throw notFound('所选支部中有不存在或已撤销的');
  // The push is named by what it pushes and who pushes it: sending the same push again after a
  // failure part-way (a timeout, say) creates what is missing and nothing twice.
  const pushId = `p${digestId(JSON.stringify([session.member._id, { ...input, branchIds: undefined }]), 9)}`;
  const { branchIds: _ignored, ...fields } = input;
  const activityIds: string[] = [];
  for (const branch of branches) {
    const id = await insertActivity(session, branch, fields, pushId);
    if (id) activityIds.push(id);
  }
  return { activityIds };
}

export async function updateActivity(session: Session, input: Input<'update'>): Promise<ActivityDetail> {
  const activity = await managedActivity(session, input.activityId);
  if (activity.status === 'cancelled') throw failedPrecondition('活动已取消，不能修改');
  const { patch } = input;
  // A meeting that has ended is evidence for the statistics and the compliance calendar: its
  // time, type and audience stay as held (a typo in its title, place or agenda may still be fixed).
  const counted = (['startAt', 'endAt', 'type', 'alsoCountsAs', 'audience'] as const).filter(
    (key) => patch[key] !== undefined,
  );
  if (counted.length > 0 && new Date(activity.endAt).getTime() < Date.now())
    throw failedPrecondition('活动已结束，时间、类型、同时计入的项目和参加范围不能再修改');
  const nextType = patch.type ?? activity.type;
  const nextAlso = patch.alsoCountsAs ?? activity.alsoCountsAs ?? [];
  if (nextAlso.includes(nextType)) throw invalidArgument('同时计入的项目不能是活动本身的类型');
  const startAt = patch.startAt ? new Date(patch.startAt) : new Date(activity.startAt);
  const endAt = patch.endAt ? new Date(patch.endAt) : new Date(activity.endAt);
  if (endAt <= startAt) throw failedPrecondition('结束时间应晚于开始时间');
  const changes: Partial<ActivityDoc> = {
    ...(patch.title ? { title: patch.title } : {}),
    ...(patch.type ? { type: patch.type } : {}),
    ...(patch.alsoCountsAs ? { alsoCountsAs: patch.alsoCountsAs } : {}),
    ...(patch.place ? { place: patch.place } : {}),
    ...(patch.agenda !== undefined ? { agenda: patch.agenda } : {}),
    startAt,
    endAt,
    month: beijingMonth(startAt),
    changedAt: new Date(),
  };
  const nextAudience = patch.audience ?? activity.audience;
  const committeeOnly = isCommitteeOnly({ type: patch.type ?? activity.type, audience: nextAudience });
  // Becoming committee-only narrows who is expected to the committee, as creating it would; a new
  // start is checked against exemptions again (应到 is the audience at the start minus the exempt).
  const moved = startAt.getTime() !== new Date(activity.startAt).getTime();
  if (patch.audience || moved || committeeOnly !== isCommitteeOnly(activity)) {
    changes.audience = nextAudience;
    changes.expectedIds = await resolveExpected(
      await activeBranchOrFail(activity.branchId),
      nextAudience,
      false,
      committeeOnly,
      startAt,
    );
  }
  const next: ActivityDoc = { ...activity, ...changes };
  // Only the changed fields are written, so a check-in landing meanwhile is not overwritten;
  // the audience object is replaced whole rather than merged.
  const { audience, ...plain } = changes;
  await database()
    .collection(COLLECTIONS.activities)
    .doc(activity._id)
    .update({ data: { ...plain, ...(audience ? { audience: database().command.set(audience) } : {}) } });

  // Two steps after the activity's own write (move the counters, or bump the expected count):
  // repaired by the recount job if the function stops between them. A check-in counted while the
  // entry moves lands in the old month and is dropped there (bump needs the entry); the job
  // counts it into the new one from the records.
  const sameItems = JSON.stringify(alsoOf(next)) === JSON.stringify(alsoOf(activity));
  if (next.month !== activity.month || next.type !== activity.type || !sameItems) {
    const counters = (await detach(activity)) ?? { expected: activity.expectedIds.length, present: 0, leave: 0 };
    await attach(next, { ...counters, expected: next.expectedIds.length });
  } else if (next.expectedIds.length !== activity.expectedIds.length) {
    await bump(next, { expected: next.expectedIds.length - activity.expectedIds.length });
  }
  return getActivity(session, activity._id);
}

export async function cancelActivity(session: Session, input: Input<'cancel'>): Promise<ActivityDetail> {
  const activity = await managedActivity(session, input.activityId);
  if (activity.status === 'cancelled') throw failedPrecondition('活动已取消');
  await database()
    .collection(COLLECTIONS.activities)
    .doc(activity._id)
    .update({ data: { status: 'cancelled', cancelReason: input.reason ?? null } });
  // Then out of the counters, compare-and-set against check-ins still arriving; a check-in that
  // lands after this finds no entry and counts nothing. If the function stops in between, the
  // recount job removes the cancelled activity's entry.
  await detach(activity);
  return getActivity(session, activity._id);
}

export function stateOf(
  activity: ActivityDoc,
  memberId: string,
  checkin: CheckinDoc | null,
  leave: LeaveDoc | null,
): MyState {
  if (!activity.expectedIds.includes(memberId)) return null;
  if (checkin?.state === 'present') return 'present';
  if (leave?.status === 'approved') return 'leave';
  if (leave?.status === 'pending') return 'pending_leave';
  if (checkin?.state === 'absent' || new Date(activity.endAt).getTime() < Date.now()) return 'absent';
  return 'expected';
}

export async function getActivity(session: Session, activityId: string): Promise<ActivityDetail> {
  const activity = await visibleActivity(session, activityId);
  const canManage = canManageBranch(session, activity.branchId);
  const expected = activity.expectedIds.includes(session.member._id);
  const { audience } = activity;
  const [counters, checkin, leave, urls, branch] = await Promise.all([
    countersOf([activity]),
    expected ? checkinOf(activity._id, session.member._id) : null,
    expected ? leaveOf(activity._id, session.member._id) : null,
    photoUrls(activity.minutes?.photos ?? []),
    audience.kind === 'group' ? memberRepository.branch(activity.branchId) : null,
  ]);
  const audienceGroupName =
    audience.kind === 'group' ? (branch?.partyGroups.find((g) => g.id === audience.partyGroupId)?.name ?? null) : null;
  return toDetail(activity, counters.get(activity._id), {
    myState: stateOf(activity, session.member._id, checkin, leave),
    myLeave: leave,
    canManage,
    photoUrls: urls,
    audienceGroupName,
  });
}

/** Leave requests still waiting, per activity, for activities the caller runs. */
export async function pendingLeaveCounts(session: Session, activities: ActivityDoc[]): Promise<Map<string, number>> {
  const ids = activities.filter((a) => canManageBranch(session, a.branchId)).map((a) => a._id);
  const counts = new Map<string, number>();
  if (ids.length === 0) return counts;
  const db = database();
  const pending = await getDocs<Pick<LeaveDoc, 'activityId'>>(
    db
      .collection(COLLECTIONS.leaves)
      .where({ activityId: db.command.in(ids), status: 'pending' })
      .field({ activityId: true })
      .limit(MAX_PAGE),
  );
  for (const { activityId } of pending) counts.set(activityId, (counts.get(activityId) ?? 0) + 1);
  return counts;
}

/** Whose activities a list shows: the caller's own, their branch's, or (the bureau) every branch's or one. */
function listScope(session: Session, input: Input<'list'>): Record<string, unknown> {
  const me = session.member._id;
  if (input.mine) return { expectedIds: me };
  if (isAdmin(session)) return input.branchId ? { branchId: input.branchId } : {};
  if (input.branchId && input.branchId !== session.member.branchId) throw forbidden('只能查看本支部的活动');
  return canManageBranch(session, session.member.branchId)
    ? { branchId: session.member.branchId }
    : { expectedIds: me };
}

export async function listActivities(
  session: Session,
  input: Input<'list'>,
): Promise<{ items: ActivitySummary[]; total: number }> {
  const db = database();
  const _ = db.command;
  const me = session.member._id;
  const now = new Date();
  const where = listScope(session, input);
  if (!canManageBranch(session, session.member.branchId)) Object.assign(where, hideCommitteeOnly(_));
  where.endAt = input.scope === 'upcoming' ? _.gte(now) : _.lt(now);
  if (input.scope === 'upcoming') where.status = 'scheduled';
  const { docs: activities, total } = await pageOf<ActivityDoc>(
    COLLECTIONS.activities,
    where,
    [['startAt', input.scope === 'upcoming' ? 'asc' : 'desc']],
    input,
  );
  const mineIds = activities.filter((a) => a.expectedIds.includes(me)).map((a) => attendanceId(a._id, me));
  const [counters, checkins, leaves, pending] = await Promise.all([
    countersOf(activities),
    mineIds.length
      ? getDocs<CheckinDoc>(
          db
            .collection(COLLECTIONS.checkins)
            .where({ _id: _.in(mineIds) })
            .limit(mineIds.length),
        )
      : [],
    mineIds.length
      ? getDocs<LeaveDoc>(
          db
            .collection(COLLECTIONS.leaves)
            .where({ _id: _.in(mineIds) })
            .limit(mineIds.length),
        )
      : [],
    pendingLeaveCounts(session, activities),
  ]);
  const checkinBy = new Map(checkins.map((c) => [c.activityId, c]));
  const leaveBy = new Map(leaves.map((l) => [l.activityId, l]));
  return {
    // The query already leaves out what the caller may not see; `canSee` also drops the rare
    // committee-only activity of another branch a moved committee member is still expected at.
    items: activities
      .filter((a) => canSee(session, a))
      .map((a) =>
        toSummary(
          a,
          counters.get(a._id),
          stateOf(a, me, checkinBy.get(a._id) ?? null, leaveBy.get(a._id) ?? null),
          pending.get(a._id) ?? 0,
        ),
      ),
    total,
  };
}
