import type { MemberDoc, Result, TransferDoc, TransferItem } from '@zhibu/types';
import { getDoc } from '../../../cloudfunctions/core/runtime/documents';
import type { LocalRuntime } from '../../../emulator/runtime';
import { actionCoverage } from '../../support/coverage';
import { aBranch, aMember } from '../../support/factories';
import { BRANCH_A, BRANCH_B, COLLECTIONS, expectRefused, fixtureFor, type Fixture } from '../../support/fixture';
import { DEMO, startTestRuntime } from '../../support/runtime';

/**
 * Every transfer action × every kind of caller, checking what comes back and that a refusal wrote
 * nothing. Each row meets a fresh member and transfer. A transfer goes from branch A to branch B,
 * or to a third branch C that branch B's people have nothing to do with.
 */
const CALLERS = ['admin', 'secretaryA', 'committeeA', 'memberA', 'memberB', 'secretaryB', 'unbound'] as const;
type Caller = (typeof CALLERS)[number];
interface Target {
  memberId: string;
  transferId: string;
}
type Check = (result: Result<unknown>, target: Target) => Promise<void> | void;

let runtime: LocalRuntime;
let fx: Fixture;
let branchC: string;
const coverage = actionCoverage('transfer');
beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = fixtureFor(runtime);
  branchC = (await aBranch({ name: '第三测试学校党支部' }))._id;
  await aMember(branchC, { name: '丙书记', roles: ['member', 'secretary'] });
});
afterAll(() => runtime.close());

const refused =
  (code: string): Check =>
  (result) =>
    expectRefused(result, code);
const FORBIDDEN = refused('FORBIDDEN');
const NOT_FOUND = refused('NOT_FOUND');
const UNAUTH = refused('UNAUTHENTICATED');
const ok =
  (check: (data: never, target: Target) => Promise<void> | void): Check =>
  async (result, target) => {
    if (!result.ok) throw new Error(`expected ok, got ${result.code} ${result.message}`);
    await check(result.data as never, target);
  };

const transferDoc = (id: string) => getDoc<TransferDoc>(COLLECTIONS.transfers, id);
const memberDoc = (id: string) => getDoc<MemberDoc>(COLLECTIONS.members, id);

const started = ok(async (d: { transferId: string }, t) => {
  expect(await transferDoc(d.transferId)).toMatchObject({
    memberId: t.memberId,
    fromBranchId: BRANCH_A,
    toBranchId: BRANCH_B,
    status: 'pending',
  });
  expect((await memberDoc(t.memberId))!.transferId).toBe(d.transferId);
});
const accepted = ok(async (d: TransferItem, t) => {
  expect(d).toMatchObject({ transferId: t.transferId, status: 'accepted', memberId: t.memberId });
  expect((await memberDoc(t.memberId))!.branchId).not.toBe(BRANCH_A);
});
const returned = ok(async (d: TransferItem, t) => {
  expect(d).toMatchObject({ transferId: t.transferId, status: 'returned', reason: '材料不全' });
  expect((await memberDoc(t.memberId))!).toMatchObject({ branchId: BRANCH_A, transferId: null });
});
const seen = ok((d: TransferItem, t) => {
  expect(d).toMatchObject({ transferId: t.transferId, memberId: t.memberId, fromBranchId: BRANCH_A });
});
const listed = (has: boolean) =>
  ok((d: { items: TransferItem[] }, t) => {
    expect(d.items.some((i) => i.transferId === t.transferId)).toBe(has);
    // Only transfers of a branch the caller manages, whoever the caller is (the bureau: all).
    for (const item of d.items) expect(item.fromBranchId !== null || item.toBranchId !== null).toBe(true);
  });
const listedOnly = (branchId: string) =>
  ok((d: { items: TransferItem[] }, t) => {
    expect(d.items.some((i) => i.transferId === t.transferId)).toBe(true);
    expect(d.items.every((i) => i.fromBranchId === branchId || i.toBranchId === branchId)).toBe(true);
  });
const waitingAtLeast = (n: number) =>
  ok((d: { count: number; oldestDays: number }) => {
    expect(d.count).toBeGreaterThanOrEqual(n);
    expect(d.oldestDays).toBe(0);
  });

const branchesListed = ok((d: { items: { branchId: string; name: string }[]; total: number }) => {
  const ids = d.items.map((b) => b.branchId);
  expect(ids).toEqual(expect.arrayContaining([BRANCH_A, BRANCH_B]));
  // Names and ids only: nothing about who is in them.
  for (const item of d.items) expect(Object.keys(item).sort()).toEqual(['branchId', 'name']);
  expect(d.total).toBeGreaterThanOrEqual(d.items.length);
});

