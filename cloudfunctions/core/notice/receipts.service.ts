import { COLLECTIONS, type BranchDoc, type NoticeReceipts, type NoticeBranchDoc } from '@zhibu/types';
import type { Session } from '../member/session';
import { forbidden, notFound } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { getDocs, MAX_PAGE, namesById } from '../runtime/documents';
import { canManage, receiptBranchScope, visibleNotice } from './access';
import { noticeRepository } from './notice.repository';

const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : 0);

const namesOf = (ids: string[]) => namesById(COLLECTIONS.members, ids);

/** The lists of one branch: who of its audience (fixed at posting) has read, confirmed, or not. */
async function branchLists(delivery: NoticeBranchDoc) {
  const receipts = await noticeRepository.receiptsOf(delivery.noticeId, delivery.branchId);
  const readIds = new Set(receipts.map((r) => r.memberId));
  const unreadIds = delivery.audienceIds.filter((id) => !readIds.has(id));
  const names = await namesOf(unreadIds);
  const byTime = [...receipts].sort((a, b) => new Date(b.readAt).getTime() - new Date(a.readAt).getTime());
  return {
    unread: unreadIds.map((memberId) => ({ memberId, name: names.get(memberId) ?? '（已调出）' })),
    read: byTime.map((r) => ({
      memberId: r.memberId,
      name: r.memberName,
      readAt: new Date(r.readAt).toISOString(),
      confirmedAt: r.confirmedAt ? new Date(r.confirmedAt).toISOString() : null,
    })),
    confirmed: byTime
      .filter((r) => r.confirmedAt)
      .map((r) => ({ memberId: r.memberId, name: r.memberName, confirmedAt: new Date(r.confirmedAt!).toISOString() })),
  };
}

/**
 * 回执. Counts come from the per-branch counters kept on write. A bureau notice without a branch is
 * a table of its branches: one document per branch, whatever the number of members.
 */
export async function noticeReceipts(
  session: Session,
  input: { noticeId: string; branchId?: string },
): Promise<NoticeReceipts> {
  const { notice } = await visibleNotice(session, input.noticeId);
  const scope = receiptBranchScope(session, notice);
  if (scope === null) throw forbidden('只有通知的发布人、支部委员和局党委管理员可以查看回执');
  const reminder = notice.reminder?.sentAt
    ? {
        sentAt: new Date(notice.reminder.sentAt).toISOString(),
        sent: notice.reminder.sent,
        failed: notice.reminder.failed,
      }
    : null;
  const base = {
    noticeId: notice._id,
    title: notice.title,
    requireConfirm: notice.requireConfirm,
    reminder,
    canManage: await canManage(session, notice),
  };

  const branchId = scope === 'all' ? (input.branchId ?? (notice.scope === 'branch' ? notice.branchId : null)) : scope;
  if (input.branchId && input.branchId !== branchId) throw notFound('没有找到该支部的回执');
  if (branchId) {
    const delivery = await noticeRepository.delivery(notice._id, branchId);
    if (!delivery) throw notFound('没有找到该支部的回执');
    return {
      ...base,
      branchId,
      audienceCount: delivery.audienceCount,
      readCount: delivery.readCount,
      confirmedCount: delivery.confirmedCount,
      ...(await branchLists(delivery)),
    };
  }

  const db = database();
  const deliveries = await noticeRepository.deliveryCounters(notice._id);
  const branches = new Map<string, string>();
  for (let i = 0; i < deliveries.length; i += MAX_PAGE) {
    const ids = deliveries.slice(i, i + MAX_PAGE).map((d) => d.branchId);
    const docs = await getDocs<Pick<BranchDoc, '_id' | 'name'>>(
      db
        .collection(COLLECTIONS.branches)
        .where({ _id: db.command.in(ids) })
        .field({ _id: true, name: true })
        .limit(ids.length),
    );
    for (const b of docs) branches.set(b._id, b.name);
  }
  const rows = deliveries.map((d) => ({
    branchId: d.branchId,
    branchName: branches.get(d.branchId) ?? d.branchId,
    audienceCount: d.audienceCount,
    readCount: d.readCount,
    confirmedCount: d.confirmedCount,
    readRate: rate(d.readCount, d.audienceCount),
    confirmRate: rate(d.confirmedCount, d.audienceCount),
  }));
  // Lowest read rate first: the branches that need a nudge.
  rows.sort((a, b) => a.readRate - b.readRate || a.branchName.localeCompare(b.branchName, 'zh'));
  const sum = (key: 'audienceCount' | 'readCount' | 'confirmedCount') => rows.reduce((n, r) => n + r[key], 0);
  return {
    ...base,
    branchId: null,
    audienceCount: sum('audienceCount'),
    readCount: sum('readCount'),
    confirmedCount: sum('confirmedCount'),
    unread: [],
    read: [],
    confirmed: [],
    branches: rows,
  };
}
