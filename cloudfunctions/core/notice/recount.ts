import {
  COLLECTIONS,
  type BranchMonthDoc,
  type NoticeBranchDoc,
  type NoticeMonthEntry,
  type NoticeReceiptDoc,
} from '@zhibu/types';
import { monthDocId } from '../activity/counters';
import { database } from '../runtime/cloud';
import { getAllDocs, getDoc } from '../runtime/documents';
import { beijingMonth } from '../runtime/time';
import { attachNotice, noticeEntryIs, noticeMoveData } from './month-counters';

export interface NoticeDrift {
  deliveryId: string;
  /** The delivery's own counters, or its entry in the branch-month document (`month.*`). */
  field:
    | 'readCount'
    | 'confirmedCount'
    | 'month.expected'
    | 'month.read'
    | 'month.confirmed'
    | 'month.confirm'
    | 'month.missing'
    | 'month.phantom';
  recorded: number;
  actual: number;
}

/**
 * A read writes its receipt, then bumps the counters: two operations apart. A receipt written (or
 * confirmed) this recently may still have its bump on the way, so the branch-month entry of its
 * notice is left for the next run rather than counted twice (CloudBase stops a function after 60 s).
 */
const IN_FLIGHT_MS = 2 * 60 * 1000;

const same = (a: NoticeMonthEntry | undefined, b: NoticeMonthEntry | null) =>
  (!a && !b) ||
  (a && b && a.expected === b.expected && a.read === b.read && a.confirmed === b.confirmed && a.confirm === b.confirm);

function entryDrift(id: string, entry: NoticeMonthEntry | undefined, actual: NoticeMonthEntry | null): NoticeDrift[] {
  if (!entry) return actual ? [{ deliveryId: id, field: 'month.missing', recorded: 0, actual: 1 }] : [];
  if (!actual) return [{ deliveryId: id, field: 'month.phantom', recorded: 1, actual: 0 }];
  const out: NoticeDrift[] = [];
  for (const f of ['expected', 'read', 'confirmed'] as const) {
    if (entry[f] !== actual[f])
      out.push({ deliveryId: id, field: `month.${f}`, recorded: entry[f], actual: actual[f] });
  }
  if (entry.confirm !== actual.confirm) {
    out.push({
      deliveryId: id,
      field: 'month.confirm',
      recorded: Number(entry.confirm),
      actual: Number(actual.confirm),
    });
  }
  return out;
}

/**
 * Brings a delivery's branch-month entry to `actual`, compare-and-set on the entry as it was read
 * before counting: a read that lands in between makes the write miss, and the entry waits for the
 * next run. A missing entry is added (a no-op if it appeared meanwhile).
 */
async function reconcileEntry(
  d: Pick<NoticeBranchDoc, 'noticeId' | 'branchId' | 'month'>,
  entry: NoticeMonthEntry | undefined,
  actual: NoticeMonthEntry | null,
): Promise<boolean> {
  if (same(entry, actual)) return true;
  if (!entry) return attachNotice(d, actual!);
  const result = (await database()
    .collection(COLLECTIONS.branchMonths)
    .where(noticeEntryIs(monthDocId(d.branchId, d.month), d.noticeId, entry))
    .update({ data: noticeMoveData(d.noticeId, entry, actual) })) as { stats: { updated: number } };
  return result.stats.updated > 0;
}

/**
 * A month's notice totals must be the sum of its entries (each write moves both at once), so a
 * difference is real drift: corrected compare-and-set on the totals as read.
 */
async function repairNoticeTotals(id: string): Promise<boolean> {
  const month = await getDoc<BranchMonthDoc>(COLLECTIONS.branchMonths, id);
  if (!month) return false;
  const _ = database().command;
  const sums = { noticeExpected: 0, noticeRead: 0, noticeConfirmed: 0, noticeConfirmExpected: 0 };
  for (const e of Object.values(month.notices ?? {})) {
    sums.noticeExpected += e.expected;
    sums.noticeRead += e.read;
    sums.noticeConfirmed += e.confirmed;
    if (e.confirm) sums.noticeConfirmExpected += e.expected;
  }
  const where: Record<string, unknown> = { _id: id };
  const data: Record<string, unknown> = {};
  for (const [field, sum] of Object.entries(sums) as [keyof typeof sums, number][]) {
    const recorded = month[field];
    where[field] = recorded === undefined ? _.exists(false) : recorded;
    if ((recorded ?? 0) !== sum) data[field] = _.inc(sum - (recorded ?? 0));
  }
  if (Object.keys(data).length === 0) return false;
  const result = (await database().collection(COLLECTIONS.branchMonths).where(where).update({ data })) as {
    stats: { updated: number };
  };
  return result.stats.updated > 0;
}

