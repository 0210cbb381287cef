/**
 * Large banks go through cloud storage: a 5,000-row sheet imported by file ID, file IDs outside the
 * caller's branch folder refused, and a run cut short resumed by running it again.
 */
import ExcelJS from 'exceljs';
import { COLLECTIONS, QUESTION_SHEET_COLUMNS, type QuizBankDoc } from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { countOf, expectRefused } from '../../support/fixture';
import { DEMO, startTestRuntime } from '../../support/runtime';
import { quizFixture, storedDoc } from './quiz-fixture';

let runtime: LocalRuntime;
let fx: ReturnType<typeof quizFixture>;
let big: Buffer;

interface ImportReport {
  rows: number;
  valid: boolean;
  created: number;
  alreadyImported: number;
  errors: { row: number; column: string | null; message: string }[];
  duplicates: unknown[];
}

/** `count` distinct questions of the three types, in the template's columns. */
async function generatedSheet(count: number, prefix: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('题库');
  ws.addRow([...QUESTION_SHEET_COLUMNS]);
  const blank = (n: number) => Array<string>(n).fill('');
  for (let i = 0; i < count; i++) {
    if (i % 3 === 2)
      ws.addRow(['判断', `${prefix}第${i}题：这是一道判断题`, ...blank(8), i % 2 ? '错' : '对', '解析', '党章', 1]);
    else
      ws.addRow([
        i % 3 ? '多选' : '单选',
        `${prefix}第${i}题：请选择正确的选项`,
        '选项一',
        '选项二',
        '选项三',
        '选项四',
        ...blank(4),
        i % 3 ? 'AC' : 'B',
        `第${i}题的解析`,
        `条例、标签${i % 7}`,
        2,
      ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const bankOf = async (caller: 'admin' | 'secretaryA', name: string) =>
  fx.must(await fx.call<{ bankId: string }>(caller, 'quiz', 'createBank', { name }), 'bank').bankId;
const importSheet = (caller: 'admin' | 'secretaryA' | 'secretaryB', bankId: string, fileId: string) =>
  fx.call<ImportReport>(caller, 'quiz', 'importQuestions', { bankId, fileId, mode: 'commit' });

beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = quizFixture(runtime);
  big = await generatedSheet(5000, '大题库');
}, 60_000);
afterAll(() => runtime.close());
afterEach(() => jest.restoreAllMocks());

test('5,000 questions import by file ID in one call, within the function time limit', async () => {
  const bankId = await bankOf('secretaryA', '五千题');
  const fileId = fx.sheetFile('secretaryA', big);
  expect(fileId.startsWith(`local://quiz/${DEMO.secretaryA.branchId}/import/`)).toBe(true);

  const check = fx.must(
    await fx.call<ImportReport>('secretaryA', 'quiz', 'importQuestions', { bankId, fileId, mode: 'check' }),
    'check',
  );
  expect(check).toMatchObject({ rows: 5000, valid: true, created: 0, alreadyImported: 0, errors: [] });
  expect(await countOf(COLLECTIONS.quizQuestions, { bankId })).toBe(0);

  runtime.seam.reset();
  const started = Date.now();
  const report = fx.must(await importSheet('secretaryA', bankId, fileId), 'import');
  const elapsed = Date.now() - started;
  expect(report).toMatchObject({ rows: 5000, valid: true, created: 5000, alreadyImported: 0, duplicates: [] });
  // The quiz function's timeout is 20 s (cloudbaserc.json). Measured locally: README, 理论测试.
  expect(elapsed).toBeLessThan(12_000);
  // 10 stem lookups + 10 inserts + the bank's count, not one call per row.
  expect(runtime.seam.calls).toBeLessThanOrEqual(30);
  expect(await countOf(COLLECTIONS.quizQuestions, { bankId })).toBe(5000);
  const bank = await storedDoc<QuizBankDoc>(COLLECTIONS.quizBanks, bankId);
  expect(bank).toMatchObject({ questionCount: 5000, importedCounted: 5000 });
  expect([...bank!.tags].sort()).toEqual(['党章', '条例', ...Array.from({ length: 7 }, (_, i) => `标签${i}`)].sort());
}, 60_000);

test('a file ID outside the caller’s branch folder answers NOT_FOUND and writes nothing', async () => {
  const bankId = await bankOf('secretaryA', '越界文件');
  const small = await generatedSheet(3, '越界');
  const before = await countOf(COLLECTIONS.quizQuestions);
  const ofB = fx.sheetFile('secretaryB', small);
  const hostile = [
    // Another branch's upload, a real file.
    ofB,
    // Climbing out of the caller's own folder into B's.
    `local://quiz/${DEMO.secretaryA.branchId}/import/../../${DEMO.secretaryB.branchId}/import/${ofB.split('/').pop()}`,
    // The caller's branch, but another folder (minutes photos) or a sub-folder.
    `local://minutes/${DEMO.secretaryA.branchId}/x.xlsx`,
    `local://quiz/${DEMO.secretaryA.branchId}/import/more/x.xlsx`,
    // The right folder, no such file.
    `local://quiz/${DEMO.secretaryA.branchId}/import/missing.xlsx`,
    // Another environment's storage, and no file ID at all.
    'cloud://other-env-1a2b.6f74-other-env/quiz/b-qhyz/import/x.xlsx',
    'https://example.com/quiz.xlsx',
  ];
  for (const fileId of hostile) {
    for (const mode of ['check', 'commit'] as const) {
      const result = await fx.call('secretaryA', 'quiz', 'importQuestions', { bankId, fileId, mode });
      expectRefused(result, 'NOT_FOUND');
    }
  }
  // The file is B's own: B's secretary may import it into B's bank.
  const bankB = fx.must(await fx.call<{ bankId: string }>('secretaryB', 'quiz', 'createBank', { name: 'B题库' }), 'b');
  expect(fx.must(await importSheet('secretaryB', bankB.bankId, ofB), 'B').created).toBe(3);
  expect(await countOf(COLLECTIONS.quizQuestions)).toBe(before + 3);
  expect(await countOf(COLLECTIONS.quizQuestions, { bankId })).toBe(0);
});

test('a run cut short after some batches is resumed by running it again: exactly 5,000 questions', async () => {
  const bankId = await bankOf('admin', '中断续传');
  const fileId = fx.sheetFile('admin', big);
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  let inserts = 0;
  const handle = runtime.engine.handle.bind(runtime.engine);
  jest.spyOn(runtime.engine, 'handle').mockImplementation(async (action, data) => {
    const collection = (data as { collectionName?: string } | undefined)?.collectionName;
    if (action === 'database.insertDocument' && collection === COLLECTIONS.quizQuestions && ++inserts === 3) {
      // The third batch lands, but the function never hears back (its time limit, a lost connection).
      await handle(action, data);
      throw new Error('timeout');
    }
    return handle(action, data);
  });
  expect(await importSheet('admin', bankId, fileId)).toMatchObject({ ok: false, code: 'INTERNAL' });
  jest.restoreAllMocks();
  expect(await countOf(COLLECTIONS.quizQuestions, { bankId })).toBe(1500);
  // Written but not yet counted: the bank says nothing of them.
  expect((await storedDoc<QuizBankDoc>(COLLECTIONS.quizBanks, bankId))!.questionCount).toBe(0);

  const resumed = fx.must(await importSheet('admin', bankId, fileId), 'resume');
  expect(resumed).toMatchObject({ rows: 5000, valid: true, created: 3500, alreadyImported: 1500, duplicates: [] });
  expect(await countOf(COLLECTIONS.quizQuestions, { bankId })).toBe(5000);
  expect(await storedDoc<QuizBankDoc>(COLLECTIONS.quizBanks, bankId)).toMatchObject({
    questionCount: 5000,
    importedCounted: 5000,
  });
  // Once more (a retry of a run that had in fact finished): nothing new, nothing counted twice.
  const again = fx.must(await importSheet('admin', bankId, fileId), 'again');
  expect(again).toMatchObject({ created: 0, alreadyImported: 5000 });
  expect(await countOf(COLLECTIONS.quizQuestions, { bankId })).toBe(5000);
  expect((await storedDoc<QuizBankDoc>(COLLECTIONS.quizBanks, bankId))!.questionCount).toBe(5000);
  // Every stem once.
  const page = fx.must(
    await fx.call<{ total: number }>('admin', 'quiz', 'listQuestions', { bankId, page: 1, pageSize: 1 }),
    'list',
  );
  expect(page.total).toBe(5000);
}, 120_000);

test('two runs of the same import at once write each question once and count it once', async () => {
  const bankId = await bankOf('secretaryA', '并发导入');
  const fileId = fx.sheetFile('secretaryA', await generatedSheet(1200, '并发'));
  const [a, b] = await Promise.all([
    importSheet('secretaryA', bankId, fileId),
    importSheet('secretaryA', bankId, fileId),
  ]);
  expect(a.ok && b.ok).toBe(true);
  expect(await countOf(COLLECTIONS.quizQuestions, { bankId })).toBe(1200);
  expect((await storedDoc<QuizBankDoc>(COLLECTIONS.quizBanks, bankId))!.questionCount).toBe(1200);
}, 60_000);
