import type { TransferItem } from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { aBranch, aMember } from '../../support/factories';
import { BRANCH_A, BRANCH_B, expectRefused, fixtureFor, type Fixture } from '../../support/fixture';
import { DEMO, startTestRuntime } from '../../support/runtime';
import { beijingDay, ok } from './helpers';

/**
 * Hostile input for every transfer action: malformed data is a clear INVALID_ARGUMENT, and
 * well-formed data aimed at the wrong place (another branch's ids, a state that forbids it) is
 * refused. Nothing is written either way.
 */
let runtime: LocalRuntime;
let fx: Fixture;
beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = fixtureFor(runtime);
});
afterAll(() => runtime.close());

async function refusedWithoutWrites(call: Promise<unknown>, code: string): Promise<void> {
  const before = runtime.engine.totalChanges();
  expectRefused((await call) as never, code);
  expect(runtime.engine.totalChanges()).toBe(before);
}

const outside = { destination: '某大学党委', letterNo: '党转〔2026〕1号', date: '2026-01-05' };

describe('transfer.start', () => {
  it.each([
    ['neither a branch nor outside', {}],
    ['both a branch and outside', { toBranchId: BRANCH_B, outside }],
    ['an operator for an id', { toBranchId: { $ne: null } }],
    ['an impossible date', { outside: { ...outside, date: '2025-02-30' } }],
    ['a date as a timestamp', { outside: { ...outside, date: 1735689600000 } }],
    ['a letter number with markup', { outside: { ...outside, letterNo: '<script>1</script>' } }],
    ['a huge destination', { outside: { ...outside, destination: '校'.repeat(500) } }],
    ['an extra field', { toBranchId: BRANCH_B, status: 'accepted' }],
  ])('%s: INVALID_ARGUMENT', async (_name, data) => {
    const member = await aMember(BRANCH_A);
    await refusedWithoutWrites(
      fx.call('secretaryA', 'transfer', 'start', { memberId: member._id, ...data }),
      'INVALID_ARGUMENT',
    );
  });

  it('a date in the future, or the member’s own branch: INVALID_ARGUMENT', async () => {
    const member = await aMember(BRANCH_A);
    await refusedWithoutWrites(
      fx.call('secretaryA', 'transfer', 'start', {
        memberId: member._id,
        outside: { ...outside, date: beijingDay(3) },
      }),
      'INVALID_ARGUMENT',
    );
    await refusedWithoutWrites(
      fx.call('secretaryA', 'transfer', 'start', { memberId: member._id, toBranchId: BRANCH_A }),
      'INVALID_ARGUMENT',
    );
  });

  it('another branch’s member, a missing one, a missing or merged branch: NOT_FOUND', async () => {
    const theirs = await aMember(BRANCH_B);
    const mine = await aMember(BRANCH_A);
    const merged = await aBranch({ name: '已合并党支部', active: false, mergedInto: BRANCH_B });
    await refusedWithoutWrites(
      fx.call('secretaryA', 'transfer', 'start', { memberId: theirs._id, toBranchId: BRANCH_A }),
      'NOT_FOUND',
    );
    await refusedWithoutWrites(
      fx.call('secretaryA', 'transfer', 'start', { memberId: theirs._id, outside }),
      'NOT_FOUND',
    );
    await refusedWithoutWrites(
      fx.call('secretaryA', 'transfer', 'start', { memberId: 'no-such-member', toBranchId: BRANCH_B }),
      'NOT_FOUND',
    );
    await refusedWithoutWrites(
      fx.call('secretaryA', 'transfer', 'start', { memberId: mine._id, toBranchId: 'no-such-branch' }),
      'NOT_FOUND',
    );
    await refusedWithoutWrites(
      fx.call('secretaryA', 'transfer', 'start', { memberId: mine._id, toBranchId: merged._id }),
      'NOT_FOUND',
    );
  });

  it('oneself, or a member who already left: FAILED_PRECONDITION', async () => {
    const left = await aMember(BRANCH_A, { active: false, leftAt: new Date(), leftReason: 'other', openid: null });
    await refusedWithoutWrites(
      fx.call('secretaryA', 'transfer', 'start', { memberId: DEMO.secretaryA.memberId, toBranchId: BRANCH_B }),
      'FAILED_PRECONDITION',
    );
    await refusedWithoutWrites(
      fx.call('secretaryA', 'transfer', 'start', { memberId: left._id, toBranchId: BRANCH_B }),
      'FAILED_PRECONDITION',
    );
  });
});

