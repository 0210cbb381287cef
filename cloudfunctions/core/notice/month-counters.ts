import { COLLECTIONS, type BranchMonthDoc, type NoticeBranchDoc, type NoticeMonthEntry } from '@zhibu/types';
import { withoutId } from '../activity/counters';
import { database } from '../runtime/cloud';
import { getDoc } from '../runtime/documents';
import { countOnce, monthDocId, updateCounters } from '../stats/rollup';

/**
 * A notice's 应读 / 已读 / 已签收 in its branch's month document (branchMonths, keyed by the Beijing
 * month of publication), so the statistics read notices the way they read activities: one document
 * per branch and month, whatever the number of notices or readers. Each entry moves with its
 * month's totals in one atomic update; the notice recount (recount.ts) rebuilds them from receipts.
 */
type Delivery = Pick<NoticeBranchDoc, 'noticeId' | 'branchId' | 'month'>;

const TOTAL: Record<keyof Omit<NoticeMonthEntry, 'confirm'>, string> = {
  expected: 'noticeExpected',
  read: 'noticeRead',
  confirmed: 'noticeConfirmed',
};

/** A where-clause matching the month document whose entry for the notice is exactly `entry`. */
export function noticeEntryIs(monthId: string, noticeId: string, entry: NoticeMonthEntry | undefined) {
  const _ = database().command;
  const path = `notices.${noticeId}`;
  if (!entry) return { _id: monthId, [path]: _.exists(false) };
  return {
    _id: monthId,
    [`${path}.expected`]: entry.expected,
    [`${path}.read`]: entry.read,
    [`${path}.confirmed`]: entry.confirmed,
    [`${path}.confirm`]: entry.confirm,
  };
}

/** The increments that turn `from` into `to` (either may be absent), entry and totals together. */
export function noticeMoveData(noticeId: string, from: NoticeMonthEntry | undefined, to: NoticeMonthEntry | null) {
  const _ = database().command;
  const path = `notices.${noticeId}`;
  const data: Record<string, unknown> = {};
  for (const [field, total] of Object.entries(TOTAL) as [keyof typeof TOTAL, string][]) {
    const n = (to?.[field] ?? 0) - (from?.[field] ?? 0);
    // A new entry writes every total, zero too, so a month's figures are all present once counted.
    if (n || (to && !from)) data[total] = _.inc(n);
    if (to && from && n) data[`${path}.${field}`] = _.inc(n);
  }
  const confirmBase = (e: NoticeMonthEntry | null | undefined) => (e?.confirm ? e.expected : 0);
  const base = confirmBase(to) - confirmBase(from);
  if (base || (to && !from)) data.noticeConfirmExpected = _.inc(base);
  if (!to) data[path] = _.remove();
  else if (!from) data[path] = _.set(to);
  else if (to.confirm !== from.confirm) data[`${path}.confirm`] = to.confirm;
  return data;
}

/**
 * Counts a delivered notice in its branch's month, creating the month's document on first use.
 * Re-runnable: a notice already counted there is left as it is (a retried bureau post counts once).
 */
export async function attachNotice(delivery: Delivery, entry: NoticeMonthEntry): Promise<boolean> {
  const id = monthDocId(delivery.branchId, delivery.month);
  return countOnce(
    delivery.branchId,
    delivery.month,
    withoutId(noticeEntryIs(id, delivery.noticeId, undefined)),
    noticeMoveData(delivery.noticeId, undefined, entry),
  );
}

/** Adds a read or a confirmation to a notice's entry and its month's totals, while it is counted. One operation. */
export async function bumpNotice(delivery: Delivery, field: 'read' | 'confirmed'): Promise<void> {
  const _ = database().command;
  await updateCounters(
    delivery.branchId,
    delivery.month,
    { [`notices.${delivery.noticeId}.expected`]: _.exists(true) },
    { [`notices.${delivery.noticeId}.${field}`]: _.inc(1), [TOTAL[field]]: _.inc(1) },
  );
}

/**
 * Brings a notice's entry to `target` (null: out of the counts, e.g. withdrawn), compare-and-set
 * on the entry as read: a read counted meanwhile makes it read again, never lost. A function
 * target computes the new entry from the one read (to change only its confirmation flag, say).
 */
export async function setNoticeEntry(
  delivery: Delivery,
  target: NoticeMonthEntry | null | ((entry: NoticeMonthEntry) => NoticeMonthEntry | null),
  attempts = 5,
): Promise<boolean> {
  const id = monthDocId(delivery.branchId, delivery.month);
  for (let attempt = 0; attempt < attempts; attempt++) {
    const month = await getDoc<BranchMonthDoc>(COLLECTIONS.branchMonths, id);
    const entry = month?.notices?.[delivery.noticeId];
    if (!entry) return false;
    const to = typeof target === 'function' ? target(entry) : target;
    const data = noticeMoveData(delivery.noticeId, entry, to);
    if (Object.keys(data).length === 0) return true;
    const where = withoutId(noticeEntryIs(id, delivery.noticeId, entry));
    if ((await updateCounters(delivery.branchId, delivery.month, where, data)) > 0) return true;
  }
  return false;
}
