import {
  COLLECTIONS,
  type ActivityDoc,
  type Attendance,
  type AttendanceChangeDoc,
  type CheckinDoc,
  type LeaveDoc,
  type MemberDoc,
  type activityContract,
} from '@zhibu/types';
import type { z } from 'zod';
import type { Session } from '../member/session';
import { failedPrecondition, forbidden, notFound } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { countDocs, getAllDocs, getDocs, MAX_PAGE, pageOf } from '../runtime/documents';
import { timeOrderedId } from '../runtime/ids';
import { runTransaction, txGet } from '../runtime/transaction';
import { activityOrFail, attendanceId } from './activity.repository';
import { canSee, hideCommitteeOnly, managedActivity, visibleActivity } from './access';
import { canManageBranch } from '../member/policy';
import { getActivity, stateOf } from './activity.service';
import { bump } from './counters';

type Input<K extends keyof typeof activityContract> = z.infer<(typeof activityContract)[K]['input']>;

/** Every document of a collection about one activity, page by page (never more than the audience). */
function allFor<T>(collection: string, activityId: string): Promise<T[]> {
  return getAllDocs<T>(() => database().collection(collection).where({ activityId }).orderBy('_id', 'asc'));
}

export async function requestLeave(session: Session, input: Input<'requestLeave'>) {
  const activity = await visibleActivity(session, input.activityId);
  const me = session.member._id;
  if (!activity.expectedIds.includes(me)) throw forbidden('您不在本次活动的应到名单中，无需请假');
  if (activity.status === 'cancelled') throw failedPrecondition('活动已取消');
  // Leave may be asked for until the end (held up on the way, say); after the start it is marked late.
  const now = new Date();
  if (new Date(activity.endAt).getTime() <= now.getTime())
    throw failedPrecondition('活动已结束，不能再请假；如有情况请联系支部书记');
  const late = new Date(activity.startAt).getTime() <= now.getTime();
  const id = attendanceId(activity._id, me);
  await runTransaction(async (tx) => {
    const existing = await txGet<LeaveDoc>(tx, COLLECTIONS.leaves, id);
    if (existing?.status === 'approved') throw failedPrecondition('请假已获批准');
    const checkin = await txGet<CheckinDoc>(tx, COLLECTIONS.checkins, id);
    if (checkin?.state === 'present') throw failedPrecondition('您已签到，无需请假');
    const leave: Omit<LeaveDoc, '_id'> = {
      activityId: activity._id,
      memberId: me,
      branchId: activity.branchId,
      reason: input.reason,
      status: 'pending',
      requestedAt: now,
      reviewedBy: null,
      reviewedAt: null,
      comment: null,
      late,
    };
    await tx.collection(COLLECTIONS.leaves).doc(id).set({ data: leave });
  });
  return getActivity(session, activity._id);
}

async function logChange(
  session: Session,
  activityId: string,
  member: Pick<MemberDoc, '_id' | 'name'>,
  change: AttendanceChangeDoc['change'],
  reason: string,
): Promise<void> {
  const at = new Date();
  const entry: Omit<AttendanceChangeDoc, '_id'> = {
    activityId,
    memberId: member._id,
    memberName: member.name,
    change,
    reason,
    by: session.member._id,
    byName: session.member.name,
    at,
  };
  await database()
    .collection(COLLECTIONS.attendanceChanges)
    .add({ data: { _id: timeOrderedId('att', at), ...entry } });
}

async function expectedMember(activity: ActivityDoc, memberId: string): Promise<MemberDoc> {
  if (!activity.expectedIds.includes(memberId)) throw failedPrecondition('该党员不在本次活动的应到名单中');
  const [member] = await getDocs<MemberDoc>(
    database().collection(COLLECTIONS.members).where({ _id: memberId }).limit(1),
  );
  if (!member) throw notFound('没有找到该党员');
  return member;
}

export async function reviewLeave(session: Session, input: Input<'reviewLeave'>): Promise<Attendance> {
  const activity = await managedActivity(session, input.activityId);
  // A cancelled activity is out of the counters; approving a leave would count it back in.
  if (activity.status === 'cancelled') throw failedPrecondition('活动已取消');
  const member = await expectedMember(activity, input.memberId);
  const id = attendanceId(activity._id, member._id);
  const status = input.approve ? 'approved' : 'rejected';
  // Conditional update: only a pending request changes, so two reviewers cannot count it twice.
  const result = (await database()
    .collection(COLLECTIONS.leaves)
    .where({ _id: id, status: 'pending' })
    .update({
      data: { status, reviewedBy: session.member._id, reviewedAt: new Date(), comment: input.comment ?? null },
    })) as {
    stats: { updated: number };
  };
  if (result.stats.updated === 0) throw failedPrecondition('没有待审批的请假申请');
  if (input.approve) {
    const present = await countDocs(database().collection(COLLECTIONS.checkins).where({ _id: id, state: 'present' }));
    if (present === 0) {
      await database()
        .collection(COLLECTIONS.activities)
        .doc(activity._id)
        .update({ data: { leaveIds: database().command.addToSet(member._id), changedAt: new Date() } });
      // Then the counter: repaired by the recount job if the function stops in between
      // (`changedAt` keeps the job away until this bump has landed).
      await bump(activity, { leave: 1 });
    }
  }
  await logChange(
    session,
    activity._id,
    member,
    input.approve ? 'leave_approved' : 'leave_rejected',
    input.comment ?? '',
  );
  return attendanceOf(session, activity._id);
}

