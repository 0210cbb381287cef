import type { MemberDoc, Role } from '@zhibu/types';
import { forbidden } from '../runtime/app-error';
import type { Session } from './session';

/** The rules of who may see and change whom, in one place. */
export const isAdmin = (s: Session) => s.member.roles.includes('admin');

/** The branch committee: its secretary and committee members. */
export const isCommitteeOf = (s: Session, branchId: string) =>
  s.member.branchId === branchId && (s.member.roles.includes('secretary') || s.member.roles.includes('committee'));

export const canManageBranch = (s: Session, branchId: string) => isAdmin(s) || isCommitteeOf(s, branchId);

export function requireBranchManager(s: Session, branchId: string): void {
  if (!canManageBranch(s, branchId)) throw forbidden('只有本支部的支部委员或局党委管理员可以进行此操作');
}

export function requireAdmin(s: Session): void {
  if (!isAdmin(s)) throw forbidden('只有局党委管理员可以进行此操作');
}

/** Roles rank admin > secretary > committee > member; a person ranks as their highest role. */
const RANK: Record<Role, number> = { member: 0, committee: 1, secretary: 2, admin: 3 };

export const rankOf = (roles: readonly Role[]): number => Math.max(0, ...roles.map((r) => RANK[r] ?? 0));

/**
 * Every action that changes a person's record or binding goes through this: the caller manages
 * the person's branch, and the person does not outrank the caller (so a secretary cannot unbind,
 * re-invite and so take over a bureau admin's record, nor a committee member their secretary).
 */
export function requireMayManagePerson(s: Session, person: Pick<MemberDoc, 'branchId' | 'roles'>): void {
  requireBranchManager(s, person.branchId);
  if (rankOf(person.roles) > rankOf(s.member.roles)) {
    throw forbidden('不能管理职务高于自己的人员，请联系上级或局党委管理员');
  }
}

/** Nobody hands out a role above their own (a secretary cannot make anyone an admin). */
export function requireMayGrant(s: Session, roles: readonly Role[]): void {
  if (rankOf(roles) > rankOf(s.member.roles)) throw forbidden('不能授予高于自己职务的角色');
}

/**
 * How much of a member record the caller may see: `full` for themselves, their branch committee
 * and bureau admins; `names` for fellow members of the branch; nothing for anyone else.
 */
export type Visibility = 'full' | 'names' | 'none';

export function visibilityOf(s: Session, member: Pick<MemberDoc, '_id' | 'branchId'>): Visibility {
  if (member._id === s.member._id || canManageBranch(s, member.branchId)) return 'full';
  if (member.branchId === s.member.branchId) return 'names';
  return 'none';
}

/** 138****5678: enough to recognise a number, not enough to call it. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}
