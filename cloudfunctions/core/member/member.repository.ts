import { COLLECTIONS, type BindingDoc, type BranchDoc, type MemberDoc } from '@zhibu/types';
import { database } from '../runtime/cloud';

/**
 * The member area's only door to the database. Documents are written by this code alone, so a
 * read is typed by the record it was written as.
 */
async function byId<T>(collection: string, id: string): Promise<T | null> {
  // The SDK's typings also allow the callback style's `void`; the promise always has `data`.
  const { data } = (await database().collection(collection).doc(id).get()) as { data: unknown };
  return (data ?? null) as T | null;
}

export const memberRepository = {
  binding: (openid: string) => byId<BindingDoc>(COLLECTIONS.bindings, openid),
  member: (memberId: string) => byId<MemberDoc>(COLLECTIONS.members, memberId),
  branch: (branchId: string) => byId<BranchDoc>(COLLECTIONS.branches, branchId),
};
