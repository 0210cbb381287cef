import { COLLECTIONS, type ItemAggregate, type QuizDoc, type QuizItemDoc, type QuizStatsDoc } from '@zhibu/types';
import { database } from '../runtime/cloud';
import { isDuplicateKeyError } from '../runtime/db-errors';
import { getDoc, getDocs } from '../runtime/documents';
import { addAttempt, SCORED_ATTEMPT_FIELDS, type ScoredAttempt } from './item-analysis';

/** An attempt's `foldSeq` from its scoring until a fold batch claims it. */
export const UNFOLDED = 2_147_483_647;
/** Attempts per fold batch: their ids sit in the statistics document while the batch runs (~6 KB). */
export const FOLD_BATCH = 100;
/** Per-question writes sent side by side. */
const PARALLEL = 20;

export const quizItemId = (quizId: string, questionId: string) => `${quizId}_${questionId}`;

/**
 * Why item analysis is folded and not counted at submission: one quiz may draw up to
 * members × attempts × paper size distinct questions (a member alone up to 1,000), so per-question
 * figures cannot live in one document, and submit cannot write a document per question within its
 * six operations. Submit marks the attempt UNFOLDED; this fold adds batches of such attempts into
 * per-question documents (`quizItems`, `_id` `<quizId>_<questionId>`), and the read adds what is
 * not folded yet (item-read.ts), so the figures are exact at every moment.
 *
 * A batch is one at a time per quiz, numbered foldDone + 1, and its attempt list is fixed in the
 * statistics document by a compare-and-set before anything is claimed. Whoever finds a batch there
 * finishes it — a stopped run is finished by the next, and two runs finish the same batch:
 * 1. claim: each listed attempt UNFOLDED → n (conditional), so after this pass every listed attempt
 *    is in batch n, whoever claimed it; an attempt belongs to no other batch, since listing happens
 *    only with no batch in progress and every earlier batch claimed all of its own list;
 * 2. add: per question, `_.inc` of the batch's sums where `seq < n`, setting `seq = n` (a missing
 *    document is created with `seq = n`; losing that race means another run wrote the same sums),
 *    so each document takes each batch once, and a late run's writes are refused;
 * 3. close: foldDone n−1 → n and the batch cleared, by compare-and-set.
 * Hence a document with `seq ≥ k` holds batch k (batches never overlap), and one with `seq < k`
 * does not: that is the rule the read applies to attempts of batches later than the foldDone it read.
 */
export async function foldQuizItems(
  quizId: string,
  deadline = Date.now() + 30_000,
  batchSize = FOLD_BATCH,
): Promise<number> {
  const db = database();
  const _ = db.command;
  let folded = 0;
  while (Date.now() < deadline) {
    const stats = await getDoc<QuizStatsDoc>(COLLECTIONS.quizStats, quizId);
    if (!stats) return folded;
    if (stats.foldDone === undefined) {
      // A statistics document from before per-question documents: start its numbering.
      await db
        .collection(COLLECTIONS.quizStats)
        .where({ _id: quizId, foldDone: _.exists(false) })
        .update({ data: { foldDone: 0, fold: null } });
      continue;
    }
    let batch = stats.fold ?? null;
    if (!batch) {
      const listed = await getDocs<{ _id: string }>(
        db
          .collection(COLLECTIONS.quizAttempts)
          .where({ quizId, foldSeq: UNFOLDED })
          .orderBy('_id', 'asc')
          .field({ _id: true })
          .limit(batchSize),
      );
      if (listed.length === 0) return folded;
      batch = { seq: stats.foldDone + 1, attempts: listed.map((a) => a._id) };
      const began = (await db
        .collection(COLLECTIONS.quizStats)
        .where({ _id: quizId, foldDone: stats.foldDone, fold: null })
        .update({ data: { fold: _.set(batch) } })) as { stats: { updated: number } };
      if (began.stats.updated === 0) continue; // another run began one: finish that one instead
    }
    await finishBatch(quizId, batch);
    const closed = (await db
      .collection(COLLECTIONS.quizStats)
      .where({ _id: quizId, foldDone: batch.seq - 1, 'fold.seq': batch.seq })
      .update({ data: { foldDone: batch.seq, fold: null } })) as { stats: { updated: number } };
    if (closed.stats.updated > 0) folded += batch.attempts.length;
  }
  return folded;
}

