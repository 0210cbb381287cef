import {
  COLLECTIONS,
  type ActivityDoc,
  type CheckinDoc,
  type MemberDoc,
  type MyStats,
  type NoticeBranchDoc,
  type NoticeReceiptDoc,
  type QuizSeatDoc,
  type StudyTaskDoc,
} from '@zhibu/types';
import { isCommitteeOf } from '../member/policy';
import type { Session } from '../member/session';
import { forbidden, notFound } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { getAllDocs, getDoc, getDocs } from '../runtime/documents';
import { periodOrInvalid } from './dashboard.service';
import { isHeld } from './rules';

const byId = <T extends { _id: string }>(query: () => unknown) => getAllDocs<T>(query as never);

/**
 * Whose record is asked for: the caller's own, or a member of the caller's branch when the caller
 * is on its committee (who follows up in person). Nobody else sees a member's record, not even
 * the bureau, whose statistics are about branches.
 */
async function subjectOf(session: Session, memberId: string | undefined): Promise<{ id: string; name: string }> {
  if (!memberId || memberId === session.member._id) return { id: session.member._id, name: session.member.name };
  if (!isCommitteeOf(session, session.member.branchId)) throw forbidden('只有本人和本支部支委可以查看党员的记录');
  const member = await getDoc<MemberDoc>(COLLECTIONS.members, memberId);
  if (!member || member.branchId !== session.member.branchId) throw notFound('没有找到该党员');
  return { id: member._id, name: member.name };
}

/**
 * A member's record over a period: the meetings they were expected at and how they stood, their
 * study tasks due, quizzes opened and notices posted to them.
 */
export async function mine(
  session: Session,
  input: { period: string; memberId?: string },
  now = new Date(),
): Promise<MyStats> {
  const period = periodOrInvalid(input.period);
  const subject = await subjectOf(session, input.memberId);
  const me = subject.id;
  const db = database();
  const _ = db.command;
  const inPeriod = (field: string) => ({ [field]: _.gte(period.start).and(_.lt(period.end)) });
  const [activities, tasks, seats, deliveries] = await Promise.all([
    byId<Pick<ActivityDoc, '_id' | 'title' | 'type' | 'endAt' | 'status' | 'leaveIds' | 'training'>>(() =>
      db
        .collection(COLLECTIONS.activities)
        // A meeting counts in the Beijing month it starts, as in the branch-month counters: one
        // starting at 23:30 on 30 April and ending after midnight is April's.
        .where({ expectedIds: me, ...inPeriod('startAt') })
        .field({ _id: true, title: true, type: true, endAt: true, status: true, leaveIds: true, training: true })
        .orderBy('startAt', 'asc'),
    ),
    byId<Pick<StudyTaskDoc, '_id' | 'doneIds' | 'lateIds'>>(() =>
      db
        .collection(COLLECTIONS.studyTasks)
        .where({ expectedIds: me, ...inPeriod('dueAt') })
        .field({ _id: true, doneIds: true, lateIds: true })
        .orderBy('dueAt', 'asc'),
    ),
    byId<Pick<QuizSeatDoc, '_id' | 'openAt' | 'submitted' | 'passed'>>(() =>
      db
        .collection(COLLECTIONS.quizSeats)
        .where({ memberId: me, closeAt: _.gte(period.start), publishing: _.neq(true) })
        .field({ _id: true, openAt: true, submitted: true, passed: true })
        .orderBy('closeAt', 'asc'),
    ),
    byId<Pick<NoticeBranchDoc, '_id' | 'noticeId' | 'status'>>(() =>
      db
        .collection(COLLECTIONS.noticeBranches)
        .where({ audienceIds: me, pinned: _.in([true, false]), ...inPeriod('publishedAt') })
        .field({ _id: true, noticeId: true, status: true })
        .orderBy('publishedAt', 'asc'),
    ),
  ]);
  // A bureau training's check-in is in the training register, not the member's meeting attendance.
  const held = activities.filter((a) => !a.training && isHeld(a, now));
  const notices = deliveries.filter((d) => d.status === 'published');
  const [checkins, receipts] = await Promise.all([
    held.length
      ? getDocs<Pick<CheckinDoc, 'activityId' | 'state'>>(
          db
            .collection(COLLECTIONS.checkins)
            .where({ _id: _.in(held.map((a) => `${a._id}_${me}`)) })
            .field({ activityId: true, state: true })
            .limit(held.length),
        )
      : [],
    notices.length
      ? getDocs<Pick<NoticeReceiptDoc, 'noticeId'>>(
          db
            .collection(COLLECTIONS.noticeReceipts)
            .where({ _id: _.in(notices.map((n) => `${n.noticeId}_${me}`)) })
            .field({ noticeId: true })
            .limit(notices.length),
        )
      : [],
  ]);
  const present = new Set(checkins.filter((c) => c.state === 'present').map((c) => c.activityId));
  const rows = held.map((a) => ({
    activityId: a._id,
    title: a.title,
    type: a.type,
    endAt: new Date(a.endAt).toISOString(),
    state: present.has(a._id)
      ? ('present' as const)
      : a.leaveIds.includes(me)
        ? ('leave' as const)
        : ('absent' as const),
  }));
  const opened = seats.filter((s) => {
    const t = new Date(s.openAt).getTime();
    return t >= period.start.getTime() && t < period.end.getTime();
  });
  return {
    period: period.key,
    memberId: subject.id,
    name: subject.name,
    attendance: {
      expected: rows.length,
      present: rows.filter((r) => r.state === 'present').length,
      leave: rows.filter((r) => r.state === 'leave').length,
      activities: rows.reverse(),
    },
    study: {
      expected: tasks.length,
      done: tasks.filter((t) => t.doneIds.includes(me)).length,
      late: tasks.filter((t) => t.lateIds.includes(me)).length,
    },
    quizzes: {
      expected: opened.length,
      taken: opened.filter((s) => s.submitted > 0).length,
      passed: opened.filter((s) => s.passed).length,
    },
    notices: { expected: notices.length, read: receipts.length },
  };
}
