import type { DemoUser } from '@/services';

export interface BranchGroup {
  branchId: string;
  branchName: string;
  users: DemoUser[];
}

/** Groups demo users by branch in the order the server lists them, keeping those that match `query`. */
export function groupDemoUsers(users: readonly DemoUser[], query: string): BranchGroup[] {
  const needle = query.trim();
  const groups = new Map<string, BranchGroup>();
  for (const user of users) {
    if (needle && !user.name.includes(needle) && !user.branchName.includes(needle)) continue;
    const group = groups.get(user.branchId) ?? { branchId: user.branchId, branchName: user.branchName, users: [] };
    group.users.push(user);
    groups.set(user.branchId, group);
  }
  return [...groups.values()];
}
