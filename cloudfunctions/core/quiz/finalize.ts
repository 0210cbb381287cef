import { COLLECTIONS, SUBMIT_GRACE_SECONDS, type QuizAttemptDoc, type WrongEntry } from '@zhibu/types';
import { database } from '../runtime/cloud';
import { getDoc } from '../runtime/documents';
import { bumpQuiz } from './counters';
import { histogramBin, scoreBucket } from './item-analysis';
import { seatId } from './ids';
import { scorePaper } from './scoring';

export const GRACE_MS = SUBMIT_GRACE_SECONDS * 1000;

/** Past its deadline and the grace after it: nothing the member sends changes it any more. */
export const isPastGrace = (attempt: Pick<QuizAttemptDoc, 'deadline'>, now: number) =>
  now > new Date(attempt.deadline).getTime() + GRACE_MS;

/** The question as written, for the 错题本: options back in their original order. */
function asWritten(entry: QuizAttemptDoc['paper'][number]): WrongEntry {
  const options: string[] = [];
  entry.order.forEach((original, shown) => (options[original] = entry.options[shown]!));
  return {
    questionId: entry.questionId,
    type: entry.type,
    stem: entry.stem,
    options,
    answer: entry.answer.map((shown) => entry.order[shown]!).sort((a, b) => a - b),
    explanation: entry.explanation,
  };
}

/**
 * Scores an open attempt and records it: the attempt (a conditional write from `open`, so an
 * attempt is scored once however many submits, reads and jobs race), then the member's seat, the
 * quiz's statistics and the branch-month counters, each one `_.inc`-style update. Four operations.
 * Should the function stop after the first, the recount rebuilds the rest from the attempts.
 * Returns the attempt as stored, or null when another request scored it first.
 */
export async function finalizeAttempt(
  attempt: QuizAttemptDoc,
  answers: Record<string, number[]>,
  closedByDeadline: boolean,
  now: number,
): Promise<QuizAttemptDoc | null> {
  const db = database();
  const _ = db.command;
  const scored = scorePaper(attempt.paper, answers, attempt.multipleRule);
  const passed = scored.score >= attempt.passScore;
  const wrong = attempt.paper.filter((_q, i) => !scored.correct[i]).map(asWritten);
  const submittedAt = new Date(now);
  const done: QuizAttemptDoc = {
    ...attempt,
    status: 'submitted',
    answers,
    score: scored.score,
    passed,
    submittedAt,
    closedByDeadline,
    earned: scored.earned,
    wrong,
    wrongCount: wrong.length,
  };
  const result = (await db
    .collection(COLLECTIONS.quizAttempts)
    .where({ _id: attempt._id, status: 'open' })
    .update({
      data: {
        status: 'submitted',
        answers: _.set(answers),
        score: scored.score,
        passed,
        submittedAt,
        closedByDeadline,
        earned: _.set(scored.earned),
        wrong: _.set(wrong),
        wrongCount: wrong.length,
      },
    })) as { stats: { updated: number } };
  if (result.stats.updated === 0) return null;

  // The member's counted result moves from `prev` (copied from the seat at start) to this.
  const { prev } = attempt;
  const best = prev.best === null ? scored.score : Math.max(prev.best, scored.score);
  const counted = attempt.countRule === 'best' ? best : scored.score;
  const countedPassed = counted >= attempt.passScore;
  await db
    .collection(COLLECTIONS.quizSeats)
    .doc(seatId(attempt.quizId, attempt.memberId))
    .update({
      data: {
        open: null,
        submitted: _.inc(1),
        lastAttemptId: attempt._id,
        best,
        last: scored.score,
        counted,
        passed: countedPassed,
      },
    });

  const taken = prev.submitted === 0 ? 1 : 0;
  const passedDelta = (countedPassed ? 1 : 0) - (prev.passed ? 1 : 0);
  const b = `branches.${attempt.branchId}`;
  const stats: Record<string, unknown> = {
    attempts: _.inc(1),
    [`${b}.scoreSum`]: _.inc(counted - (prev.counted ?? 0)),
  };
  if (taken) stats[`${b}.taken`] = _.inc(1);
  if (passedDelta) stats[`${b}.passed`] = _.inc(passedDelta);
  const newBin = histogramBin(counted);
  const oldBin = prev.counted === null ? null : histogramBin(prev.counted);
  if (oldBin !== newBin) {
    stats[`${b}.hist.${newBin}`] = _.inc(1);
    if (oldBin !== null) stats[`${b}.hist.${oldBin}`] = _.inc(-1);
  }
  // Item analysis counts every attempt: each is one response to each question on its paper.
  // Known limit: the statistics document grows by 300–570 bytes (BSON) per distinct question
  // drawn, and one quiz may draw up to count × maxAttempts = 1,000 distinct questions per member,
  // bounded only by the banks' size; past about 900–1,600 questions it passes the 512 KB document
  // limit and this update fails. Per-question documents are the fix (not yet done: written here
  // they would take submit past its six operations).
  const bucket = scoreBucket(scored.score);
  attempt.paper.forEach((q, i) => {
    const item = `items.${q.questionId}`;
    const correct = scored.correct[i] ? 1 : 0;
    stats[`${item}.t`] = q.type;
    stats[`${item}.n`] = _.inc(1);
    stats[`${item}.b.${bucket}.n`] = _.inc(1);
    if (correct) {
      stats[`${item}.c`] = _.inc(1);
      stats[`${item}.b.${bucket}.c`] = _.inc(1);
    } else {
      stats[`${item}.c`] = _.inc(0);
      for (const shown of answers[q.questionId] ?? []) {
        if (!q.answer.includes(shown)) stats[`${item}.w.${q.order[shown]}`] = _.inc(1);
      }
    }
  });
  await db.collection(COLLECTIONS.quizStats).doc(attempt.quizId).update({ data: stats });
  await bumpQuiz(attempt.branchId, attempt.month, attempt.quizId, { taken, passed: passedDelta });
  return done;
}

/** An attempt left open past its deadline and grace is scored from what was saved. */
export async function closeIfAbandoned(attempt: QuizAttemptDoc, now: number): Promise<QuizAttemptDoc> {
  if (attempt.status !== 'open' || !isPastGrace(attempt, now)) return attempt;
  const done = await finalizeAttempt(attempt, attempt.answers, true, now);
  return done ?? (await getDoc<QuizAttemptDoc>(COLLECTIONS.quizAttempts, attempt._id)) ?? attempt;
}
