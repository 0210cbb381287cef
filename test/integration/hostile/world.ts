import cloud from 'wx-server-sdk';
import { COLLECTIONS, INVITE_ALPHABET, INVITE_CODE_LENGTH, type InviteDoc, type Result } from '@zhibu/types';
import { issueToken } from '../../../cloudfunctions/core/activity/checkin-token';
import { createActivity, endedAgo, happeningNow, startingIn } from '../../support/activities';
import type { Fixture } from '../../support/fixture';
import { DEMO } from '../../support/runtime';

/** Demo people beyond the fixture's callers, by the WeChat user they are bound to. */
export const PEOPLE = {
  /** 李秀英: on branch A's committee, not its secretary. */
  committeeA: { memberId: 'b-qhyz-02', openid: 'demo_b-qhyz-02' },
  /** 陈静: a plain member of A, beside memberA. */
  memberA2: { memberId: 'b-qhyz-05', openid: 'demo_b-qhyz-05' },
  /** 郭文斌: on branch B's committee. */
  committeeB: { memberId: 'b-sybx-02', openid: 'demo_b-sybx-02' },
  /** 唐秀芳: a member of B who has not bound WeChat. */
  unboundB: { memberId: 'b-sybx-11' },
  /** 贾志刚: secretary of the bureau office branch, where both bureau admins are members. */
  secretaryOffice: { memberId: 'b-jgzb-01', openid: 'demo_b-jgzb-01' },
  /** 魏晓东: the second bureau admin. */
  admin2: { memberId: 'b-jgzb-03', openid: 'demo_b-jgzb-03' },
} as const;

/** An id of the right shape that names nothing. */
export const MISSING = 'zz-no-such-record-404';

export interface BranchActivities {
  /** Check-in window open now. */
  now: string;
  /** Two hours ahead: leave can still be asked for. */
  later: string;
  /** Ended three hours ago: check-in closed. */
  ended: string;
  /** Was two hours ahead, then cancelled by the secretary. */
  cancelled: string;
}

export interface World {
  a: BranchActivities & { committee: string };
  b: BranchActivities;
  /** Every activity id above, of branch A then B. */
  allA: string[];
  allB: string[];
  /** An unused invite code for B's unbound member, made by B's secretary. */
  inviteB: string;
}

export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.code}: ${result.message}`);
  return result.data;
}

async function activitiesOf(fx: Fixture, secretary: string): Promise<BranchActivities> {
  const now = await createActivity(fx, secretary, happeningNow());
  const later = await createActivity(fx, secretary, startingIn(120));
  const ended = await createActivity(fx, secretary, endedAgo(180));
  const cancelled = await createActivity(fx, secretary, startingIn(120, { title: '已取消的支部党员大会' }));
  expectOk(await fx.call(secretary, 'activity', 'cancel', { activityId: cancelled, reason: '与期中考试冲突' }));
  return { now, later, ended, cancelled };
}

/**
 * Records of two branches in every state a hostile caller might aim at: open, upcoming, ended,
 * cancelled and committee-only activities, a pending leave and a check-in of somebody else, and a
 * live invite. Built once per test file on top of the demo seed.
 */
export async function buildWorld(fx: Fixture): Promise<World> {
  const a = await activitiesOf(fx, 'secretaryA');
  const committee = await createActivity(fx, 'secretaryA', {
    ...startingIn(60 * 24, { title: '支委会：研究发展党员工作', type: 'committee' }),
    audience: { kind: 'committee' },
  });
  expectOk(
    await fx.call('secretaryA', 'activity', 'saveMinutes', {
      activityId: a.ended,
      text: '会议传达学习了上级文件精神，讨论了下学期支部工作安排。',
      photos: [],
    }),
  );
  const b = await activitiesOf(fx, 'secretaryB');
  // Somebody else's records: memberA2's leave and check-in in A, memberB's leave in B.
  expectOk(
    await fx.call(PEOPLE.memberA2.openid, 'activity', 'requestLeave', { activityId: a.later, reason: '外出培训学习' }),
  );
  expectOk(await fx.call(PEOPLE.memberA2.openid, 'activity', 'checkin', { token: genuineToken(a.now) }));
  expectOk(await fx.call('memberB', 'activity', 'requestLeave', { activityId: b.later, reason: '带学生参加比赛' }));
  const invite = await anInvite(PEOPLE.unboundB.memberId, DEMO.secretaryB.branchId, DEMO.secretaryB.memberId);
  return {
    a: { ...a, committee },
    b,
    allA: [a.now, a.later, a.ended, a.cancelled, committee],
    allB: [b.now, b.later, b.ended, b.cancelled],
    inviteB: invite,
  };
}

let inviteSequence = 0;

/**
 * A live invite written straight into the database, as `member.createInvite` would write it (the
 * action itself draws a QR code, which takes seconds locally).
 */
export async function anInvite(memberId: string, branchId: string, createdBy: string): Promise<string> {
  let n = ++inviteSequence;
  let code = '';
  for (let i = 0; i < INVITE_CODE_LENGTH - 2; i++, n = Math.floor(n / 32)) code = INVITE_ALPHABET[n % 32]! + code;
  code = `HQ${code}`;
  const invite: InviteDoc = {
    _id: code,
    memberId,
    branchId,
    createdBy,
    createdAt: new Date(),
    expiresAt: new Date(Date.now() + 7 * 24 * 3600_000),
    usedAt: null,
    usedBy: null,
  };
  await cloud.database().collection(COLLECTIONS.invites).add({ data: invite });
  return code;
}

/** A genuine token for any activity id, as the secretary's screen would show it now. */
export function genuineToken(activityId: string): string {
  return issueToken(activityId, process.env.CHECKIN_SECRET!, Date.now()).token;
}

export const CALLER_BRANCH = {
  memberA: DEMO.memberA.branchId,
  secretaryA: DEMO.secretaryA.branchId,
  memberB: DEMO.memberB.branchId,
  secretaryB: DEMO.secretaryB.branchId,
} as const;