interface Row {
  action: string;
  /** Where the row's transfer goes (none: only a member of A). */
  setup: 'member' | 'toB' | 'toC';
  data: (t: Target) => unknown;
  expect: Record<Caller, Check>;
}

const receiveData = {
  origin: '外县第一中学党支部',
  letterNo: '组转字〔2026〕12号',
  date: '2026-01-05',
  branchId: BRANCH_A,
  member: { name: '周转入', status: '正式党员', joinedPartyAt: '2015-07-01' },
};

const rows: Record<string, Row> = {
  start: {
    action: 'start',
    setup: 'member',
    data: (t) => ({ memberId: t.memberId, toBranchId: BRANCH_B }),
    expect: {
      admin: started,
      secretaryA: started,
      committeeA: started,
      memberA: FORBIDDEN,
      memberB: FORBIDDEN,
      secretaryB: NOT_FOUND,
      unbound: UNAUTH,
    },
  },
  'start out of the bureau': {
    action: 'start',
    setup: 'member',
    data: (t) => ({
      memberId: t.memberId,
      outside: { destination: '某大学', letterNo: '党转〔2026〕3号', date: '2026-01-05' },
    }),
    expect: {
      admin: ok(async (d: { transferId: string }, t) => {
        expect(await transferDoc(d.transferId)).toMatchObject({ kind: 'out', status: 'out', place: '某大学' });
        expect(await memberDoc(t.memberId)).toMatchObject({ status: '已转出', active: false });
      }),
      secretaryA: ok(async (_d: { transferId: string }, t) => {
        expect(await memberDoc(t.memberId)).toMatchObject({ status: '已转出', active: false, openid: null });
      }),
      committeeA: ok(async (_d: { transferId: string }, t) => {
        expect(await memberDoc(t.memberId)).toMatchObject({ status: '已转出', active: false });
      }),
      memberA: FORBIDDEN,
      memberB: FORBIDDEN,
      secretaryB: NOT_FOUND,
      unbound: UNAUTH,
    },
  },
  accept: {
    action: 'accept',
    setup: 'toB',
    data: (t) => ({ transferId: t.transferId }),
    expect: {
      admin: accepted,
      secretaryB: accepted,
      secretaryA: FORBIDDEN,
      committeeA: FORBIDDEN,
      memberA: FORBIDDEN,
      memberB: FORBIDDEN,
      unbound: UNAUTH,
    },
  },
  'accept a transfer to another branch': {
    action: 'accept',
    setup: 'toC',
    data: (t) => ({ transferId: t.transferId }),
    expect: {
      admin: accepted,
      secretaryB: NOT_FOUND,
      secretaryA: FORBIDDEN,
      committeeA: FORBIDDEN,
      memberA: FORBIDDEN,
      memberB: FORBIDDEN,
      unbound: UNAUTH,
    },
  },
  return: {
    action: 'return',
    setup: 'toB',
    data: (t) => ({ transferId: t.transferId, reason: '材料不全' }),
    expect: {
      admin: returned,
      secretaryB: returned,
      secretaryA: FORBIDDEN,
      committeeA: FORBIDDEN,
      memberA: FORBIDDEN,
      memberB: FORBIDDEN,
      unbound: UNAUTH,
    },
  },
  'return a transfer to another branch': {
    action: 'return',
    setup: 'toC',
    data: (t) => ({ transferId: t.transferId, reason: '材料不全' }),
    expect: {
      admin: returned,
      secretaryB: NOT_FOUND,
      secretaryA: FORBIDDEN,
      committeeA: FORBIDDEN,
      memberA: FORBIDDEN,
      memberB: FORBIDDEN,
      unbound: UNAUTH,
    },
  },
  receive: {
    action: 'receive',
    setup: 'member',
    data: () => receiveData,
    expect: {
      admin: ok(async (d: { transferId: string; memberId: string }) => {
        expect(await memberDoc(d.memberId)).toMatchObject({ branchId: BRANCH_A, name: '周转入', active: true });
        expect(await transferDoc(d.transferId)).toMatchObject({
          kind: 'in',
          toBranchId: BRANCH_A,
          place: '外县第一中学党支部',
        });
      }),
      secretaryA: ok(async (d: { transferId: string; memberId: string }) => {
        expect(await memberDoc(d.memberId)).toMatchObject({ branchId: BRANCH_A, openid: null });
      }),
      committeeA: ok(async (d: { transferId: string; memberId: string }) => {
        expect(await transferDoc(d.transferId)).toMatchObject({
          kind: 'in',
          memberId: d.memberId,
          letterNo: '组转字〔2026〕12号',
        });
      }),
      memberA: FORBIDDEN,
      memberB: FORBIDDEN,
      secretaryB: NOT_FOUND,
      unbound: UNAUTH,
    },
  },
  get: {
    action: 'get',
    setup: 'toB',
    data: (t) => ({ transferId: t.transferId }),
    expect: {
      admin: seen,
      secretaryA: seen,
      committeeA: seen,
      secretaryB: seen,
      memberA: FORBIDDEN,
      memberB: FORBIDDEN,
      unbound: UNAUTH,
    },
  },
  'get a transfer to another branch': {
    action: 'get',
    setup: 'toC',
    data: (t) => ({ transferId: t.transferId }),
    expect: {
      admin: seen,
      secretaryA: seen,
      committeeA: seen,
      secretaryB: NOT_FOUND,
      memberA: FORBIDDEN,
      memberB: FORBIDDEN,
      unbound: UNAUTH,
    },
  },
  list: {
    action: 'list',
    setup: 'toC',
    data: () => ({ status: 'open', page: 1, pageSize: 50 }),
    expect: {
      admin: listed(true),
      secretaryA: listedOnly(BRANCH_A),
      committeeA: listedOnly(BRANCH_A),
      secretaryB: listed(false),
      memberA: FORBIDDEN,
      memberB: FORBIDDEN,
      unbound: UNAUTH,
    },
  },
  branches: {
    action: 'branches',
    setup: 'member',
    data: () => ({ page: 1, pageSize: 50 }),
    expect: {
      admin: branchesListed,
      secretaryA: branchesListed,
      committeeA: branchesListed,
      secretaryB: branchesListed,
      memberA: FORBIDDEN,
      memberB: FORBIDDEN,
      unbound: UNAUTH,
    },
  },
  waiting: {
    action: 'waiting',
    setup: 'toB',
    data: () => undefined,
    expect: {
      admin: waitingAtLeast(1),
      secretaryB: waitingAtLeast(1),
      secretaryA: ok((d: { count: number }) => expect(d.count).toBe(0)),
      committeeA: FORBIDDEN,
      memberA: FORBIDDEN,
      memberB: FORBIDDEN,
      unbound: UNAUTH,
    },
  },
};

