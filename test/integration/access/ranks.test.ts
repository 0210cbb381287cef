import cloud from 'wx-server-sdk';
import { COLLECTIONS, type MemberDoc } from '@zhibu/types';
import { getDoc, getDocs } from '../../../cloudfunctions/core/runtime/documents';
import type { LocalRuntime } from '../../../emulator/runtime';
import { aMember } from '../../support/factories';
import { expectRefused, fixtureFor, type Fixture } from '../../support/fixture';
import { DEMO, startTestRuntime } from '../../support/runtime';

/** The bureau's office branch in the demo seed: its secretary is not an admin, two of its members are. */
const BUREAU_BRANCH = 'b-jgzb';
const bureauSecretary = 'demo_b-jgzb-01';
const adminX = { memberId: 'b-jgzb-02', openid: 'demo_b-jgzb-02' };
const adminY = { memberId: 'b-jgzb-03', openid: 'demo_b-jgzb-03' };
/** A committee member of branch A who is not its secretary. */
const committeeA = DEMO.committeeA.openid;

let runtime: LocalRuntime;
let fx: Fixture;
beforeAll(async () => {
  // Latency makes the two sides of a race interleave between their database calls.
  runtime = await startTestRuntime({ dbLatencyMs: 4 });
  fx = fixtureFor(runtime);
});
afterAll(() => runtime.close());

const member = (id: string) => getDoc<MemberDoc>(COLLECTIONS.members, id);

async function actingAdmins(): Promise<string[]> {
  const _ = cloud.database().command;
  const admins = await getDocs<MemberDoc>(
    cloud
      .database()
      .collection(COLLECTIONS.members)
      .where({ roles: 'admin', active: true, openid: _.neq(null) })
      .limit(1000),
  );
  return admins.map((m) => m._id);
}

describe('nobody manages a person who outranks them', () => {
  const deactivation = (memberId: string) => ({ memberId, reason: 'transfer_out', effectiveDate: '2026-11-01' });

  it('a secretary cannot unbind, re-invite, edit or deactivate a bureau admin of their own branch', async () => {
    const before = await member(adminX.memberId);
    const attempts = [
      ['unbind', { memberId: adminX.memberId }],
      ['createInvite', { memberId: adminX.memberId }],
      ['update', { memberId: adminX.memberId, patch: { position: '干事' } }],
      ['deactivate', deactivation(adminX.memberId)],
      ['setRoles', { memberId: adminX.memberId, roles: [] }],
    ] as const;
    for (const [action, data] of attempts) {
      const changes = runtime.engine.totalChanges();
      expectRefused(await fx.call(bureauSecretary, 'member', action, data), 'FORBIDDEN');
      expect(runtime.engine.totalChanges()).toBe(changes);
    }
    expect(await member(adminX.memberId)).toEqual(before);
  });

  it('a secretary cannot re-invite an unbound admin of their branch (the takeover path)', async () => {
    const admin = await aMember(BUREAU_BRANCH, { roles: ['member', 'admin'], openid: null, boundAt: null });
    expectRefused(await fx.call(bureauSecretary, 'member', 'createInvite', { memberId: admin._id }), 'FORBIDDEN');
    expect(await fx.call('admin', 'member', 'createInvite', { memberId: admin._id })).toMatchObject({
      ok: true,
      data: { memberId: admin._id },
    });
  });

  it('a committee member cannot unbind, edit or deactivate their secretary, but still manages members', async () => {
    const secretary = await aMember(DEMO.secretaryA.branchId, { roles: ['member', 'secretary', 'committee'] });
    for (const [action, data] of [
      ['unbind', { memberId: secretary._id }],
      ['update', { memberId: secretary._id, patch: { position: '书记' } }],
      ['deactivate', deactivation(secretary._id)],
    ] as const) {
      expectRefused(await fx.call(committeeA, 'member', action, data), 'FORBIDDEN');
    }
    expect((await member(secretary._id))?.openid).toBe(secretary.openid);

    const plain = await aMember(DEMO.secretaryA.branchId);
    const edited = await fx.call(committeeA, 'member', 'update', {
      memberId: plain._id,
      patch: { position: '教研组长' },
    });
    expect(edited).toMatchObject({ ok: true, data: { memberId: plain._id, position: '教研组长' } });
    // Equal rank is not outranking: a secretary manages a fellow secretary of the branch.
    expect(await fx.call('secretaryA', 'member', 'unbind', { memberId: secretary._id })).toMatchObject({
      ok: true,
      data: { memberId: secretary._id, bound: false },
    });
  });

  it('only an admin grants roles, and nobody grants one above their own', async () => {
    const target = await aMember(DEMO.secretaryA.branchId);
    for (const caller of ['secretaryA', committeeA]) {
      expectRefused(
        await fx.call(caller, 'member', 'setRoles', { memberId: target._id, roles: ['admin'] }),
        'FORBIDDEN',
      );
    }
    expect((await member(target._id))?.roles).toEqual(['member']);
  });
});

describe('the bureau never loses its last acting admin', () => {
  it('two admins deactivating each other at once: one wins, one admin remains', async () => {
    expect((await actingAdmins()).sort()).toEqual([adminX.memberId, adminY.memberId]);
    const results = await Promise.all([
      fx.call(adminX.openid, 'member', 'deactivate', {
        memberId: adminY.memberId,
        reason: 'other',
        effectiveDate: '2026-11-01',
      }),
      fx.call(adminY.openid, 'member', 'deactivate', {
        memberId: adminX.memberId,
        reason: 'other',
        effectiveDate: '2026-11-01',
      }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results) if (!r.ok) expect(['FAILED_PRECONDITION', 'CONFLICT']).toContain(r.code);
    expect(await actingAdmins()).toHaveLength(1);
  });

  it('the last admin cannot unbind themselves, nor be unbound or demoted by anyone', async () => {
    const [last] = await actingAdmins();
    const openid = (await member(last!))!.openid!;
    expectRefused(await fx.call(openid, 'member', 'unbind', { memberId: last }), 'FAILED_PRECONDITION');
    expectRefused(await fx.call(openid, 'member', 'setRoles', { memberId: last, roles: [] }), 'FAILED_PRECONDITION');
    expectRefused(await fx.call(bureauSecretary, 'member', 'unbind', { memberId: last }), 'FORBIDDEN');
    expect(await actingAdmins()).toEqual([last]);
  });

  it('two admins unbinding each other at once leave one bound', async () => {
    const [last] = await actingAdmins();
    const other = await aMember(BUREAU_BRANCH, { roles: ['member', 'admin'] });
    const lastOpenid = (await member(last!))!.openid!;
    const results = await Promise.all([
      fx.call(lastOpenid, 'member', 'unbind', { memberId: other._id }),
      fx.call(other.openid!, 'member', 'unbind', { memberId: last }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await actingAdmins()).toHaveLength(1);
  });

  it('two admins removing each other’s admin role at once leave one admin', async () => {
    const [last] = await actingAdmins();
    const other = await aMember(BUREAU_BRANCH, { roles: ['member', 'admin'] });
    const lastOpenid = (await member(last!))!.openid!;
    const results = await Promise.all([
      fx.call(lastOpenid, 'member', 'setRoles', { memberId: other._id, roles: ['committee'] }),
      fx.call(other.openid!, 'member', 'setRoles', { memberId: last, roles: ['committee'] }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await actingAdmins()).toHaveLength(1);
  });
});
