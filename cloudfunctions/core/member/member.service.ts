import type { BranchDoc, LoginResult, MyRecord } from '@zhibu/types';
import { unauthenticated } from '../runtime/app-error';
import { exemptionOf } from './exemption.service';
import { memberRepository } from './member.repository';
import type { Session } from './session';

async function branchOf(session: Session): Promise<BranchDoc> {
  const branch = await memberRepository.branch(session.member.branchId);
  if (!branch) throw unauthenticated('所在支部信息缺失，请联系局党委管理员');
  return branch;
}

function login({ member }: Session, branch: BranchDoc): LoginResult {
  return {
    memberId: member._id,
    name: member.name,
    branchId: branch._id,
    branchName: branch.name,
    roles: member.roles,
  };
}

export async function describeLogin(session: Session): Promise<LoginResult> {
  return login(session, await branchOf(session));
}

export async function describeMyRecord(session: Session): Promise<MyRecord> {
  const { member } = session;
  const [branch, exemption] = await Promise.all([branchOf(session), exemptionOf(member._id, new Date())]);
  const group = branch.partyGroups.find((g) => g.id === member.partyGroupId) ?? null;
  return {
    ...login(session, branch),
    gender: member.gender,
    phone: member.phone,
    status: member.status,
    joinedPartyAt: member.joinedPartyAt,
    partyGroupId: group?.id ?? null,
    partyGroupName: group?.name ?? null,
    position: member.position,
    schools: branch.schools,
    boundAt: member.boundAt ? new Date(member.boundAt).toISOString() : null,
    exemption: exemption && { reasonName: exemption.reasonName, from: exemption.from, to: exemption.to },
  };
}