describe.each(Object.entries(rows))('transfer %s', (_name, row) => {
  it.each(CALLERS)('as %s', async (caller) => {
    const member = await aMember(BRANCH_A, { name: '吴调动' });
    let transferId = 'none';
    if (row.setup !== 'member') {
      const to = row.setup === 'toB' ? BRANCH_B : branchC;
      const result = await fx.call<{ transferId: string }>('secretaryA', 'transfer', 'start', {
        memberId: member._id,
        toBranchId: to,
      });
      if (!result.ok) throw new Error(result.message);
      transferId = result.data.transferId;
    }
    const target = { memberId: member._id, transferId };
    coverage.record(caller, row.action);
    const before = runtime.engine.totalChanges();
    const result = await fx.call(caller, 'transfer', row.action, row.data(target));
    await row.expect[caller](result, target);
    if (!result.ok) expect(runtime.engine.totalChanges()).toBe(before);
  });
});

describe('ranks', () => {
  it('a secretary cannot transfer someone who outranks them; the bureau can', async () => {
    const admin = await fx.personInA(['admin']);
    const before = runtime.engine.totalChanges();
    expectRefused(
      await fx.call('secretaryA', 'transfer', 'start', { memberId: admin._id, toBranchId: BRANCH_B }),
      'FORBIDDEN',
    );
    expectRefused(
      await fx.call('committeeA', 'transfer', 'start', { memberId: DEMO.secretaryA.memberId, toBranchId: BRANCH_B }),
      'FORBIDDEN',
    );
    expect(runtime.engine.totalChanges()).toBe(before);
    const result = await fx.call<{ transferId: string }>('admin', 'transfer', 'start', {
      memberId: admin._id,
      toBranchId: BRANCH_B,
    });
    expect(result.ok).toBe(true);
  });

  it('a secretary who moves keeps the bureau role only; branch roles stay behind', async () => {
    const committee = await fx.personInA(['committee', 'admin']);
    const { transferId } = (
      (await fx.call<{ transferId: string }>('admin', 'transfer', 'start', {
        memberId: committee._id,
        toBranchId: BRANCH_B,
      })) as { ok: true; data: { transferId: string } }
    ).data;
    expect((await fx.call('secretaryB', 'transfer', 'accept', { transferId })).ok).toBe(true);
    expect(await memberDoc(committee._id)).toMatchObject({ branchId: BRANCH_B, roles: ['member', 'admin'] });
  });

  it('reached every action with an entitled caller and an outsider', () => {
    expect(coverage.missing()).toEqual([]);
  });
});
