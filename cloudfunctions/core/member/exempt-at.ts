import { COLLECTIONS, type ExemptionDoc } from '@zhibu/types';
import { database } from '../runtime/cloud';
import { getAllDocs } from '../runtime/documents';

/**
 * The members of a branch whose exemption covers `at` (an activity's start): they are not in its
 * 应到. One query, over that branch's active exemptions.
 */
export async function exemptAt(branchId: string, at: Date): Promise<Set<string>> {
  const db = database();
  const _ = db.command;
  // Those not over by then: a handful per branch, however long its history.
  const docs = await getAllDocs<Pick<ExemptionDoc, 'memberId' | 'fromAt'>>(() =>
    db
      .collection(COLLECTIONS.exemptions)
      .where({ branchId, status: _.in(['active', 'ended']), toAt: _.gt(at) })
      .field({ memberId: true, fromAt: true })
      .orderBy('toAt', 'asc')
      .orderBy('_id', 'asc'),
  );
  return new Set(docs.filter((d) => new Date(d.fromAt).getTime() <= at.getTime()).map((d) => d.memberId));
}
