import {
  COLLECTIONS,
  REVIEWED_STATUSES,
  type BranchDoc,
  type MemberDoc,
  type ReviewDoc,
  type ReviewMemberDoc,
} from '@zhibu/types';
import type { Session } from '../member/session';
import { audit } from '../org/audit';
import { conflict, failedPrecondition, invalidArgument, notFound } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { isDuplicateKeyError } from '../runtime/db-errors';
import { getAllDocs, getDoc } from '../runtime/documents';
import { runTransaction, txGet } from '../runtime/transaction';
import { memberDocId, requireSecretary, reviewIdOf } from './access';
import { emptyCounts } from './result';
import { loadReviewSettings } from './settings';

/** The reviewed set: the branch's active full and probationary members, in roster order. */
async function reviewedMembers(branchId: string): Promise<Pick<MemberDoc, '_id' | 'name' | 'status'>[]> {
  const db = database();
  const members = await getAllDocs<Pick<MemberDoc, '_id' | 'name' | 'status'>>(() =>
    db
      .collection(COLLECTIONS.members)
      .where({ branchId, active: true })
      .field({ _id: true, name: true, status: true })
      .orderBy('createdAt', 'asc')
      .orderBy('_id', 'asc'),
  );
  return members.filter((m) => (REVIEWED_STATUSES as readonly string[]).includes(m.status));
}

/** Creates a document unless it exists: a retry never overwrites a tally already counting votes. */
async function createOnce(collection: string, id: string, data: object): Promise<void> {
  try {
    await database()
      .collection(collection)
      .add({ data: { _id: id, ...data } });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
}

/**
 * Opens the branch's review of a year. Re-runnable: the reviewed members' documents are created
 * first (each at most once, by deterministic id), the review itself last, in one transaction with
 * its audit entry; nobody can rate before it exists.
 */
export async function openReview(
  session: Session,
  input: { year: number; from: string; to: string; minSelfLength: number },
  now = new Date(),
): Promise<{ reviewId: string; reviewed: number }> {
  const branchId = session.member.branchId;
  requireSecretary(session, branchId);
  if (input.from > input.to) throw invalidArgument('评议开始日期不能晚于结束日期');
  const fromYear = Number(input.from.slice(0, 4));
  if (fromYear !== input.year && fromYear !== input.year + 1) {
    throw invalidArgument(`${input.year} 年度的民主评议应在 ${input.year} 年或次年初开展`);
  }
  const reviewId = reviewIdOf(branchId, input.year);
  if (await getDoc<ReviewDoc>(COLLECTIONS.reviews, reviewId)) throw conflict(`${input.year} 年度的民主评议已经开启`);
  const [branch, members, settings] = await Promise.all([
    getDoc<BranchDoc>(COLLECTIONS.branches, branchId),
    reviewedMembers(branchId),
    loadReviewSettings(),
  ]);
  if (!branch) throw notFound('没有找到该支部');
  if (members.length === 0) throw failedPrecondition('本支部没有正式党员或预备党员，无法开展民主评议');

  for (let i = 0; i < members.length; i += 10) {
    await Promise.all(
      members.slice(i, i + 10).map((m, j) => {
        const doc: Omit<ReviewMemberDoc, '_id'> = {
          reviewId,
          branchId,
          year: input.year,
          memberId: m._id,
          name: m.name,
          order: i + j,
          selfText: null,
          counts: emptyCounts(),
          committeeGrade: null,
          override: null,
          score: null,
          computed: null,
          final: null,
          reason: null,
          published: false,
        };
        return createOnce(COLLECTIONS.reviewMembers, memberDocId(reviewId, m._id), doc);
      }),
    );
  }

  const review: Omit<ReviewDoc, '_id'> = {
    branchId,
    branchName: branch.name,
    year: input.year,
    from: input.from,
    to: input.to,
    minSelfLength: input.minSelfLength,
    status: 'open',
    memberIds: members.map((m) => m._id),
    settings,
    openedBy: session.member._id,
    openedAt: now,
    closedAt: null,
    publishedAt: null,
    publishedMonth: null,
    publishedDate: null,
  };
  await runTransaction(async (tx) => {
    if (await txGet<ReviewDoc>(tx, COLLECTIONS.reviews, reviewId)) {
      throw conflict(`${input.year} 年度的民主评议已经开启`);
    }
    await tx.collection(COLLECTIONS.reviews).doc(reviewId).set({ data: review });
    await audit(
      tx,
      session,
      {
        action: 'review.open',
        targetType: 'review',
        targetId: reviewId,
        targetName: `${input.year} 年度民主评议党员`,
        branchId,
        before: null,
        after: { from: input.from, to: input.to, minSelfLength: input.minSelfLength, reviewed: members.length },
      },
      now,
    );
  });
  return { reviewId, reviewed: members.length };
}
