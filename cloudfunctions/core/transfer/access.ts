import { COLLECTIONS, type TransferDoc } from '@zhibu/types';
import { canManageBranch, isAdmin, isCommitteeOf } from '../member/policy';
import type { Session } from '../member/session';
import { forbidden, notFound } from '../runtime/app-error';
import { getDoc } from '../runtime/documents';

/** A management action needs a committee seat or the bureau; a plain member is refused before any lookup. */
export function requireSomeManager(session: Session): void {
  if (!isAdmin(session) && !isCommitteeOf(session, session.member.branchId)) {
    throw forbidden('只有支部委员或局党委管理员可以办理组织关系转接');
  }
}

/** The committees of both branches and the bureau see a transfer; to anyone else it does not exist. */
export function maySee(session: Session, doc: TransferDoc): boolean {
  return isAdmin(session) || doc.branchIds.some((id) => canManageBranch(session, id));
}

/** Only the receiving branch's secretary, or the bureau, accepts or returns. */
export function mayDecide(session: Session, doc: TransferDoc): boolean {
  if (doc.status !== 'pending' || !doc.toBranchId) return false;
  if (isAdmin(session)) return true;
  return session.member.branchId === doc.toBranchId && session.member.roles.includes('secretary');
}

export async function visibleTransfer(session: Session, transferId: string): Promise<TransferDoc> {
  const doc = await getDoc<TransferDoc>(COLLECTIONS.transfers, transferId);
  if (!doc || !maySee(session, doc)) throw notFound('没有找到该转接记录');
  return doc;
}

/** A transfer the caller means to accept or return: seen, and theirs to decide. */
export async function decidableTransfer(session: Session, transferId: string): Promise<TransferDoc> {
  requireSomeManager(session);
  const doc = await visibleTransfer(session, transferId);
  if (doc.status === 'pending' && !mayDecide(session, doc)) {
    throw forbidden('只有接收支部的书记或局党委管理员可以接收或退回');
  }
  return doc;
}
