import { COLLECTIONS, type ActivityDoc, type CheckinDoc } from '@zhibu/types';
import { canSee, isCommitteeOnly, managedActivity } from './access';
import type { Session } from '../member/session';
import { AppError, failedPrecondition, forbidden, notFound } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { isDuplicateKeyError } from '../runtime/db-errors';
import { takeAttempt, type FailureRule } from '../runtime/failure-limit';
import { miniProgramCode } from '../runtime/wxacode';
import { activityOrFail, attendanceId, checkinOf } from './activity.repository';
import { checkinSecret, issueToken, SLOT_SECONDS, verifyToken, type TokenCheck } from './checkin-token';
import { bump, countersOf } from './counters';
import { checkinWindowState } from './window';
import { recordTrainingScan } from '../training/attendance-sync';
import { countDocs } from '../runtime/documents';

export const CHECKIN_PAGE = 'pages/checkin/index';

/** The rotating code for the secretary's screen, with the live head count beside it. */
export async function checkinCode(session: Session, activityId: string) {
  const activity = await managedActivity(session, activityId);
  if (activity.status === 'cancelled') throw failedPrecondition('活动已取消');
  const window = checkinWindowState(activity, Date.now());
  if (window === 'early') throw failedPrecondition('签到尚未开始：活动开始前 30 分钟开放签到');
  if (window === 'closed') throw failedPrecondition('签到已结束：活动结束 30 分钟后关闭签到');
  const now = Date.now();
  const { token, expiresAt } = issueToken(activity._id, checkinSecret(), now);
  const [qrImage, counters, trained] = await Promise.all([
    miniProgramCode(CHECKIN_PAGE, token),
    countersOf([activity]),
    // A training's check-in has no branch counters (training.service openCheckin): count its records.
    activity.training
      ? countDocs(database().collection(COLLECTIONS.checkins).where({ activityId: activity._id, state: 'present' }))
      : null,
  ]);
  const counter =
    trained === null ? counters.get(activity._id) : { expected: activity.expectedIds.length, present: trained };
  return {
    token,
    expiresAt: expiresAt.toISOString(),
    serverTime: new Date(now).toISOString(),
    slotSeconds: SLOT_SECONDS,
    qrImage,
    expected: counter?.expected ?? activity.expectedIds.length,
    present: counter?.present ?? 0,
  };
}

const TOKEN_MESSAGES: Record<Exclude<TokenCheck, { ok: true }>['reason'], AppError> = {
  malformed: new AppError('INVALID_ARGUMENT', '签到码无效，请扫描活动现场的签到二维码'),
  forged: new AppError('FAILED_PRECONDITION', '签到码无效，请扫描活动现场的签到二维码'),
  expired: new AppError('FAILED_PRECONDITION', '签到码已过期，请扫描屏幕上最新的二维码'),
};

/** Wrong tokens a member may send in ten minutes before being asked to wait. */
const wrongTokens = (memberId: string): FailureRule => ({
  id: `checkin_${memberId}`,
  max: 20,
  windowMs: 10 * 60 * 1000,
  message: '尝试次数过多，请稍后再扫码，或请支部书记手工签到',
});

function answer(activity: ActivityDoc, record: Pick<CheckinDoc, 'at'>, alreadyCheckedIn: boolean) {
  return {
    activityId: activity._id,
    title: activity.title,
    checkedInAt: new Date(record.at).toISOString(),
    alreadyCheckedIn,
  };
}

/**
 * A member checks in with the token from the secretary's screen. Four database operations on the
 * way to success — the session, the activity, the insert, the counter — and the insert's
 * deterministic `_id` makes the database itself refuse a second record for the same member.
 */
export async function checkIn(session: Session, token: string) {
  const now = Date.now();
  const check = verifyToken(token, checkinSecret(), now);
  if (!check.ok) {
    // Counted only when a token is wrong, so a genuine check-in never pays for the limit.
    await takeAttempt(wrongTokens(session.member._id));
    throw TOKEN_MESSAGES[check.reason];
  }
  const activity = await activityOrFail(check.activityId);
  // Someone who left the committee is still on an old 支委会's list, but the meeting is no longer
  // theirs to see, so it is not theirs to check in to either. (Another branch's ordinary meeting
  // answers FORBIDDEN below: the code on the screen already shows the meeting exists.)
  if (isCommitteeOnly(activity) && !canSee(session, activity)) throw notFound('没有找到该活动');
  const me = session.member._id;
  if (activity.status === 'cancelled') throw failedPrecondition('活动已取消');
  if (!activity.expectedIds.includes(me)) throw forbidden('您不在本次活动的应到名单中，如有疑问请联系支部书记');
  const window = checkinWindowState(activity, now);
  if (window === 'early') throw failedPrecondition('签到尚未开始：活动开始前 30 分钟开放签到');
  if (window === 'closed') throw failedPrecondition('签到已结束，如需补签请联系支部书记');

  const record: Omit<CheckinDoc, '_id'> = {
    activityId: activity._id,
    memberId: me,
    branchId: activity.branchId,
    state: 'present',
    source: 'scan',
    at: new Date(now),
    by: null,
  };
  try {
    await database()
      .collection(COLLECTIONS.checkins)
      .add({ data: { _id: attendanceId(activity._id, me), ...record } });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    // A training's scan is counted in the register again: a scan that stopped half-way is repaired.
    if (activity.training) await recordTrainingScan(activity.training, me);
    return alreadyThere(activity, me, now);
  }
  // A training counts in the training register, in place of any branch's meeting counters.
  if (activity.training) {
    await recordTrainingScan(activity.training, me);
    return answer(activity, record, false);
  }
  // An approved leave gives way to actual attendance.
  const onLeave = activity.leaveIds.includes(me);
  await bump(activity, onLeave ? { present: 1, leave: -1 } : { present: 1 });
  if (onLeave) {
    await database()
      .collection(COLLECTIONS.activities)
      .doc(activity._id)
      .update({ data: { leaveIds: database().command.pull(me) } });
  }
  return answer(activity, record, false);
}

/** A second scan, or a request racing the first: the record that exists is the answer. */
async function alreadyThere(activity: ActivityDoc, memberId: string, now: number) {
  const existing = await checkinOf(activity._id, memberId);
  if (!existing) throw new Error('duplicate check-in without a record');
  if (existing.state === 'present') return answer(activity, existing, true);
  // Marked absent by hand earlier, and now actually here: the scan wins.
  const result = (await database()
    .collection(COLLECTIONS.checkins)
    .where({ _id: existing._id, state: 'absent' })
    .update({ data: { state: 'present', source: 'scan', at: new Date(now), by: null } })) as {
    stats: { updated: number };
  };
  if (result.stats.updated > 0) await bump(activity, { present: 1 });
  return answer(activity, { at: new Date(now) }, result.stats.updated === 0);
}
