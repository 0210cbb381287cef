import {
  COLLECTIONS,
  type ReviewDoc,
  type ReviewGrade,
  type ReviewMemberDoc,
  type ReviewProgress,
  type ReviewSummary,
  type SheetItem,
} from '@zhibu/types';
import { canManageBranch } from '../member/policy';
import type { Session } from '../member/session';
import { audit } from '../org/audit';
import { conflict, failedPrecondition, forbidden, invalidArgument, notFound } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { getAllDocs } from '../runtime/documents';
import { beijingDate, beijingMonth } from '../runtime/time';
import { runTransaction, txGet } from '../runtime/transaction';
import { memberDocId, ratingOver, requireCommittee, requireSecretary, summaryOf, visibleReview } from './access';
import { computeResults, excellentLimit, finalGrade, type Computed } from './result';

/** Every reviewed member's document of a review, in roster order: one read for a branch. */
export async function reviewMembersOf(reviewId: string): Promise<ReviewMemberDoc[]> {
  const db = database();
  return getAllDocs<ReviewMemberDoc>(() =>
    db.collection(COLLECTIONS.reviewMembers).where({ reviewId }).orderBy('order', 'asc'),
  );
}

function computeAll(doc: ReviewDoc, members: ReviewMemberDoc[]): Map<string, Computed> {
  return computeResults(members, doc.settings, doc.memberIds.length);
}

export function sheetItemOf(m: ReviewMemberDoc, c: Computed | undefined): SheetItem {
  const computed = m.published ? m.computed : (c?.computed ?? null);
  return {
    memberId: m.memberId,
    name: m.name,
    selfText: m.selfText,
    counts: m.counts,
    committeeGrade: m.committeeGrade,
    score: m.published ? m.score : (c?.score ?? null),
    computed,
    final: m.published ? m.final : finalGrade(m.override, computed),
    reason: m.reason,
  };
}

/** The branch committee, or the bureau, may follow a review; a plain member may not. */
function requireFollower(session: Session, doc: ReviewDoc): void {
  if (!canManageBranch(session, doc.branchId)) throw forbidden('只有支部委员或局党委管理员可以查看评议进度');
}

/** Counts only: how many 自评 and votes are in, never whose. */
export async function progress(session: Session, reviewId: string, now = new Date()): Promise<ReviewProgress> {
  const doc = await visibleReview(session, reviewId);
  requireFollower(session, doc);
  const members = await reviewMembersOf(doc._id);
  let votes = 0;
  for (const m of members) votes += m.counts.优秀 + m.counts.合格 + m.counts.基本合格 + m.counts.不合格;
  const n = doc.memberIds.length;
  return {
    review: summaryOf(doc, now),
    selfDone: members.filter((m) => m.selfText !== null).length,
    votes,
    expectedVotes: n * (n - 1),
    committeeDone: members.filter((m) => m.committeeGrade !== null).length,
  };
}

export async function closeReview(session: Session, reviewId: string, now = new Date()): Promise<ReviewSummary> {
  const doc = await visibleReview(session, reviewId);
  requireSecretary(session, doc.branchId);
  const closed = await runTransaction(async (tx) => {
    const current = await txGet<ReviewDoc>(tx, COLLECTIONS.reviews, doc._id);
    if (!current) throw notFound('没有找到该民主评议');
    if (current.status !== 'open') throw failedPrecondition('民主评议的评价已经结束');
    await tx
      .collection(COLLECTIONS.reviews)
      .doc(doc._id)
      .update({ data: { status: 'closed', closedAt: now } });
    await audit(
      tx,
      session,
      {
        action: 'review.close',
        targetType: 'review',
        targetId: doc._id,
        targetName: `${doc.year} 年度民主评议党员`,
        branchId: doc.branchId,
        before: { status: 'open' },
        after: { status: 'closed' },
      },
      now,
    );
    return { ...current, status: 'closed' as const, closedAt: now };
  });
  return summaryOf(closed, now);
}

/** A review whose tallies the committee works on: rating is over. */
async function sheetReview(session: Session, reviewId: string, now: Date): Promise<ReviewDoc> {
  const doc = await visibleReview(session, reviewId);
  requireFollower(session, doc);
  if (!ratingOver(doc, now)) throw failedPrecondition('党员互评尚未结束，结束后才能查看得票和评定');
  return doc;
}

export async function sheet(
  session: Session,
  input: { reviewId: string; page: number; pageSize: number },
  now = new Date(),
): Promise<{ items: SheetItem[]; total: number }> {
  const doc = await sheetReview(session, input.reviewId, now);
  const members = await reviewMembersOf(doc._id);
  const computed = computeAll(doc, members);
  const page = members.slice((input.page - 1) * input.pageSize, input.page * input.pageSize);
  return { items: page.map((m) => sheetItemOf(m, computed.get(m.memberId))), total: members.length };
}

function requireWithinCap(doc: ReviewDoc, finals: (ReviewGrade | null)[]): void {
  const limit = excellentLimit(doc.memberIds.length, doc.settings.excellentCap);
  const excellent = finals.filter((g) => g === '优秀').length;
  if (excellent > limit) {
    throw failedPrecondition(
      `评为优秀的不能超过参评党员的 ${doc.settings.excellentCap}%（本支部最多 ${limit} 名），目前 ${excellent} 名`,
    );
  }
}

