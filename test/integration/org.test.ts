import { getDoc } from '../../cloudfunctions/core/runtime/documents';
import type { AuditEntry, BranchSummary, MemberDoc } from '@zhibu/types';
import type { LocalRuntime } from '../../emulator/runtime';
import { aBranch, aMember } from '../support/factories';
import { COLLECTIONS, fixtureFor, type Fixture } from '../support/fixture';
import { DEMO, startTestRuntime } from '../support/runtime';

let runtime: LocalRuntime;
let fx: Fixture;
beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = fixtureFor(runtime);
});
afterAll(() => runtime.close());

async function memberDoc(id: string): Promise<MemberDoc> {
  return (await getDoc<MemberDoc>(COLLECTIONS.members, id))!;
}

describe('branches', () => {
  it('the bureau sees every branch with its head count and secretary', async () => {
    const result = await fx.call<{ items: BranchSummary[]; total: number }>('admin', 'org', 'branches', {
      page: 1,
      pageSize: 50,
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.data.total).toBeGreaterThanOrEqual(6);
    const high = result.data.items.find((b) => b.branchId === 'b-qhyz');
    expect(high).toMatchObject({
      name: '清河县第一中学党支部',
      memberCount: 14,
      boundCount: 13,
      secretaryNames: ['王建国'],
    });
  });

  it('one branch can be read on its own, with its counts', async () => {
    const result = await fx.call<BranchSummary>('secretaryA', 'org', 'branch', { branchId: 'b-qhyz' });
    expect(result).toMatchObject({ ok: true, data: { name: '清河县第一中学党支部', memberCount: 14 } });
  });

  it('a member sees only their own branch', async () => {
    const result = await fx.call<{ items: BranchSummary[] }>('memberB', 'org', 'branches', { page: 1, pageSize: 50 });
    expect(result).toMatchObject({ ok: true, data: { items: [{ branchId: DEMO.memberB.branchId }] } });
  });

  it('merging moves members with their history and party groups, and retires the source', async () => {
    const target = await aBranch({
      name: '石门片区联合党支部',
      schools: ['石门小学'],
      partyGroups: [{ id: 'g1', name: '石门小学党小组' }],
    });
    const source = await aBranch({
      name: '白水村小党支部',
      schools: ['白水村小'],
      partyGroups: [{ id: 'g1', name: '白水村小党小组' }],
    });
    const mover = await aMember(source._id, { partyGroupId: 'g1' });
    const result = await fx.call('admin', 'org', 'mergeBranches', {
      sourceBranchIds: [source._id],
      targetBranchId: target._id,
    });
    expect(result).toMatchObject({ ok: true, data: { movedMembers: 1 } });

    const moved = await memberDoc(mover._id);
    expect(moved.branchId).toBe(target._id);
    expect(moved.branchHistory.map((h) => h.branchId)).toEqual([source._id, target._id]);
    const summary = await fx.call<{ items: BranchSummary[] }>('admin', 'org', 'branches', {
      page: 1,
      pageSize: 50,
      includeInactive: true,
    });
    if (!summary.ok) throw new Error(summary.message);
    const merged = summary.data.items.find((b) => b.branchId === target._id)!;
    expect(merged.schools).toEqual(['石门小学', '白水村小']);
    expect(merged.kind).toBe('joint');
    expect(merged.partyGroups.map((g) => g.name)).toEqual(['石门小学党小组', '白水村小党小组']);
    expect(merged.partyGroups.find((g) => g.id === moved.partyGroupId)?.name).toBe('白水村小党小组');
    expect(summary.data.items.find((b) => b.branchId === source._id)).toMatchObject({
      active: false,
      mergedInto: target._id,
    });
  });

  it('splitting moves only the chosen members to a new branch', async () => {
    const source = await aBranch({ name: '城关学区党支部', schools: ['城关一小', '城关二小'] });
    const stay = await aMember(source._id);
    const go = await aMember(source._id);
    const result = await fx.call<{ branchId: string; movedMembers: number }>('admin', 'org', 'splitBranch', {
      branchId: source._id,
      memberIds: [go._id],
      newBranch: { name: '城关二小党支部', kind: 'school', schools: ['城关二小'] },
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.data.movedMembers).toBe(1);
    expect((await memberDoc(go._id)).branchId).toBe(result.data.branchId);
    expect((await memberDoc(stay._id)).branchId).toBe(source._id);
  });
});

describe('the audit log', () => {
  it('records who changed what, with before and after, newest first', async () => {
    const member = await fx.boundMember();
    await fx.call('secretaryA', 'member', 'update', {
      memberId: member._id,
      patch: { position: '教务主任', phone: '13911112222' },
    });
    const result = await fx.call<{ items: AuditEntry[] }>('admin', 'org', 'auditLog', {
      page: 1,
      pageSize: 5,
      targetId: member._id,
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.data.items[0]).toMatchObject({
      action: 'member.update',
      actorName: '王建国',
      targetId: member._id,
      before: { position: '教师', phone: '13800000000' },
      after: { position: '教务主任', phone: '13911112222' },
    });
    expect(Date.now() - Date.parse(result.data.items[0]!.at)).toBeLessThan(60_000);
  });

  it('has an entry for every kind of change made in this file', async () => {
    const created = await fx.call<{ memberId: string }>('secretaryA', 'member', 'create', {
      name: '新来的',
      status: '入党积极分子',
    });
    if (!created.ok) throw new Error(created.message);
    await fx.call('admin', 'member', 'setRoles', { memberId: created.data.memberId, roles: ['committee'] });
    await fx.call('secretaryA', 'member', 'createInvite', { memberId: created.data.memberId });
    const log = await fx.call<{ items: AuditEntry[] }>('admin', 'org', 'auditLog', { page: 1, pageSize: 50 });
    if (!log.ok) throw new Error(log.message);
    const actions = new Set(log.data.items.map((e) => e.action));
    for (const action of [
      'member.create',
      'member.setRoles',
      'member.createInvite',
      'branch.merge',
      'branch.split',
      'member.update',
    ]) {
      expect(actions).toContain(action);
    }
  });
});
