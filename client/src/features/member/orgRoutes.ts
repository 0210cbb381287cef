/**
 * Addresses of the management pages, which live in the `packages/org` subpackage so that members
 * who never manage anything never download them. Kept here, in the main package, so that 我的 can
 * link to them without loading the pages' code.
 */
const ROOT = '/packages/org';

type Query = Record<string, string | undefined>;

function page(path: string, query: Query = {}): string {
  const pairs = Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined);
  const search = pairs.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
  return `${ROOT}/${path}/index${search ? `?${search}` : ''}`;
}

export const orgPages = {
  /** A branch's roster; `invite` opens it to hand out invite codes to those not yet bound. */
  roster: (query: { branchId?: string; mode?: 'invite' } = {}) => page('roster', query),
  member: (memberId: string) => page('member', { memberId }),
  /** Without a memberId: a new member (in `branchId`, or the caller's own branch). */
  memberEdit: (query: { memberId?: string; branchId?: string } = {}) => page('member-edit', query),
  invite: (memberId: string) => page('invite', { memberId }),
  deactivate: (memberId: string) => page('deactivate', { memberId }),
  /** Import and export of a roster; `all` exports every branch (bureau admins). */
  rosterIo: (query: { branchId?: string; all?: '1' } = {}) => page('roster-io', query),
  branches: () => page('branches'),
  branch: (branchId: string) => page('branch', { branchId }),
  /** Without a branchId: a new branch; with one: renaming it. */
  branchEdit: (query: { branchId?: string } = {}) => page('branch-edit', query),
  partyGroups: (branchId: string) => page('party-groups', { branchId }),
  merge: (targetBranchId: string) => page('merge', { targetBranchId }),
  split: (branchId: string) => page('split', { branchId }),
  audit: (query: { branchId?: string; targetId?: string; title?: string } = {}) => page('audit', query),
  /** A member's 出勤与学习记录 for the branch committee: the 我的记录 page of the main package. */
  record: (memberId: string) => `/pages/mine/record/index?memberId=${encodeURIComponent(memberId)}`,
};
