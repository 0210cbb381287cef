import type { ItemAggregate, PaperEntry, QuizAttemptDoc } from '@zhibu/types';
import { earnedFor } from './scoring';

/** Attempt scores are bucketed 5 points wide (100 falls in the last) for the discrimination index. */
export const SCORE_BUCKETS = 20;
export const scoreBucket = (score: number) => Math.min(SCORE_BUCKETS - 1, Math.max(0, Math.floor(score / 5)));
export const histogramBin = (score: number) => Math.min(9, Math.max(0, Math.floor(score / 10)));

/** The share of attempts on each side compared by the discrimination index (Kelley's 27 %). */
export const GROUP_SHARE = 0.27;
/** Below this many responses a question is not flagged: a handful of answers proves nothing. */
export const MIN_RESPONSES_TO_FLAG = 5;

/**
 * Facility in the top 27 % of the attempts that held the question (by attempt score) minus that in
 * the bottom 27 %. Attempts are known only by bucket, so the bucket straddling a cut contributes
 * its share pro rata. Null when fewer than two attempts answered it.
 */
export function discrimination(item: Pick<ItemAggregate, 'n' | 'b'>): number | null {
  if (item.n < 2) return null;
  const buckets = Object.entries(item.b ?? {})
    .map(([k, v]) => ({ k: Number(k), n: v.n ?? 0, c: v.c ?? 0 }))
    .filter((b) => b.n > 0)
    .sort((a, b) => a.k - b.k);
  const size = GROUP_SHARE * item.n;
  const facilityOf = (ordered: typeof buckets) => {
    let left = size;
    let correct = 0;
    for (const b of ordered) {
      if (left <= 0) break;
      const take = Math.min(b.n, left);
      correct += (b.c * take) / b.n;
      left -= take;
    }
    return correct / size;
  };
  return round(facilityOf([...buckets].reverse()) - facilityOf(buckets));
}

export function facility(item: Pick<ItemAggregate, 'n' | 'c'>): number {
  return item.n === 0 ? 0 : round(item.c / item.n);
}

export function dubiousReason(f: number, d: number | null, n: number): string | null {
  if (n < MIN_RESPONSES_TO_FLAG) return null;
  if (f < 0.2) return '答对率低于 20%，请检查答案或题干';
  if (d !== null && d <= 0) return '区分度不大于 0：高分组并不比低分组答得好';
  return null;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** What item analysis needs of a submitted attempt (the fold and the read project only this). */
export type ScoredAttempt = Pick<QuizAttemptDoc, '_id' | 'score' | 'answers' | 'foldSeq'> & {
  paper: Pick<PaperEntry, 'questionId' | 'type' | 'answer' | 'order'>[];
};
export const SCORED_ATTEMPT_FIELDS = {
  _id: true,
  score: true,
  answers: true,
  foldSeq: true,
  'paper.questionId': true,
  'paper.type': true,
  'paper.answer': true,
  'paper.order': true,
} as const;

export const emptyItem = (t: ItemAggregate['t']): Required<ItemAggregate> => ({ t, n: 0, c: 0, w: {}, b: {} });

/**
 * Adds one submitted attempt's responses into `items` — one response to each question on its
 * paper, fully correct when the answer equals the key (the scoring's own test for 答对) — or only
 * those questions `include` accepts.
 */
export function addAttempt(
  items: Map<string, Required<ItemAggregate>>,
  attempt: ScoredAttempt,
  include: (questionId: string) => boolean = () => true,
): void {
  const bucket = String(scoreBucket(attempt.score ?? 0));
  for (const q of attempt.paper) {
    if (!include(q.questionId)) continue;
    const item = items.get(q.questionId) ?? emptyItem(q.type);
    items.set(q.questionId, item);
    const chosen = attempt.answers[q.questionId] ?? [];
    const correct = earnedFor(q.type, q.answer, chosen, 1, 'all') === 1;
    item.n += 1;
    const b = (item.b[bucket] ??= { n: 0, c: 0 });
    b.n += 1;
    if (correct) {
      item.c += 1;
      b.c += 1;
    } else {
      for (const shown of chosen) {
        if (!q.answer.includes(shown)) {
          const original = String(q.order[shown]);
          item.w[original] = (item.w[original] ?? 0) + 1;
        }
      }
    }
  }
}

/** `into` plus `more`, field by field. */
export function mergeItem(into: Required<ItemAggregate>, more: ItemAggregate): void {
  into.n += more.n ?? 0;
  into.c += more.c ?? 0;
  for (const [k, v] of Object.entries(more.w ?? {})) into.w[k] = (into.w[k] ?? 0) + (v ?? 0);
  for (const [k, v] of Object.entries(more.b ?? {})) {
    const b = (into.b[k] ??= { n: 0, c: 0 });
    b.n += v.n ?? 0;
    b.c += v.c ?? 0;
  }
}
