import type { BranchStats, Compliance, Dashboard, Inspection, InspectionScheme, MyStats, Result } from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { BRANCH_A, BRANCH_B, COLLECTIONS, countOf, fixtureFor, type Fixture } from '../../support/fixture';
import { DEMO, startTestRuntime } from '../../support/runtime';
import { actionCoverage } from '../../support/coverage';

/**
 * Every action of `stats` × every kind of caller, checking what comes back: the bureau sees every
 * branch, a branch committee its own branch only (another branch is NOT_FOUND), a member only
 * their own record, a stranger nothing.
 */
let runtime: LocalRuntime;
let fx: Fixture;

const CALLERS = {
  admin: DEMO.admin.openid,
  secretaryA: DEMO.secretaryA.openid,
  committeeA: DEMO.committeeA.openid,
  memberA: DEMO.memberA.openid,
  memberB: DEMO.memberB.openid,
  stranger: DEMO.stranger.openid,
} as const;
type Caller = keyof typeof CALLERS;
const PERIOD = '2026-Q1';

const coverage = actionCoverage('stats');
const call = <T = unknown>(caller: Caller, action: string, data?: unknown): Promise<Result<T>> => {
  coverage.record(caller, action);
  return fx.call<T>(CALLERS[caller], 'stats', action, data);
};

beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = fixtureFor(runtime);
});
afterAll(() => runtime.close());

const refused = (result: Result<unknown>, code: string) => expect(result).toMatchObject({ ok: false, code });

describe.each(['dashboard', 'inspection', 'export', 'rules', 'scheme'] as const)(
  'stats.%s: the bureau only',
  (action) => {
    const data = action === 'rules' || action === 'scheme' ? undefined : { period: PERIOD };
    it.each(['secretaryA', 'committeeA', 'memberA', 'memberB'] as const)('%s is FORBIDDEN', async (caller) => {
      refused(await call(caller, action, data), 'FORBIDDEN');
    });
    it('a stranger is UNAUTHENTICATED', async () => {
      refused(await call('stranger', action, data), 'UNAUTHENTICATED');
    });
  },
);

