import { COLLECTIONS, type ReviewDoc } from '@zhibu/types';
import { database } from '../runtime/cloud';
import { getAllDocs } from '../runtime/documents';
import { readCounters, type PeriodCounters } from './counters';
import type { MonthActivity } from './rules';

/**
 * 民主评议党员 held through the review function (core/review): a published review counts as held,
 * with its evidence (the published results), for the compliance item `review` in the Beijing month
 * it was published. Read from the reviews themselves, never kept in the branch-month counters, so a
 * recount of those counters cannot erase it. One read for all branches of the months asked.
 */
export type PublishedReview = Pick<ReviewDoc, 'branchId' | 'publishedMonth' | 'publishedDate'>;

export async function publishedReviews(scope: { branchIds?: string[]; months: string[] }): Promise<PublishedReview[]> {
  if (scope.months.length === 0) return [];
  const db = database();
  const _ = db.command;
  const where: Record<string, unknown> = { status: 'published', publishedMonth: _.in(scope.months) };
  if (scope.branchIds) where.branchId = _.in(scope.branchIds);
  return getAllDocs<PublishedReview>(() =>
    db
      .collection(COLLECTIONS.reviews)
      .where(where)
      .field({ _id: true, branchId: true, publishedMonth: true, publishedDate: true })
      .orderBy('_id', 'asc'),
  );
}

/** Adds each published review to its branch's month as one held, evidenced 民主评议党员. */
export function addReviewsHeld(
  compliance: Map<string, Map<string, MonthActivity>>,
  reviews: readonly PublishedReview[],
): void {
  for (const r of reviews) {
    if (!r.publishedMonth) continue;
    const calendar = compliance.get(r.branchId) ?? new Map<string, MonthActivity>();
    compliance.set(r.branchId, calendar);
    const month = calendar.get(r.publishedMonth) ?? { held: {}, evidenced: {} };
    calendar.set(r.publishedMonth, month);
    month.held.review = (month.held.review ?? 0) + 1;
    month.evidenced.review = (month.evidenced.review ?? 0) + 1;
    if (r.publishedDate) ((month.evidence ??= {}).review ??= []).push(r.publishedDate);
  }
}

/** The counters of readCounters with the published reviews of the compliance months added. */
export async function readCountersWithReviews(
  scope: Parameters<typeof readCounters>[0],
  now: Date,
): Promise<PeriodCounters> {
  const [counters, reviews] = await Promise.all([
    readCounters(scope, now),
    publishedReviews({ branchIds: scope.branchIds, months: scope.complianceMonths }),
  ]);
  addReviewsHeld(counters.compliance, reviews);
  return counters;
}
