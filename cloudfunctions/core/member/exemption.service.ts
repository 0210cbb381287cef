import {
  COLLECTIONS,
  EXEMPTION_REASON_NAMES,
  type Exemption,
  type ExemptionDoc,
  type ExemptionList,
  type MemberDoc,
  type addExemptionInput,
  type endExemptionInput,
} from '@zhibu/types';
import type { z } from 'zod';
import { joinComingActivities } from '../activity/join';
import { withdrawFromActivities } from '../activity/withdraw';
import { audit } from '../org/audit';
import { failedPrecondition, forbidden, notFound } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { getDoc, getDocs } from '../runtime/documents';
import { timeOrderedId } from '../runtime/ids';
import { beijingDate } from '../runtime/time';
import { runTransaction, txGet } from '../runtime/transaction';
import { covers, latestExemptionsOf } from './exempt-at';
import { memberRepository } from './member.repository';
import { isAdmin, rankOf, visibilityOf } from './policy';
import type { Session } from './session';

/**
 * 免于参加组织生活. They live with the member records (the roster's member page shows and manages
 * them) rather than in stats: an exemption changes who is expected at meetings (应到), which the
 * activity audience reads when a meeting is created or its audience changes.
 */

const dayStart = (date: string) => new Date(`${date}T00:00:00+08:00`);
/** 24:00 Beijing time on `date`: the first instant it no longer covers. */
const dayEnd = (date: string) => new Date(dayStart(date).getTime() + 24 * 3600_000);

/** Approving and ending exemptions is the branch secretary's (rank ≥ secretary) or the bureau's. */
const mayApprove = (s: Session, branchId: string) =>
  isAdmin(s) || (s.member.branchId === branchId && rankOf(s.member.roles) >= rankOf(['secretary']));

async function memberInView(session: Session, memberId: string): Promise<MemberDoc> {
  const member = await memberRepository.member(memberId);
  // Another branch's member answers like a missing one.
  if (!member || visibilityOf(session, member) === 'none') throw notFound('没有找到该党员');
  return member;
}

function toView(doc: ExemptionDoc, now = new Date()): Exemption {
  const t = now.getTime();
  return {
    exemptionId: doc._id,
    memberId: doc.memberId,
    memberName: doc.memberName,
    reason: doc.reason,
    reasonName: EXEMPTION_REASON_NAMES[doc.reason],
    note: doc.note,
    from: doc.from,
    to: doc.to,
    status: doc.status,
    approvedByName: doc.approvedByName,
    approvedAt: new Date(doc.approvedAt).toISOString(),
    endedAt: doc.endedAt ? new Date(doc.endedAt).toISOString() : null,
    current: doc.status === 'active' && new Date(doc.fromAt).getTime() <= t && new Date(doc.toAt).getTime() > t,
  };
}

/** A member's exemptions, newest first: the member themselves, their branch committee, the bureau. */
export async function listExemptions(session: Session, memberId: string): Promise<ExemptionList> {
  const member = await memberInView(session, memberId);
  const own = member._id === session.member._id;
  if (!own && visibilityOf(session, member) !== 'full') throw forbidden('只有本人和支部委员可以查看');
  const db = database();
  const docs = await getDocs<ExemptionDoc>(
    db.collection(COLLECTIONS.exemptions).where({ memberId }).orderBy('_id', 'desc').limit(50),
  );
  return { items: docs.map((d) => toView(d)), canManage: mayApprove(session, member.branchId) };
}

/**
 * Approves an exemption, with its audit entry, in one transaction; then the member is taken off the
 * branch's meetings still to start inside it (their 应到 follows, see activity/withdraw.ts). That
 * second step is re-runnable and, if it stops, what it missed is what the secretary sees on the
 * meeting's list; the expected counters follow each withdrawal.
 */
