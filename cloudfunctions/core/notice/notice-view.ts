import type { NoticeDetail, NoticeDoc, NoticeItem, NoticeReceiptDoc } from '@zhibu/types';

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

type ItemFields = Pick<
  NoticeDoc,
  | '_id'
  | 'title'
  | 'category'
  | 'pinned'
  | 'requireConfirm'
  | 'confirmBy'
  | 'status'
  | 'publishedAt'
  | 'updatedAt'
  | 'scope'
  | 'createdByName'
>;

export function toItem(
  notice: ItemFields,
  receipt: Pick<NoticeReceiptDoc, 'confirmedAt'> | null | undefined,
): NoticeItem {
  return {
    noticeId: notice._id,
    title: notice.title,
    category: notice.category,
    pinned: notice.pinned,
    requireConfirm: notice.requireConfirm,
    confirmBy: iso(notice.confirmBy),
    read: Boolean(receipt),
    confirmed: Boolean(receipt?.confirmedAt),
    status: notice.status,
    publishedAt: new Date(notice.publishedAt).toISOString(),
    updatedAt: iso(notice.updatedAt),
    fromBureau: notice.scope === 'bureau',
    postedByName: notice.scope === 'bureau' ? '局党委' : notice.createdByName,
  };
}

export function toDetail(
  notice: NoticeDoc,
  receipt: NoticeReceiptDoc | null,
  extra: {
    attachments: NoticeDetail['attachments'];
    inAudience: boolean;
    canManage: boolean;
    canSeeReceipts: boolean;
  },
): NoticeDetail {
  const withdrawn = notice.status === 'withdrawn';
  return {
    ...toItem(notice, receipt),
    // A withdrawn notice shows 已撤回 and its reason, not what it said.
    body: withdrawn ? '' : notice.body,
    attachments: withdrawn ? [] : extra.attachments,
    withdrawReason: notice.withdrawReason,
    withdrawnAt: iso(notice.withdrawnAt),
    readAt: iso(receipt?.readAt),
    confirmedAt: iso(receipt?.confirmedAt),
    inAudience: extra.inAudience,
    canManage: extra.canManage,
    canSeeReceipts: extra.canSeeReceipts,
    audience: notice.audience,
    branchIds: extra.canManage ? notice.branchIds : [],
  };
}
