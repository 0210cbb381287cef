import {
  COLLECTIONS,
  INVITE_ALPHABET,
  INVITE_CODE_LENGTH,
  type BindingDoc,
  type InviteDoc,
  type LoginResult,
  type MemberDoc,
} from '@zhibu/types';
import { audit } from '../org/audit';
import { AppError, conflict, failedPrecondition, notFound } from '../runtime/app-error';
import { getDoc } from '../runtime/documents';
import { randomString } from '../runtime/ids';
import { returnAttempt, takeAttempt, type FailureRule } from '../runtime/failure-limit';
import { runTransaction, txGet, type Transaction } from '../runtime/transaction';
import { miniProgramCode } from '../runtime/wxacode';
import { memberRepository } from './member.repository';
import { describeLogin } from './member.service';
import { requireMayManagePerson, visibilityOf } from './policy';
import { loadSession, type Session } from './session';

export const BIND_PAGE = 'pages/bind/index';
const INVITE_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface InviteView {
  code: string;
  memberId: string;
  memberName: string;
  expiresAt: string;
  qrImage: string | null;
}

/**
 * A new invite for an unbound member. The member record names the one live code (`inviteCode`),
 * and the transaction that stores the code also writes it there: two invites created at once both
 * write the member, so CloudBase commits one and re-runs the other, and whichever commits last is
 * the only code that still binds. Every earlier code stops working at that moment.
 */
export async function createInvite(session: Session, memberId: string): Promise<InviteView> {
  const member = await memberRepository.member(memberId);
  if (!member || visibilityOf(session, member) === 'none') throw notFound('没有找到该党员');
  requireMayManagePerson(session, member);
  if (!member.active) throw failedPrecondition('该党员已调出或停用，不能生成邀请码');
  if (member.openid) throw failedPrecondition('该党员已绑定微信；如需换绑，请先解除绑定');

  const createdAt = new Date();
  const expiresAt = new Date(createdAt.getTime() + INVITE_DAYS * DAY_MS);
  for (let attempt = 0; ; attempt++) {
    const code = randomString(INVITE_CODE_LENGTH, INVITE_ALPHABET);
    const invite: Omit<InviteDoc, '_id'> = {
      memberId,
      branchId: member.branchId,
      createdBy: session.member._id,
      createdAt,
      expiresAt,
      usedAt: null,
      usedBy: null,
    };
    // A code already taken is simply drawn again; the invite and its audit entry land together.
    const created = await runTransaction(async (tx) => {
      if (await txGet(tx, COLLECTIONS.invites, code)) return false;
      const current = await txGet<MemberDoc>(tx, COLLECTIONS.members, memberId);
      if (!current?.active) throw failedPrecondition('该党员已调出或停用，不能生成邀请码');
      if (current.openid) throw failedPrecondition('该党员已绑定微信；如需换绑，请先解除绑定');
      requireMayManagePerson(session, current);
      await tx.collection(COLLECTIONS.invites).doc(code).set({ data: invite });
      await tx
        .collection(COLLECTIONS.members)
        .doc(memberId)
        .update({ data: { inviteCode: code } });
      await audit(tx, session, {
        action: 'member.createInvite',
        targetType: 'member',
        targetId: memberId,
        targetName: member.name,
        branchId: member.branchId,
        before: null,
        after: { expiresAt: expiresAt.toISOString() },
      });
      return true;
    });
    if (!created) {
      if (attempt < 3) continue;
      throw new Error('could not draw an unused invite code');
    }
    return {
      code,
      memberId,
      memberName: member.name,
      expiresAt: expiresAt.toISOString(),
      qrImage: await miniProgramCode(BIND_PAGE, code),
    };
  }
}

/**
 * A WeChat user already bound may not bind again, unless what they are bound to has left: a
 * binding to a deactivated (or vanished) record is released here, inside the bind's transaction,
 * so that person can be bound to their new record. (Deactivation releases bindings itself; this
 * covers records deactivated before it did.)
 */