/**
 * The committee's rating of one member. The final grade is the computed one unless the committee
 * decides otherwise, which needs a written reason; 不合格 always needs one (it goes to the bureau).
 */
export async function committeeRate(
  session: Session,
  input: { reviewId: string; memberId: string; grade: ReviewGrade; final?: ReviewGrade; reason?: string },
  now = new Date(),
): Promise<SheetItem> {
  const doc = await sheetReview(session, input.reviewId, now);
  requireCommittee(session, doc.branchId);
  if (doc.status === 'published') throw failedPrecondition('评议结果已公示，不能再修改');
  if (!doc.memberIds.includes(input.memberId)) throw notFound('没有找到该党员，或其不在本次评议范围内');
  const members = await reviewMembersOf(doc._id);
  const target = members.find((m) => m.memberId === input.memberId);
  if (!target) throw notFound('没有找到该党员，或其不在本次评议范围内');
  const reason = input.reason ?? target.reason;
  const next: ReviewMemberDoc = { ...target, committeeGrade: input.grade, reason: reason ?? null };
  const withNext = members.map((m) => (m.memberId === input.memberId ? next : m));
  const computed = computeAll(doc, withNext).get(input.memberId)!;
  const override = input.final !== undefined && input.final !== computed.computed ? input.final : null;
  if (override && !input.reason) throw invalidArgument('支部评定与计算结果不同，须写明理由');
  next.override = override;
  const final = finalGrade(override, computed.computed);
  if (final === '不合格' && !reason) throw invalidArgument('评定为不合格须写明理由');
  const all = computeAll(doc, withNext);
  requireWithinCap(
    doc,
    withNext.map((m) => finalGrade(m.override, all.get(m.memberId)?.computed ?? null)),
  );
  await runTransaction(async (tx) => {
    const current = await txGet<ReviewDoc>(tx, COLLECTIONS.reviews, doc._id);
    if (current?.status === 'published') throw failedPrecondition('评议结果已公示，不能再修改');
    await tx
      .collection(COLLECTIONS.reviewMembers)
      .doc(target._id)
      .update({ data: { committeeGrade: input.grade, override, reason: next.reason } });
    await audit(
      tx,
      session,
      {
        action: 'review.committeeRate',
        targetType: 'review',
        targetId: doc._id,
        targetName: target.name,
        branchId: doc.branchId,
        before: { committeeGrade: target.committeeGrade, override: target.override, reason: target.reason },
        after: { committeeGrade: input.grade, override, reason: next.reason },
      },
      now,
    );
  });
  return sheetItemOf(next, computed);
}

/**
 * Publishes the results to the branch as a 公示. Re-runnable: every member's outcome is written
 * first (the same values on a retry), the review's status last, with its audit entry.
 */
export async function publishReview(session: Session, reviewId: string, now = new Date()): Promise<ReviewSummary> {
  const doc = await visibleReview(session, reviewId);
  requireSecretary(session, doc.branchId);
  if (doc.status === 'published') throw conflict('评议结果已经公示');
  if (!ratingOver(doc, now)) throw failedPrecondition('党员互评尚未结束，请先结束评价');
  const members = await reviewMembersOf(doc._id);
  const missing = members.filter((m) => m.committeeGrade === null);
  if (missing.length > 0) throw failedPrecondition(`还有 ${missing.length} 名党员没有支部评定`);
  const computed = computeAll(doc, members);
  const finals = members.map((m) => finalGrade(m.override, computed.get(m.memberId)!.computed));
  requireWithinCap(doc, finals);
  const unexplained = members.filter((m, i) => finals[i] === '不合格' && !m.reason);
  if (unexplained.length > 0) throw failedPrecondition(`${unexplained[0]!.name}评定为不合格，须写明理由`);

  for (let i = 0; i < members.length; i += 10) {
    await Promise.all(
      members.slice(i, i + 10).map((m, j) => {
        const c = computed.get(m.memberId)!;
        return database()
          .collection(COLLECTIONS.reviewMembers)
          .doc(m._id)
          .update({ data: { score: c.score, computed: c.computed, final: finals[i + j], published: true } });
      }),
    );
  }
  const published = await runTransaction(async (tx) => {
    const current = await txGet<ReviewDoc>(tx, COLLECTIONS.reviews, doc._id);
    if (!current) throw notFound('没有找到该民主评议');
    if (current.status === 'published') throw conflict('评议结果已经公示');
    const patch = {
      status: 'published' as const,
      closedAt: current.closedAt ?? now,
      publishedAt: now,
      publishedMonth: beijingMonth(now),
      publishedDate: beijingDate(now),
    };
    await tx.collection(COLLECTIONS.reviews).doc(doc._id).update({ data: patch });
    await audit(
      tx,
      session,
      {
        action: 'review.publish',
        targetType: 'review',
        targetId: doc._id,
        targetName: `${doc.year} 年度民主评议党员`,
        branchId: doc.branchId,
        before: { status: current.status },
        after: { status: 'published', reviewed: members.length },
      },
      now,
    );
    return { ...current, ...patch };
  });
  return summaryOf(published, now);
}

export { memberDocId };
