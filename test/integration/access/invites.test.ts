import cloud from 'wx-server-sdk';
import { COLLECTIONS, type MemberDoc } from '@zhibu/types';
import { getDoc } from '../../../cloudfunctions/core/runtime/documents';
import type { LocalRuntime } from '../../../emulator/runtime';
import { countOf, expectRefused, fixtureFor, type Fixture } from '../../support/fixture';
import { startTestRuntime } from '../../support/runtime';

let runtime: LocalRuntime;
let fx: Fixture;
beforeAll(async () => {
  runtime = await startTestRuntime({ dbLatencyMs: 2 });
  fx = fixtureFor(runtime);
});
afterAll(() => runtime.close());

async function inviteFor(memberId: string, caller = 'secretaryA'): Promise<string> {
  const result = await fx.call<{ code: string }>(caller, 'member', 'createInvite', { memberId });
  if (!result.ok) throw new Error(result.message);
  return result.data.code;
}

describe('stale invites', () => {
  it('an older code stops working once a newer one exists', async () => {
    const member = await fx.unboundMember();
    const older = await inviteFor(member._id);
    const newer = await inviteFor(member._id);
    const stale = await fx.call('wx_stale_invite_01', 'member', 'bind', { code: older });
    expectRefused(stale, 'FAILED_PRECONDITION');
    expect((stale as { message: string }).message).toContain('已失效');
    expect(await countOf(COLLECTIONS.bindings, { _id: 'wx_stale_invite_01' })).toBe(0);
    expect(await fx.call('wx_stale_invite_02', 'member', 'bind', { code: newer })).toMatchObject({
      ok: true,
      data: { memberId: member._id },
    });
  }, 30_000);

  it('an unused paper code does not bind anyone after the member was bound and unbound', async () => {
    const member = await fx.unboundMember();
    const paper = await inviteFor(member._id);
    const used = await inviteFor(member._id);
    await fx.call('wx_paper_first_001', 'member', 'bind', { code: used });
    expect(await fx.call('secretaryA', 'member', 'unbind', { memberId: member._id })).toMatchObject({ ok: true });
    expectRefused(await fx.call('wx_paper_thief_001', 'member', 'bind', { code: paper }), 'FAILED_PRECONDITION');
    expect((await getDoc<MemberDoc>(COLLECTIONS.members, member._id))?.openid).toBeNull();
  }, 30_000);

  it('the code of an invite made before an unbind does not bind after it, even if never used', async () => {
    const member = await fx.boundMember();
    await fx.call('secretaryA', 'member', 'unbind', { memberId: member._id });
    const code = await inviteFor(member._id);
    await fx.call('wx_rebind_first_01', 'member', 'bind', { code });
    await fx.call('secretaryA', 'member', 'unbind', { memberId: member._id });
    // The used code is refused as used; a fresh code works.
    expectRefused(await fx.call('wx_rebind_second_1', 'member', 'bind', { code }), 'FAILED_PRECONDITION');
    const fresh = await inviteFor(member._id);
    expect(await fx.call('wx_rebind_second_1', 'member', 'bind', { code: fresh })).toMatchObject({ ok: true });
  }, 30_000);

  it('two invites created at once: exactly one of them still binds', async () => {
    const member = await fx.unboundMember();
    const codes = await Promise.all([inviteFor(member._id), inviteFor(member._id)]);
    const results = [];
    for (const [i, code] of codes.entries())
      results.push(await fx.call(`wx_twin_invite_0${i}`, 'member', 'bind', { code }));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await countOf(COLLECTIONS.bindings, { memberId: member._id })).toBe(1);
  }, 30_000);
});

describe('deactivating a member', () => {
  it('releases their WeChat binding, so that person can be bound to a new record', async () => {
    const old = await fx.boundMember();
    const openid = old.openid!;
    const result = await fx.call('secretaryA', 'member', 'deactivate', {
      memberId: old._id,
      reason: 'transfer_out',
      effectiveDate: '2026-11-01',
    });
    expect(result).toMatchObject({ ok: true, data: { memberId: old._id, active: false, bound: false } });
    expect(await countOf(COLLECTIONS.bindings, { _id: openid })).toBe(0);
    expect(await getDoc<MemberDoc>(COLLECTIONS.members, old._id)).toMatchObject({ openid: null, active: false });

    const { member: fresh, code } = await fx.invite();
    expect(await fx.call(openid, 'member', 'bind', { code })).toMatchObject({
      ok: true,
      data: { memberId: fresh._id },
    });
    expect(await fx.call(openid, 'member', 'login')).toMatchObject({ ok: true, data: { memberId: fresh._id } });
  }, 30_000);

  it('a binding left on a record deactivated earlier does not block a new one', async () => {
    const old = await fx.boundMember();
    const openid = old.openid!;
    // A record deactivated before deactivation released bindings: its binding is still there.
    await cloud
      .database()
      .collection(COLLECTIONS.members)
      .doc(old._id)
      .update({ data: { active: false } });
    const { member: fresh, code } = await fx.invite();
    expect(await fx.call(openid, 'member', 'bind', { code })).toMatchObject({
      ok: true,
      data: { memberId: fresh._id },
    });
    expect(await getDoc<MemberDoc>(COLLECTIONS.members, old._id)).toMatchObject({ openid: null });
    expect(await countOf(COLLECTIONS.bindings, { memberId: fresh._id })).toBe(1);
  }, 30_000);

  it('a WeChat user bound to an active record still cannot bind a second one', async () => {
    const { code } = await fx.invite();
    expectRefused(await fx.call('memberA', 'member', 'bind', { code }), 'CONFLICT');
  }, 30_000);
});
