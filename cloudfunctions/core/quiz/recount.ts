import {
  COLLECTIONS,
  SUBMIT_GRACE_SECONDS,
  type BranchMonthDoc,
  type BranchQuizAggregate,
  type QuizDoc,
  type QuizSeatDoc,
  type QuizStatsDoc,
} from '@zhibu/types';
import { database } from '../runtime/cloud';
import { getAllDocs, getDoc, getDocs } from '../runtime/documents';
import { histogramBin } from './item-analysis';

export interface QuizDrift {
  quizId: string;
  branchId: string;
  field: 'taken' | 'passed' | 'scoreSum' | 'hist' | 'month';
  recorded: number;
  actual: number;
}

/** Quizzes closed within this many days are recounted; older ones no longer change. */
const LOOKBACK_DAYS = 40;

type Counted = Omit<BranchQuizAggregate, 'expected'>;

function fromSeats(seats: QuizSeatDoc[]): Map<string, Counted> {
  const out = new Map<string, Counted>();
  for (const seat of seats) {
    const b = out.get(seat.branchId) ?? { taken: 0, passed: 0, scoreSum: 0, hist: {} };
    if (seat.submitted > 0 && seat.counted !== null) {
      b.taken += 1;
      b.passed += seat.passed ? 1 : 0;
      b.scoreSum += seat.counted;
      const bin = String(histogramBin(seat.counted));
      b.hist[bin] = (b.hist[bin] ?? 0) + 1;
    }
    out.set(seat.branchId, b);
  }
  return out;
}

const sameHist = (a: Record<string, number>, b: Record<string, number>) =>
  [...new Set([...Object.keys(a), ...Object.keys(b)])].every((k) => (a[k] ?? 0) === (b[k] ?? 0));
const round = (x: number) => Math.round(x * 100) / 100;

/**
 * Rebuilds the counters of recently closed quizzes from their seats: the per-branch figures in the
 * statistics document and the branch-month counters. Open quizzes are left alone (submissions
 * still land there), and every correction is a compare-and-set on the value that was read, so an
 * increment landing meanwhile is never overwritten: that entry is simply left for the next run.
 * The job closes abandoned attempts before this runs.
 */
export async function recountClosedQuizzes(now = Date.now()): Promise<{ quizzes: number; drift: QuizDrift[] }> {
  const db = database();
  const _ = db.command;
  const quizzes = await getDocs<QuizDoc>(
    db
      .collection(COLLECTIONS.quizzes)
      .where({
        closeAt: _.gt(new Date(now - LOOKBACK_DAYS * 86_400_000)).and(
          _.lt(new Date(now - SUBMIT_GRACE_SECONDS * 2000)),
        ),
      })
      .orderBy('closeAt', 'desc')
      .limit(100),
  );
  const drift: QuizDrift[] = [];
  for (const quiz of quizzes) {
    const [seats, stats] = await Promise.all([
      getAllDocs<QuizSeatDoc>(() =>
        db.collection(COLLECTIONS.quizSeats).where({ quizId: quiz._id }).orderBy('_id', 'asc'),
      ),
      getDoc<QuizStatsDoc>(COLLECTIONS.quizStats, quiz._id),
    ]);
    if (!stats) continue;
    for (const [branchId, actual] of fromSeats(seats)) {
      const recorded = stats.branches[branchId];
      if (!recorded) continue;
      const fields = (['taken', 'passed', 'scoreSum'] as const).filter((f) => round(recorded[f]) !== round(actual[f]));
      const histOff = !sameHist(recorded.hist ?? {}, actual.hist);
      if (fields.length === 0 && !histOff) continue;
      for (const f of fields)
        drift.push({ quizId: quiz._id, branchId, field: f, recorded: recorded[f], actual: actual[f] });
      if (histOff) drift.push({ quizId: quiz._id, branchId, field: 'hist', recorded: -1, actual: -1 });
      const b = `branches.${branchId}`;
      await db
        .collection(COLLECTIONS.quizStats)
        .where({
          _id: quiz._id,
          [`${b}.taken`]: recorded.taken,
          [`${b}.passed`]: recorded.passed,
          [`${b}.scoreSum`]: recorded.scoreSum,
        })
        .update({
          data: {
            [`${b}.taken`]: actual.taken,
            [`${b}.passed`]: actual.passed,
            [`${b}.scoreSum`]: actual.scoreSum,
            [`${b}.hist`]: _.set(actual.hist),
          },
        });

      const monthId = `${branchId}_${quiz.month}`;
      const month = await getDoc<BranchMonthDoc>(COLLECTIONS.branchMonths, monthId);
      const entry = month?.quizzes?.[quiz._id];
      if (!entry || (entry.taken === actual.taken && entry.passed === actual.passed)) continue;
      drift.push({ quizId: quiz._id, branchId, field: 'month', recorded: entry.taken, actual: actual.taken });
      const e = `quizzes.${quiz._id}`;
      await db
        .collection(COLLECTIONS.branchMonths)
        .where({ _id: monthId, [`${e}.taken`]: entry.taken, [`${e}.passed`]: entry.passed })
        .update({
          data: {
            [`${e}.taken`]: actual.taken,
            [`${e}.passed`]: actual.passed,
            quizTaken: _.inc(actual.taken - entry.taken),
            quizPassed: _.inc(actual.passed - entry.passed),
          },
        });
    }
  }
  return { quizzes: quizzes.length, drift };
}
