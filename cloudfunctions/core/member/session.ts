import type { BranchDoc, MemberDoc } from '@zhibu/types';
import { unauthenticated } from '../runtime/app-error';
import { memberRepository } from './member.repository';

/** The bound member behind a WeChat user, with their branch: what every member action starts from. */
export interface Session {
  openid: string;
  member: MemberDoc;
  branch: BranchDoc;
}

export async function loadSession(openid: string): Promise<Session> {
  const binding = await memberRepository.binding(openid);
  if (!binding) throw unauthenticated();
  const member = await memberRepository.member(binding.memberId);
  // A member who left (transferred out, deactivated) keeps their record but can no longer act.
  if (!member || !member.active || member.openid !== openid) throw unauthenticated();
  const branch = await memberRepository.branch(member.branchId);
  if (!branch) throw unauthenticated('所在支部信息缺失，请联系局党委管理员');
  return { openid, member, branch };
}
