import { COLLECTIONS, type QuestionDoc, type QuizBankDoc, type QuizQuestion, type quizContract } from '@zhibu/types';
import type { z } from 'zod';
import type { Session } from '../member/session';
import { notFound } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { getDoc, pageOf } from '../runtime/documents';
import { randomString } from '../runtime/ids';
import { defaultBank, editableBank } from './banks';

type Input<K extends keyof typeof quizContract> = z.infer<(typeof quizContract)[K]['input']>;
export type QuestionFields = Input<'updateQuestion'>['question'];

export const newQuestionId = () => `q${randomString(11)}`;

/** The stem as compared for duplicates: no spacing, no punctuation, full-width folded. */
export function stemKey(stem: string): string {
  return stem
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .toLowerCase()
    .slice(0, 200);
}

export function toQuestion(q: QuestionDoc): QuizQuestion {
  return {
    questionId: q._id,
    bankId: q.bankId,
    type: q.type,
    stem: q.stem,
    options: q.options,
    answer: q.answer,
    explanation: q.explanation,
    tags: q.tags,
    difficulty: q.difficulty,
    retired: q.retired,
  };
}

export function questionDoc(
  session: Session,
  bank: QuizBankDoc,
  fields: QuestionFields,
  id = newQuestionId(),
): QuestionDoc {
  const now = new Date();
  return {
    _id: id,
    bankId: bank._id,
    scope: bank.scope,
    branchId: bank.branchId,
    type: fields.type,
    stem: fields.stem,
    stemKey: stemKey(fields.stem),
    options: fields.options,
    answer: [...fields.answer].sort((a, b) => a - b),
    explanation: fields.explanation ?? '',
    tags: [...new Set(fields.tags ?? [])],
    difficulty: fields.difficulty ?? 2,
    retired: false,
    createdBy: session.member._id,
    createdAt: now,
    updatedAt: now,
  };
}

/** Counts new questions in their bank and adds their tags to its list. */
export async function countIntoBank(bankId: string, added: number, tags: string[]): Promise<void> {
  if (!added && tags.length === 0) return;
  const _ = database().command;
  await database()
    .collection(COLLECTIONS.quizBanks)
    .doc(bankId)
    .update({
      data: {
        ...(added ? { questionCount: _.inc(added) } : {}),
        ...(tags.length ? { tags: _.addToSet({ $each: [...new Set(tags)] }) } : {}),
      },
    });
}

export async function createQuestion(
  session: Session,
  input: Input<'createQuestion'>,
): Promise<{ questionId: string }> {
  const { bankId, ...fields } = input;
  const bank = bankId ? await editableBank(session, bankId) : await defaultBank(session);
  const { _id, ...data } = questionDoc(session, bank, fields);
  await database().collection(COLLECTIONS.quizQuestions).doc(_id).set({ data });
  await countIntoBank(bank._id, 1, data.tags);
  return { questionId: _id };
}

async function editableQuestion(session: Session, questionId: string): Promise<QuestionDoc> {
  const question = await getDoc<QuestionDoc>(COLLECTIONS.quizQuestions, questionId);
  if (!question) throw notFound('没有找到该题目');
  await editableBank(session, question.bankId);
  return question;
}

/**
 * Editing changes the bank only: every paper already drawn keeps its own copy of the question,
 * so past attempts are scored and reviewed as they were taken.
 */
export async function updateQuestion(session: Session, input: Input<'updateQuestion'>): Promise<QuizQuestion> {
  const question = await editableQuestion(session, input.questionId);
  const fields = input.question;
  const next: QuestionDoc = {
    ...question,
    type: fields.type,
    stem: fields.stem,
    stemKey: stemKey(fields.stem),
    options: fields.options,
    answer: [...fields.answer].sort((a, b) => a - b),
    explanation: fields.explanation ?? '',
    tags: [...new Set(fields.tags ?? [])],
    difficulty: fields.difficulty ?? 2,
    updatedAt: new Date(),
  };
  const _ = database().command;
  const { _id, ...data } = next;
  await database()
    .collection(COLLECTIONS.quizQuestions)
    .doc(_id)
    .update({ data: { ...data, options: _.set(data.options), answer: _.set(data.answer), tags: _.set(data.tags) } });
  await countIntoBank(question.bankId, 0, next.tags);
  return toQuestion(next);
}

/** A retired question is never drawn again; papers holding it keep it. */
export async function retireQuestion(session: Session, input: Input<'retireQuestion'>): Promise<QuizQuestion> {
  const question = await editableQuestion(session, input.questionId);
  if (question.retired === input.retired) return toQuestion(question);
  const db = database();
  const result = (await db
    .collection(COLLECTIONS.quizQuestions)
    .where({ _id: question._id, retired: question.retired })
    .update({ data: { retired: input.retired, updatedAt: new Date() } })) as { stats: { updated: number } };
  if (result.stats.updated > 0) await countIntoBank(question.bankId, input.retired ? -1 : 1, []);
  return toQuestion({ ...question, retired: input.retired });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Bank editors only: this list carries the keys. */
export async function listQuestions(session: Session, input: Input<'listQuestions'>) {
  const bank = await editableBank(session, input.bankId);
  const db = database();
  const where: Record<string, unknown> = { bankId: bank._id };
  if (!input.includeRetired) where.retired = false;
  if (input.keyword) where.stem = db.RegExp({ regexp: escapeRegExp(input.keyword), options: 'i' });
  const { docs: questions, total } = await pageOf<QuestionDoc>(
    COLLECTIONS.quizQuestions,
    where,
    [
      ['createdAt', 'desc'],
      ['_id', 'asc'],
    ],
    input,
  );
  return { items: questions.map(toQuestion), total };
}
