import type { MemberListItem } from '@zhibu/types';
import type { LocalRuntime } from '../../emulator/runtime';
import { DEMO, startTestRuntime } from '../support/runtime';
import { BRANCH_A, fixtureFor, type Fixture } from '../support/fixture';

let runtime: LocalRuntime;
let fx: Fixture;
beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = fixtureFor(runtime);
});
afterAll(() => runtime.close());

type Page = { items: MemberListItem[]; total: number };

describe('who sees what of a member', () => {
  it('a fellow member sees names only', async () => {
    const result = await fx.call<Page>('memberA', 'member', 'list', { page: 1, pageSize: 50 });
    if (!result.ok) throw new Error(result.message);
    const others = result.data.items.filter((m) => m.memberId !== DEMO.memberA.memberId);
    expect(others.length).toBeGreaterThan(5);
    for (const m of others) {
      expect(m).toMatchObject({ phone: null, status: null, position: null, roles: null, bound: null });
      expect(m.name).toBeTruthy();
    }
    const self = result.data.items.find((m) => m.memberId === DEMO.memberA.memberId);
    expect(self?.phone).toMatch(/^1\d{10}$/);
  });

  it('the branch committee and the bureau see phone numbers', async () => {
    for (const caller of ['secretaryA', 'admin'] as const) {
      const result = await fx.call<Page>(caller, 'member', 'list', { branchId: BRANCH_A, page: 1, pageSize: 50 });
      if (!result.ok) throw new Error(result.message);
      expect(result.data.items.every((m) => m.phone === null || /^1\d{10}$/.test(m.phone))).toBe(true);
      expect(result.data.items.some((m) => m.phone !== null)).toBe(true);
    }
  });

  it('the committee can list only those who have not bound a WeChat user yet', async () => {
    const result = await fx.call<Page>('secretaryA', 'member', 'list', { page: 1, pageSize: 50, bound: false });
    if (!result.ok) throw new Error(result.message);
    expect(result.data.items.map((m) => m.name)).toContain('朱光明');
    expect(result.data.items.every((m) => m.bound === false)).toBe(true);
  });

  it('pages the roster and reports the total', async () => {
    const first = await fx.call<Page>('secretaryA', 'member', 'list', { page: 1, pageSize: 5 });
    const second = await fx.call<Page>('secretaryA', 'member', 'list', { page: 2, pageSize: 5 });
    if (!first.ok || !second.ok) throw new Error('list failed');
    expect(first.data.items).toHaveLength(5);
    expect(first.data.total).toBeGreaterThanOrEqual(13);
    expect(second.data.items[0]?.memberId).not.toBe(first.data.items[0]?.memberId);
    const ids = new Set([...first.data.items, ...second.data.items].map((m) => m.memberId));
    expect(ids.size).toBe(10);
  });

  it('a transferred member leaves the active roster but keeps their record', async () => {
    const member = await fx.boundMember();
    const done = await fx.call('secretaryA', 'member', 'deactivate', {
      memberId: member._id,
      reason: 'transfer_out',
      effectiveDate: '2026-11-15',
    });
    expect(done).toMatchObject({ ok: true, data: { active: false } });
    const active = await fx.call<Page>('secretaryA', 'member', 'list', { page: 1, pageSize: 50, keyword: member.name });
    const all = await fx.call<Page>('secretaryA', 'member', 'list', {
      page: 1,
      pageSize: 50,
      keyword: member.name,
      includeInactive: true,
    });
    if (!active.ok || !all.ok) throw new Error('list failed');
    expect(active.data.items.map((m) => m.memberId)).not.toContain(member._id);
    expect(all.data.items.map((m) => m.memberId)).toContain(member._id);
  });

  it('a secretary cannot deactivate themselves', async () => {
    const result = await fx.call('secretaryA', 'member', 'deactivate', {
      memberId: DEMO.secretaryA.memberId,
      reason: 'other',
      effectiveDate: '2026-11-15',
    });
    expect(result).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
  });
});
