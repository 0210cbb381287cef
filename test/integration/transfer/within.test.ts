import cloud from 'wx-server-sdk';
import type { ActivityDoc, BranchStats, Dashboard, MemberDoc, MemberListItem, TransferItem } from '@zhibu/types';
import { bump } from '../../../cloudfunctions/core/activity/counters';
import { recountMonths } from '../../../cloudfunctions/core/activity/recount';
import { getDoc } from '../../../cloudfunctions/core/runtime/documents';
import { finishTransfers } from '../../../cloudfunctions/core/transfer/follow';
import type { LocalRuntime } from '../../../emulator/runtime';
import { createActivity, detail, endedAgo, startingIn } from '../../support/activities';
import { aBranchOf } from '../../support/factories';
import { COLLECTIONS, countOf, expectRefused, fixtureFor, type Fixture } from '../../support/fixture';
import { DEMO, startTestRuntime } from '../../support/runtime';
import { beijingMonth, expectedIdsOf, ok } from './helpers';

/**
 * A transfer within the bureau: the sending secretary starts it, the receiving one accepts; the
 * member's future follows the new branch while their past stays where it happened.
 */
let runtime: LocalRuntime;
let fx: Fixture;
beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = fixtureFor(runtime);
});
afterAll(() => runtime.close());

const present = (sec: string, activityId: string, memberId: string) =>
  ok(fx.call(sec, 'activity', 'markAttendance', { activityId, memberId, state: 'present', reason: '补登签到' }));

async function twoBranches() {
  const from = await aBranchOf(3, '转出测试学校党支部');
  const to = await aBranchOf(2, '接收测试学校党支部');
  return { from, to, secFrom: from.secretary.openid!, secTo: to.secretary.openid! };
}

