import { COLLECTIONS, type NoticeBranchDoc, type NoticeReceiptDoc } from '@zhibu/types';
import { database } from '../runtime/cloud';
import { getAllDocs } from '../runtime/documents';
import { beijingMonth } from '../runtime/time';

export interface NoticeDrift {
  deliveryId: string;
  field: 'readCount' | 'confirmedCount';
  recorded: number;
  actual: number;
}

/**
 * Rebuilds the per-branch notice counters of the given months from the receipts and reports the
 * drift. Each fix is a compare-and-set on the delivery: it is written only if the counters are
 * still what was read, so an increment that lands while this counts is never overwritten (that
 * delivery is left for the next run). Safe to run at any time, again and again.
 */
export async function recountNotices(
  months: string[],
): Promise<{ deliveries: number; drift: NoticeDrift[]; fixed: number; skipped: number }> {
  const db = database();
  const _ = db.command;
  const deliveries = await getAllDocs<NoticeBranchDoc>(() =>
    db
      .collection(COLLECTIONS.noticeBranches)
      .where({ month: _.in(months) })
      .field({ audienceIds: false })
      .orderBy('_id', 'asc'),
  );
  const drift: NoticeDrift[] = [];
  let fixed = 0;
  let skipped = 0;
  for (const d of deliveries) {
    const receipts = await getAllDocs<Pick<NoticeReceiptDoc, 'confirmedAt'>>(() =>
      db
        .collection(COLLECTIONS.noticeReceipts)
        .where({ noticeId: d.noticeId, branchId: d.branchId })
        .field({ confirmedAt: true })
        .orderBy('_id', 'asc'),
    );
    const actual = { readCount: receipts.length, confirmedCount: receipts.filter((r) => r.confirmedAt).length };
    if (actual.readCount === d.readCount && actual.confirmedCount === d.confirmedCount) continue;
    for (const field of ['readCount', 'confirmedCount'] as const)
      if (actual[field] !== d[field])
        drift.push({ deliveryId: d._id, field, recorded: d[field], actual: actual[field] });
    const result = (await db
      .collection(COLLECTIONS.noticeBranches)
      .where({ _id: d._id, readCount: d.readCount, confirmedCount: d.confirmedCount })
      .update({ data: actual })) as { stats: { updated: number } };
    if (result.stats.updated === 1) fixed++;
    else skipped++;
  }
  return { deliveries: deliveries.length, drift, fixed, skipped };
}

/** This Beijing month and the last: the notices whose counters can still move. */
export function recentMonths(now = new Date()): string[] {
  const thisMonth = beijingMonth(now);
  const lastMonth = beijingMonth(new Date(Date.parse(`${thisMonth}-01T00:00:00+08:00`) - 1));
  return [lastMonth, thisMonth];
}
