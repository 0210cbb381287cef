import { randomInt } from 'node:crypto';
import type { PaperEntry, PaperQuestion, QuestionDoc, QuestionType, QuizAttemptDoc } from '@zhibu/types';
import { allocatePoints } from './scoring';

/** A uniformly random permutation of 0..n−1 (Fisher–Yates with a cryptographic source). */
export function shuffledOrder(n: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/**
 * A paper from drawn questions: each question's options in a fresh random order (so neither the
 * position nor the order of options says anything about the key), its key re-expressed in that
 * order, and points by type weight totalling exactly 100. Questions come in the draw's random order,
 * shuffled once more so quota groups do not come in blocks.
 */
export function buildPaper(drawn: readonly QuestionDoc[], weights: Record<QuestionType, number>): PaperEntry[] {
  const questions = shuffledOrder(drawn.length).map((i) => drawn[i]!);
  const points = allocatePoints(questions.map((q) => weights[q.type]));
  return questions.map((q, i) => {
    // True/false keeps 对 before 错: shuffling two fixed words would only confuse.
    const order = q.type === 'judge' ? [0, 1] : shuffledOrder(q.options.length);
    const shownAt = new Map(order.map((original, shown) => [original, shown]));
    return {
      questionId: q._id,
      type: q.type,
      stem: q.stem,
      options: order.map((o) => q.options[o]!),
      order,
      answer: q.answer.map((a) => shownAt.get(a)!).sort((a, b) => a - b),
      explanation: q.explanation,
      points: points[i]!,
    };
  });
}

/** What a member taking the paper sees: no key, no explanation, no points that could hint. */
export function publicQuestions(attempt: Pick<QuizAttemptDoc, 'paper'>): PaperQuestion[] {
  return attempt.paper.map((q) => ({ questionId: q.questionId, type: q.type, stem: q.stem, options: q.options }));
}

export function limitsOf(paper: readonly PaperEntry[]): QuizAttemptDoc['limits'] {
  return Object.fromEntries(
    paper.map((q) => [q.questionId, { n: q.options.length, m: q.type === 'multiple' ? q.options.length : 1 }]),
  );
}
