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

/**
 * A branch with a secretary and `size` bound members, written in batches: for concurrency tests
 * and the benchmark. Member `i` has openid `wx_<branchId>_<i>`.
 */
export async function aBranchOf(size: number, name = '大型测试学校党支部') {
  const branch = await aBranch({ name, partyGroups: [] });
  const secretary = await aMember(branch._id, { name: '测试书记', roles: ['member', 'secretary', 'committee'] });
  const db = cloud.database();
  const now = new Date();
  const members: MemberDoc[] = Array.from({ length: size }, (_, i) => ({
    _id: `${branch._id}-m${i}`,
    branchId: branch._id,
    name: `党员${i}`,
    gender: i % 2 ? '男' : '女',
    phone: null,
    status: '正式党员',
    joinedPartyAt: null,
    partyGroupId: null,
    position: '教师',
    roles: ['member'],
    active: true,
    openid: `wx_${branch._id}_${i}`,
    boundAt: now,
    leftAt: null,
    leftReason: null,
    branchHistory: [{ branchId: branch._id, from: now }],
    createdAt: now,
  }));
  for (let i = 0; i < members.length; i += 500) {
    const batch = members.slice(i, i + 500);
    await db.collection(COLLECTIONS.members).add({ data: batch });
    await db.collection(COLLECTIONS.bindings).add({
      data: batch.map((m) => ({ _id: m.openid!, memberId: m._id, createdAt: now })),
    });
  }
  return { branch, secretary, members };
}