async function finishBatch(quizId: string, batch: { seq: number; attempts: string[] }): Promise<void> {
  const db = database();
  const _ = db.command;
  for (let i = 0; i < batch.attempts.length; i += PARALLEL) {
    await Promise.all(
      batch.attempts.slice(i, i + PARALLEL).map((id) =>
        db
          .collection(COLLECTIONS.quizAttempts)
          .where({ _id: id, foldSeq: UNFOLDED })
          .update({ data: { foldSeq: batch.seq } }),
      ),
    );
  }
  const attempts = await getDocs<ScoredAttempt>(
    db
      .collection(COLLECTIONS.quizAttempts)
      .where({ _id: _.in(batch.attempts) })
      .field(SCORED_ATTEMPT_FIELDS)
      .limit(batch.attempts.length),
  );
  const sums = new Map<string, Required<ItemAggregate>>();
  for (const attempt of attempts) {
    // Every listed attempt is in this batch after the claim pass; the check guards the rule.
    if (attempt.foldSeq !== batch.seq) throw new Error(`attempt ${attempt._id} is not in fold batch ${batch.seq}`);
    addAttempt(sums, attempt);
  }
  const entries = [...sums];
  for (let i = 0; i < entries.length; i += PARALLEL) {
    await Promise.all(
      entries.slice(i, i + PARALLEL).map(([questionId, sum]) => addInto(quizId, questionId, batch.seq, sum)),
    );
  }
}

async function addInto(quizId: string, questionId: string, seq: number, sum: Required<ItemAggregate>): Promise<void> {
  const db = database();
  const _ = db.command;
  const _id = quizItemId(quizId, questionId);
  const data: Record<string, unknown> = { t: sum.t, seq, n: _.inc(sum.n), c: _.inc(sum.c) };
  for (const [k, v] of Object.entries(sum.w)) data[`w.${k}`] = _.inc(v);
  for (const [k, v] of Object.entries(sum.b)) {
    data[`b.${k}.n`] = _.inc(v.n);
    data[`b.${k}.c`] = _.inc(v.c);
  }
  const result = (await db
    .collection(COLLECTIONS.quizItems)
    .where({ _id, seq: _.lt(seq) })
    .update({ data })) as { stats: { updated: number } };
  if (result.stats.updated > 0) return;
  // No document, or one holding this batch already (seq ≥ this one): then the add is refused.
  const fresh: QuizItemDoc = { _id, quizId, questionId, seq, ...sum };
  try {
    await db.collection(COLLECTIONS.quizItems).add({ data: fresh });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
}

/** Quizzes still taking submissions or closed within this many days are folded. */
const LOOKBACK_DAYS = 40;

/**
 * The hourly part: folds every quiz open or closed recently (the run after a quiz closes folds its
 * last attempts, the abandoned ones included once scored), within the time given.
 */
export async function foldRecentQuizzes(
  now = Date.now(),
  budgetMs = 40_000,
): Promise<{ quizzes: number; attempts: number }> {
  const db = database();
  const quizzes = await getDocs<Pick<QuizDoc, '_id'>>(
    db
      .collection(COLLECTIONS.quizzes)
      .where({ closeAt: db.command.gt(new Date(now - LOOKBACK_DAYS * 86_400_000)) })
      .orderBy('closeAt', 'desc')
      .field({ _id: true })
      .limit(200),
  );
  const deadline = Date.now() + budgetMs;
  let attempts = 0;
  for (const quiz of quizzes) attempts += await foldQuizItems(quiz._id, deadline);
  return { quizzes: quizzes.length, attempts };
}
