import fc from 'fast-check';
import type { MultipleRule, PaperEntry } from '@zhibu/types';
import { discrimination, dubiousReason, facility } from '../../cloudfunctions/core/quiz/item-analysis';
import { buildPaper } from '../../cloudfunctions/core/quiz/paper';
import { allocatePoints, earnedFor, PAPER_HUNDREDTHS, scorePaper } from '../../cloudfunctions/core/quiz/scoring';

const rule = fc.constantFrom<MultipleRule>('all', 'partial');

/** A random paper: each question's type, option count, key, and weight. */
const paperArb = fc
  .array(
    fc.record({
      type: fc.constantFrom('single' as const, 'multiple' as const, 'judge' as const),
      n: fc.integer({ min: 2, max: 8 }),
      weight: fc.integer({ min: 1, max: 10 }),
      seed: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
      pick: fc.nat(7),
    }),
    { minLength: 1, maxLength: 60 },
  )
  .map((qs) => {
    const points = allocatePoints(qs.map((q) => q.weight));
    return qs.map((q, i): PaperEntry => {
      const n = q.type === 'judge' ? 2 : q.type === 'multiple' ? Math.max(3, q.n) : q.n;
      let answer = q.type === 'multiple' ? q.seed.slice(0, n).flatMap((on, j) => (on ? [j] : [])) : [q.pick % n];
      if (q.type === 'multiple' && answer.length < 2) answer = [0, n - 1];
      return {
        questionId: `q${i}`,
        type: q.type,
        stem: `题${i}`,
        options: Array.from({ length: n }, (_, j) => `选项${j}`),
        order: Array.from({ length: n }, (_, j) => j),
        answer,
        explanation: '',
        points: points[i]!,
      };
    });
  });

/** Random answers for a paper: any subset of each question's options (or nothing). */
const answersFor = (paper: PaperEntry[]) =>
  fc.tuple(
    ...paper.map((q) =>
      fc.subarray(
        q.options.map((_, j) => j),
        { maxLength: q.type === 'multiple' ? q.options.length : 1 },
      ),
    ),
  );

test('points: a paper always totals exactly 100, split by weight to the hundredth', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 100 }), (weights) => {
      const points = allocatePoints(weights);
      expect(points.reduce((a, b) => a + b, 0)).toBe(PAPER_HUNDREDTHS);
      const total = weights.reduce((a, b) => a + b, 0);
      points.forEach((p, i) => expect(Math.abs(p - (PAPER_HUNDREDTHS * weights[i]!) / total)).toBeLessThan(1));
    }),
  );
});

test('a score lies in [0, 100] and equals the sum of its questions, under both multiple-choice rules', () => {
  fc.assert(
    fc.property(
      paperArb.chain((paper) => fc.tuple(fc.constant(paper), answersFor(paper), rule)),
      ([paper, chosen, r]) => {
        const answers = Object.fromEntries(paper.map((q, i) => [q.questionId, chosen[i]!]));
        const scored = scorePaper(paper, answers, r);
        expect(scored.score).toBeGreaterThanOrEqual(0);
        expect(scored.score).toBeLessThanOrEqual(100);
        expect(scored.score).toBe(scored.earned.reduce((a, b) => a + b, 0) / 100);
        scored.earned.forEach((e, i) => {
          expect(e).toBeGreaterThanOrEqual(0);
          expect(e).toBeLessThanOrEqual(paper[i]!.points);
          expect(scored.correct[i]).toBe(e === paper[i]!.points);
        });
      },
    ),
  );
});

test('all right is 100, nothing answered is 0', () => {
  fc.assert(
    fc.property(paperArb, rule, (paper, r) => {
      const right = Object.fromEntries(paper.map((q) => [q.questionId, q.answer]));
      expect(scorePaper(paper, right, r).score).toBe(100);
      expect(scorePaper(paper, {}, r).score).toBe(0);
    }),
  );
});

test('multiple choice: all-or-nothing, or half for a correct part and nothing for any wrong option', () => {
  fc.assert(
    fc.property(
      fc
        .integer({ min: 3, max: 8 })
        .chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 2, maxLength: n }),
            fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: n }),
            fc.integer({ min: 1, max: 10_000 }),
          ),
        ),
      ([, key, chosen, points]) => {
        const exact = chosen.length === key.length && chosen.every((c) => key.includes(c));
        const subset = chosen.length > 0 && chosen.every((c) => key.includes(c));
        expect(earnedFor('multiple', key, chosen, points, 'all')).toBe(exact ? points : 0);
        expect(earnedFor('multiple', key, chosen, points, 'partial')).toBe(
          exact ? points : subset ? Math.floor(points / 2) : 0,
        );
        // Partial is never harsher than all-or-nothing.
        expect(earnedFor('multiple', key, chosen, points, 'partial')).toBeGreaterThanOrEqual(
          earnedFor('multiple', key, chosen, points, 'all'),
        );
      },
    ),
  );
});

test('a drawn paper keeps each key with its option text whatever the shuffle', () => {
  const bank = Array.from({ length: 20 }, (_, i) => ({
    _id: `q${i}`,
    bankId: 'b',
    scope: 'bureau' as const,
    branchId: null,
    type: (i % 2 ? 'multiple' : 'single') as 'multiple' | 'single',
    stem: `题${i}`,
    stemKey: `题${i}`,
    options: ['甲', '乙', '丙', '丁', '戊'],
    answer: i % 2 ? [1, 3] : [i % 5],
    explanation: '',
    tags: [],
    difficulty: 2,
    retired: false,
    createdBy: 'x',
    createdAt: new Date(),
    updatedAt: new Date(),
  }));
  for (let round = 0; round < 20; round++) {
    const paper = buildPaper(bank, { single: 1, multiple: 2, judge: 1 });
    expect(paper.reduce((a, q) => a + q.points, 0)).toBe(PAPER_HUNDREDTHS);
    for (const q of paper) {
      const original = bank.find((b) => b._id === q.questionId)!;
      expect(q.answer.map((a) => q.options[a]).sort()).toEqual(original.answer.map((a) => original.options[a]).sort());
      expect(q.order.map((o) => original.options[o])).toEqual(q.options);
    }
  }
});

test('item analysis: facility, discrimination from score buckets, and the dubious flags', () => {
  // 10 attempts: 5 in the top bucket all right, 5 in the bottom bucket all wrong.
  expect(discrimination({ n: 10, b: { 19: { n: 5, c: 5 }, 0: { n: 5, c: 0 } } })).toBe(1);
  expect(discrimination({ n: 10, b: { 19: { n: 5, c: 0 }, 0: { n: 5, c: 5 } } })).toBe(-1);
  expect(discrimination({ n: 1, b: { 3: { n: 1, c: 1 } } })).toBeNull();
  expect(facility({ n: 8, c: 2 })).toBe(0.25);
  expect(dubiousReason(0.1, 0.5, 20)).toMatch(/答对率/);
  expect(dubiousReason(0.6, 0, 20)).toMatch(/区分度/);
  expect(dubiousReason(0.6, 0.3, 20)).toBeNull();
  expect(dubiousReason(0.1, -1, 3)).toBeNull();
});
