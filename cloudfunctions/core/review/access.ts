import { createHash } from 'node:crypto';
import { COLLECTIONS, type ReviewDoc, type ReviewSummary } from '@zhibu/types';
import { isAdmin, isCommitteeOf } from '../member/policy';
import type { Session } from '../member/session';
import { forbidden, notFound } from '../runtime/app-error';
import { getDoc } from '../runtime/documents';
import { beijingDate } from '../runtime/time';

/** One review per branch and year, so two openings at once make one. */
export function reviewIdOf(branchId: string, year: number): string {
  const id = `rv_${branchId}_${year}`;
  return id.length <= 64 ? id : `rv_${createHash('sha256').update(branchId).digest('hex').slice(0, 40)}_${year}`;
}

export const memberDocId = (reviewId: string, memberId: string) =>
  `${reviewId}_${memberId}`.length <= 120
    ? `${reviewId}_${memberId}`
    : `${reviewId}_${createHash('sha256').update(memberId).digest('hex').slice(0, 40)}`;

export const isSecretaryOf = (s: Session, branchId: string) =>
  s.member.branchId === branchId && s.member.roles.includes('secretary');

/** Opening, closing and publishing are the secretary's. */
export function requireSecretary(s: Session, branchId: string): void {
  if (!isSecretaryOf(s, branchId)) throw forbidden('只有本支部书记可以进行此操作');
}

/** The committee's rating is given by the branch committee. */
export function requireCommittee(s: Session, branchId: string): void {
  if (!isCommitteeOf(s, branchId)) throw forbidden('只有本支部的支部委员可以进行此操作');
}

/**
 * A review the caller may see: their own branch's, or any for the bureau. Another branch's answers
 * exactly as a missing one.
 */
export async function visibleReview(s: Session, reviewId: string): Promise<ReviewDoc> {
  const doc = await getDoc<ReviewDoc>(COLLECTIONS.reviews, reviewId);
  if (!doc || (doc.branchId !== s.member.branchId && !isAdmin(s))) throw notFound('没有找到该民主评议');
  return doc;
}

/** Rating runs while the review is open and today (Beijing) is inside its window. */
export function ratingOpen(doc: ReviewDoc, now: Date): boolean {
  const today = beijingDate(now);
  return doc.status === 'open' && today >= doc.from && today <= doc.to;
}

/** Tallies are seen only once rating is over: closed, published, or past the window. */
export function ratingOver(doc: ReviewDoc, now: Date): boolean {
  return doc.status !== 'open' || beijingDate(now) > doc.to;
}

export function summaryOf(doc: ReviewDoc, now: Date): ReviewSummary {
  return {
    reviewId: doc._id,
    branchId: doc.branchId,
    branchName: doc.branchName,
    year: doc.year,
    from: doc.from,
    to: doc.to,
    minSelfLength: doc.minSelfLength,
    status: doc.status,
    rating: ratingOpen(doc, now),
    reviewed: doc.memberIds.length,
    settings: doc.settings,
    publishedAt: doc.publishedAt ? new Date(doc.publishedAt).toISOString() : null,
  };
}