/** For members without a phone, or to correct a record: every change is logged with who and when. */
export async function markAttendance(session: Session, input: Input<'markAttendance'>): Promise<Attendance> {
  const activity = await managedActivity(session, input.activityId);
  if (activity.status === 'cancelled') throw failedPrecondition('活动已取消');
  const state = input.state;
  if (state === 'leave') return recordLeave(session, activity, input.memberId, input.reason);
  if (new Date(activity.startAt).getTime() - 30 * 60_000 > Date.now())
    throw failedPrecondition('活动尚未开始，不能标记出勤');
  const member = await expectedMember(activity, input.memberId);
  const id = attendanceId(activity._id, member._id);
  const wasPresent = await runTransaction(async (tx) => {
    const current = await txGet<CheckinDoc>(tx, COLLECTIONS.checkins, id);
    const record: Omit<CheckinDoc, '_id'> = {
      activityId: activity._id,
      memberId: member._id,
      branchId: activity.branchId,
      state,
      source: 'manual',
      at: new Date(),
      by: session.member._id,
    };
    await tx.collection(COLLECTIONS.checkins).doc(id).set({ data: record });
    return current?.state === 'present';
  });
  const nowPresent = input.state === 'present';
  // The record, then the counter: repaired by the recount job if the function stops in between
  // (the record's `at` keeps the job away until this bump has landed).
  if (wasPresent !== nowPresent) {
    const onLeave = activity.leaveIds.includes(member._id);
    await bump(activity, nowPresent ? { present: 1, ...(onLeave ? { leave: -1 } : {}) } : { present: -1 });
    if (onLeave && nowPresent) {
      await database()
        .collection(COLLECTIONS.activities)
        .doc(activity._id)
        .update({ data: { leaveIds: database().command.pull(member._id) } });
    }
  }
  await logChange(
    session,
    activity._id,
    member,
    input.state === 'present' ? 'marked_present' : 'marked_absent',
    input.reason,
  );
  return attendanceOf(session, activity._id);
}

/**
 * The leave of a member who phoned in, recorded by the committee: approved at once, at any time
 * (before the meeting, or afterwards when the call came during it). A member marked present by
 * mistake is taken off the present list. Logged like every other hand change.
 */
async function recordLeave(
  session: Session,
  activity: ActivityDoc,
  memberId: string,
  reason: string,
): Promise<Attendance> {
  const member = await expectedMember(activity, memberId);
  const id = attendanceId(activity._id, member._id);
  const at = new Date();
  const wasPresent = await runTransaction(async (tx) => {
    const [checkin, leave] = await Promise.all([
      txGet<CheckinDoc>(tx, COLLECTIONS.checkins, id),
      txGet<LeaveDoc>(tx, COLLECTIONS.leaves, id),
    ]);
    if (leave?.status === 'approved' && checkin?.state !== 'present')
      throw failedPrecondition(`${member.name} 已请假，无需重复登记`);
    const record: Omit<LeaveDoc, '_id'> = {
      activityId: activity._id,
      memberId: member._id,
      branchId: activity.branchId,
      reason,
      status: 'approved',
      requestedAt: leave?.requestedAt ?? at,
      reviewedBy: session.member._id,
      reviewedAt: at,
      comment: null,
      byHand: true,
    };
    await tx.collection(COLLECTIONS.leaves).doc(id).set({ data: record });
    if (checkin?.state === 'present') {
      const absent: Omit<CheckinDoc, '_id'> = {
        activityId: activity._id,
        memberId: member._id,
        branchId: activity.branchId,
        state: 'absent',
        source: 'manual',
        at,
        by: session.member._id,
      };
      await tx.collection(COLLECTIONS.checkins).doc(id).set({ data: absent });
    }
    return checkin?.state === 'present';
  });
  // The records, then the activity's leave list and the counters: repaired by the recount job if the
  // function stops in between (`changedAt` keeps the job away until the bump has landed).
  await database()
    .collection(COLLECTIONS.activities)
    .doc(activity._id)
    .update({ data: { leaveIds: database().command.addToSet(member._id), changedAt: new Date() } });
  await bump(activity, wasPresent ? { present: -1, leave: 1 } : { leave: 1 });
  await logChange(session, activity._id, member, 'leave_recorded', reason);
  return attendanceOf(session, activity._id);
}

export async function attendance(session: Session, activityId: string): Promise<Attendance> {
  await managedActivity(session, activityId);
  return attendanceOf(session, activityId);
}

