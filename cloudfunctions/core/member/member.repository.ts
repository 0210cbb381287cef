import { COLLECTIONS, type BindingDoc, type BranchDoc, type MemberDoc } from '@zhibu/types';
import { getDoc } from '../runtime/documents';

/** The member area's reads by id; queries over many members live with the service that needs them. */
export const memberRepository = {
  binding: (openid: string) => getDoc<BindingDoc>(COLLECTIONS.bindings, openid),
  member: (memberId: string) => getDoc<MemberDoc>(COLLECTIONS.members, memberId),
  branch: (branchId: string) => getDoc<BranchDoc>(COLLECTIONS.branches, branchId),
};
