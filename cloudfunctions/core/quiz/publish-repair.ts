import { COLLECTIONS, type BranchMonthDoc, type QuizDoc, type QuizSeatDoc } from '@zhibu/types';
import { database } from '../runtime/cloud';
import { getDoc, getDocs } from '../runtime/documents';
import { updateCounters } from '../stats/rollup';
import { showSeats } from './publish';

/**
 * A publication takes seconds (the quiz function's timeout is 20 s); a quiz still `publishing`
 * after this long was stopped midway and will never finish by itself.
 */
export const PUBLISH_STUCK_MS = 10 * 60_000;
/** Quizzes handled per run; more wait for the next hour. */
const PER_RUN = 20;

/**
 * Takes a stuck publication back out: its seats (none was ever shown or started — start refuses a
 * quiz that is not published), its entries in the branch-month counters (a compare-and-set on the
 * entry read, so a second run subtracts nothing twice), its statistics and the quiz itself, last,
 * so that a run stopped midway finds it again next hour.
 */
async function withdraw(quiz: QuizDoc): Promise<void> {
  const db = database();
  const _ = db.command;
  await db.collection(COLLECTIONS.quizSeats).where({ quizId: quiz._id }).remove();
  for (const branchId of quiz.branchIds) {
    const monthId = `${branchId}_${quiz.month}`;
    const entry = (await getDoc<BranchMonthDoc>(COLLECTIONS.branchMonths, monthId))?.quizzes?.[quiz._id];
    if (!entry) continue;
    const e = `quizzes.${quiz._id}`;
    await updateCounters(
      branchId,
      quiz.month,
      { [`${e}.expected`]: entry.expected },
      { [e]: _.remove(), quizExpected: _.inc(-entry.expected) },
    );
  }
  await db.collection(COLLECTIONS.quizStats).doc(quiz._id).remove();
  await db.collection(COLLECTIONS.quizzes).doc(quiz._id).remove();
}

/**
 * The hourly repair of publications that stopped midway (core/quiz/publish.ts): a quiz stuck in
 * `publishing` is withdrawn; a published quiz whose seats are still hidden has them shown.
 */
export async function repairPublications(now = Date.now()): Promise<{ withdrawn: string[]; shown: string[] }> {
  const db = database();
  const _ = db.command;
  const stuck = await getDocs<QuizDoc>(
    db
      .collection(COLLECTIONS.quizzes)
      .where({ status: 'publishing', createdAt: _.lt(new Date(now - PUBLISH_STUCK_MS)) })
      .orderBy('createdAt', 'asc')
      .limit(PER_RUN),
  );
  for (const quiz of stuck) await withdraw(quiz);

  const hidden = await getDocs<Pick<QuizSeatDoc, 'quizId'>>(
    db.collection(COLLECTIONS.quizSeats).where({ publishing: true }).field({ quizId: true }).limit(1000),
  );
  const shown: string[] = [];
  for (const quizId of [...new Set(hidden.map((s) => s.quizId))].slice(0, PER_RUN)) {
    const quiz = await getDoc<QuizDoc>(COLLECTIONS.quizzes, quizId);
    if (quiz?.status !== 'published') continue;
    await showSeats(quizId);
    shown.push(quizId);
  }
  return { withdrawn: stuck.map((q) => q._id), shown };
}