/** 应到 / 实到 / 请假 / 缺席 with names. Absence is only final once the check-in window has closed. */
async function attendanceOf(_session: Session, activityId: string): Promise<Attendance> {
  const activity = await activityOrFail(activityId);
  const db = database();
  const [checkins, leaves, changes, members] = await Promise.all([
    allFor<CheckinDoc>(COLLECTIONS.checkins, activityId),
    allFor<LeaveDoc>(COLLECTIONS.leaves, activityId),
    getDocs<AttendanceChangeDoc>(
      db.collection(COLLECTIONS.attendanceChanges).where({ activityId }).orderBy('_id', 'desc').limit(50),
    ),
    (async () => {
      const out: Pick<MemberDoc, '_id' | 'name'>[] = [];
      for (let i = 0; i < activity.expectedIds.length; i += MAX_PAGE) {
        const ids = activity.expectedIds.slice(i, i + MAX_PAGE);
        out.push(
          ...(await getDocs<Pick<MemberDoc, '_id' | 'name'>>(
            db
              .collection(COLLECTIONS.members)
              .where({ _id: db.command.in(ids) })
              .field({ _id: true, name: true })
              .limit(ids.length),
          )),
        );
      }
      return out;
    })(),
  ]);
  const names = new Map(members.map((m) => [m._id, m.name]));
  const nameOf = (id: string) => names.get(id) ?? '（已移出）';
  const present = checkins.filter((c) => c.state === 'present' && activity.expectedIds.includes(c.memberId));
  const presentIds = new Set(present.map((c) => c.memberId));
  const approved = leaves.filter((l) => l.status === 'approved' && !presentIds.has(l.memberId));
  const leaveIds = new Set(approved.map((l) => l.memberId));
  const pending = leaves.filter((l) => l.status === 'pending' && !presentIds.has(l.memberId));
  const absent = activity.expectedIds.filter((id) => !presentIds.has(id) && !leaveIds.has(id));
  const order = new Map(activity.expectedIds.map((id, i) => [id, i]));
  const byRoster = <T extends { memberId: string }>(list: T[]) =>
    list.sort((a, b) => (order.get(a.memberId) ?? 0) - (order.get(b.memberId) ?? 0));
  return {
    activityId,
    title: activity.title,
    expected: activity.expectedIds.length,
    present: present.length,
    leave: approved.length,
    absent: absent.length,
    presentList: byRoster(
      present.map((c) => ({
        memberId: c.memberId,
        name: nameOf(c.memberId),
        at: new Date(c.at).toISOString(),
        source: c.source,
      })),
    ),
    leaveList: byRoster(approved.map((l) => ({ memberId: l.memberId, name: nameOf(l.memberId), reason: l.reason }))),
    pendingLeaves: byRoster(
      pending.map((l) => ({
        memberId: l.memberId,
        name: nameOf(l.memberId),
        reason: l.reason,
        requestedAt: new Date(l.requestedAt).toISOString(),
        late: l.late === true,
      })),
    ),
    absentList: absent.map((id) => ({ memberId: id, name: nameOf(id) })),
    changes: changes.map((c) => ({
      memberName: c.memberName,
      change: c.change,
      reason: c.reason,
      byName: c.byName,
      at: new Date(c.at).toISOString(),
    })),
  };
}

/** A member's own attendance history, newest first: theirs to see, nobody's to rank. */
export async function myAttendance(session: Session, input: Input<'myAttendance'>) {
  const db = database();
  const me = session.member._id;
  const where = {
    expectedIds: me,
    status: 'scheduled',
    startAt: db.command.lte(new Date()),
    ...(canManageBranch(session, session.member.branchId) ? {} : hideCommitteeOnly(db.command)),
  };
  const { docs: activities, total } = await pageOf<ActivityDoc>(
    COLLECTIONS.activities,
    where,
    [['startAt', 'desc']],
    input,
  );
  const ids = activities.map((a) => attendanceId(a._id, me));
  const [checkins, leaves] = ids.length
    ? await Promise.all([
        getDocs<CheckinDoc>(
          db
            .collection(COLLECTIONS.checkins)
            .where({ _id: db.command.in(ids) })
            .limit(ids.length),
        ),
        getDocs<LeaveDoc>(
          db
            .collection(COLLECTIONS.leaves)
            .where({ _id: db.command.in(ids) })
            .limit(ids.length),
        ),
      ])
    : [[], []];
  const checkinBy = new Map(checkins.map((c) => [c.activityId, c]));
  const leaveBy = new Map(leaves.map((l) => [l.activityId, l]));
  return {
    items: activities
      .filter((a) => canSee(session, a))
      .map((a) => ({
        activityId: a._id,
        title: a.title,
        type: a.type,
        startAt: new Date(a.startAt).toISOString(),
        state: stateOf(a, me, checkinBy.get(a._id) ?? null, leaveBy.get(a._id) ?? null) ?? 'expected',
      })),
    total,
  };
}
