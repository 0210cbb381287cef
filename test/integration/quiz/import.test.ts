/** The .xlsx round trip, row-checked imports that write nothing on a bad row, duplicates, the template, scale. */
import ExcelJS from 'exceljs';
import { COLLECTIONS, QUESTION_SHEET_COLUMNS, type QuizQuestion } from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { countOf, expectRefused } from '../../support/fixture';
import { startTestRuntime } from '../../support/runtime';
import { readSheet } from '../../support/xlsx';
import { designedQuestions, quizFixture } from './quiz-fixture';

let runtime: LocalRuntime;
let fx: ReturnType<typeof quizFixture>;

beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = quizFixture(runtime);
});
afterAll(() => runtime.close());

interface ImportReport {
  rows: number;
  valid: boolean;
  created: number;
  errors: { row: number; column: string | null; message: string }[];
  duplicates: { row: number; stem: string; existing: boolean }[];
}
interface SheetFile {
  fileName: string;
  fileBase64: string;
  rows: number;
  withAnswers?: boolean;
}

async function sheet(
  rows: (string | number)[][],
  headers: readonly string[] = QUESTION_SHEET_COLUMNS,
): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('题库');
  ws.addRow([...headers]);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}
/** A row in the template's column order: 题型, 题干, 选项A–H, 答案, 解析, 标签, 难度. */
const row = (type: string, stem: string, options: string[], answer: string, extra: (string | number)[] = []) => [
  type,
  stem,
  ...options,
  ...Array(8 - options.length).fill(''),
  answer,
  ...extra,
];

async function allQuestions(caller: string, bankId: string): Promise<QuizQuestion[]> {
  const page = fx.must(
    await fx.call<{ items: QuizQuestion[] }>(caller, 'quiz', 'listQuestions', { bankId, page: 1, pageSize: 50 }),
    'list',
  );
  return page.items;
}

const comparable = (qs: QuizQuestion[]) =>
  qs.map(({ questionId: _id, bankId: _bank, ...rest }) => rest).sort((a, b) => a.stem.localeCompare(b.stem));

test('export then import gives the same bank', async () => {
  const source = await fx.bank('admin', designedQuestions(12, '往返'), '局党委题库（往返）');
  const exported = fx.must(
    await fx.call<SheetFile>('admin', 'quiz', 'exportQuestions', { bankId: source.bankId }),
    'export',
  );
  expect(exported).toMatchObject({ rows: 12, withAnswers: true });
  const { bankId: copy } = fx.must(
    await fx.call<{ bankId: string }>('admin', 'quiz', 'createBank', { name: '副本' }),
    'bank',
  );
  const report = fx.must(
    await fx.call<ImportReport>('admin', 'quiz', 'importQuestions', {
      bankId: copy,
      fileId: fx.sheetFile('admin', exported.fileBase64),
      mode: 'commit',
    }),
    'import',
  );
  expect(report).toMatchObject({ rows: 12, valid: true, created: 12, errors: [], duplicates: [] });
  expect(comparable(await allQuestions('admin', copy))).toEqual(comparable(await allQuestions('admin', source.bankId)));
});

