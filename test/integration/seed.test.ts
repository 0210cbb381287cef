import cloud from 'wx-server-sdk';
import type {
  AppraisalRound,
  AppraisalRow,
  BranchDoc,
  DuesBaseItem,
  DuesBoard,
  DuesOverview,
  MemberDoc,
  ReviewMine,
  SecretaryRow,
  TrainingSummary,
  TransferItem,
} from '@zhibu/types';
import type { LocalRuntime } from '../../emulator/runtime';
import { getDocs } from '../../cloudfunctions/core/runtime/documents';
import { seedDemoData } from '../../emulator/seed/seed';
import { seedShowcase, showcaseBoardQuarter } from '../../emulator/seed/showcase';
import { callAs, DEMO, startTestRuntime } from '../support/runtime';

let runtime: LocalRuntime;
beforeAll(async () => {
  runtime = await startTestRuntime();
});
afterAll(() => runtime.close());

async function all<T>(collection: string): Promise<T[]> {
  const db = cloud.database();
  const out: T[] = [];
  for (let skip = 0; ; skip += 100) {
    const page = await getDocs<T>(db.collection(collection).skip(skip).limit(100));
    out.push(...page);
    if (page.length < 100) return out;
  }
}

describe('the demo county', () => {
  it('has the branches a county education bureau has, each with a secretary', async () => {
    const branches = await all<BranchDoc>('branches');
    const members = await all<MemberDoc>('members');
    expect(branches.length).toBeGreaterThanOrEqual(6);
    const names = branches.map((b) => b.name).join('、');
    for (const kind of ['中学', '小学', '职业', '幼儿园', '教育局机关', '联合']) expect(names).toContain(kind);
    expect(branches.find((b) => b.kind === 'joint')?.schools.length).toBeGreaterThan(1);
    for (const branch of branches) {
      expect(members.some((m) => m.branchId === branch._id && m.roles.includes('secretary'))).toBe(true);
    }
  });

  it('has at least 60 members of every status, and a bureau admin', async () => {
    const members = await all<MemberDoc>('members');
    expect(members.length).toBeGreaterThanOrEqual(60);
    expect(new Set(members.map((m) => m.status))).toEqual(
      new Set(['正式党员', '预备党员', '发展对象', '入党积极分子']),
    );
    expect(members.some((m) => m.roles.includes('admin'))).toBe(true);
    expect(members.every((m) => /^[\u4e00-\u9fa5]{2,4}$/.test(m.name))).toBe(true);
    // Some members are left unbound, so binding can be tried on the demo data.
    expect(members.some((m) => m.openid === null)).toBe(true);
  });

  it('seeds only an empty database', async () => {
    const before = runtime.engine.totalChanges();
    expect(await seedDemoData(cloud.database())).toEqual({ seeded: false, members: 0 });
    expect(runtime.engine.totalChanges()).toBe(before);
  });
});

