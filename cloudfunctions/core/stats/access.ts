import { COLLECTIONS, type BranchDoc } from '@zhibu/types';
import { isAdmin, isCommitteeOf } from '../member/policy';
import type { Session } from '../member/session';
import { forbidden, notFound } from '../runtime/app-error';
import { getDoc } from '../runtime/documents';

/** The bureau dashboard, export, inspection and rules: bureau admins only. */
export function requireBureau(session: Session): void {
  if (!isAdmin(session)) throw forbidden('只有局党委管理员可以查看全局统计');
}

/**
 * A branch's statistics: its committee, or the bureau. A plain member is refused (FORBIDDEN); a
 * committee member asking for another branch is told it does not exist, like a missing one.
 */
export async function statsBranch(session: Session, branchId: string | undefined): Promise<BranchDoc> {
  const id = branchId ?? session.member.branchId;
  const admin = isAdmin(session);
  if (!admin && !isCommitteeOf(session, session.member.branchId)) {
    throw forbidden('只有支部委员或局党委管理员可以查看支部统计');
  }
  if (!admin && id !== session.member.branchId) throw notFound('没有找到该支部');
  const branch = await getDoc<BranchDoc>(COLLECTIONS.branches, id);
  if (!branch) throw notFound('没有找到该支部');
  return branch;
}
