import { COLLECTIONS, type QuizPracticeDoc, type WrongEntry, type WrongItem } from '@zhibu/types';
import type { Session } from '../member/session';
import { notFound } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { isDuplicateKeyError } from '../runtime/db-errors';
import { getDoc } from '../runtime/documents';
import { earnedFor } from './scoring';

/** Two right answers in a row in practice make a question 已掌握. */
export const MASTERY_STREAK = 2;

interface BookRow {
  _id: string;
  times: number;
  lastAt: Date;
  q: WrongEntry;
}

/**
 * The 错题本 is built from the member's own scored attempts, which keep each wrong question as it
 * was written: one aggregation groups them by question with how often it went wrong. Nothing is
 * written at submission for it, which keeps submit within its budget.
 */
function book(memberId: string, exclude: string[] = []) {
  const db = database();
  const _ = db.command;
  const $ = db.command.aggregate;
  let pipeline = db
    .collection(COLLECTIONS.quizAttempts)
    .aggregate()
    .match({ memberId, wrongCount: _.gt(0) })
    .project({ wrong: 1, submittedAt: 1 })
    .sort({ submittedAt: 1 })
    .unwind('$wrong')
    .group({ _id: '$wrong.questionId', times: $.sum(1), lastAt: $.max('$submittedAt'), q: $.last('$wrong') });
  if (exclude.length) pipeline = pipeline.match({ _id: _.nin(exclude) });
  return pipeline;
}

async function practiceOf(memberId: string): Promise<QuizPracticeDoc> {
  return (
    (await getDoc<QuizPracticeDoc>(COLLECTIONS.quizPractice, memberId)) ?? { _id: memberId, streak: {}, mastered: {} }
  );
}

function toItem(row: BookRow, practice: QuizPracticeDoc): WrongItem {
  return {
    questionId: row._id,
    type: row.q.type,
    stem: row.q.stem,
    options: row.q.options,
    answer: row.q.answer,
    explanation: row.q.explanation,
    wrongTimes: row.times,
    lastWrongAt: new Date(row.lastAt).toISOString(),
    practiceStreak: practice.streak[row._id] ?? 0,
    mastered: practice.mastered[row._id] === true,
  };
}

/** The member's own 错题本, latest mistakes first; every question here was answered and scored already. */
export async function wrongBook(session: Session, input: { page: number; pageSize: number }) {
  const me = session.member._id;
  const [rows, counted, practice] = await Promise.all([
    book(me)
      .sort({ lastAt: -1, _id: 1 })
      .skip((input.page - 1) * input.pageSize)
      .limit(input.pageSize)
      .end() as Promise<{ list: BookRow[] }>,
    book(me).count('total').end() as Promise<{ list: { total: number }[] }>,
    practiceOf(me),
  ]);
  return { items: rows.list.map((r) => toItem(r, practice)), total: counted.list[0]?.total ?? 0 };
}

/** Practice redraws questions not yet mastered from the book; it never counts anywhere. */
export async function practice(session: Session, input: { count: number }) {
  const me = session.member._id;
  const state = await practiceOf(me);
  const mastered = Object.keys(state.mastered).filter((k) => state.mastered[k]);
  const { list } = (await book(me, mastered).sample({ size: input.count }).end()) as { list: BookRow[] };
  return {
    questions: list.map((r) => ({ questionId: r._id, type: r.q.type, stem: r.q.stem, options: r.q.options })),
  };
}

export async function practiceAnswer(session: Session, input: { questionId: string; choice: number[] }) {
  const me = session.member._id;
  const db = database();
  const _ = db.command;
  const [{ list }, state] = await Promise.all([
    db
      .collection(COLLECTIONS.quizAttempts)
      .aggregate()
      .match({ memberId: me, wrongCount: _.gt(0), 'wrong.questionId': input.questionId })
      .project({ wrong: 1 })
      .unwind('$wrong')
      .match({ 'wrong.questionId': input.questionId })
      .limit(1)
      .end() as Promise<{ list: { wrong: WrongEntry }[] }>,
    practiceOf(me),
  ]);
  const entry = list[0]?.wrong;
  if (!entry) throw notFound('这道题不在您的错题本中');
  const correct = earnedFor(entry.type, entry.answer, input.choice, 1, 'all') === 1;
  const streak = correct ? (state.streak[entry.questionId] ?? 0) + 1 : 0;
  const mastered = state.mastered[entry.questionId] === true || streak >= MASTERY_STREAK;
  const data = { [`streak.${entry.questionId}`]: streak, [`mastered.${entry.questionId}`]: mastered };
  const practiceDocs = db.collection(COLLECTIONS.quizPractice);
  const updated = (await practiceDocs.doc(me).update({ data })) as { stats: { updated: number } };
  if (updated.stats.updated === 0) {
    try {
      await practiceDocs.add({
        data: {
          _id: me,
          streak: { [entry.questionId]: streak },
          mastered: { [entry.questionId]: mastered },
        },
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      await practiceDocs.doc(me).update({ data });
    }
  }
  return {
    questionId: entry.questionId,
    correct,
    answer: entry.answer,
    explanation: entry.explanation,
    practiceStreak: streak,
    mastered,
  };
}