describe('the five later systems in the demo county', () => {
  const YEAR = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
  const call = async <T>(openid: string, name: string, action: string, data?: unknown): Promise<T> => {
    const result = await callAs<T>(runtime, openid, name, action, data);
    if (!result.ok) throw new Error(`${name}.${action}: ${result.code} ${result.message}`);
    return result.data;
  };

  beforeAll(async () => {
    expect(await seedShowcase(runtime)).toEqual({ seeded: true, calls: expect.any(Number) });
  }, 60_000);

  it('党费: every branch has bases and payments for the year, some months overdue, and one published 公示', async () => {
    const overview = await call<DuesOverview>(DEMO.admin.openid, 'dues', 'overview', { year: YEAR });
    expect(overview.branches).toHaveLength(6);
    for (const branch of overview.branches) {
      expect(branch.due).toBeGreaterThan(0);
      expect(branch.collected).toBeGreaterThan(0);
    }
    expect(overview.branches.some((b) => b.arrears > 0)).toBe(true);

    const bases = await call<{ items: DuesBaseItem[] }>(DEMO.secretaryA.openid, 'dues', 'bases', { year: YEAR });
    expect(bases.items.length).toBeGreaterThanOrEqual(10);
    expect(bases.items.every((b) => b.monthly !== null && b.monthly > 0)).toBe(true);
    expect(bases.items.some((b) => b.overdueMonths === 0 && b.paidMonths > 0)).toBe(true);
    if (new Date(Date.now() + 8 * 3600_000).getUTCMonth() >= 2) {
      expect(bases.items.some((b) => b.overdueMonths >= 2)).toBe(true);
    }

    // The board is published for the whole branch: a plain member reads it.
    const quarter = showcaseBoardQuarter(new Date());
    const board = await call<DuesBoard>(DEMO.memberA.openid, 'dues', 'board', { quarter });
    expect(board.branchId).toBe(DEMO.secretaryA.branchId);
    expect(board.rows.length).toBeGreaterThan(0);
    expect(board.total).toBe(board.rows.reduce((sum, r) => sum + r.amount, 0));
  });

  it('书记培训: every secretary has a running term; 王建国 is one training short (进行中), the others are done', async () => {
    const overview = await call<{ items: SecretaryRow[] }>(DEMO.admin.openid, 'training', 'overview', {});
    expect(overview.items).toHaveLength(6);
    for (const row of overview.items) {
      expect(row.item).not.toBeNull();
      expect(row.item!.endDate).toBeNull();
      if (row.branchId === DEMO.secretaryA.branchId) {
        expect(row.item).toMatchObject({ secretaryName: '王建国', trained: 1, required: 2, status: 'due', needed: 1 });
      } else {
        expect(row.item).toMatchObject({ status: 'done', needed: 0 });
      }
    }
    const list = await call<{ items: TrainingSummary[] }>(DEMO.admin.openid, 'training', 'list', {});
    expect(list.items.length).toBeGreaterThanOrEqual(2);
  });

  it('组织关系转接: one transfer from 实验小学 waits for 王建国 to accept it', async () => {
    expect(await call(DEMO.secretaryA.openid, 'transfer', 'waiting')).toEqual({
      count: 1,
      oldestDays: expect.any(Number),
    });
    const incoming = await call<{ items: TransferItem[] }>(DEMO.secretaryA.openid, 'transfer', 'list', {
      status: 'open',
      direction: 'incoming',
    });
    expect(incoming.items).toHaveLength(1);
    expect(incoming.items[0]).toMatchObject({
      status: 'pending',
      memberName: '郑红霞',
      fromBranchId: DEMO.secretaryB.branchId,
      toBranchId: DEMO.secretaryA.branchId,
      canDecide: true,
    });
    expect(incoming.items[0]!.waitingDays).toBeGreaterThanOrEqual(2);
  });

  it('民主评议: last year published with results in 第一中学; this year open in 实验小学', async () => {
    const mine = await call<ReviewMine>(DEMO.memberA.openid, 'review', 'mine');
    expect(mine.review).toMatchObject({ year: YEAR - 1, status: 'published', reviewed: 12 });
    const results = await call<{ items: { grade: string }[]; own: { final: string | null } | null }>(
      DEMO.memberA.openid,
      'review',
      'results',
      { reviewId: mine.review!.reviewId },
    );
    expect(results.items).toHaveLength(12);
    expect(results.items.some((r) => r.grade === '优秀')).toBe(true);
    expect(results.own?.final).toBe('合格');

    const open = await call<ReviewMine>(DEMO.memberB.openid, 'review', 'mine');
    expect(open.review).toMatchObject({ status: 'open', rating: true });
    expect(open).toMatchObject({ reviewed: true, selfText: null, rated: 0 });
  });

  it('述职评议: last year’s round has ended with every secretary’s 述职 graded by members and teachers', async () => {
    const overview = await call<{ round: AppraisalRound | null; items: AppraisalRow[] }>(
      DEMO.admin.openid,
      'appraisal',
      'overview',
      { year: YEAR - 1 },
    );
    expect(overview.round).toMatchObject({ year: YEAR - 1, ended: true, open: false, secretaries: 6 });
    expect(overview.items).toHaveLength(6);
    for (const row of overview.items) {
      expect(row.submitted).toBe(true);
      expect(row.memberRated).toBeGreaterThan(0);
      expect(row.teacherRated).toBe(3);
      const members = Object.values(row.result!.member).reduce((a, b) => a + b, 0);
      expect(members).toBe(row.memberRated);
    }
  });

  it('is written once', async () => {
    const before = runtime.engine.totalChanges();
    expect(await seedShowcase(runtime)).toEqual({ seeded: false, calls: 0 });
    expect(runtime.engine.totalChanges()).toBe(before);
  });
});