describe('a transfer within the bureau', () => {
  it('moves the member: the new branch expects them at its coming meeting, the old one no longer; the past stays', async () => {
    const { from, to, secFrom, secTo } = await twoBranches();
    const mover = from.members[0]!;
    const past = endedAgo(90);
    const pastId = await createActivity(fx, secFrom, past);
    await present(secFrom, pastId, mover._id);
    const oldComing = await createActivity(fx, secFrom, startingIn(120));
    const newComing = await createActivity(fx, secTo, startingIn(180));
    const newCommittee = await createActivity(fx, secTo, startingIn(240, { type: 'committee', title: '支委会' }));
    const month = beijingMonth(past.startAt);
    const before = await ok(
      fx.call<BranchStats>(DEMO.admin.openid, 'stats', 'branch', { branchId: from.branch._id, period: month }),
    );
    expect(before.metrics).toMatchObject({ expected: 4, present: 1 });

    const { transferId } = await ok(
      fx.call<{ transferId: string }>(secFrom, 'transfer', 'start', { memberId: mover._id, toBranchId: to.branch._id }),
    );
    // While it waits, the member is still the old branch's, and both secretaries see it waiting.
    expect((await getDoc<MemberDoc>(COLLECTIONS.members, mover._id))!.branchId).toBe(from.branch._id);
    const incoming = await ok(
      fx.call<{ items: TransferItem[] }>(secTo, 'transfer', 'list', { status: 'open', direction: 'incoming' }),
    );
    expect(
      incoming.items.map((i) => [i.transferId, i.memberName, i.fromBranchName, i.waitingDays, i.canDecide]),
    ).toEqual([[transferId, mover.name, '转出测试学校党支部', 0, true]]);
    const outgoing = await ok(
      fx.call<{ items: TransferItem[] }>(secFrom, 'transfer', 'list', { status: 'open', direction: 'outgoing' }),
    );
    expect(outgoing.items.map((i) => [i.transferId, i.toBranchName, i.canDecide])).toEqual([
      [transferId, '接收测试学校党支部', false],
    ]);
    expect(await ok(fx.call(secTo, 'transfer', 'waiting'))).toEqual({ count: 1, oldestDays: 0 });
    // The sender cannot accept its own transfer.
    expectRefused(await fx.call(secFrom, 'transfer', 'accept', { transferId }), 'FORBIDDEN');

    const accepted = await ok(fx.call<TransferItem>(secTo, 'transfer', 'accept', { transferId }));
    expect(accepted).toMatchObject({ status: 'accepted', toBranchId: to.branch._id, canDecide: false });

    const member = (await getDoc<MemberDoc>(COLLECTIONS.members, mover._id))!;
    expect(member).toMatchObject({ branchId: to.branch._id, partyGroupId: null, transferId: null, active: true });
    expect(member.branchHistory.map((h) => h.branchId)).toEqual([from.branch._id, to.branch._id]);

    // Future: the new branch's coming whole-branch meeting expects them, its 支委会 does not, the old one's no longer.
    expect(await expectedIdsOf(newComing)).toContain(mover._id);
    expect(await expectedIdsOf(newCommittee)).not.toContain(mover._id);
    expect(await expectedIdsOf(oldComing)).not.toContain(mover._id);
    expect((await detail(fx, secTo, newComing)).expected).toBe(4);
    expect((await detail(fx, secFrom, oldComing)).expected).toBe(3);
    // Past: the old branch's meeting still counts them, in the branch figures and the dashboard.
    expect(await expectedIdsOf(pastId)).toContain(mover._id);
    const after = await ok(
      fx.call<BranchStats>(DEMO.admin.openid, 'stats', 'branch', { branchId: from.branch._id, period: month }),
    );
    expect(after.metrics).toMatchObject({ expected: 4, present: 1, heldTotal: 1 });
    const dashboard = await ok(fx.call<Dashboard>(DEMO.admin.openid, 'stats', 'dashboard', { period: month }));
    expect(dashboard.branches.find((b) => b.branchId === from.branch._id)).toMatchObject({ expected: 4, present: 1 });
    expect(dashboard.branches.find((b) => b.branchId === to.branch._id)).toMatchObject({ expected: 0, present: 0 });
    // The counters agree with a recount from the records.
    const recount = await recountMonths([...new Set([month, beijingMonth(startingIn(180).startAt)])]);
    expect(recount.drift.filter((d) => [pastId, oldComing, newComing].includes(d.activityId))).toEqual([]);

    // The roster: the new branch lists them, the old one does not.
    const newRoster = await ok(
      fx.call<{ items: MemberListItem[] }>(secTo, 'member', 'list', { page: 1, pageSize: 50 }),
    );
    expect(newRoster.items.map((m) => m.memberId)).toContain(mover._id);
    const oldRoster = await ok(
      fx.call<{ items: MemberListItem[] }>(secFrom, 'member', 'list', { page: 1, pageSize: 50 }),
    );
    expect(oldRoster.items.map((m) => m.memberId)).not.toContain(mover._id);

    // Audited, and closed for both sides.
    expect(await countOf(COLLECTIONS.auditLogs, { targetId: mover._id })).toBe(2);
    expect(await ok(fx.call(secTo, 'transfer', 'waiting'))).toEqual({ count: 0, oldestDays: 0 });
    const done = await ok(fx.call<{ items: TransferItem[] }>(secFrom, 'transfer', 'list', { status: 'closed' }));
    expect(done.items.map((i) => [i.transferId, i.status])).toEqual([[transferId, 'accepted']]);
  });

  it('a returned transfer leaves the member where they are, with the reason, and frees them for another', async () => {
    const { from, to, secFrom, secTo } = await twoBranches();
    const mover = from.members[1]!;
    const { transferId } = await ok(
      fx.call<{ transferId: string }>(secFrom, 'transfer', 'start', { memberId: mover._id, toBranchId: to.branch._id }),
    );
    expectRefused(
      await fx.call(secFrom, 'transfer', 'start', { memberId: mover._id, toBranchId: DEMO.secretaryB.branchId }),
      'CONFLICT',
    );
    const returned = await ok(
      fx.call<TransferItem>(secTo, 'transfer', 'return', { transferId, reason: '本校无相应岗位，请核实' }),
    );
    expect(returned).toMatchObject({ status: 'returned', reason: '本校无相应岗位，请核实', decidedByName: '测试书记' });
    expectRefused(await fx.call(secTo, 'transfer', 'accept', { transferId }), 'FAILED_PRECONDITION');
    const member = (await getDoc<MemberDoc>(COLLECTIONS.members, mover._id))!;
    expect(member).toMatchObject({ branchId: from.branch._id, transferId: null });
    await ok(fx.call(secFrom, 'transfer', 'start', { memberId: mover._id, toBranchId: to.branch._id }));
  });

  it('a follow-up that stopped after the move is finished by the hourly job', async () => {
    const { from, to, secFrom, secTo } = await twoBranches();
    const mover = from.members[2]!;
    const newComing = await createActivity(fx, secTo, startingIn(300));
    const { transferId } = await ok(
      fx.call<{ transferId: string }>(secFrom, 'transfer', 'start', { memberId: mover._id, toBranchId: to.branch._id }),
    );
    await ok(fx.call(secTo, 'transfer', 'accept', { transferId }));
    // As if the function had stopped right after its transaction: the member not yet in the meeting.
    const db = cloud.database();
    await db
      .collection(COLLECTIONS.activities)
      .doc(newComing)
      .update({ data: { expectedIds: db.command.pull(mover._id) } });
    await bump((await getDoc<ActivityDoc>(COLLECTIONS.activities, newComing))!, { expected: -1 });
    await db
      .collection(COLLECTIONS.transfers)
      .doc(transferId)
      .update({ data: { followedAt: null } });
    expect(await expectedIdsOf(newComing)).not.toContain(mover._id);
    expect(await finishTransfers()).toEqual({ transfers: 1 });
    expect(await expectedIdsOf(newComing)).toContain(mover._id);
    expect(await finishTransfers()).toEqual({ transfers: 0 });
    expect((await detail(fx, secTo, newComing)).expected).toBe(4);
  });
});
