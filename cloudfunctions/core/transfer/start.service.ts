import {
  COLLECTIONS,
  TRANSFERRED_OUT,
  type BranchDoc,
  type DevelopmentCandidateDoc,
  type MemberDoc,
  type ReceiveTransferInput,
  type StartTransferInput,
  type TransferDoc,
} from '@zhibu/types';
import { withdrawFromActivities } from '../activity/withdraw';
import { adminCandidates, keepOneAdmin } from '../member/admin-guard';
import { newMemberDoc } from '../member/member-doc';
import { activeBranchOrFail, memberRepository } from '../member/member.repository';
import { canManageBranch, requireMayManagePerson, visibilityOf } from '../member/policy';
import type { Session } from '../member/session';
import { audit } from '../org/audit';
import { conflict, failedPrecondition, invalidArgument, notFound } from '../runtime/app-error';
import { timeOrderedId } from '../runtime/ids';
import { beijingDate } from '../runtime/time';
import { runTransaction, txGet, type Transaction } from '../runtime/transaction';
import { requireSomeManager } from './access';

/** Beijing midnight of a date: the moment a transfer dated that day takes effect. */
export const beijingMidnight = (date: string) => new Date(`${date}T00:00:00+08:00`);

const OPEN_TRANSFER = '该党员已有一项未办结的组织关系转接，请等待接收或退回后再办理';
/** The fields that release a member's WeChat binding and void any invite still out for them. */
const RELEASED = { openid: null, boundAt: null, inviteCode: null } as const;

function checkDate(date: string, today: string): void {
  if (date > today) throw invalidArgument('转接日期不能晚于今天');
}

/**
 * 转出: within the bureau it opens a transfer the receiving branch decides on; out of the bureau it
 * takes effect at once. Either way the member record is re-read inside the transaction and carries
 * the open transfer's id, so two starts at once make one transfer.
 */
export async function startTransfer(
  session: Session,
  input: StartTransferInput,
  now = new Date(),
): Promise<{ transferId: string }> {
  requireSomeManager(session);
  const member = await memberRepository.member(input.memberId);
  // Another branch's member answers like a missing one, so ids cannot be probed.
  if (!member || visibilityOf(session, member) === 'none') throw notFound('没有找到该党员');
  requireMayManagePerson(session, member);
  if (member._id === session.member._id) {
    throw failedPrecondition('不能为自己办理组织关系转接，请联系局党委管理员');
  }
  if (!member.active) throw failedPrecondition('该党员已调出或停用');
  if (member.transferId) throw conflict(OPEN_TRANSFER);
  if (input.toBranchId !== undefined) {
    if (input.toBranchId === member.branchId) throw invalidArgument('转入支部不能是该党员现在所在的支部');
    const to = await activeBranchOrFail(input.toBranchId);
    return { transferId: await startWithin(session, member, to, now) };
  }
  if (!input.outside) throw invalidArgument('请选择转入的支部，或填写转出局外的信息');
  checkDate(input.outside.date, beijingDate(now));
  return { transferId: await transferOut(session, member, input.outside, now) };
}

/** Reads the member inside the transaction and checks that nothing changed that forbids a transfer. */
async function memberInTx(tx: Transaction, session: Session, read: MemberDoc): Promise<MemberDoc> {
  const current = await txGet<MemberDoc>(tx, COLLECTIONS.members, read._id);
  if (!current?.active || current.branchId !== read.branchId) throw failedPrecondition('该党员已调出或停用');
  if (current.transferId) throw conflict(OPEN_TRANSFER);
  requireMayManagePerson(session, current);
  return current;
}

function newTransfer(
  session: Session,
  member: MemberDoc,
  fields: Pick<TransferDoc, 'kind' | 'status' | 'fromBranchId' | 'toBranchId' | 'place' | 'letterNo' | 'date'>,
  now: Date,
): TransferDoc {
  const open = fields.status === 'pending';
  return {
    _id: timeOrderedId('tr', now),
    ...fields,
    open,
    memberId: member._id,
    memberName: member.name,
    memberStatus: member.status,
    branchIds: [fields.fromBranchId, fields.toBranchId].filter((id): id is string => id !== null),
    startedAt: now,
    startedBy: session.member._id,
    startedByName: session.member.name,
    decidedAt: open ? null : now,
    decidedBy: open ? null : session.member._id,
    decidedByName: open ? null : session.member.name,
    reason: null,
  };
}

async function startWithin(session: Session, member: MemberDoc, to: BranchDoc, now: Date): Promise<string> {
  const transfer = newTransfer(
    session,
    member,
    {
      kind: 'within',
      status: 'pending',
      fromBranchId: member.branchId,
      toBranchId: to._id,
      place: null,
      letterNo: null,
      date: null,
    },
    now,
  );
  const { _id, ...data } = transfer;
  // One transaction: the transfer, the member's hold on it and the audit entry land together. A
  // second start meanwhile writes the same member document, so one of the two is refused.
  await runTransaction(async (tx) => {
    await memberInTx(tx, session, member);
    await tx.collection(COLLECTIONS.transfers).doc(_id).set({ data });
    await tx
      .collection(COLLECTIONS.members)
      .doc(member._id)
      .update({ data: { transferId: _id } });
    await audit(
      tx,
      session,
      {
        action: 'transfer.start',
        targetType: 'member',
        targetId: member._id,
        targetName: member.name,
        branchId: member.branchId,
        before: null,
        after: { transferId: _id, fromBranchId: member.branchId, toBranchId: to._id, toBranchName: to.name },
      },
      now,
    );
  });
  return _id;
}

