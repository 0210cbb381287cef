import { COLLECTIONS, type BranchDoc, type MemberDoc, type RecordStatus } from '@zhibu/types';
import { memberRepository } from '../member/member.repository';
import { canManageBranch, isAdmin, rankOf } from '../member/policy';
import type { Session } from '../member/session';
import { forbidden, notFound } from '../runtime/app-error';
import { getDoc } from '../runtime/documents';

/** Full and probationary members pay dues; applicants, activists and 发展对象 do not. */
export const PAYING_STATUSES: readonly RecordStatus[] = ['正式党员', '预备党员'];

/** Bases, payments and the board are the branch committee's work (and the bureau's). */
export function requireDuesManager(session: Session, branchId: string = session.member.branchId): void {
  if (!canManageBranch(session, branchId)) throw forbidden('只有支部委员或局党委管理员可以管理党费');
}

/** A hardship reduction or exemption is approved by the branch's secretary (or the bureau). */
export function requireReliefApprover(session: Session, branchId: string): void {
  const secretary = session.member.branchId === branchId && rankOf(session.member.roles) >= rankOf(['secretary']);
  if (!secretary && !isAdmin(session)) throw forbidden('党费减免须由支部书记审批');
}

/**
 * A member whose dues the caller manages. A plain member is refused (FORBIDDEN) before anything is
 * read; a member of another branch answers NOT_FOUND, exactly like a missing one.
 */
export async function managedMember(session: Session, memberId: string): Promise<MemberDoc> {
  if (!isAdmin(session)) requireDuesManager(session);
  const member = await memberRepository.member(memberId);
  if (!member || !member.active || !canManageBranch(session, member.branchId)) throw notFound('没有找到该党员');
  return member;
}

/** The branch a committee member or the bureau asks about: the caller's own unless an admin names another. */
export async function branchInView(session: Session, branchId: string | undefined): Promise<BranchDoc> {
  const id = branchId ?? session.member.branchId;
  if (!canManageBranch(session, session.member.branchId) && !isAdmin(session)) requireDuesManager(session);
  if (!canManageBranch(session, id)) throw notFound('没有找到该支部');
  const branch = await getDoc<BranchDoc>(COLLECTIONS.branches, id);
  if (!branch) throw notFound('没有找到该支部');
  return branch;
}
