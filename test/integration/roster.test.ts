import cloud from 'wx-server-sdk';
import type { MemberDoc } from '@zhibu/types';
import { getDocs } from '../../cloudfunctions/core/runtime/documents';
import type { LocalRuntime } from '../../emulator/runtime';
import { BRANCH_A, COLLECTIONS, countOf, expectRefused, fixtureFor, type Fixture } from '../support/fixture';
import { startTestRuntime } from '../support/runtime';
import { ROSTER_COLUMNS } from '@zhibu/types';
import { readSheet, rosterFile } from '../support/xlsx';

let runtime: LocalRuntime;
let fx: Fixture;
beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = fixtureFor(runtime);
});
afterAll(() => runtime.close());

interface ImportResult {
  rows: number;
  valid: boolean;
  created: number;
  errors: { row: number; column: string | null; message: string }[];
}

describe('roster import', () => {
  it('checks without writing, then commits every row', async () => {
    const fileBase64 = await rosterFile([
      ['孙立新', '男', '139 1234 5678', '正式党员', '2001/7/1', '高一年级党小组', '语文教师'],
      ['欧阳晓红', '女', '', '预备党员', '2026年3月1日', '', '班主任'],
      ['林木', '', '', '入党积极分子', '', '', ''],
    ]);
    const before = runtime.engine.totalChanges();
    const check = await fx.call<ImportResult>('secretaryA', 'roster', 'import', { fileBase64, mode: 'check' });
    expect(check).toEqual({ ok: true, data: { rows: 3, valid: true, created: 0, errors: [] } });
    expect(runtime.engine.totalChanges()).toBe(before);

    const members = await countOf(COLLECTIONS.members, { branchId: BRANCH_A });
    const commit = await fx.call<ImportResult>('secretaryA', 'roster', 'import', { fileBase64, mode: 'commit' });
    expect(commit).toMatchObject({ ok: true, data: { created: 3, valid: true } });
    expect(await countOf(COLLECTIONS.members, { branchId: BRANCH_A })).toBe(members + 3);
    const list = await fx.call<{ items: Record<string, unknown>[] }>('secretaryA', 'member', 'list', {
      keyword: '孙立新',
      page: 1,
      pageSize: 5,
    });
    expect(list).toMatchObject({
      ok: true,
      data: {
        items: [
          { phone: '13912345678', joinedPartyAt: '2001-07-01', partyGroupName: '高一年级党小组', status: '正式党员' },
        ],
      },
    });
  });

  it('writes nothing when any row is bad, and says which row and why', async () => {
    const fileBase64 = await rosterFile([
      ['周正', '男', '13700001111', '正式党员', '', '', ''],
      ['', '女', '13700002222', '正式党员', '', '', ''],
      ['吴桐', '男', '12345', '正式党员', '', '', ''],
      ['郑好', '女', '', '群众', '', '', ''],
      ['钱多', '男', '13700001111', '预备党员', '', '', ''],
      ['刘洋', '男', '', '正式党员', '', '不存在的党小组', ''],
    ]);
    const before = runtime.engine.totalChanges();
    const result = await fx.call<ImportResult>('secretaryA', 'roster', 'import', { fileBase64, mode: 'commit' });
    expect(runtime.engine.totalChanges()).toBe(before);
    if (!result.ok) throw new Error(result.message);
    expect(result.data).toMatchObject({ rows: 6, valid: false, created: 0 });
    const byRow = new Map(result.data.errors.map((e) => [e.row, e]));
    expect(byRow.get(2)).toBeUndefined();
    expect(byRow.get(3)).toMatchObject({ column: '姓名', message: '请填写姓名' });
    expect(byRow.get(4)).toMatchObject({ column: '手机号' });
    expect(byRow.get(5)).toMatchObject({ column: '党员身份' });
    expect(byRow.get(6)?.message).toContain('重复');
    expect(result.data.errors.find((e) => e.row === 7 && e.column === '党小组')).toBeDefined();
  });

  it('refuses a 入党时间 in the future, or before the 18th birthday when the sheet gives a birth date', async () => {
    const future = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    const fileBase64 = await rosterFile(
      [
        ['时间甲', '男', '', '正式党员', future, '', '', ''],
        ['时间乙', '女', '', '正式党员', '2000-07-01', '', '', '1985-03-02'],
        ['时间丙', '女', '', '正式党员', '2003-03-01', '', '', '1985-03-02'],
        ['时间丁', '男', '', '正式党员', '2003-03-02', '', '', '1985/3/2'],
        ['时间戊', '男', '', '正式党员', '2010-07-01', '', '', ''],
      ],
      [...ROSTER_COLUMNS, '出生日期'],
    );
    const result = await fx.call<ImportResult>('secretaryA', 'roster', 'import', { fileBase64, mode: 'check' });
    if (!result.ok) throw new Error(result.message);
    expect(result.data).toMatchObject({ rows: 5, valid: false });
    expect(result.data.errors).toEqual([
      { row: 2, column: '入党时间', message: `入党时间 ${future} 晚于今天` },
      { row: 3, column: '入党时间', message: '入党时间 2000-07-01 早于 18 周岁（出生日期 1985-03-02）' },
      { row: 4, column: '入党时间', message: '入党时间 2003-03-01 早于 18 周岁（出生日期 1985-03-02）' },
    ]);
  });

  it('is re-runnable: a retry after a stop halfway adds only the missing members, under the one audit entry', async () => {
    const fileBase64 = await rosterFile([
      ['重试甲', '男', '13911110001', '正式党员', '', '', ''],
      ['重试乙', '女', '13911110002', '正式党员', '', '', ''],
      ['重试丙', '女', '13911110003', '预备党员', '', '', ''],
    ]);
    const first = await fx.call<ImportResult>('secretaryA', 'roster', 'import', { fileBase64, mode: 'commit' });
    expect(first).toMatchObject({ ok: true, data: { created: 3 } });
    const db = cloud.database();
    const retried = () =>
      getDocs<MemberDoc>(
        db.collection(COLLECTIONS.members).where({ branchId: BRANCH_A, name: db.RegExp({ regexp: '^重试' }) }),
      );
    const imported = await retried();
    expect(imported).toHaveLength(3);
    // The function stopped after its audit entry and part of the batch: two members never landed.
    for (const member of imported.slice(0, 2)) await db.collection(COLLECTIONS.members).doc(member._id).remove();

    const retry = await fx.call<ImportResult>('secretaryA', 'roster', 'import', { fileBase64, mode: 'commit' });
    expect(retry).toMatchObject({ ok: true, data: { valid: true, created: 2 } });
    const again = await fx.call<ImportResult>('secretaryA', 'roster', 'import', { fileBase64, mode: 'commit' });
    expect(again).toMatchObject({ ok: true, data: { valid: true, created: 0 } });
    const names = (await retried()).map((m) => m.name);
    expect(names.sort()).toEqual(['重试丙', '重试乙', '重试甲'].sort());
    expect(
      await countOf(COLLECTIONS.auditLogs, { action: 'member.import', targetId: BRANCH_A, 'after.names': '重试甲' }),
    ).toBe(1);
  });

  it('refuses a file that is not a roster, with a message a secretary can act on', async () => {
    for (const fileBase64 of [
      Buffer.from('not a spreadsheet').toString('base64'),
      await rosterFile([['x']], ['名字']),
    ]) {
      const before = runtime.engine.totalChanges();
      const result = await fx.call('secretaryA', 'roster', 'import', { fileBase64, mode: 'commit' });
      expectRefused(result, 'INVALID_ARGUMENT');
      expect(runtime.engine.totalChanges()).toBe(before);
    }
  });
});

