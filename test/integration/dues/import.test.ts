import { COLLECTIONS, type DuesBaseItem } from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { aMember } from '../../support/factories';
import { BRANCH_A, fixtureFor, type Fixture } from '../../support/fixture';
import { startTestRuntime } from '../../support/runtime';
import { baseSheet, count, counter, unwrap, uploadSheet, YEAR } from './helpers';

let runtime: LocalRuntime;
let fx: Fixture;
beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = fixtureFor(runtime);
});
afterAll(() => runtime.close());

interface Report {
  rows: number;
  valid: boolean;
  updated: number;
  errors: { row: number; column: string | null; message: string }[];
}
const run = (fileId: string, mode: 'check' | 'commit' = 'commit') =>
  fx.call<Report>('secretaryA', 'dues', 'importBases', { year: YEAR, fileId, mode });

describe('importing bases from .xlsx', () => {
  it('checks every row, names each wrong one, and writes nothing until all are right', async () => {
    const a = await aMember(BRANCH_A, { name: '导入甲', phone: '13911110001' });
    await aMember(BRANCH_A, { name: '导入重名', phone: '13911110002' });
    await aMember(BRANCH_A, { name: '导入重名', phone: '13911110003' });
    const changes = runtime.engine.totalChanges();
    const bad = await run(
      uploadSheet(
        runtime,
        'secretaryA',
        await baseSheet([
          ['导入甲', '', '在职', '4000', '', `${YEAR}-01`],
          ['导入重名', '', '在职', '3000', '', ''],
          ['导入甲', '', '富人', '3000.001', '', `${YEAR + 1}-02`],
          ['查无此人', '', '学生', '', '', ''],
        ]),
      ),
    );
    expect(unwrap(bad)).toMatchObject({ rows: 4, valid: false, updated: 0 });
    const places = unwrap(bad).errors.map((e) => `${e.row}:${e.column}`);
    expect(places).toEqual(['3:手机号', '4:类别', '4:基数（元）', '4:起始月份', '5:姓名']);
    expect(runtime.engine.totalChanges()).toBe(changes);
    expect(await count(COLLECTIONS.duesBases, { _id: `${a._id}_${YEAR}` })).toBe(0);
  });

  it('writes the bases once however often the same file is run, and moves the counters once', async () => {
    const a = await aMember(BRANCH_A, { name: '导入乙', phone: '13911110011' });
    const b = await aMember(BRANCH_A, { name: '导入丙', phone: '13911110012' });
    const file = await baseSheet([
      ['导入乙', '13911110011', '在职', '3,000.01', '', `${YEAR}-01`],
      ['导入丙', '', '离退休', '5000', '', `${YEAR}-07`],
    ]);
    const before = (await counter(`${YEAR}-08`))?.due ?? 0;
    const checked = unwrap(await run(uploadSheet(runtime, 'secretaryA', file), 'check'));
    expect(checked).toMatchObject({ valid: true, updated: 0 });
    expect(unwrap(await run(uploadSheet(runtime, 'secretaryA', file)))).toMatchObject({ valid: true, updated: 2 });
    expect(unwrap(await run(uploadSheet(runtime, 'secretaryA', file)))).toMatchObject({ valid: true, updated: 0 });
    // 3,000.01 in service → 1 % → 30.00; 5,000.00 retired → 0.5 % → 25.00 from July.
    expect((await counter(`${YEAR}-08`))!.due - before).toBe(3000 + 2500);
    const page = unwrap(
      await fx.call<{ items: DuesBaseItem[] }>('secretaryA', 'dues', 'bases', { year: YEAR, page: 1, pageSize: 50 }),
    );
    expect(page.items.find((i) => i.memberId === a._id)).toMatchObject({ base: 300_001, monthly: 3000 });
    expect(page.items.find((i) => i.memberId === b._id)).toMatchObject({
      base: 500_000,
      monthly: 2500,
      category: 'retired',
    });
  });
});
