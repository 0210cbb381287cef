import { createHash } from 'node:crypto';
import { COLLECTIONS, type QuestionDoc, type QuizBankDoc, type QuizQuestion, type quizContract } from '@zhibu/types';
import type { z } from 'zod';
import { isAdmin } from '../member/policy';
import type { Session } from '../member/session';
import { invalidArgument, notFound } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { isDuplicateKeyError } from '../runtime/db-errors';
import { countDocs, getAllDocs, getDoc, getDocs } from '../runtime/documents';
import { downloadStorageFile, isFileIn } from '../runtime/storage-file';
import { editableBank, requireQuizManager } from './banks';
import { parseRow, readQuestionSheet, SheetError, writeQuestionSheet, type RowError } from './question-sheet';
import { questionDoc, stemKey, toQuestion, type QuestionFields } from './questions';

type Input<K extends keyof typeof quizContract> = z.infer<(typeof quizContract)[K]['input']>;

/** Stems per `_.in` lookup for duplicates against the bank. */
const KEY_CHUNK = 500;
/** Documents per insert request. */
const INSERT_BATCH = 500;

/**
 * The storage folder a committee uploads question sheets to; client/src/services/upload.ts names
 * it the same way. An import reads only from the caller's own branch's folder.
 */
export const importFolder = (branchId: string) => `quiz/${branchId}/import/`;

/**
 * An imported question's id, from its bank and its stem: the stem is unique in a bank, so a second
 * run of an import (or two at once) writes the same ids, and the database refuses the repeat.
 */
export function importedQuestionId(bankId: string, key: string): string {
  return `qi${createHash('sha256').update(`${bankId}\n${key}`).digest('hex').slice(0, 30)}`;
}

/** The bank's questions with these stems, by stem: their ids tell an earlier import's from others. */
async function existingByKey(bankId: string, keys: string[]): Promise<Map<string, string>> {
  const db = database();
  const found = new Map<string, string>();
  for (let i = 0; i < keys.length; i += KEY_CHUNK) {
    const chunk = keys.slice(i, i + KEY_CHUNK);
    const docs = await getDocs<Pick<QuestionDoc, '_id' | 'stemKey'>>(
      db
        .collection(COLLECTIONS.quizQuestions)
        .where({ bankId, stemKey: db.command.in(chunk) })
        .field({ _id: true, stemKey: true })
        .limit(chunk.length),
    );
    for (const d of docs) found.set(d.stemKey, d._id);
  }
  return found;
}

/**
 * Adds one batch. Only a concurrent run of the same import can have written some of these ids
 * meanwhile (the ordered insert then stops at the first one): those found are left out and the
 * rest added again, so each question is written exactly once.
 */
async function insertBatch(docs: QuestionDoc[]): Promise<void> {
  const db = database();
  const collection = db.collection(COLLECTIONS.quizQuestions);
  let pending = docs;
  for (let round = 0; pending.length > 0; round++) {
    try {
      await collection.add({ data: pending });
      break;
    } catch (error) {
      if (!isDuplicateKeyError(error) || round >= 3) throw error;
      const there = await getDocs<{ _id: string }>(
        collection
          .where({ _id: db.command.in(pending.map((d) => d._id)) })
          .field({ _id: true })
          .limit(pending.length),
      );
      const ids = new Set(there.map((d) => d._id));
      pending = pending.filter((d) => !ids.has(d._id));
    }
  }
}

/**
 * Brings the bank's `questionCount` up to the imported questions actually stored. The bank keeps
 * how many of them it has counted (`importedCounted`); the difference to a count of the documents
 * is added, as a compare-and-set on what was read, so two imports at once, or an increment by hand
 * meanwhile, are never overwritten, and a run stopped between its inserts and this step is counted
 * by the next run.
 */
