import {
  COLLECTIONS,
  type BranchDoc,
  type MemberDoc,
  type Role,
  type TransferDoc,
  type TransferItem,
} from '@zhibu/types';
import type { Session } from '../member/session';
import { audit } from '../org/audit';
import { failedPrecondition } from '../runtime/app-error';
import { runTransaction, txGet, type Transaction } from '../runtime/transaction';
import { decidableTransfer } from './access';
import { followMember } from './follow';
import { itemOf } from './read.service';

const DECIDED = '该转接已经办理完毕，请刷新后查看';

async function pendingInTx(tx: Transaction, transferId: string): Promise<TransferDoc> {
  const current = await txGet<TransferDoc>(tx, COLLECTIONS.transfers, transferId);
  if (!current || current.status !== 'pending') throw failedPrecondition(DECIDED);
  return current;
}

/** Branch roles stay with the branch; the bureau's admin role goes with the person. */
const carriedRoles = (roles: readonly Role[]): Role[] => roles.filter((r) => r === 'member' || r === 'admin');

/**
 * 接收. The move itself is one transaction on the transfer and the member (and an open candidacy,
 * whose file moves with them): two secretaries accepting at once both write the transfer document,
 * CloudBase commits one, and the other's re-run finds it decided — one move. The member's branch
 * history gains the new branch, so statistics count them where they were at the time.
 */
export async function acceptTransfer(session: Session, transferId: string, now = new Date()): Promise<TransferItem> {
  const read = await decidableTransfer(session, transferId);
  if (read.status !== 'pending') throw failedPrecondition(DECIDED);
  const decided = await runTransaction(async (tx) => {
    const transfer = await pendingInTx(tx, transferId);
    const toBranchId = transfer.toBranchId!;
    const member = await txGet<MemberDoc>(tx, COLLECTIONS.members, transfer.memberId);
    if (!member?.active || member.transferId !== transfer._id || member.branchId !== transfer.fromBranchId) {
      throw failedPrecondition('该党员的档案已发生变化（已调出、停用或所在支部已变更），请退回此转接');
    }
    const to = await txGet<BranchDoc>(tx, COLLECTIONS.branches, toBranchId);
    if (!to?.active) throw failedPrecondition('接收支部已合并或撤销，请退回此转接');
    const decision = {
      status: 'accepted' as const,
      open: false,
      decidedAt: now,
      decidedBy: session.member._id,
      decidedByName: session.member.name,
      followedAt: null,
    };
    await tx.collection(COLLECTIONS.transfers).doc(transferId).update({ data: decision });
    const roles = carriedRoles(member.roles);
    await tx
      .collection(COLLECTIONS.members)
      .doc(member._id)
      .update({
        data: {
          branchId: toBranchId,
          partyGroupId: null,
          roles,
          transferId: null,
          branchHistory: [...member.branchHistory, { branchId: toBranchId, from: now }],
        },
      });
    if (member.candidacyId) {
      await tx
        .collection(COLLECTIONS.developmentCandidates)
        .doc(member.candidacyId)
        .update({ data: { branchId: toBranchId, updatedAt: now } });
    }
    await audit(
      tx,
      session,
      {
        action: 'transfer.accept',
        targetType: 'member',
        targetId: member._id,
        targetName: member.name,
        branchId: toBranchId,
        before: { transferId, branchId: member.branchId, partyGroupId: member.partyGroupId, roles: member.roles },
        after: { branchId: toBranchId, partyGroupId: null, roles },
      },
      now,
    );
    return { ...transfer, ...decision };
  });
  // Re-runnable follow-up, repaired by the hourly job if the function stops before it (follow.ts).
  await followMember(decided);
  return itemOf(session, decided, now);
}

/** 退回 with a reason: one transaction on the transfer and the member's hold on it. */
export async function returnTransfer(
  session: Session,
  input: { transferId: string; reason: string },
  now = new Date(),
): Promise<TransferItem> {
  const read = await decidableTransfer(session, input.transferId);
  if (read.status !== 'pending') throw failedPrecondition(DECIDED);
  const decided = await runTransaction(async (tx) => {
    const transfer = await pendingInTx(tx, input.transferId);
    const member = await txGet<MemberDoc>(tx, COLLECTIONS.members, transfer.memberId);
    const decision = {
      status: 'returned' as const,
      open: false,
      decidedAt: now,
      decidedBy: session.member._id,
      decidedByName: session.member.name,
      reason: input.reason,
    };
    await tx.collection(COLLECTIONS.transfers).doc(transfer._id).update({ data: decision });
    if (member?.transferId === transfer._id) {
      await tx
        .collection(COLLECTIONS.members)
        .doc(member._id)
        .update({ data: { transferId: null } });
    }
    await audit(
      tx,
      session,
      {
        action: 'transfer.return',
        targetType: 'member',
        targetId: transfer.memberId,
        targetName: transfer.memberName,
        branchId: transfer.fromBranchId ?? transfer.toBranchId!,
        before: { transferId: transfer._id, status: 'pending' },
        after: { status: 'returned', reason: input.reason },
      },
      now,
    );
    return { ...transfer, ...decision };
  });
  return itemOf(session, decided, now);
}
