import type { MultipleRule, PaperEntry, QuestionType } from '@zhibu/types';

/** A whole paper is worth 100 points, kept as 10,000 hundredths so every sum is exact. */
export const PAPER_HUNDREDTHS = 10_000;

/**
 * The hundredths one answer earns. Single choice and true/false: the one right option. Multiple
 * choice, `all`: exactly the key. `partial` (少选得一半、错选不得分): the key earns everything, a
 * non-empty part of it half (rounded down to a hundredth), any wrong option nothing.
 */
export function earnedFor(
  type: QuestionType,
  key: readonly number[],
  chosen: readonly number[],
  points: number,
  rule: MultipleRule,
): number {
  const picked = new Set(chosen);
  const keySet = new Set(key);
  const exact = picked.size === keySet.size && [...picked].every((i) => keySet.has(i));
  if (exact) return points;
  if (type !== 'multiple' || rule !== 'partial' || picked.size === 0) return 0;
  return [...picked].every((i) => keySet.has(i)) ? Math.floor(points / 2) : 0;
}

export interface Scored {
  /** Out of 100, to the hundredth: exactly the sum of `earned` / 100. */
  score: number;
  earned: number[];
  correct: boolean[];
}

export function scorePaper(
  paper: readonly Pick<PaperEntry, 'questionId' | 'type' | 'answer' | 'points'>[],
  answers: Readonly<Record<string, readonly number[]>>,
  rule: MultipleRule,
): Scored {
  const earned = paper.map((q) => earnedFor(q.type, q.answer, answers[q.questionId] ?? [], q.points, rule));
  const total = earned.reduce((a, b) => a + b, 0);
  return { score: total / 100, earned, correct: earned.map((e, i) => e === paper[i]!.points) };
}

/**
 * Splits 10,000 hundredths over the questions by weight, largest remainder first, so the paper's
 * points always total exactly 100 whatever the weights and the count.
 */
export function allocatePoints(weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (PAPER_HUNDREDTHS * w) / total);
  const points = exact.map(Math.floor);
  let left = PAPER_HUNDREDTHS - points.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    points[i]! += 1;
    left -= 1;
  }
  return points;
}
