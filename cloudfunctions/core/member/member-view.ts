import type { BranchDoc, MemberDoc, MemberListItem } from '@zhibu/types';
import type { Visibility } from './policy';

/** A member record as the caller may see it (see policy.visibilityOf). */
export function toListItem(
  member: MemberDoc,
  branch: BranchDoc | null,
  visibility: Exclude<Visibility, 'none'>,
): MemberListItem {
  const base = { memberId: member._id, name: member.name, branchId: member.branchId, active: member.active };
  if (visibility === 'names') {
    return {
      ...base,
      status: null,
      gender: null,
      phone: null,
      joinedPartyAt: null,
      partyGroupId: null,
      partyGroupName: null,
      position: null,
      roles: null,
      bound: null,
    };
  }
  return {
    ...base,
    status: member.status,
    gender: member.gender,
    phone: member.phone,
    joinedPartyAt: member.joinedPartyAt,
    partyGroupId: member.partyGroupId,
    partyGroupName: branch?.partyGroups.find((g) => g.id === member.partyGroupId)?.name ?? null,
    position: member.position,
    roles: member.roles,
    bound: member.openid !== null,
    active: member.active,
  };
}
