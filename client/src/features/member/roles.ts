import type { Role } from '@zhibu/types';

export const ROLE_LABELS: Record<Role, string> = {
  admin: '局党委管理员',
  secretary: '支部书记',
  committee: '支委',
  member: '党员',
};

/** Most responsible role first, so a secretary reads as 支部书记 before 党员. */
const ORDER: Role[] = ['admin', 'secretary', 'committee', 'member'];

export function roleLabels(roles: readonly Role[]): string[] {
  return ORDER.filter((role) => roles.includes(role)).map((role) => ROLE_LABELS[role]);
}

/** The branch committee (secretary or committee member) or a bureau admin: those who manage a roster. */
export function canManage(roles: readonly Role[]): boolean {
  return roles.includes('secretary') || roles.includes('committee') || roles.includes('admin');
}

export function isBureauAdmin(roles: readonly Role[]): boolean {
  return roles.includes('admin');
}