test('a bad row gives a report naming row and column, and nothing is written', async () => {
  const { bankId } = fx.must(
    await fx.call<{ bankId: string }>('secretaryA', 'quiz', 'createBank', { name: '导入检查' }),
    'bank',
  );
  const file = await sheet([
    row('单选', '正确的一行题目', ['甲', '乙', '丙'], 'B', ['解析', '党章', 1]),
    row('单选', '答案越界的题目', ['甲', '乙'], 'D'),
    row('多选', '多选只有一个答案', ['甲', '乙', '丙'], 'A'),
    row('问答', '不支持的题型', ['甲', '乙'], 'A'),
    row('判断', '判断题答案写错', [], '也许'),
    row('单选', '选项中间空了一个', ['甲', '', '丙'], 'A'),
    row('单选', '难度写错', ['甲', '乙'], 'A', ['', '', '很难']),
    row('单选', '', ['甲', '乙'], 'A'),
  ]);
  const before = await countOf(COLLECTIONS.quizQuestions);
  const fileId = fx.sheetFile('secretaryA', file);
  for (const mode of ['check', 'commit'] as const) {
    const report = fx.must(
      await fx.call<ImportReport>('secretaryA', 'quiz', 'importQuestions', { bankId, fileId, mode }),
      mode,
    );
    expect(report).toMatchObject({ rows: 8, valid: false, created: 0 });
    const at = (r: number) => report.errors.filter((e) => e.row === r).map((e) => e.column);
    expect(at(2)).toEqual([]);
    expect(at(3)).toContain('答案');
    expect(at(4)).toContain('答案');
    expect(at(5)).toContain('题型');
    expect(at(6)).toContain('答案');
    expect(at(7)).toContain('选项B');
    expect(at(8)).toContain('难度');
    expect(at(9)).toContain('题干');
    for (const e of report.errors) expect(e.message).toMatch(/[\u4e00-\u9fa5]/);
  }
  expect(await countOf(COLLECTIONS.quizQuestions)).toBe(before);
  // A sheet that is not a question sheet at all.
  expectRefused(
    await fx.call('secretaryA', 'quiz', 'importQuestions', {
      bankId,
      fileId: fx.sheetFile('secretaryA', await sheet([['张三']], ['姓名'])),
      mode: 'check',
    }),
    'INVALID_ARGUMENT',
  );
  expectRefused(
    await fx.call('secretaryA', 'quiz', 'importQuestions', {
      bankId,
      fileId: fx.sheetFile('secretaryA', 'bm90IGFuIHhsc3g='),
      mode: 'check',
    }),
    'INVALID_ARGUMENT',
  );
});

test('duplicate stems, in the sheet or already in the bank, are reported and not imported twice', async () => {
  const { bankId } = fx.must(
    await fx.call<{ bankId: string }>('secretaryA', 'quiz', 'createBank', { name: '查重' }),
    'bank',
  );
  fx.must(
    await fx.call('secretaryA', 'quiz', 'createQuestion', {
      bankId,
      type: 'judge',
      stem: '党的最高理想是实现共产主义。',
      options: ['对', '错'],
      answer: [0],
    }),
    'question',
  );
  const file = await sheet([
    row('判断', '党的最高理想是实现共产主义', [], '对'),
    row('单选', '新的题目一', ['甲', '乙'], 'A'),
    row('单选', '新的 题目一！', ['甲', '乙'], 'B'),
  ]);
  const fileId = fx.sheetFile('secretaryA', file);
  const report = fx.must(
    await fx.call<ImportReport>('secretaryA', 'quiz', 'importQuestions', { bankId, fileId, mode: 'commit' }),
    'import',
  );
  expect(report).toMatchObject({ valid: true, created: 1 });
  expect(report.duplicates).toEqual([
    { row: 2, stem: '党的最高理想是实现共产主义', existing: true },
    { row: 4, stem: '新的 题目一！', existing: false },
  ]);
  // Importing the same sheet again (a retry) creates nothing.
  const again = fx.must(
    await fx.call<ImportReport>('secretaryA', 'quiz', 'importQuestions', { bankId, fileId, mode: 'commit' }),
    'again',
  );
  expect(again).toMatchObject({ created: 0, alreadyImported: 1 });
  expect(again.duplicates).toHaveLength(2);
  expect(await allQuestions('secretaryA', bankId)).toHaveLength(2);
});

test('the template downloads, and imports as it is', async () => {
  const template = fx.must(await fx.call<SheetFile>('secretaryA', 'quiz', 'template', {}), 'template');
  const rows = await readSheet(template.fileBase64);
  expect(rows[0]).toEqual([...QUESTION_SHEET_COLUMNS]);
  expect(rows).toHaveLength(4);
  const { bankId } = fx.must(
    await fx.call<{ bankId: string }>('secretaryA', 'quiz', 'createBank', { name: '模板' }),
    'bank',
  );
  const report = fx.must(
    await fx.call<ImportReport>('secretaryA', 'quiz', 'importQuestions', {
      bankId,
      fileId: fx.sheetFile('secretaryA', template.fileBase64),
      mode: 'commit',
    }),
    'import',
  );
  expect(report).toMatchObject({ valid: true, created: 3 });
  expectRefused(await fx.call('memberA', 'quiz', 'template', {}), 'FORBIDDEN');
});

