import type { QuizMonthCounters } from '@zhibu/types';
import { database } from '../runtime/cloud';
import { countOnce, updateCounters } from '../stats/rollup';

/**
 * A quiz's counters in the branch-month documents (BranchMonthDoc.quizzes), beside the activities'
 * ones, for the statistics: 应考 at publication, 已考 and 通过 moved with `_.inc` at each submission.
 */
/**
 * Counts a new quiz in a branch's month (and year), creating the documents on first use. A quiz
 * already counted there is left as it is, so a retried publication counts it once.
 */
export async function attachQuiz(branchId: string, month: string, quizId: string, expected: number): Promise<void> {
  const _ = database().command;
  const counters: QuizMonthCounters = { expected, taken: 0, passed: 0 };
  await countOnce(
    branchId,
    month,
    { [`quizzes.${quizId}`]: _.exists(false) },
    {
      [`quizzes.${quizId}`]: _.set(counters),
      quizExpected: _.inc(expected),
      quizTaken: _.inc(0),
      quizPassed: _.inc(0),
    },
  );
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
  await updateCounters(branchId, month, {}, data);
}
