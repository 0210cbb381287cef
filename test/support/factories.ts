import cloud from 'wx-server-sdk';
import { COLLECTIONS, type BindingDoc, type BranchDoc, type MemberDoc } from '@zhibu/types';

let sequence = 0;
const next = (prefix: string) => `${prefix}-${++sequence}`;

/** Test records written through the real SDK, with sensible defaults a test overrides as it needs. */
export async function aBranch(overrides: Partial<BranchDoc> = {}): Promise<BranchDoc> {
  const branch: BranchDoc = {
    _id: next('t-branch'),
    name: '测试学校党支部',
    kind: 'school',
    schools: ['测试学校'],
    partyGroups: [{ id: 'g1', name: '第一党小组' }],
    active: true,
    createdAt: new Date(),
    ...overrides,
  };
  await cloud.database().collection(COLLECTIONS.branches).add({ data: branch });
  return branch;
}

export async function aMember(
  branchId: string,
  overrides: Partial<MemberDoc> = {},
): Promise<MemberDoc & { openid: string | null }> {
  const id = overrides._id ?? next('t-member');
  const member: MemberDoc = {
    _id: id,
    branchId,
    name: '测试党员',
    gender: '女',
    phone: '13800000000',
    status: '正式党员',
    joinedPartyAt: '2010-07-01',
    partyGroupId: 'g1',
    position: '教师',
    roles: ['member'],
    active: true,
    openid: `wx_${id}`,
    boundAt: new Date(),
    leftAt: null,
    leftReason: null,
    branchHistory: [{ branchId, from: new Date() }],
    createdAt: new Date(),
    ...overrides,
  };
  const db = cloud.database();
  await db.collection(COLLECTIONS.members).add({ data: member });
  if (member.openid) {
    const binding: BindingDoc = { _id: member.openid, memberId: member._id, createdAt: new Date() };
    await db.collection(COLLECTIONS.bindings).add({ data: binding });
  }
  return member;
}