test('only the bureau exports keys; members and other branches cannot import or export', async () => {
  const bank = await fx.bank('secretaryA', designedQuestions(3, '导出'), '一中导出');
  const exported = fx.must(
    await fx.call<SheetFile>('secretaryA', 'quiz', 'exportQuestions', { bankId: bank.bankId }),
    'export',
  );
  expect(exported.withAnswers).toBe(false);
  const rows = await readSheet(exported.fileBase64);
  const answerAt = rows[0]!.indexOf('答案');
  const explanationAt = rows[0]!.indexOf('解析');
  for (const r of rows.slice(1)) {
    expect(r[answerAt] ?? '').toBe('');
    expect(r[explanationAt] ?? '').toBe('');
  }
  expect(JSON.stringify(rows)).not.toContain('的解析');
  const admin = fx.must(await fx.call<SheetFile>('admin', 'quiz', 'exportQuestions', { bankId: bank.bankId }), 'admin');
  expect(admin.withAnswers).toBe(true);
  expect(JSON.stringify(await readSheet(admin.fileBase64))).toContain('的解析');

  expectRefused(await fx.call('memberA', 'quiz', 'exportQuestions', { bankId: bank.bankId }), 'FORBIDDEN');
  expectRefused(await fx.call('secretaryB', 'quiz', 'exportQuestions', { bankId: bank.bankId }), 'NOT_FOUND');
  expectRefused(
    await fx.call('secretaryB', 'quiz', 'importQuestions', {
      bankId: bank.bankId,
      fileId: fx.sheetFile('secretaryB', exported.fileBase64),
      mode: 'check',
    }),
    'NOT_FOUND',
  );
  expectRefused(
    await fx.call('memberA', 'quiz', 'importQuestions', {
      bankId: bank.bankId,
      fileId: fx.sheetFile('memberA', exported.fileBase64),
      mode: 'check',
    }),
    'FORBIDDEN',
  );
});

test('1,000 questions import in one call, well within the function time limit', async () => {
  const file = await sheet(
    Array.from({ length: 1000 }, (_, i) =>
      i % 3 === 2
        ? row('判断', `规模测试第${i}题：这是一道判断题`, [], i % 2 ? '错' : '对', ['解析', '党章', 1])
        : row(
            i % 3 ? '多选' : '单选',
            `规模测试第${i}题：请选择正确的选项`,
            ['选项一', '选项二', '选项三', '选项四'],
            i % 3 ? 'AC' : 'B',
            [`第${i}题的解析`, '条例、二十大报告', 2],
          ),
    ),
  );
  const { bankId } = fx.must(
    await fx.call<{ bankId: string }>('admin', 'quiz', 'createBank', { name: '千题' }),
    'bank',
  );
  const started = Date.now();
  runtime.seam.reset();
  const report = fx.must(
    await fx.call<ImportReport>('admin', 'quiz', 'importQuestions', {
      bankId,
      fileId: fx.sheetFile('admin', file),
      mode: 'commit',
    }),
    'import',
  );
  const elapsed = Date.now() - started;
  expect(report).toMatchObject({ rows: 1000, valid: true, created: 1000, errors: [], duplicates: [] });
  // The quiz function's timeout is 20 s (cloudbaserc.json); a few database calls, not a thousand.
  expect(elapsed).toBeLessThan(10_000);
  expect(runtime.seam.calls).toBeLessThanOrEqual(10);
  expect(await countOf(COLLECTIONS.quizQuestions, { bankId })).toBe(1000);
}, 60_000);
