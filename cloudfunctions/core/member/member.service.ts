import type { LoginResult, MyRecord } from '@zhibu/types';
import type { Session } from './session';

export function describeLogin({ member, branch }: Session): LoginResult {
  return {
    memberId: member._id,
    name: member.name,
    branchId: branch._id,
    branchName: branch.name,
    roles: member.roles,
  };
}

export function describeMyRecord(session: Session): MyRecord {
  const { member, branch } = session;
  const group = branch.partyGroups.find((g) => g.id === member.partyGroupId) ?? null;
  return {
    ...describeLogin(session),
    gender: member.gender,
    phone: member.phone,
    status: member.status,
    joinedPartyAt: member.joinedPartyAt,
    partyGroupId: group?.id ?? null,
    partyGroupName: group?.name ?? null,
    position: member.position,
    schools: branch.schools,
    boundAt: member.boundAt ? new Date(member.boundAt).toISOString() : null,
  };
}
