import { COLLECTIONS, type QuestionDoc, type QuizQuestion, type quizContract } from '@zhibu/types';
import type { z } from 'zod';
import { isAdmin } from '../member/policy';
import type { Session } from '../member/session';
import { invalidArgument } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { getAllDocs, getDocs } from '../runtime/documents';
import { editableBank, requireQuizManager } from './banks';
import { parseRow, readQuestionSheet, SheetError, writeQuestionSheet, type RowError } from './question-sheet';
import { countIntoBank, questionDoc, stemKey, toQuestion, type QuestionFields } from './questions';

type Input<K extends keyof typeof quizContract> = z.infer<(typeof quizContract)[K]['input']>;

/** Stems per `_.in` lookup for duplicates against the bank. */
const KEY_CHUNK = 500;
/** Documents per insert request. */
const INSERT_BATCH = 500;

async function existingKeys(bankId: string, keys: string[]): Promise<Set<string>> {
  const db = database();
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += KEY_CHUNK) {
    const chunk = keys.slice(i, i + KEY_CHUNK);
    const docs = await getDocs<Pick<QuestionDoc, 'stemKey'>>(
      db
        .collection(COLLECTIONS.quizQuestions)
        .where({ bankId, stemKey: db.command.in(chunk) })
        .field({ stemKey: true })
        .limit(chunk.length),
    );
    for (const d of docs) found.add(d.stemKey);
  }
  return found;
}

/**
 * Imports questions from .xlsx into a bank. Every row is checked first; if any is bad, nothing is
 * written and the report names each row and column. Stems repeated in the sheet or already in the
 * bank are reported and not imported again — which also makes a retried import harmless. A
 * thousand rows are one read per 500 stems and one insert per 500 questions.
 */
export async function importQuestions(session: Session, input: Input<'importQuestions'>) {
  const bank = await editableBank(session, input.bankId);
  let rows;
  try {
    rows = await readQuestionSheet(Buffer.from(input.fileBase64, 'base64'));
  } catch (error) {
    if (error instanceof SheetError) throw invalidArgument(error.message);
    throw error;
  }
  if (rows.length === 0) throw invalidArgument('表格中没有题目（第 1 行为表头，从第 2 行开始填写）');

  const errors: RowError[] = [];
  const parsed: { row: number; question: QuestionFields; key: string }[] = [];
  for (const row of rows) {
    const result = parseRow(row);
    errors.push(...result.errors);
    if (result.question) parsed.push({ row: row.row, question: result.question, key: stemKey(result.question.stem) });
  }
  const inBank = await existingKeys(bank._id, [...new Set(parsed.map((p) => p.key))]);
  const seen = new Set<string>();
  const duplicates: { row: number; stem: string; existing: boolean }[] = [];
  const fresh = parsed.filter((p) => {
    if (inBank.has(p.key) || seen.has(p.key)) {
      duplicates.push({ row: p.row, stem: p.question.stem.slice(0, 40), existing: inBank.has(p.key) });
      return false;
    }
    seen.add(p.key);
    return true;
  });
  const valid = errors.length === 0;
  const report = { rows: rows.length, valid, errors: errors.slice(0, 200), duplicates: duplicates.slice(0, 200) };
  if (!valid || input.mode === 'check' || fresh.length === 0) return { ...report, created: 0 };

  const docs = fresh.map((p) => questionDoc(session, bank, p.question));
  const collection = database().collection(COLLECTIONS.quizQuestions);
  for (let i = 0; i < docs.length; i += INSERT_BATCH) await collection.add({ data: docs.slice(i, i + INSERT_BATCH) });
  await countIntoBank(
    bank._id,
    docs.length,
    docs.flatMap((d) => d.tags),
  );
  return { ...report, created: docs.length };
}

/** The bank as .xlsx in the import format; keys and explanations for bureau admins only. */
export async function exportQuestions(session: Session, input: Input<'exportQuestions'>) {
  const bank = await editableBank(session, input.bankId);
  const withAnswers = isAdmin(session);
  const db = database();
  const questions: QuizQuestion[] = (
    await getAllDocs<QuestionDoc>(() =>
      db
        .collection(COLLECTIONS.quizQuestions)
        .where({ bankId: bank._id, retired: false })
        .orderBy('createdAt', 'asc')
        .orderBy('_id', 'asc'),
    )
  ).map(toQuestion);
  const file = await writeQuestionSheet(bank.name, questions, withAnswers);
  return {
    fileName: `${bank.name}${withAnswers ? '' : '（不含答案）'}.xlsx`,
    fileBase64: file.toString('base64'),
    rows: questions.length,
    withAnswers,
  };
}

/** The import sheet with one example of each type, for committees to fill in. */
export async function questionTemplate(session: Session) {
  requireQuizManager(session);
  const examples: QuizQuestion[] = [
    {
      questionId: 'x1',
      bankId: '',
      type: 'single',
      stem: '中国共产党的最高理想和最终目标是什么？',
      options: ['实现共产主义', '全面建成小康社会', '实现社会主义现代化', '实现中华民族伟大复兴'],
      answer: [0],
      explanation: '党章总纲：党的最高理想和最终目标是实现共产主义。',
      tags: ['党章'],
      difficulty: 1,
      retired: false,
    },
    {
      questionId: 'x2',
      bankId: '',
      type: 'multiple',
      stem: '“三会一课”中的“三会”是指哪些会议？',
      options: ['支部党员大会', '支部委员会', '党小组会', '民主生活会'],
      answer: [0, 1, 2],
      explanation: '“三会”指支部党员大会、支部委员会和党小组会。',
      tags: ['条例'],
      difficulty: 2,
      retired: false,
    },
    {
      questionId: 'x3',
      bankId: '',
      type: 'judge',
      stem: '预备党员的预备期为一年。',
      options: ['对', '错'],
      answer: [0],
      explanation: '党章第七条：预备党员的预备期为一年。',
      tags: ['党章'],
      difficulty: 1,
      retired: false,
    },
  ];
  const file = await writeQuestionSheet('题库导入模板', examples, true);
  return { fileName: '题库导入模板.xlsx', fileBase64: file.toString('base64'), rows: examples.length };
}
