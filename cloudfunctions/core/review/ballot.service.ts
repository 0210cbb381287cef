import { createHash } from 'node:crypto';
import {
  COLLECTIONS,
  type BallotItem,
  type ReviewBallotDoc,
  type ReviewDoc,
  type ReviewGrade,
  type ReviewMemberDoc,
  type ReviewMine,
} from '@zhibu/types';
import type { Session } from '../member/session';
import { conflict, failedPrecondition, forbidden, invalidArgument, notFound } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { getDoc, getDocs } from '../runtime/documents';
import { raterKey } from '../runtime/rater-key';
import { runTransaction, txGet } from '../runtime/transaction';
import { memberDocId, ratingOpen, summaryOf, visibleReview } from './access';

/**
 * The receipt id of a vote: a hash of the rater's key in this review and the ratee. Without the
 * function's secret it names neither the rater nor the ratee, and two votes of one rater have
 * unrelated ids (no shared prefix, no order in time), so the receipts cannot be grouped by rater.
 */
export function ballotIdOf(reviewId: string, raterId: string, rateeId: string): string {
  const key = raterKey(reviewId, raterId);
  return `bl_${createHash('sha256').update(`${key}\u0000${rateeId}`).digest('hex').slice(0, 40)}`;
}

/** How many of `rateeIds` the rater has rated: one read of their receipts by id. */
async function ratedAmong(reviewId: string, raterId: string, rateeIds: string[]): Promise<Set<string>> {
  if (rateeIds.length === 0) return new Set();
  const _ = database().command;
  const byBallot = new Map(rateeIds.map((id) => [ballotIdOf(reviewId, raterId, id), id]));
  const found = await getDocs<Pick<ReviewBallotDoc, '_id'>>(
    database()
      .collection(COLLECTIONS.reviewBallots)
      .where({ _id: _.in([...byBallot.keys()]) })
      .field({ _id: true })
      .limit(byBallot.size),
  );
  return new Set(found.map((b) => byBallot.get(b._id)!));
}

const othersOf = (doc: ReviewDoc, memberId: string) => doc.memberIds.filter((id) => id !== memberId);

/** The caller's branch's latest review, and the caller's part in it (theirs alone to see). */
export async function myReview(session: Session, now = new Date()): Promise<ReviewMine> {
  const db = database();
  const [doc] = await getDocs<ReviewDoc>(
    db.collection(COLLECTIONS.reviews).where({ branchId: session.member.branchId }).orderBy('year', 'desc').limit(1),
  );
  const me = session.member._id;
  if (!doc) return { review: null, reviewed: false, selfText: null, rated: 0, toRate: 0 };
  const reviewed = doc.memberIds.includes(me);
  if (!reviewed) return { review: summaryOf(doc, now), reviewed, selfText: null, rated: 0, toRate: 0 };
  const others = othersOf(doc, me);
  const [own, rated] = await Promise.all([
    getDoc<ReviewMemberDoc>(COLLECTIONS.reviewMembers, memberDocId(doc._id, me)),
    ratedAmong(doc._id, me, others),
  ]);
  return {
    review: summaryOf(doc, now),
    reviewed,
    selfText: own?.selfText ?? null,
    rated: rated.size,
    toRate: others.length,
  };
}

/** A review the caller takes part in as one of the reviewed. */
async function participantReview(session: Session, reviewId: string): Promise<ReviewDoc> {
  const doc = await visibleReview(session, reviewId);
  if (doc.branchId !== session.member.branchId) throw notFound('没有找到该民主评议');
  if (!doc.memberIds.includes(session.member._id)) {
    throw forbidden('您不在本次民主评议的范围内（参加评议的是开启时的正式党员和预备党员）');
  }
  return doc;
}

/** The others the caller rates, a page at a time, each with whether the caller has rated them. */
export async function ballot(
  session: Session,
  input: { reviewId: string; page: number; pageSize: number },
): Promise<{ items: BallotItem[]; total: number }> {
  const doc = await participantReview(session, input.reviewId);
  const others = othersOf(doc, session.member._id);
  const pageIds = others.slice((input.page - 1) * input.pageSize, input.page * input.pageSize);
  if (pageIds.length === 0) return { items: [], total: others.length };
  const _ = database().command;
  const [names, rated] = await Promise.all([
    getDocs<Pick<ReviewMemberDoc, 'memberId' | 'name'>>(
      database()
        .collection(COLLECTIONS.reviewMembers)
        .where({ _id: _.in(pageIds.map((id) => memberDocId(doc._id, id))) })
        .field({ memberId: true, name: true })
        .limit(pageIds.length),
    ),
    ratedAmong(doc._id, session.member._id, pageIds),
  ]);
  const nameOf = new Map(names.map((n) => [n.memberId, n.name]));
  return {
    items: pageIds.map((id) => ({ memberId: id, name: nameOf.get(id) ?? '', rated: rated.has(id) })),
    total: others.length,
  };
}

/** The caller's 自评; its length is checked here, by the server, in characters. */
export async function selfAssess(
  session: Session,
  input: { reviewId: string; text: string },
  now = new Date(),
): Promise<{ length: number }> {
  const doc = await participantReview(session, input.reviewId);
  if (!ratingOpen(doc, now)) throw failedPrecondition('不在民主评议的时间范围内，不能提交自评');
  const length = [...input.text].length;
  if (length < doc.minSelfLength) {
    throw invalidArgument(`自评至少 ${doc.minSelfLength} 个字，目前 ${length} 个字`);
  }
  await database()
    .collection(COLLECTIONS.reviewMembers)
    .doc(memberDocId(doc._id, session.member._id))
    .update({ data: { selfText: input.text } });
  return { length };
}

/**
 * One vote. Its receipt and the ratee's tally are written in one transaction: the receipt's id
 * (ballotIdOf) makes a second vote by the same rater for the same ratee a conflict, whether it
 * comes later or at the same instant, and no vote is counted without its receipt or the other way
 * round. Nothing written names the rater, the time or the order of the votes.
 */
export async function rate(
  session: Session,
  input: { reviewId: string; memberId: string; grade: ReviewGrade },
  now = new Date(),
): Promise<{ rated: number; toRate: number }> {
  const doc = await participantReview(session, input.reviewId);
  const me = session.member._id;
  if (input.memberId === me) throw invalidArgument('不能评价自己');
  if (!doc.memberIds.includes(input.memberId)) throw notFound('没有找到该党员，或其不在本次评议范围内');
  if (!ratingOpen(doc, now)) throw failedPrecondition('不在民主评议的时间范围内，不能评价');

  const ballotId = ballotIdOf(doc._id, me, input.memberId);
  const tallyId = memberDocId(doc._id, input.memberId);
  await runTransaction(async (tx) => {
    if (await txGet<ReviewBallotDoc>(tx, COLLECTIONS.reviewBallots, ballotId)) {
      throw conflict('您已评价过这位党员，每人只能评价一次');
    }
    const tally = await txGet<ReviewMemberDoc>(tx, COLLECTIONS.reviewMembers, tallyId);
    if (!tally) throw notFound('没有找到该党员，或其不在本次评议范围内');
    const receipt: Omit<ReviewBallotDoc, '_id'> = { reviewId: doc._id };
    await tx.collection(COLLECTIONS.reviewBallots).doc(ballotId).set({ data: receipt });
    await tx
      .collection(COLLECTIONS.reviewMembers)
      .doc(tallyId)
      .update({ data: { [`counts.${input.grade}`]: tally.counts[input.grade] + 1 } });
  });
  const others = othersOf(doc, me);
  return { rated: (await ratedAmong(doc._id, me, others)).size, toRate: others.length };
}
