import { REVIEW_GRADES, type ReviewGradeCounts, type ReviewGrade, type ReviewSettings } from '@zhibu/types';

/**
 * The counting rules of 民主评议党员, written once: how the members' votes and the committee's
 * rating combine into a grade, and how the share of 优秀 is capped.
 */

export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = { memberWeight: 50, committeeWeight: 50, excellentCap: 30 };

// Rule: each grade is worth points; a weighted score falls back into the band it reaches.
export const GRADE_POINTS: Record<ReviewGrade, number> = { 优秀: 100, 合格: 80, 基本合格: 60, 不合格: 40 };
const BANDS: [number, ReviewGrade][] = [
  [90, '优秀'],
  [70, '合格'],
  [50, '基本合格'],
];

export const emptyCounts = (): ReviewGradeCounts => ({ 优秀: 0, 合格: 0, 基本合格: 0, 不合格: 0 });

export function gradeOfScore(score: number): ReviewGrade {
  for (const [min, grade] of BANDS) if (score >= min) return grade;
  return '不合格';
}

/** The mean points of the members' votes; null when nobody rated the member. */
export function memberScore(counts: ReviewGradeCounts): number | null {
  let votes = 0;
  let points = 0;
  for (const grade of REVIEW_GRADES) {
    votes += counts[grade];
    points += counts[grade] * GRADE_POINTS[grade];
  }
  return votes === 0 ? null : points / votes;
}

// Rule: score = (member weight × mean points of the votes + committee weight × the committee's
// points) / (sum of the weights). A member nobody rated is scored by the committee alone; without
// the committee's rating there is no score yet. Two decimals.
export function weightedScore(
  counts: ReviewGradeCounts,
  committeeGrade: ReviewGrade | null,
  settings: Pick<ReviewSettings, 'memberWeight' | 'committeeWeight'>,
): number | null {
  if (!committeeGrade) return null;
  const committee = GRADE_POINTS[committeeGrade];
  const members = memberScore(counts);
  const memberWeight = members === null ? 0 : settings.memberWeight;
  const total = memberWeight + settings.committeeWeight;
  const score =
    total === 0 ? committee : (memberWeight * (members ?? 0) + settings.committeeWeight * committee) / total;
  return Math.round(score * 100) / 100;
}

/** The most 优秀 a branch may have: the cap's share of the reviewed, rounded down. */
export const excellentLimit = (reviewed: number, capPercent: number) => Math.floor((reviewed * capPercent) / 100);

export interface Scored {
  memberId: string;
  counts: ReviewGradeCounts;
  committeeGrade: ReviewGrade | null;
}

export interface Computed {
  score: number | null;
  computed: ReviewGrade | null;
}

// Rule: at most excellentLimit members are 优秀, the highest scores first; the others that reached
// 优秀 are 合格. Members tied at the cut are all moved down, so the cap is never exceeded by a tie
// (the committee may still decide otherwise, with a reason, within the cap).
export function computeResults(
  items: Scored[],
  settings: ReviewSettings,
  reviewed = items.length,
): Map<string, Computed> {
  const out = new Map<string, Computed>();
  const excellent: { memberId: string; score: number }[] = [];
  for (const item of items) {
    const score = weightedScore(item.counts, item.committeeGrade, settings);
    const computed = score === null ? null : gradeOfScore(score);
    out.set(item.memberId, { score, computed });
    if (computed === '优秀' && score !== null) excellent.push({ memberId: item.memberId, score });
  }
  const limit = excellentLimit(reviewed, settings.excellentCap);
  if (excellent.length > limit) {
    excellent.sort((a, b) => b.score - a.score);
    const cut = excellent[limit]!.score;
    for (const e of excellent) {
      if (e.score <= cut) out.set(e.memberId, { score: e.score, computed: '合格' });
    }
  }
  return out;
}

/** The grade published: the committee's decision where it made one, the computed grade otherwise. */
export const finalGrade = (override: ReviewGrade | null, computed: ReviewGrade | null) => override ?? computed;
