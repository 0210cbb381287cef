import { COLLECTIONS, SUBMIT_GRACE_SECONDS, type QuizAttemptDoc, type WrongEntry } from '@zhibu/types';
import { database } from '../runtime/cloud';
import { getDoc } from '../runtime/documents';
import { bumpQuiz } from './counters';
import { histogramBin } from './item-analysis';
import { UNFOLDED } from './item-fold';
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
 * Should the function stop after the first, the recount rebuilds the rest from the seats.
 *
 * The statistics update is bounded whatever the banks' size: counts and the score histogram per
 * branch, nothing per question. Item analysis used to be counted here into one map in that
 * document, ~314 bytes per distinct question (~571 at worst); a quiz may draw up to
 * members × attempts × paper size distinct questions (one member alone 1,000), so a 5,000-question
 * bank could reach ~1.5 MB, past the 512 KB document limit, and the update then failed after the
 * attempt and seat were written. Now the attempt, which holds its paper and answers, is marked
 * UNFOLDED; the fold (item-fold.ts) adds it into per-question documents later and the read
 * (item-read.ts) adds the attempts not folded yet, so the analysis stays exact at every moment.
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
    foldSeq: UNFOLDED,
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
        foldSeq: UNFOLDED,
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
