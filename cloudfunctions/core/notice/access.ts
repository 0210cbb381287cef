import type { NoticeBranchDoc, NoticeDoc } from '@zhibu/types';
import { isAdmin, isCommitteeOf } from '../member/policy';
import type { Session } from '../member/session';
import { forbidden, notFound } from '../runtime/app-error';
import { noticeRepository } from './notice.repository';

/**
 * Who may run a notice (edit, withdraw, remind): the committee of the branch a branch notice was
 * posted in, and the bureau's admins for a bureau notice.
 */
export function canManage(session: Session, notice: NoticeDoc): boolean {
  return notice.scope === 'bureau' ? isAdmin(session) : isCommitteeOf(session, notice.branchId ?? '');
}

/**
 * Who may see the receipts: those who run it, bureau admins (oversight of every branch), and for a
 * bureau notice the committee of a branch it went to (their own branch's lists only).
 */
export function receiptBranchScope(session: Session, notice: NoticeDoc): 'all' | string | null {
  if (canManage(session, notice) || isAdmin(session)) return 'all';
  const own = session.member.branchId;
  if (notice.scope === 'bureau' && notice.branchIds.includes(own) && isCommitteeOf(session, own)) return own;
  return null;
}

export interface VisibleNotice {
  notice: NoticeDoc;
  /** The caller's delivery when they are in the audience fixed at posting. */
  delivery: NoticeBranchDoc | null;
}

/**
 * A notice the caller may see: they are in its audience as fixed when it was posted, or they may see
 * its receipts. Anyone else is told it does not exist, exactly as for a missing id.
 */
export async function visibleNotice(session: Session, noticeId: string): Promise<VisibleNotice> {
  const [notice, delivery] = await Promise.all([
    noticeRepository.notice(noticeId),
    noticeRepository.deliveryFor(noticeId, session.member._id),
  ]);
  if (!notice) throw notFound('没有找到该通知');
  if (!delivery && receiptBranchScope(session, notice) === null) throw notFound('没有找到该通知');
  return { notice, delivery };
}

/** A notice the caller runs; a reader of it who does not run it is refused. */
export async function managedNotice(session: Session, noticeId: string): Promise<VisibleNotice> {
  const visible = await visibleNotice(session, noticeId);
  if (!canManage(session, visible.notice)) throw forbidden('只有发布通知的支部委员或局党委管理员可以进行此操作');
  return visible;
}
