import type { MemberDoc, TransferDoc } from '@zhibu/types';
import { getDoc } from '../../../cloudfunctions/core/runtime/documents';
import type { LocalRuntime } from '../../../emulator/runtime';
import { createActivity, detail, startingIn } from '../../support/activities';
import { aBranchOf } from '../../support/factories';
import { COLLECTIONS, countOf, fixtureFor, type Fixture } from '../../support/fixture';
import { DEMO, startTestRuntime } from '../../support/runtime';
import { expectedIdsOf, ok } from './helpers';

/** Races, with database latency on so that requests interleave as on CloudBase. */
let runtime: LocalRuntime;
let fx: Fixture;
beforeAll(async () => {
  runtime = await startTestRuntime({ dbLatencyMs: 3 });
  fx = fixtureFor(runtime);
});
afterAll(() => runtime.close());

describe('two secretaries at once', () => {
  it('accepting the same transfer together makes one move', async () => {
    const from = await aBranchOf(2, '并发转出党支部');
    const to = await aBranchOf(2, '并发接收党支部');
    const mover = from.members[0]!;
    const coming = await createActivity(fx, to.secretary.openid!, startingIn(120));
    const { transferId } = await ok(
      fx.call<{ transferId: string }>(from.secretary.openid!, 'transfer', 'start', {
        memberId: mover._id,
        toBranchId: to.branch._id,
      }),
    );
    const results = await Promise.all([
      fx.call(to.secretary.openid!, 'transfer', 'accept', { transferId }),
      fx.call(DEMO.admin.openid, 'transfer', 'accept', { transferId }),
      fx.call(to.secretary.openid!, 'transfer', 'accept', { transferId }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((r) => !r.ok)) {
      expect(['FAILED_PRECONDITION', 'CONFLICT']).toContain((r as { code: string }).code);
    }
    const member = (await getDoc<MemberDoc>(COLLECTIONS.members, mover._id))!;
    expect(member.branchId).toBe(to.branch._id);
    expect(member.branchHistory.map((h) => h.branchId)).toEqual([from.branch._id, to.branch._id]);
    expect((await getDoc<TransferDoc>(COLLECTIONS.transfers, transferId))!.status).toBe('accepted');
    expect(await countOf(COLLECTIONS.auditLogs, { targetId: mover._id, action: 'transfer.accept' })).toBe(1);
    // Expected once at the new branch's meeting, and counted once.
    expect((await expectedIdsOf(coming)).filter((id) => id === mover._id)).toHaveLength(1);
    expect((await detail(fx, to.secretary.openid!, coming)).expected).toBe(4);
  });

  it('an accept racing a return: one of them wins, and the member is where it says', async () => {
    const from = await aBranchOf(1, '并发退回转出党支部');
    const to = await aBranchOf(1, '并发退回接收党支部');
    const mover = from.members[0]!;
    const { transferId } = await ok(
      fx.call<{ transferId: string }>(from.secretary.openid!, 'transfer', 'start', {
        memberId: mover._id,
        toBranchId: to.branch._id,
      }),
    );
    const [a, r] = await Promise.all([
      fx.call(to.secretary.openid!, 'transfer', 'accept', { transferId }),
      fx.call(DEMO.admin.openid, 'transfer', 'return', { transferId, reason: '重复申请' }),
    ]);
    expect([a.ok, r.ok].filter(Boolean)).toHaveLength(1);
    const transfer = (await getDoc<TransferDoc>(COLLECTIONS.transfers, transferId))!;
    const member = (await getDoc<MemberDoc>(COLLECTIONS.members, mover._id))!;
    expect(transfer.status).toBe(a.ok ? 'accepted' : 'returned');
    expect(member.branchId).toBe(a.ok ? to.branch._id : from.branch._id);
    expect(member.transferId).toBeNull();
  });

  it('starting two transfers of one member at once makes one', async () => {
    const from = await aBranchOf(1, '并发发起党支部');
    const to = await aBranchOf(1, '并发目标党支部');
    const mover = from.members[0]!;
    const results = await Promise.all([
      fx.call(from.secretary.openid!, 'transfer', 'start', { memberId: mover._id, toBranchId: to.branch._id }),
      fx.call(DEMO.admin.openid, 'transfer', 'start', { memberId: mover._id, toBranchId: DEMO.secretaryB.branchId }),
      fx.call(from.secretary.openid!, 'transfer', 'start', {
        memberId: mover._id,
        outside: { destination: '外县教育局', letterNo: '001', date: '2026-01-02' },
      }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    // Every one of the three would have named the sending branch.
    expect(await countOf(COLLECTIONS.transfers, { branchIds: from.branch._id })).toBe(1);
  });
});
