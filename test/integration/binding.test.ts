import cloud from 'wx-server-sdk';
import { COLLECTIONS, type InviteDoc } from '@zhibu/types';
import { getDoc } from '../../cloudfunctions/core/runtime/documents';
import type { LocalRuntime } from '../../emulator/runtime';
import { countOf, expectRefused, fixtureFor, type Fixture } from '../support/fixture';
import { startTestRuntime } from '../support/runtime';

let runtime: LocalRuntime;
let fx: Fixture;
beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = fixtureFor(runtime);
});
afterAll(() => runtime.close());

describe('invite codes', () => {
  it('are 8 unambiguous characters, expire in 7 days, and come with a QR code of the binding page', async () => {
    const member = await fx.unboundMember();
    const result = await fx.call<{ code: string; expiresAt: string; qrImage: string | null; memberName: string }>(
      'secretaryA',
      'member',
      'createInvite',
      { memberId: member._id },
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.data.code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    const days = (Date.parse(result.data.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    expect(result.data.qrImage).toMatch(/^data:image\/png;base64,/);
  });

  it('are refused for a member who is already bound', async () => {
    const member = await fx.boundMember();
    expectRefused(
      await fx.call('secretaryA', 'member', 'createInvite', { memberId: member._id }),
      'FAILED_PRECONDITION',
    );
  });
});

describe('binding', () => {
  it('binds a new WeChat user, who then sees their branch', async () => {
    const { member, code } = await fx.invite();
    const result = await fx.call('wx_new_teacher_0001', 'member', 'bind', { code: code.toLowerCase() });
    expect(result).toMatchObject({ ok: true, data: { memberId: member._id, branchName: '清河县第一中学党支部' } });
    expect(await fx.call('wx_new_teacher_0001', 'member', 'login')).toMatchObject({
      ok: true,
      data: { memberId: member._id },
    });
    const list = await fx.call<{ items: { memberId: string; bound: boolean }[] }>('secretaryA', 'member', 'get', {
      memberId: member._id,
    });
    expect(list).toMatchObject({ ok: true, data: { bound: true } });
  });

  it('refuses a used, an expired and an unknown code, each with its own message', async () => {
    const { code } = await fx.invite();
    await fx.call('wx_first_user_0001', 'member', 'bind', { code });
    const used = await fx.call('wx_second_user_001', 'member', 'bind', { code });
    expectRefused(used, 'FAILED_PRECONDITION');
    expect((used as { message: string }).message).toContain('已被使用');

    const expired = await fx.invite();
    await cloud
      .database()
      .collection(COLLECTIONS.invites)
      .doc(expired.code)
      .update({ data: { expiresAt: new Date(Date.now() - 1000) } });
    const late = await fx.call('wx_late_user_00001', 'member', 'bind', { code: expired.code });
    expectRefused(late, 'FAILED_PRECONDITION');
    expect((late as { message: string }).message).toContain('已过期');

    const unknown = await fx.call('wx_guessing_user_1', 'member', 'bind', { code: 'ZZZZ2222' });
    expectRefused(unknown, 'NOT_FOUND');
  });

  it('lets the same user tap twice and still succeed once', async () => {
    const { member, code } = await fx.invite();
    const first = await fx.call('wx_double_tapper_1', 'member', 'bind', { code });
    const second = await fx.call('wx_double_tapper_1', 'member', 'bind', { code });
    expect(first).toMatchObject({ ok: true });
    expect(second).toMatchObject({ ok: true, data: { memberId: member._id } });
  });

  it('one code raced by two WeChat users at once: exactly one wins', async () => {
    const { member, code } = await fx.invite();
    const racers = ['wx_racer_a_000001', 'wx_racer_b_000001'];
    const results = await Promise.all(racers.map((openid) => fx.call(openid, 'member', 'bind', { code })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await countOf(COLLECTIONS.bindings, { memberId: member._id })).toBe(1);
    const data = (await getDoc<InviteDoc>(COLLECTIONS.invites, code))!;
    const winner = racers[results.findIndex((r) => r.ok)];
    expect(data.usedBy).toBe(winner);
  });

  it('ten users racing one code: one binding, nine refusals', async () => {
    const { member, code } = await fx.invite();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        fx.call(`wx_crowd_${String(i).padStart(8, '0')}`, 'member', 'bind', { code }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    // Losers are told the code is used (or that they collided); never an internal error.
    for (const r of results) if (!r.ok) expect(['FAILED_PRECONDITION', 'CONFLICT']).toContain(r.code);
    expect(await countOf(COLLECTIONS.bindings, { memberId: member._id })).toBe(1);
  });

  it('one WeChat user racing two codes ends bound to one member only', async () => {
    const first = await fx.invite();
    const second = await fx.invite();
    const results = await Promise.all(
      [first, second].map(({ code }) => fx.call('wx_greedy_user_01', 'member', 'bind', { code })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await countOf(COLLECTIONS.bindings, { _id: 'wx_greedy_user_01' })).toBe(1);
    expect(await countOf(COLLECTIONS.members, { openid: 'wx_greedy_user_01' })).toBe(1);
  });

  it('rate-limits a user who keeps guessing codes', async () => {
    for (const last of '23456789AB') await fx.call('wx_brute_forcer_1', 'member', 'bind', { code: `ZZZZZZZ${last}` });
    const { code } = await fx.invite();
    expectRefused(await fx.call('wx_brute_forcer_1', 'member', 'bind', { code }), 'RATE_LIMITED');
  });

  it('unbinding frees the member for a new phone', async () => {
    const { member, code } = await fx.invite();
    await fx.call('wx_old_phone_00001', 'member', 'bind', { code });
    expect(await fx.call('secretaryA', 'member', 'unbind', { memberId: member._id })).toMatchObject({
      ok: true,
      data: { bound: false },
    });
    expectRefused(await fx.call('wx_old_phone_00001', 'member', 'login'), 'UNAUTHENTICATED');
    const again = await fx.call<{ code: string }>('secretaryA', 'member', 'createInvite', { memberId: member._id });
    if (!again.ok) throw new Error(again.message);
    expect(await fx.call('wx_new_phone_00001', 'member', 'bind', { code: again.data.code })).toMatchObject({
      ok: true,
    });
  });
});
