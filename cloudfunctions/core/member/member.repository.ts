import { COLLECTIONS, type BranchDoc, type MemberDoc } from '@zhibu/types';
import { notFound } from '../runtime/app-error';
import { getDoc } from '../runtime/documents';

/** The member area's reads by id; queries over many members live with the service that needs them. */
export const memberRepository = {
  member: (memberId: string) => getDoc<MemberDoc>(COLLECTIONS.members, memberId),
  branch: (branchId: string) => getDoc<BranchDoc>(COLLECTIONS.branches, branchId),
};

/** A branch that exists and has not been merged away or dissolved. */
export async function activeBranchOrFail(branchId: string): Promise<BranchDoc> {
  const branch = await memberRepository.branch(branchId);
  if (!branch?.active) throw notFound('没有找到该支部');
  return branch;
}
