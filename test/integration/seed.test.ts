import cloud from 'wx-server-sdk';
import type { BranchDoc, MemberDoc } from '@zhibu/types';
import type { LocalRuntime } from '../../emulator/runtime';
import { getDocs } from '../../cloudfunctions/core/runtime/documents';
import { seedDemoData } from '../../emulator/seed/seed';
import { startTestRuntime } from '../support/runtime';

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