async function countImported(bankId: string, tags: string[]): Promise<void> {
  const db = database();
  const _ = db.command;
  for (let attempt = 0; attempt < 5; attempt++) {
    const [bank, stored] = await Promise.all([
      getDoc<QuizBankDoc>(COLLECTIONS.quizBanks, bankId),
      countDocs(db.collection(COLLECTIONS.quizQuestions).where({ bankId, imported: true })),
    ]);
    if (!bank) return;
    const counted = bank.importedCounted ?? 0;
    const newTags = [...new Set(tags)].filter((t) => !bank.tags.includes(t));
    if (stored === counted && newTags.length === 0) return;
    const result = (await db
      .collection(COLLECTIONS.quizBanks)
      .where({ _id: bankId, importedCounted: bank.importedCounted === undefined ? _.exists(false) : counted })
      .update({
        data: {
          importedCounted: stored,
          ...(stored !== counted ? { questionCount: _.inc(stored - counted) } : {}),
          ...(newTags.length ? { tags: _.addToSet({ $each: newTags }) } : {}),
        },
      })) as { stats: { updated: number } };
    if (result.stats.updated > 0) return;
  }
}

/** The uploaded sheet, if it is the caller's branch's and still there; NOT_FOUND otherwise. */
async function uploadedSheet(session: Session, fileId: string): Promise<Buffer> {
  const missing = () => notFound('没有找到上传的文件，请重新选择文件上传');
  if (!isFileIn(fileId, importFolder(session.member.branchId), 'xlsx')) throw missing();
  const file = await downloadStorageFile(fileId);
  if (!file) throw missing();
  return file;
}

/**
 * Imports questions from an .xlsx uploaded to cloud storage into a bank. Every row is checked
 * first; if any is bad, nothing is written and the report names each row and column. Stems
 * repeated in the sheet or already in the bank are reported and not imported.
 *
 * Large banks and timeouts: questions are written in batches of 500 with ids derived from the
 * bank and the stem. If the function is stopped part-way (its time limit, a lost connection), the
 * committee runs the same import again: rows an earlier run wrote are found under their ids and
 * skipped (`alreadyImported`), the rest are written, and the bank's count catches up with what is
 * stored. Nothing is duplicated and nothing is lost, however often it is run. Reads: one per 500
 * stems; writes: one per 500 questions, then two reads and one update for the bank's count.
 */
export async function importQuestions(session: Session, input: Input<'importQuestions'>) {
  const bank = await editableBank(session, input.bankId);
  const file = await uploadedSheet(session, input.fileId);
  let rows;
  try {
    rows = await readQuestionSheet(file);
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
  const inBank = await existingByKey(bank._id, [...new Set(parsed.map((p) => p.key))]);
  const seen = new Set<string>();
  const duplicates: { row: number; stem: string; existing: boolean }[] = [];
  const ours: typeof parsed = [];
  const fresh: typeof parsed = [];
  for (const p of parsed) {
    const stored = inBank.get(p.key);
    if (seen.has(p.key) || (stored !== undefined && stored !== importedQuestionId(bank._id, p.key))) {
      duplicates.push({ row: p.row, stem: p.question.stem.slice(0, 40), existing: stored !== undefined });
      continue;
    }
    seen.add(p.key);
    ours.push(p);
    if (stored === undefined) fresh.push(p);
  }
  const valid = errors.length === 0;
  const report = {
    rows: rows.length,
    valid,
    alreadyImported: ours.length - fresh.length,
    errors: errors.slice(0, 200),
    duplicates: duplicates.slice(0, 200),
  };
  if (!valid || input.mode === 'check') return { ...report, created: 0 };

  const docs = fresh.map((p) => ({
    ...questionDoc(session, bank, p.question, importedQuestionId(bank._id, p.key)),
    imported: true,
  }));
  for (let i = 0; i < docs.length; i += INSERT_BATCH) await insertBatch(docs.slice(i, i + INSERT_BATCH));
  await countImported(
    bank._id,
    ours.flatMap((p) => p.question.tags ?? []),
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
