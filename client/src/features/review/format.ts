import type { ReviewStatus, ReviewSummary } from '@zhibu/types';

export const STATUS_TEXT: Record<ReviewStatus, string> = { open: '评议中', closed: '评价已结束', published: '已公示' };

export function statusText(review: ReviewSummary): string {
  if (review.status === 'open' && !review.rating) return '不在评议时间内';
  return STATUS_TEXT[review.status];
}

/** 2026-12-02 至 2026-12-10 */
export const windowText = (review: Pick<ReviewSummary, 'from' | 'to'>) => `${review.from} 至 ${review.to}`;

/** The year a review opened now would be for: the last one in its first months, else this one. */
export function defaultReviewYear(today: string): number {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return m <= 2 ? y - 1 : y;
}

export function beijingToday(): string {
  return new Date(Date.now() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 24 * 60 * 60 * 1000;
  return new Date(t).toISOString().slice(0, 10);
}
