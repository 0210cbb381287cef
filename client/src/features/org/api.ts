import type { BranchSummary, Result } from '@zhibu/types';
import type { Page } from '@/hooks/usePagedList';
import { callFunction, type ActionInput } from '@/services';

/**
 * The organisation actions the management pages use, in one place. Every call answers a Result
 * whose failure message is written for the reader, so pages show it as it is.
 */
export const orgApi = {
  listMembers: (input: ActionInput<'member', 'list'>) => callFunction('member', 'list', input),
  getMember: (memberId: string) => callFunction('member', 'get', { memberId }),
  createMember: (input: ActionInput<'member', 'create'>) => callFunction('member', 'create', input),
  updateMember: (input: ActionInput<'member', 'update'>) => callFunction('member', 'update', input),
  deactivateMember: (input: ActionInput<'member', 'deactivate'>) => callFunction('member', 'deactivate', input),
  createInvite: (memberId: string) => callFunction('member', 'createInvite', { memberId }),
  unbind: (memberId: string) => callFunction('member', 'unbind', { memberId }),
  setRoles: (input: ActionInput<'member', 'setRoles'>) => callFunction('member', 'setRoles', input),
  exemptions: (memberId: string) => callFunction('member', 'exemptions', { memberId }),
  addExemption: (input: ActionInput<'member', 'addExemption'>) => callFunction('member', 'addExemption', input),
  endExemption: (input: ActionInput<'member', 'endExemption'>) => callFunction('member', 'endExemption', input),

  listBranches: (input: ActionInput<'org', 'branches'>) => callFunction('org', 'branches', input),
  getBranch: (branchId: string) => callFunction('org', 'branch', { branchId }),
  createBranch: (input: ActionInput<'org', 'createBranch'>) => callFunction('org', 'createBranch', input),
  renameBranch: (input: ActionInput<'org', 'renameBranch'>) => callFunction('org', 'renameBranch', input),
  setPartyGroups: (input: ActionInput<'org', 'setPartyGroups'>) => callFunction('org', 'setPartyGroups', input),
  mergeBranches: (input: ActionInput<'org', 'mergeBranches'>) => callFunction('org', 'mergeBranches', input),
  splitBranch: (input: ActionInput<'org', 'splitBranch'>) => callFunction('org', 'splitBranch', input),
  auditLog: (input: ActionInput<'org', 'auditLog'>) => callFunction('org', 'auditLog', input),

  importRoster: (input: ActionInput<'roster', 'import'>) => callFunction('roster', 'import', input),
  exportRoster: (input: ActionInput<'roster', 'export'>) => callFunction('roster', 'export', input),
  rosterTemplate: () => callFunction('roster', 'template'),
};

const known = new Map<string, BranchSummary>();

/** Keeps what a branch list showed, so a branch page opened from it shows at once. */
export function rememberBranches(branches: readonly BranchSummary[]): void {
  for (const branch of branches) known.set(branch.branchId, branch);
}

export function knownBranch(branchId: string): BranchSummary | undefined {
  return known.get(branchId);
}

/** One branch's summary: a bureau admin may read any branch, anyone else their own. */
export async function findBranch(branchId: string): Promise<Result<BranchSummary>> {
  const result = await orgApi.getBranch(branchId);
  if (result.ok) rememberBranches([result.data]);
  return result;
}

/** Page loader for every branch (bureau admins; others get their own branch only). */
export async function loadBranchPage(
  page: number,
  pageSize: number,
  includeInactive: boolean,
): Promise<Result<Page<BranchSummary>>> {
  const result = await orgApi.listBranches({ page, pageSize, includeInactive });
  if (result.ok) rememberBranches(result.data.items);
  return result;
}

const BRANCH_PAGE = 50;
/** A county has a few hundred branches at most; this bounds the search, not the county. */
const MAX_BRANCH_PAGES = 20;

/**
 * Every branch the caller may see, read page by page (for naming branches and party groups in the
 * audit log). Failures leave the directory empty: names then read as 其他支部, nothing breaks.
 */
export async function loadAllBranches(): Promise<BranchSummary[]> {
  const all: BranchSummary[] = [];
  for (let page = 1; page <= MAX_BRANCH_PAGES; page++) {
    const result = await orgApi.listBranches({ page, pageSize: BRANCH_PAGE, includeInactive: true });
    if (!result.ok) break;
    rememberBranches(result.data.items);
    all.push(...result.data.items);
    if (page * BRANCH_PAGE >= result.data.total) break;
  }
  return all;
}
