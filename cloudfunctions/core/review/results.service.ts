import {
  COLLECTIONS,
  type FailingItem,
  type OwnResult,
  type ReviewDoc,
  type ReviewGrade,
  type ReviewMemberDoc,
  type ReviewSummary,
} from '@zhibu/types';
import { requireAdmin } from '../member/policy';
import type { Session } from '../member/session';
import { failedPrecondition } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { getDocs, pageOf } from '../runtime/documents';
import { summaryOf, visibleReview } from './access';
import { reviewMembersOf, sheetItemOf } from './committee.service';

/**
 * The 公示: the branch (and the bureau) sees every reviewed member's published grade; the caller
 * sees their own detailed result (their tally, the committee's rating, the reason) and nobody
 * else's.
 */
export async function results(
  session: Session,
  input: { reviewId: string; page: number; pageSize: number },
  now = new Date(),
): Promise<{
  items: { memberId: string; name: string; grade: ReviewGrade }[];
  total: number;
  review: ReviewSummary;
  own: OwnResult | null;
}> {
  const doc = await visibleReview(session, input.reviewId);
  if (doc.status !== 'published') throw failedPrecondition('评议结果尚未公示');
  const members = await reviewMembersOf(doc._id);
  const page = members.slice((input.page - 1) * input.pageSize, input.page * input.pageSize);
  const mine = members.find((m) => m.memberId === session.member._id);
  let own: OwnResult | null = null;
  if (mine) {
    const { selfText: _selfText, ...rest } = sheetItemOf(mine, undefined);
    own = rest;
  }
  return {
    items: page.map((m) => ({ memberId: m.memberId, name: m.name, grade: m.final ?? '合格' })),
    total: members.length,
    review: summaryOf(doc, now),
    own,
  };
}

/** The bureau's view: every published 不合格 of a year, with its reason. */
export async function failing(
  session: Session,
  input: { year: number; page: number; pageSize: number },
): Promise<{ items: FailingItem[]; total: number }> {
  requireAdmin(session);
  const db = database();
  const _ = db.command;
  const where = { final: '不合格', year: input.year };
  const { docs, total } = await pageOf<ReviewMemberDoc>(COLLECTIONS.reviewMembers, where, [['_id', 'asc']], input);
  const reviewIds = [...new Set(docs.map((d) => d.reviewId))];
  const reviews =
    reviewIds.length === 0
      ? []
      : await getDocs<Pick<ReviewDoc, '_id' | 'branchName'>>(
          db
            .collection(COLLECTIONS.reviews)
            .where({ _id: _.in(reviewIds) })
            .field({ _id: true, branchName: true })
            .limit(reviewIds.length),
        );
  const branchName = new Map(reviews.map((r) => [r._id, r.branchName]));
  return {
    items: docs.map((d) => ({
      reviewId: d.reviewId,
      branchId: d.branchId,
      branchName: branchName.get(d.reviewId) ?? '',
      year: d.year,
      memberId: d.memberId,
      name: d.name,
      reason: d.reason ?? '',
    })),
    total,
  };
}
