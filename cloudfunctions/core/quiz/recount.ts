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

/** What a quiz's seats say, by branch: 应考 (its seats there), 已考, 通过, the scores. */
function fromSeats(seats: QuizSeatDoc[]): Map<string, Counted & { expected: number }> {
  const out = new Map<string, Counted & { expected: number }>();
  for (const seat of seats) {
    const b = out.get(seat.branchId) ?? { expected: 0, taken: 0, passed: 0, scoreSum: 0, hist: {} };
    b.expected += 1;
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

/** The per-branch figures in the quiz's statistics document, compare-and-set on what was read. */
async function repairStats(
  quizId: string,
  branchId: string,
  recorded: BranchQuizAggregate,
  actual: Counted,
): Promise<QuizDrift[]> {
  const db = database();
  const _ = db.command;
  const drift: QuizDrift[] = [];
  const fields = (['taken', 'passed', 'scoreSum'] as const).filter((f) => round(recorded[f]) !== round(actual[f]));
  const histOff = !sameHist(recorded.hist ?? {}, actual.hist);
  if (fields.length === 0 && !histOff) return drift;
  for (const f of fields) drift.push({ quizId, branchId, field: f, recorded: recorded[f], actual: actual[f] });
  if (histOff) drift.push({ quizId, branchId, field: 'hist', recorded: -1, actual: -1 });
  const b = `branches.${branchId}`;
  await db
    .collection(COLLECTIONS.quizStats)
    .where({
      _id: quizId,
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
  return drift;
}

/**
 * A quiz's entry in a branch-month document (应考 = its seats in that branch, 已考, 通过), moved
 * with the month's totals by the same difference, compare-and-set on the entry as read.
 */
async function repairMonthEntry(
  quizId: string,
  monthId: string,
  actual: Counted & { expected: number },
): Promise<Pick<QuizDrift, 'field' | 'recorded' | 'actual'> | null> {
  const db = database();
  const _ = db.command;
  const month = await getDoc<BranchMonthDoc>(COLLECTIONS.branchMonths, monthId);
  const entry = month?.quizzes?.[quizId];
  if (!entry) return null;
  if (entry.expected === actual.expected && entry.taken === actual.taken && entry.passed === actual.passed) return null;
  const e = `quizzes.${quizId}`;
  await db
    .collection(COLLECTIONS.branchMonths)
    .where({
      _id: monthId,
      [`${e}.expected`]: entry.expected,
      [`${e}.taken`]: entry.taken,
      [`${e}.passed`]: entry.passed,
    })
    .update({
      data: {
        [`${e}.expected`]: actual.expected,
        [`${e}.taken`]: actual.taken,
        [`${e}.passed`]: actual.passed,
        quizExpected: _.inc(actual.expected - entry.expected),
        quizTaken: _.inc(actual.taken - entry.taken),
        quizPassed: _.inc(actual.passed - entry.passed),
      },
    });
  return { field: 'month', recorded: entry.taken, actual: actual.taken };
}

/**
 * A month's quiz totals must be the sum of its quiz entries (every write moves both at once);
 * totals that differ are corrected compare-and-set on the totals as read.
 */
async function repairQuizTotals(monthId: string): Promise<boolean> {
  const month = await getDoc<BranchMonthDoc>(COLLECTIONS.branchMonths, monthId);
  if (!month?.quizzes) return false;
  const sums = { quizExpected: 0, quizTaken: 0, quizPassed: 0 };
  for (const entry of Object.values(month.quizzes)) {
    sums.quizExpected += entry.expected ?? 0;
    sums.quizTaken += entry.taken ?? 0;
    sums.quizPassed += entry.passed ?? 0;
  }
  const fields = ['quizExpected', 'quizTaken', 'quizPassed'] as const;
  if (fields.every((f) => (month[f] ?? 0) === sums[f])) return false;
  const _ = database().command;
  const where: Record<string, unknown> = { _id: monthId };
  const data: Record<string, unknown> = {};
  for (const f of fields) {
    where[f] = month[f] === undefined ? _.exists(false) : month[f];
    data[f] = _.inc(sums[f] - (month[f] ?? 0));
  }
  const result = (await database().collection(COLLECTIONS.branchMonths).where(where).update({ data })) as {
    stats: { updated: number };
  };
  return result.stats.updated > 0;
}

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
  const months = new Set<string>();
  for (const quiz of quizzes) {
    const [seats, stats] = await Promise.all([
      getAllDocs<QuizSeatDoc>(() =>
        db.collection(COLLECTIONS.quizSeats).where({ quizId: quiz._id }).orderBy('_id', 'asc'),
      ),
      getDoc<QuizStatsDoc>(COLLECTIONS.quizStats, quiz._id),
    ]);
    for (const [branchId, actual] of fromSeats(seats)) {
      const recorded = stats?.branches[branchId];
      if (recorded) drift.push(...(await repairStats(quiz._id, branchId, recorded, actual)));
      // The branch-month entry is checked on its own: it can drift while the statistics did not.
      const monthId = `${branchId}_${quiz.month}`;
      months.add(monthId);
      const found = await repairMonthEntry(quiz._id, monthId, actual);
      if (found) drift.push({ quizId: quiz._id, branchId, ...found });
    }
  }
  for (const id of months) await repairQuizTotals(id);
  return { quizzes: quizzes.length, drift };
}