export async function addExemption(session: Session, input: z.infer<typeof addExemptionInput>): Promise<Exemption> {
  const member = await memberInView(session, input.memberId);
  if (!mayApprove(session, member.branchId)) throw forbidden('只有支部书记或局党委管理员可以审批免于参加组织生活');
  if (!member.active) throw failedPrecondition('该党员已调出或停用');
  const at = new Date();
  const doc: ExemptionDoc = {
    _id: timeOrderedId('ex', at),
    memberId: member._id,
    memberName: member.name,
    branchId: member.branchId,
    reason: input.reason,
    note: input.note?.length ? input.note : null,
    from: input.from,
    to: input.to,
    fromAt: dayStart(input.from),
    toAt: dayEnd(input.to),
    status: 'active',
    approvedBy: session.member._id,
    approvedByName: session.member.name,
    approvedAt: at,
    endedAt: null,
    endedBy: null,
  };
  if (doc.toAt.getTime() <= at.getTime()) throw failedPrecondition('结束日期已过，无需再办理免于参加组织生活');
  const { _id, ...data } = doc;
  await runTransaction(async (tx) => {
    await tx.collection(COLLECTIONS.exemptions).doc(_id).set({ data });
    await audit(
      tx,
      session,
      {
        action: 'member.addExemption',
        targetType: 'member',
        targetId: member._id,
        targetName: member.name,
        branchId: member.branchId,
        before: null,
        after: {
          exemptionId: _id,
          reason: EXEMPTION_REASON_NAMES[doc.reason],
          note: doc.note,
          from: doc.from,
          to: doc.to,
        },
      },
      at,
    );
  });
  // Meetings that have started keep the member as history; those still to start inside it do not.
  const from = new Date(Math.max(doc.fromAt.getTime(), at.getTime()));
  await withdrawFromActivities(member._id, from, doc.toAt, member.branchId);
  return toView(doc, at);
}

/**
 * Ends an exemption early (its last day moves to `lastDay`, today by default) or, before it began,
 * revokes it; audited in one transaction. Then the member joins again the branch's meetings still to
 * start in the days it no longer covers, where the audience takes them in (the whole branch, their
 * committee or party group; see activity/join.ts) — re-runnable, as withdrawal was.
 */
export async function endExemption(session: Session, input: z.infer<typeof endExemptionInput>): Promise<Exemption> {
  const found = await getDoc<ExemptionDoc>(COLLECTIONS.exemptions, input.exemptionId);
  // Another branch's record answers like a missing one; a member of the branch is refused.
  if (!found || visibilityOf(session, { _id: found.memberId, branchId: found.branchId }) === 'none') {
    throw notFound('没有找到该记录');
  }
  if (!mayApprove(session, found.branchId)) throw forbidden('只有支部书记或局党委管理员可以结束免于参加组织生活');
  const at = new Date();
  const lastDay = input.lastDay ?? beijingDate(at);
  const updated = await runTransaction(async (tx) => {
    const current = await txGet<ExemptionDoc>(tx, COLLECTIONS.exemptions, found._id);
    if (!current || current.status !== 'active') throw failedPrecondition('该记录已结束或已撤销');
    if (lastDay > current.to) throw failedPrecondition('结束日期不能晚于原定的结束日期');
    const revoked = lastDay < current.from;
    const change: Partial<ExemptionDoc> = revoked
      ? { status: 'revoked', endedAt: at, endedBy: session.member._id }
      : { status: 'ended', to: lastDay, toAt: dayEnd(lastDay), endedAt: at, endedBy: session.member._id };
    await tx.collection(COLLECTIONS.exemptions).doc(current._id).update({ data: change });
    await audit(
      tx,
      session,
      {
        action: revoked ? 'member.revokeExemption' : 'member.endExemption',
        targetType: 'member',
        targetId: current.memberId,
        targetName: current.memberName,
        branchId: current.branchId,
        before: { exemptionId: current._id, from: current.from, to: current.to, status: current.status },
        after: {
          exemptionId: current._id,
          to: change.to ?? current.to,
          status: change.status,
          reason: input.reason ?? null,
        },
      },
      at,
    );
    return { ...current, ...change } as ExemptionDoc;
  });
  const member = await memberRepository.member(updated.memberId);
  if (member?.active && member.branchId === updated.branchId) {
    const freedFrom = new Date(Math.max(new Date(updated.toAt).getTime(), at.getTime()));
    await joinComingActivities(member, freedFrom, new Date(found.toAt));
  }
  return toView(updated, at);
}

/** The member's exemption covering `at`, if any: one read of their few latest records. */
export async function exemptionOf(memberId: string, at: Date): Promise<Exemption | null> {
  const found = (await latestExemptionsOf(memberId)).find((d) => covers(d, at));
  return found ? toView(found, at) : null;
}
