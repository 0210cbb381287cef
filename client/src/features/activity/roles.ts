import type { Role } from '@zhibu/types';

/** The branch committee (and the bureau) run activities: create them, show the code, keep the record. */
export function canManageActivities(roles: readonly Role[]): boolean {
  return roles.includes('secretary') || roles.includes('committee') || roles.includes('admin');
}