/**
 * Rebuilds the per-branch notice counters of the given months from the receipts and reports the
 * drift. Each fix is a compare-and-set on the delivery: it is written only if the counters are
 * still what was read, so an increment that lands while this counts is never overwritten (that
 * delivery is left for the next run). Safe to run at any time, again and again.
 */
export async function recountNotices(
  months: string[],
  now = Date.now(),
): Promise<{ deliveries: number; drift: NoticeDrift[]; fixed: number; skipped: number; totals: string[] }> {
  const db = database();
  const _ = db.command;
  // The month documents are read before the deliveries and receipts: an entry counted after this
  // read makes its compare-and-set miss, never lets it be overwritten.
  const kept = new Map<string, BranchMonthDoc>();
  for (const doc of await getAllDocs<BranchMonthDoc>(() =>
    db
      .collection(COLLECTIONS.branchMonths)
      .where({ month: _.in(months) })
      .orderBy('_id', 'asc'),
  )) {
    kept.set(doc._id, doc);
  }
  const deliveries = await getAllDocs<NoticeBranchDoc>(() =>
    db
      .collection(COLLECTIONS.noticeBranches)
      .where({ month: _.in(months) })
      .field({ audienceIds: false })
      .orderBy('_id', 'asc'),
  );
  const drift: NoticeDrift[] = [];
  const counted = new Set<string>();
  let fixed = 0;
  let skipped = 0;
  for (const d of deliveries) {
    const receipts = await getAllDocs<Pick<NoticeReceiptDoc, 'confirmedAt' | 'readAt'>>(() =>
      db
        .collection(COLLECTIONS.noticeReceipts)
        .where({ noticeId: d.noticeId, branchId: d.branchId })
        .field({ confirmedAt: true, readAt: true })
        .orderBy('_id', 'asc'),
    );
    const actual = { readCount: receipts.length, confirmedCount: receipts.filter((r) => r.confirmedAt).length };
    const monthId = monthDocId(d.branchId, d.month);
    counted.add(`${monthId}/${d.noticeId}`);
    const recent = (at: Date | null) => at !== null && now - new Date(at).getTime() < IN_FLIGHT_MS;
    // A read this recent may still have its bumps (the delivery's and the month's) on the way: both
    // are left for the next run.
    if (receipts.some((r) => recent(r.readAt) || recent(r.confirmedAt))) {
      skipped++;
      continue;
    } else {
      const entry = kept.get(monthId)?.notices?.[d.noticeId];
      const target: NoticeMonthEntry | null =
        d.status === 'published'
          ? {
              expected: d.audienceCount,
              read: actual.readCount,
              confirmed: actual.confirmedCount,
              confirm: d.requireConfirm,
            }
          : null;
      const found = entryDrift(d._id, entry, target);
      if (found.length > 0) {
        if (await reconcileEntry(d, entry, target)) {
          drift.push(...found);
          fixed++;
        } else skipped++;
      }
    }
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
  // Entries of notices with no delivery (a delivery removed by hand, say) are phantoms.
  for (const month of kept.values()) {
    for (const [noticeId, entry] of Object.entries(month.notices ?? {})) {
      if (counted.has(`${month._id}/${noticeId}`)) continue;
      const d = { noticeId, branchId: month.branchId, month: month.month };
      if (await reconcileEntry(d, entry, null)) {
        drift.push({ deliveryId: `${noticeId}_${month.branchId}`, field: 'month.phantom', recorded: 1, actual: 0 });
        fixed++;
      }
    }
  }
  const totals: string[] = [];
  for (const id of kept.keys()) if (await repairNoticeTotals(id)) totals.push(id);
  return { deliveries: deliveries.length, drift, fixed, skipped, totals };
}

/** This Beijing month and the last: the notices whose counters can still move. */
export function recentMonths(now = new Date()): string[] {
  const thisMonth = beijingMonth(now);
  const lastMonth = beijingMonth(new Date(Date.parse(`${thisMonth}-01T00:00:00+08:00`) - 1));
  return [lastMonth, thisMonth];
}
