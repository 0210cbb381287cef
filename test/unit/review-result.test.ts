import type { ReviewGradeCounts, ReviewGrade } from '@zhibu/types';
import {
  computeResults,
  DEFAULT_REVIEW_SETTINGS,
  excellentLimit,
  gradeOfScore,
  memberScore,
  weightedScore,
} from '../../cloudfunctions/core/review/result';

const counts = (优秀: number, 合格: number, 基本合格 = 0, 不合格 = 0): ReviewGradeCounts => ({
  优秀,
  合格,
  基本合格,
  不合格,
});
const item = (memberId: string, c: ReviewGradeCounts, committeeGrade: ReviewGrade | null) => ({
  memberId,
  counts: c,
  committeeGrade,
});

describe('the weighted result', () => {
  it('averages the votes’ points and weighs them against the committee’s rating', () => {
    // Votes: 3 × 优秀 (100) and 1 × 合格 (80) → 95; committee 合格 (80); 50/50 → 87.5 → 合格.
    expect(memberScore(counts(3, 1))).toBe(95);
    expect(weightedScore(counts(3, 1), '合格', DEFAULT_REVIEW_SETTINGS)).toBe(87.5);
    expect(gradeOfScore(87.5)).toBe('合格');
    // The bureau weighs the members 70 %: (0.7 × 95 + 0.3 × 80) = 90.5 → 优秀.
    expect(weightedScore(counts(3, 1), '合格', { memberWeight: 70, committeeWeight: 30 })).toBe(90.5);
    // The bands' edges belong to the better grade.
    expect([90, 89.99, 70, 69.99, 50, 49.99].map(gradeOfScore)).toEqual([
      '优秀',
      '合格',
      '合格',
      '基本合格',
      '基本合格',
      '不合格',
    ]);
  });

  it('scores a member nobody rated by the committee alone, and nobody before the committee rated', () => {
    expect(weightedScore(counts(0, 0), '基本合格', DEFAULT_REVIEW_SETTINGS)).toBe(60);
    expect(weightedScore(counts(5, 0), null, DEFAULT_REVIEW_SETTINGS)).toBeNull();
  });

  it('keeps thirds exact to two decimals', () => {
    // Votes 优秀, 合格, 不合格 → 220 / 3 = 73.33…; committee 合格 → (73.333 + 80) / 2 = 76.67.
    expect(weightedScore(counts(1, 1, 0, 1), '合格', DEFAULT_REVIEW_SETTINGS)).toBe(76.67);
  });
});

describe('the 优秀 cap', () => {
  it('allows the cap’s share of the reviewed, rounded down', () => {
    expect([1, 3, 4, 10, 17].map((n) => excellentLimit(n, 30))).toEqual([0, 0, 1, 3, 5]);
  });

  it('keeps the highest scores and moves the others down to 合格', () => {
    // 10 reviewed, cap 30 % → 3. Five reach 优秀 with scores 100, 97.5, 95, 92.5, 90.
    const items = [
      item('a', counts(9, 0), '优秀'), // 100
      item('b', counts(8, 1), '优秀'), // (97.78 + 100) / 2 = 98.89
      item('c', counts(7, 2), '优秀'), // (95.56 + 100) / 2 = 97.78
      item('d', counts(9, 0), '合格'), // (100 + 80) / 2 = 90
      item('e', counts(6, 3), '优秀'), // (93.33 + 100) / 2 = 96.67
      ...['f', 'g', 'h', 'i', 'j'].map((id) => item(id, counts(0, 9), '合格')), // 80
    ];
    const result = computeResults(items, DEFAULT_REVIEW_SETTINGS);
    const grade = (id: string) => result.get(id)!.computed;
    expect(['a', 'b', 'c'].map(grade)).toEqual(['优秀', '优秀', '优秀']);
    expect(['d', 'e'].map(grade)).toEqual(['合格', '合格']);
    expect(result.get('e')!.score).toBe(96.67);
    expect([...result.values()].filter((r) => r.computed === '优秀')).toHaveLength(3);
  });

  it('moves everyone tied at the cut down, so a tie never breaks the cap', () => {
    // 10 reviewed, 3 allowed; four tie at 100.
    const items = [
      ...['a', 'b', 'c', 'd'].map((id) => item(id, counts(9, 0), '优秀')),
      item('e', counts(9, 0), '合格'),
      ...['f', 'g', 'h', 'i', 'j'].map((id) => item(id, counts(0, 9), '合格')),
    ];
    const result = computeResults(items, DEFAULT_REVIEW_SETTINGS);
    expect([...result.values()].filter((r) => r.computed === '优秀')).toHaveLength(0);
    // With a stricter bureau cap of 10 %, one place: the single best keeps it.
    const one = computeResults(
      [item('top', counts(9, 0), '优秀'), ...items.slice(4)],
      { ...DEFAULT_REVIEW_SETTINGS, excellentCap: 10 },
      10,
    );
    expect(one.get('top')!.computed).toBe('优秀');
    expect(one.get('e')!.computed).toBe('合格');
  });
});
