import { COLLECTIONS, type NoticeBranchDoc, type NoticeDoc, type NoticeReceiptDoc } from '@zhibu/types';
import { database } from '../runtime/cloud';
import { getAllDocs, getDoc, getDocs } from '../runtime/documents';

/** Deterministic ids: the database itself refuses a second delivery or a second receipt. */
export const deliveryId = (noticeId: string, branchId: string) => `${noticeId}_${branchId}`;
export const receiptId = (noticeId: string, memberId: string) => `${noticeId}_${memberId}`;

export const noticeRepository = {
  notice: (noticeId: string) => getDoc<NoticeDoc>(COLLECTIONS.notices, noticeId),
  receipt: (noticeId: string, memberId: string) =>
    getDoc<NoticeReceiptDoc>(COLLECTIONS.noticeReceipts, receiptId(noticeId, memberId)),

  /** The delivery whose audience (fixed at posting) names the member, if any. */
  async deliveryFor(noticeId: string, memberId: string): Promise<NoticeBranchDoc | null> {
    const [doc] = await getDocs<NoticeBranchDoc>(
      database().collection(COLLECTIONS.noticeBranches).where({ noticeId, audienceIds: memberId }).limit(1),
    );
    return doc ?? null;
  },

  delivery: (noticeId: string, branchId: string) =>
    getDoc<NoticeBranchDoc>(COLLECTIONS.noticeBranches, deliveryId(noticeId, branchId)),

  /** Every branch a notice went to: one document per branch, never per member. */
  deliveries: (noticeId: string) =>
    getAllDocs<NoticeBranchDoc>(() =>
      database().collection(COLLECTIONS.noticeBranches).where({ noticeId }).orderBy('branchId', 'asc'),
    ),

  /** The same without the audiences: the bureau's table needs only the counters. */
  deliveryCounters: (noticeId: string) =>
    getAllDocs<Omit<NoticeBranchDoc, 'audienceIds'>>(() =>
      database()
        .collection(COLLECTIONS.noticeBranches)
        .where({ noticeId })
        .field({ audienceIds: false })
        .orderBy('branchId', 'asc'),
    ),

  receiptsOf: (noticeId: string, branchId: string) =>
    getAllDocs<NoticeReceiptDoc>(() =>
      database().collection(COLLECTIONS.noticeReceipts).where({ noticeId, branchId }).orderBy('_id', 'asc'),
    ),
};