describe('what the bureau sees', () => {
  it('the dashboard lists every active branch, branches and never people', async () => {
    const result = await call<Dashboard>('admin', 'dashboard', { period: PERIOD });
    if (!result.ok) throw new Error(result.message);
    const ids = result.data.branches.map((b) => b.branchId);
    expect(ids).toEqual(expect.arrayContaining([BRANCH_A, BRANCH_B]));
    expect(result.data.trend.map((t) => t.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    const text = JSON.stringify(result.data);
    expect(text).not.toContain(DEMO.memberA.memberId);
    for (const b of result.data.branches) expect(b.reasons.length).toBeGreaterThan(0);
  });

  it('inspection ranks every branch out of 100', async () => {
    const result = await call<Inspection>('admin', 'inspection', { period: '2026-H1' });
    if (!result.ok) throw new Error(result.message);
    expect(result.data.branches.map((b) => b.branchId)).toEqual(expect.arrayContaining([BRANCH_A, BRANCH_B]));
    for (const row of result.data.branches) {
      expect(row.items.reduce((a, i) => a + i.points, 0)).toBe(100);
      expect(row.score).toBeGreaterThanOrEqual(0);
      expect(row.score).toBeLessThanOrEqual(100);
    }
  });

  it('export answers a stored workbook and its download URL', async () => {
    const result = await call<{ fileId: string; url: string; fileName: string }>('admin', 'export', { period: PERIOD });
    if (!result.ok) throw new Error(result.message);
    expect(result.data.fileId).toMatch(/^local:\/\/stats\/.+\.xlsx$/);
    expect(result.data.url).toMatch(/\/api\/storage\/stats\/.+\.xlsx$/);
    expect(result.data.fileName).toBe('2026年第1季度支部工作统计.xlsx');
  });

  it('rules: the defaults until an admin changes them; the change is what everyone reads next', async () => {
    const before = await call<{ rules: { type: string }[] }>('admin', 'rules');
    expect(before.ok && before.data.rules.map((r) => r.type)).toEqual([
      'party_congress',
      'committee',
      'group',
      'lecture',
      'theme_day',
      'life_meeting',
      'review',
    ]);
    for (const caller of ['secretaryA', 'memberB'] as const) {
      refused(await call(caller, 'setRules', { rules: [{ type: 'committee', every: 'month', min: 1 }] }), 'FORBIDDEN');
    }
    const rules = [{ type: 'committee', every: 'month', min: 2 }];
    expect(await call('admin', 'setRules', { rules })).toMatchObject({ ok: true, data: { rules } });
    expect(await call('admin', 'rules')).toMatchObject({ ok: true, data: { rules } });
    refused(await call('admin', 'setRules', { rules: [...rules, ...rules] }), 'INVALID_ARGUMENT');
    const compliance = await call<Compliance>('secretaryA', 'compliance', { year: 2026 });
    expect(compliance.ok && [...new Set(compliance.data.items.map((i) => i.item))]).toEqual(['committee']);
    await call('admin', 'setRules', {
      rules: [
        { type: 'party_congress', every: 'quarter', min: 1 },
        { type: 'committee', every: 'month', min: 1 },
        { type: 'group', every: 'month', min: 1 },
        { type: 'lecture', every: 'quarter', min: 1 },
        { type: 'theme_day', every: 'month', min: 1 },
        { type: 'life_meeting', every: 'year', min: 1 },
        { type: 'review', every: 'year', min: 1 },
      ],
    });
  });

  it('scheme: the default 100 points until an admin sets another; validated, logged, and what inspection scores by', async () => {
    const before = await call<InspectionScheme>('admin', 'scheme');
    if (!before.ok) throw new Error(before.message);
    expect(before.data.total).toBe(100);
    expect(before.data.items).toHaveLength(11);
    expect(before.data.items.find((i) => i.key === 'attendance')).toMatchObject({ name: '到会率', points: 15 });

    const items = [
      { key: 'committee', points: 40 },
      { key: 'attendance', name: '参会情况', points: 40 },
      { key: 'notice', points: 20 },
    ];
    for (const caller of ['secretaryA', 'committeeA', 'memberA', 'memberB'] as const)
      refused(await call(caller, 'setScheme', { items }), 'FORBIDDEN');
    refused(await call('admin', 'setScheme', { items: [...items, items[0]] }), 'INVALID_ARGUMENT');
    refused(await call('admin', 'setScheme', { items: [{ key: 'committee', points: 0 }] }), 'INVALID_ARGUMENT');
    refused(await call('admin', 'setScheme', { items: [{ key: 'minutes_typed', points: 10 }] }), 'INVALID_ARGUMENT');
    refused(await call('admin', 'setScheme', { items: [] }), 'INVALID_ARGUMENT');

    const set = await call<InspectionScheme>('admin', 'setScheme', { items });
    expect(set).toMatchObject({
      ok: true,
      data: {
        total: 100,
        items: [
          { key: 'committee', name: '支委会', points: 40 },
          { key: 'attendance', name: '参会情况', points: 40 },
          { key: 'notice', name: '通知阅读率', points: 20 },
        ],
      },
    });
    expect(await call('admin', 'scheme')).toMatchObject({ ok: true, data: { total: 100 } });
    const scored = await call<Inspection>('admin', 'inspection', { period: '2026-H1' });
    if (!scored.ok) throw new Error(scored.message);
    for (const row of scored.data.branches) {
      expect(row.items.map((i) => i.key)).toEqual(['committee', 'attendance', 'notice']);
      expect(row.items.map((i) => i.name)).toEqual(['支委会', '参会情况', '通知阅读率']);
    }
    // The rules table kept while the scheme changed (the two share a document), and both are logged.
    const rules = await call<{ rules: unknown[] }>('admin', 'rules');
    expect(rules.ok && rules.data.rules).toHaveLength(7);
    expect(await countOf(COLLECTIONS.auditLogs, { targetId: 'bureau', action: 'stats.setScheme' })).toBe(1);

    const defaults = before.data.items.map(({ key, name, points }) => ({ key, name, points }));
    expect(await call('admin', 'setScheme', { items: defaults })).toMatchObject({ ok: true, data: { total: 100 } });
  });

  it('adjust: admins only, with a reason, logged, and in the score', async () => {
    const data = { period: '2026-H1', branchId: BRANCH_A, points: -3, reason: '台账资料不齐全' };
    for (const caller of ['secretaryA', 'committeeA', 'memberA', 'memberB'] as const)
      refused(await call(caller, 'adjust', data), 'FORBIDDEN');
    refused(await call('admin', 'adjust', { ...data, branchId: 'no-such-branch' }), 'NOT_FOUND');
    refused(await call('admin', 'adjust', { ...data, reason: '' }), 'INVALID_ARGUMENT');
    expect(await call('admin', 'adjust', data)).toMatchObject({ ok: true });
    const result = await call<Inspection>('admin', 'inspection', { period: '2026-H1' });
    const row = result.ok ? result.data.branches.find((b) => b.branchId === BRANCH_A) : undefined;
    expect(row).toMatchObject({ adjustment: -3, adjustments: [{ points: -3, reason: '台账资料不齐全' }] });
    expect(row!.score).toBeCloseTo(Math.max(0, row!.computed - 3), 5);
    const log = await fx.call<{ items: { action: string }[] }>(CALLERS.admin, 'org', 'auditLog', {
      branchId: BRANCH_A,
    });
    expect(log.ok && log.data.items.map((e) => e.action)).toContain('stats.adjust');
  });
});

describe('stats.branch and stats.compliance: the branch committee and the bureau', () => {
  it.each(['secretaryA', 'committeeA'] as const)('%s sees its own branch (also without naming it)', async (caller) => {
    for (const data of [{ period: PERIOD }, { period: PERIOD, branchId: BRANCH_A }]) {
      const result = await call<BranchStats>(caller, 'branch', data);
      expect(result).toMatchObject({ ok: true, data: { metrics: { branchId: BRANCH_A } } });
    }
    expect(await call(caller, 'compliance', { year: 2026 })).toMatchObject({ ok: true, data: { branchId: BRANCH_A } });
  });

  it.each(['secretaryA', 'committeeA'] as const)('%s asking for another branch gets NOT_FOUND', async (caller) => {
    refused(await call(caller, 'branch', { period: PERIOD, branchId: BRANCH_B }), 'NOT_FOUND');
    refused(await call(caller, 'compliance', { year: 2026, branchId: BRANCH_B }), 'NOT_FOUND');
    refused(await call(caller, 'branch', { period: PERIOD, branchId: 'no-such-branch' }), 'NOT_FOUND');
  });

  it.each(['memberA', 'memberB'] as const)('%s is FORBIDDEN, for its own branch too', async (caller) => {
    const own = caller === 'memberA' ? BRANCH_A : BRANCH_B;
    refused(await call(caller, 'branch', { period: PERIOD }), 'FORBIDDEN');
    refused(await call(caller, 'branch', { period: PERIOD, branchId: own }), 'FORBIDDEN');
    refused(await call(caller, 'compliance', { year: 2026 }), 'FORBIDDEN');
  });

  it('the bureau opens any branch', async () => {
    for (const branchId of [BRANCH_A, BRANCH_B]) {
      expect(await call('admin', 'branch', { period: PERIOD, branchId })).toMatchObject({
        ok: true,
        data: { metrics: { branchId } },
      });
      expect(await call('admin', 'compliance', { year: 2026, branchId })).toMatchObject({
        ok: true,
        data: { branchId },
      });
    }
  });

  it('a stranger is UNAUTHENTICATED; a malformed period is INVALID_ARGUMENT', async () => {
    refused(await call('stranger', 'branch', { period: PERIOD }), 'UNAUTHENTICATED');
    refused(await call('stranger', 'compliance', { year: 2026 }), 'UNAUTHENTICATED');
    refused(await call('secretaryA', 'branch', { period: '2026-Q5' }), 'INVALID_ARGUMENT');
    refused(await call('admin', 'dashboard', { period: '2026-13' }), 'INVALID_ARGUMENT');
  });
});

describe('stats.mine: everyone about themselves; the branch committee about its members', () => {
  it.each(['admin', 'secretaryA', 'committeeA', 'memberA', 'memberB'] as const)(
    '%s gets its own record',
    async (caller) => {
      const result = await call<MyStats>(caller, 'mine', { period: '2026' });
      expect(result).toMatchObject({ ok: true, data: { period: '2026', memberId: DEMO[caller].memberId } });
    },
  );
  it.each(['secretaryA', 'committeeA'] as const)('%s reads a member of its branch', async (caller) => {
    const result = await call<MyStats>(caller, 'mine', { period: '2026', memberId: DEMO.memberA.memberId });
    expect(result).toMatchObject({ ok: true, data: { memberId: DEMO.memberA.memberId } });
    expect(result.ok && result.data.name).toBeTruthy();
  });
  it('a plain member cannot read another member; for anyone else another branch is NOT_FOUND, the bureau too', async () => {
    refused(await call('memberA', 'mine', { period: '2026', memberId: DEMO.committeeA.memberId }), 'FORBIDDEN');
    refused(await call('admin', 'mine', { period: '2026', memberId: DEMO.memberA.memberId }), 'NOT_FOUND');
    refused(await call('secretaryA', 'mine', { period: '2026', memberId: DEMO.memberB.memberId }), 'NOT_FOUND');
    refused(await call('secretaryA', 'mine', { period: '2026', memberId: 'no-such-member' }), 'NOT_FOUND');
    refused(await call('stranger', 'mine', { period: '2026' }), 'UNAUTHENTICATED');
  });
});

// Last in the file: every action was tried by someone entitled and by an outsider.
test('the suite reaches every action of the stats contract', () => {
  expect(coverage.missing()).toEqual([]);
});