describe('roster export', () => {
  it('masks phone numbers for a secretary, even when asked for them', async () => {
    const result = await fx.call<{ fileBase64: string; phonesMasked: boolean; rows: number }>(
      'secretaryA',
      'roster',
      'export',
      {
        includePhone: true,
      },
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.data.phonesMasked).toBe(true);
    const sheet = await readSheet(result.data.fileBase64);
    expect(sheet[0]).toEqual(['姓名', '性别', '手机号', '党员身份', '入党时间', '党小组', '职务', '绑定微信']);
    expect(sheet.length - 1).toBe(result.data.rows);
    for (const row of sheet.slice(1)) if (row[2]) expect(row[2]).toMatch(/^1\d\d\*{4}\d{4}$/);
  });

  it('gives a bureau admin full numbers for all branches only when asked explicitly', async () => {
    const masked = await fx.call<{ fileBase64: string; phonesMasked: boolean }>('admin', 'roster', 'export', {});
    const full = await fx.call<{ fileBase64: string; phonesMasked: boolean }>('admin', 'roster', 'export', {
      includePhone: true,
    });
    if (!masked.ok || !full.ok) throw new Error('export failed');
    expect(masked.data.phonesMasked).toBe(true);
    expect(full.data.phonesMasked).toBe(false);
    const sheet = await readSheet(full.data.fileBase64);
    expect(sheet[0]).toContain('所在支部');
    expect(sheet.slice(1).some((row) => /^1\d{10}$/.test(row[2] ?? ''))).toBe(true);
    expect(new Set(sheet.slice(1).map((row) => row[row.length - 2])).size).toBeGreaterThanOrEqual(6);
  });
});
