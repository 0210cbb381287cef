import { COLLECTIONS, type ItemAggregate, type QuizItemDoc, type QuizStatsDoc } from '@zhibu/types';
import { database } from '../runtime/cloud';
import { getAllDocs } from '../runtime/documents';
import { addAttempt, emptyItem, mergeItem, SCORED_ATTEMPT_FIELDS, type ScoredAttempt } from './item-analysis';

/**
 * The item analysis of a quiz as of now, exactly: the per-question documents, plus every submitted
 * attempt whose responses they do not hold yet, plus the figures written into the statistics
 * document before per-question documents existed (they no longer change).
 *
 * `stats` must have been read before this is called: its foldDone S says every attempt with
 * `foldSeq ≤ S` is in the documents read next. The documents are read before the attempts, so an
 * attempt found UNFOLDED was in no document when they were read, and one found in batch k is in the
 * document of a question exactly when that document's `seq ≥ k` (item-fold.ts). When nothing had
 * been folded when `stats` was read, no document held anything then, and reading none is the same
 * (this saves the read for a quiz not yet folded). Bounded by the quiz's questions and its
 * attempts not folded yet (the hourly fold keeps those to about an hour's submissions).
 */
export async function currentItems(quizId: string, stats: QuizStatsDoc): Promise<Map<string, Required<ItemAggregate>>> {
  const db = database();
  const _ = db.command;
  const done = stats.foldDone ?? 0;
  const items = new Map<string, Required<ItemAggregate>>();
  for (const [questionId, legacy] of Object.entries(stats.items ?? {})) {
    const item = emptyItem(legacy.t);
    mergeItem(item, legacy);
    items.set(questionId, item);
  }
  const seqOf = new Map<string, number>();
  if (done > 0 || stats.fold) {
    const docs = await getAllDocs<QuizItemDoc>(() =>
      db.collection(COLLECTIONS.quizItems).where({ quizId }).orderBy('_id', 'asc'),
    );
    for (const doc of docs) {
      seqOf.set(doc.questionId, doc.seq);
      const item = items.get(doc.questionId) ?? emptyItem(doc.t);
      mergeItem(item, doc);
      items.set(doc.questionId, item);
    }
  }
  // Ordered by `_id`, which no fold changes: a submission landing between pages can only shift
  // later ones, so an attempt may come twice (counted once) but is never skipped.
  const pending = await getAllDocs<ScoredAttempt>(() =>
    db
      .collection(COLLECTIONS.quizAttempts)
      .where({ quizId, foldSeq: _.gt(done) })
      .orderBy('_id', 'asc')
      .field(SCORED_ATTEMPT_FIELDS),
  );
  const seen = new Set<string>();
  for (const attempt of pending) {
    if (seen.has(attempt._id)) continue;
    seen.add(attempt._id);
    const k = attempt.foldSeq!;
    addAttempt(items, attempt, (questionId) => k > (seqOf.get(questionId) ?? 0));
  }
  return items;
}