describe('transfer.accept and transfer.return', () => {
  async function pending() {
    const member = await aMember(BRANCH_A);
    const { transferId } = await ok(
      fx.call<{ transferId: string }>('secretaryA', 'transfer', 'start', {
        memberId: member._id,
        toBranchId: BRANCH_B,
      }),
    );
    return { member, transferId };
  }

  it.each([
    ['accept', { transferId: '../../members' }],
    ['accept', { transferId: { $gt: '' } }],
    ['accept', {}],
    ['return', { transferId: 'tr_x' }],
    ['return', { transferId: 'tr_x', reason: '   ' }],
    ['return', { transferId: 'tr_x', reason: '长'.repeat(201) }],
    ['return', { transferId: 'tr_x', reason: '不符', extra: 1 }],
  ])('%s %j: INVALID_ARGUMENT', async (action, data) => {
    await refusedWithoutWrites(fx.call('secretaryB', 'transfer', action, data), 'INVALID_ARGUMENT');
  });

  it('a missing transfer: NOT_FOUND', async () => {
    await refusedWithoutWrites(fx.call('secretaryB', 'transfer', 'accept', { transferId: 'tr_missing' }), 'NOT_FOUND');
    await refusedWithoutWrites(
      fx.call('secretaryB', 'transfer', 'return', { transferId: 'tr_missing', reason: '无' }),
      'NOT_FOUND',
    );
  });

  it('a decided transfer, or one whose member left meanwhile: FAILED_PRECONDITION', async () => {
    const done = await pending();
    await ok(fx.call('secretaryB', 'transfer', 'return', { transferId: done.transferId, reason: '不符' }));
    await refusedWithoutWrites(
      fx.call('secretaryB', 'transfer', 'accept', { transferId: done.transferId }),
      'FAILED_PRECONDITION',
    );
    await refusedWithoutWrites(
      fx.call('secretaryB', 'transfer', 'return', { transferId: done.transferId, reason: '再退' }),
      'FAILED_PRECONDITION',
    );
    const gone = await pending();
    await ok(
      fx.call('secretaryA', 'member', 'deactivate', {
        memberId: gone.member._id,
        reason: 'deceased',
        effectiveDate: beijingDay(0),
      }),
    );
    await refusedWithoutWrites(
      fx.call('secretaryB', 'transfer', 'accept', { transferId: gone.transferId }),
      'FAILED_PRECONDITION',
    );
    // It can still be returned, which closes it.
    const item = await ok(
      fx.call<TransferItem>('secretaryB', 'transfer', 'return', { transferId: gone.transferId, reason: '已停用' }),
    );
    expect(item.status).toBe('returned');
  });
});

describe('transfer.receive', () => {
  const data = {
    origin: '外县第二中学党支部',
    letterNo: '组转字〔2026〕5号',
    date: '2026-01-05',
    member: { name: '孙转入', status: '正式党员' },
  };
  it.each([
    ['the 已转出 status', { member: { name: '孙转入', status: '已转出' } }],
    ['a name with markup', { member: { name: '<b>孙</b>', status: '正式党员' } }],
    ['no origin', { origin: '' }],
    ['an operator as the branch', { branchId: { $ne: null } }],
    ['an extra member field', { member: { name: '孙转入', status: '正式党员', roles: ['admin'] } }],
    ['a future date', { date: beijingDay(5) }],
  ])('%s: INVALID_ARGUMENT', async (_name, patch) => {
    await refusedWithoutWrites(fx.call('secretaryA', 'transfer', 'receive', { ...data, ...patch }), 'INVALID_ARGUMENT');
  });

  it('another branch’s party group: INVALID_ARGUMENT; another branch: NOT_FOUND', async () => {
    await refusedWithoutWrites(
      fx.call('secretaryA', 'transfer', 'receive', {
        ...data,
        member: { ...data.member, partyGroupId: 'no-such-group' },
      }),
      'INVALID_ARGUMENT',
    );
    await refusedWithoutWrites(
      fx.call('secretaryA', 'transfer', 'receive', { ...data, branchId: BRANCH_B }),
      'NOT_FOUND',
    );
    await refusedWithoutWrites(
      fx.call('admin', 'transfer', 'receive', { ...data, branchId: 'no-such-branch' }),
      'NOT_FOUND',
    );
  });
});

describe('transfer.get, list and waiting', () => {
  it.each([
    ['get', { transferId: '' }],
    ['get', { transferId: 'a'.repeat(65) }],
    ['list', { page: 0, pageSize: 10 }],
    ['list', { page: 1, pageSize: 51 }],
    ['list', { page: 1, pageSize: 10, status: 'pending' }],
    ['list', { page: 1, pageSize: 10, direction: { $ne: 'x' } }],
    ['list', { page: 1, pageSize: 10, branchId: BRANCH_B }],
    ['waiting', { count: 5 }],
    ['branches', { page: 1, pageSize: 500 }],
    ['branches', { page: 1, pageSize: 10, active: false }],
  ])('%s %j: INVALID_ARGUMENT', async (action, data) => {
    await refusedWithoutWrites(fx.call('secretaryA', 'transfer', action, data), 'INVALID_ARGUMENT');
  });
});