async function transferOut(
  session: Session,
  member: MemberDoc,
  outside: NonNullable<StartTransferInput['outside']>,
  now: Date,
): Promise<string> {
  const leftAt = beijingMidnight(outside.date);
  const transfer = newTransfer(
    session,
    member,
    {
      kind: 'out',
      status: 'out',
      fromBranchId: member.branchId,
      toBranchId: null,
      place: outside.destination,
      letterNo: outside.letterNo,
      date: outside.date,
    },
    now,
  );
  const { _id, ...data } = transfer;
  const admins = await adminCandidates();
  // One transaction: the member leaves the roster as 已转出 (their record and history stay, readable
  // to the bureau), their WeChat binding is released, an open candidacy is closed, the transfer and
  // its audit entry are written — or none of it.
  await runTransaction(async (tx) => {
    const current = await memberInTx(tx, session, member);
    const change = {
      active: false,
      status: TRANSFERRED_OUT,
      leftAt,
      leftReason: 'transfer_out',
      candidacyId: null,
      ...RELEASED,
    };
    await keepOneAdmin(tx, admins, current, { ...current, ...change });
    await tx.collection(COLLECTIONS.members).doc(member._id).update({ data: change });
    if (current.openid) await tx.collection(COLLECTIONS.bindings).doc(current.openid).remove();
    if (current.candidacyId) await closeCandidacy(tx, current.candidacyId, now);
    await tx.collection(COLLECTIONS.transfers).doc(_id).set({ data });
    await audit(
      tx,
      session,
      {
        action: 'transfer.out',
        targetType: 'member',
        targetId: member._id,
        targetName: member.name,
        branchId: member.branchId,
        before: { status: current.status, active: true },
        after: {
          transferId: _id,
          status: TRANSFERRED_OUT,
          active: false,
          ...outside,
          candidacyClosed: !!current.candidacyId,
        },
      },
      now,
    );
  });
  // Second step, re-runnable (only activities still expecting the member change): the member stops
  // counting in 应到 from the transfer date on. If the function stops before it, the hourly job's
  // withdrawals (member/leavers.ts) finish it for a transfer dated within its look-back.
  await withdrawFromActivities(member._id, leftAt);
  return _id;
}

/** A candidate who leaves the bureau takes their file with them: the candidacy is closed, nothing deleted. */
async function closeCandidacy(tx: Transaction, candidacyId: string, now: Date): Promise<void> {
  const candidacy = await txGet<DevelopmentCandidateDoc>(tx, COLLECTIONS.developmentCandidates, candidacyId);
  if (!candidacy?.open) return;
  await tx
    .collection(COLLECTIONS.developmentCandidates)
    .doc(candidacyId)
    .update({ data: { open: false, nextDue: null, updatedAt: now } });
}

/**
 * 转入 from outside the bureau: the member is created in the receiving branch from the 介绍信, with
 * the transfer that records where they came from, in one transaction. The invite flow follows
 * (member.createInvite), as for any new member.
 */
export async function receiveTransfer(
  session: Session,
  input: ReceiveTransferInput,
  now = new Date(),
): Promise<{ transferId: string; memberId: string }> {
  requireSomeManager(session);
  const branchId = input.branchId ?? session.member.branchId;
  if (!canManageBranch(session, branchId)) throw notFound('没有找到该支部');
  const branch = await activeBranchOrFail(branchId);
  if (input.member.partyGroupId && !branch.partyGroups.some((g) => g.id === input.member.partyGroupId)) {
    throw invalidArgument('所选党小组不属于该支部');
  }
  checkDate(input.date, beijingDate(now));
  const member = newMemberDoc(branchId, input.member, now);
  const transfer = newTransfer(
    session,
    member,
    {
      kind: 'in',
      status: 'in',
      fromBranchId: null,
      toBranchId: branchId,
      place: input.origin,
      letterNo: input.letterNo,
      date: input.date,
    },
    now,
  );
  const { _id: memberId, ...memberData } = member;
  const { _id: transferId, ...transferData } = transfer;
  await runTransaction(async (tx) => {
    await tx.collection(COLLECTIONS.members).doc(memberId).set({ data: memberData });
    await tx.collection(COLLECTIONS.transfers).doc(transferId).set({ data: transferData });
    await audit(
      tx,
      session,
      {
        action: 'transfer.receive',
        targetType: 'member',
        targetId: memberId,
        targetName: member.name,
        branchId,
        before: null,
        after: { transferId, origin: input.origin, letterNo: input.letterNo, date: input.date, ...input.member },
      },
      now,
    );
  });
  return { transferId, memberId };
}
