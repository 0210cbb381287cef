import { COLLECTIONS, type BranchMonthDoc, type QuizMonthCounters } from '@zhibu/types';
import { database } from '../runtime/cloud';
import { isDuplicateKeyError } from '../runtime/db-errors';

/**
 * A quiz's counters in the branch-month documents (BranchMonthDoc.quizzes), beside the activities'
 * ones, for the statistics: 应考 at publication, 已考 and 通过 moved with `_.inc` at each submission.
 */
const monthDocId = (branchId: string, month: string) => `${branchId}_${month}`;

/** Counts a new quiz in a branch's month, creating the month's document on first use. */
export async function attachQuiz(branchId: string, month: string, quizId: string, expected: number): Promise<void> {
  const db = database();
  const _ = db.command;
  const id = monthDocId(branchId, month);
  const counters: QuizMonthCounters = { expected, taken: 0, passed: 0 };
  const update = { [`quizzes.${quizId}`]: _.set(counters), quizExpected: _.inc(expected) };
  for (let attempt = 0; attempt < 2; attempt++) {
    const result = (await db.collection(COLLECTIONS.branchMonths).doc(id).update({ data: update })) as {
      stats: { updated: number };
    };
    if (result.stats.updated > 0) return;
    const fresh: BranchMonthDoc = {
      _id: id,
      branchId,
      month,
      activities: {},
      held: {},
      expected: 0,
      present: 0,
      leave: 0,
      quizzes: { [quizId]: counters },
      quizExpected: expected,
      quizTaken: 0,
      quizPassed: 0,
    };
    try {
      await db.collection(COLLECTIONS.branchMonths).add({ data: fresh });
      return;
    } catch (error) {
      // Another request created this month's document first: count into it instead.
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
  throw new Error(`could not count quiz ${quizId} in ${id}`);
}

export async function bumpQuiz(
  branchId: string,
  month: string,
  quizId: string,
  delta: { taken: number; passed: number },
): Promise<void> {
  if (!delta.taken && !delta.passed) return;
  const _ = database().command;
  const data: Record<string, unknown> = {};
  if (delta.taken) {
    data[`quizzes.${quizId}.taken`] = _.inc(delta.taken);
    data.quizTaken = _.inc(delta.taken);
  }
  if (delta.passed) {
    data[`quizzes.${quizId}.passed`] = _.inc(delta.passed);
    data.quizPassed = _.inc(delta.passed);
  }
  await database().collection(COLLECTIONS.branchMonths).doc(monthDocId(branchId, month)).update({ data });
}
