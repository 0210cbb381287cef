import { COLLECTIONS, type ExemptionDoc } from '@zhibu/types';
import { database } from '../runtime/cloud';
import { getAllDocs, getDocs } from '../runtime/documents';

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

/** A member's latest exemptions (a handful, however long their history), newest first. */
export function latestExemptionsOf(memberId: string): Promise<ExemptionDoc[]> {
  return getDocs<ExemptionDoc>(
    database().collection(COLLECTIONS.exemptions).where({ memberId }).orderBy('_id', 'desc').limit(20),
  );
}

/** Whether an exemption covers `at`: one ended early still covers the days up to its new last day. */
export const covers = (doc: Pick<ExemptionDoc, 'status' | 'fromAt' | 'toAt'>, at: Date) =>
  doc.status !== 'revoked' &&
  new Date(doc.fromAt).getTime() <= at.getTime() &&
  new Date(doc.toAt).getTime() > at.getTime();