async function releaseStaleBinding(tx: Transaction, openid: string): Promise<void> {
  const binding = await txGet<BindingDoc>(tx, COLLECTIONS.bindings, openid);
  if (!binding) return;
  const holder = await txGet<MemberDoc>(tx, COLLECTIONS.members, binding.memberId);
  if (holder?.active && holder.openid === openid) throw conflict('当前微信已绑定党员身份');
  if (holder && holder.openid === openid) {
    await tx
      .collection(COLLECTIONS.members)
      .doc(holder._id)
      .update({ data: { openid: null, boundAt: null, inviteCode: null } });
  }
  // The binding document itself is overwritten by the bind that follows.
}

/** Wrong codes a WeChat user may try per hour: enough for typos, far too few to guess a code. */
const bindFailures = (openid: string): FailureRule => ({
  id: `bind_${openid}`,
  max: 10,
  windowMs: 60 * 60 * 1000,
  message: '尝试次数过多，请一小时后再试或联系支部书记',
});

/**
 * Binds the calling WeChat user to the member an invite names. One transaction reads the invite,
 * the member and the caller's binding and writes all three, so two requests racing with one code
 * (or one WeChat user racing with two codes) end with exactly one binding.
 */
export async function bindWithInvite(openid: string, rawCode: string): Promise<LoginResult> {
  // A WeChat user already bound takes no attempt (a refusal writes nothing); the transaction
  // answers their second tap, and any other code gets the same conflict, so nothing is learnt.
  const bound = (await getDoc(COLLECTIONS.bindings, openid)) !== null;
  if (!bound) await takeAttempt(bindFailures(openid));
  const code = rawCode.toUpperCase();
  try {
    await runTransaction(async (tx) => {
      const invite = await txGet<InviteDoc>(tx, COLLECTIONS.invites, code);
      if (!invite) throw notFound('邀请码不存在，请核对后重新输入');
      // The same WeChat user tapping twice is answered as the success it already was.
      if (invite.usedAt && invite.usedBy === openid) return;
      if (invite.usedAt) throw failedPrecondition('该邀请码已被使用，请联系支部书记重新生成');
      if (new Date(invite.expiresAt).getTime() <= Date.now())
        throw failedPrecondition('该邀请码已过期，请联系支部书记重新生成');
      const member = await txGet<MemberDoc>(tx, COLLECTIONS.members, invite.memberId);
      if (!member?.active) throw failedPrecondition('该党员档案已停用，请联系支部书记');
      if (member.openid) throw conflict('该党员已绑定其他微信，请联系支部书记解除后再绑定');
      // A newer invite, or a bind or unbind since this one was made, leaves it stale.
      if (member.inviteCode !== code) {
        throw failedPrecondition('该邀请码已失效（已有更新的邀请码或绑定已变更），请联系支部书记获取最新邀请码');
      }
      await releaseStaleBinding(tx, openid);

      const now = new Date();
      await tx
        .collection(COLLECTIONS.invites)
        .doc(code)
        .update({ data: { usedAt: now, usedBy: openid } });
      await tx
        .collection(COLLECTIONS.members)
        .doc(member._id)
        .update({ data: { openid, boundAt: now, inviteCode: null } });
      await tx
        .collection(COLLECTIONS.bindings)
        .doc(openid)
        .set({ data: { memberId: member._id, createdAt: now } });
      const self: Session = { openid, member: { ...member, openid, boundAt: now } };
      await audit(tx, self, {
        action: 'member.bind',
        targetType: 'member',
        targetId: member._id,
        targetName: member.name,
        branchId: member.branchId,
        before: { bound: false },
        after: { bound: true, invite: code },
      });
    });
  } catch (error) {
    if (bound) throw error instanceof AppError ? conflict('当前微信已绑定党员身份') : error;
    // Only a wrong, used or expired code keeps its attempt counted.
    if (!(error instanceof AppError && (error.code === 'NOT_FOUND' || error.code === 'FAILED_PRECONDITION'))) {
      await returnAttempt(bindFailures(openid));
    }
    throw error;
  }
  if (!bound) await returnAttempt(bindFailures(openid));
  return describeLogin(await loadSession(openid));
}
