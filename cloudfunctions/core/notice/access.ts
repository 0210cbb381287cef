import type { BranchDoc, NoticeBranchDoc, NoticeDoc } from '@zhibu/types';
import { memberRepository } from '../member/member.repository';
import { isAdmin, isCommitteeOf } from '../member/policy';
import type { Session } from '../member/session';
import { forbidden, notFound } from '../runtime/app-error';
import { noticeRepository } from './notice.repository';

/**
 * Who may post in a branch (and so edit, withdraw and remind its notices): its secretary, an admin
 * in their own branch, and the committee members the secretary allows (发布权限).
 */
export function mayPostIn(session: Session, branch: Pick<BranchDoc, '_id' | 'noticePosters'>): boolean {
  const { member } = session;
  if (member.branchId !== branch._id) return false;
  if (member.roles.includes('secretary') || member.roles.includes('admin')) return true;
  return member.roles.includes('committee') && (branch.noticePosters ?? []).includes(member._id);
}

/** `mayPostIn` for the caller's own branch, reading the branch only when the answer depends on it. */
export async function mayPostInOwnBranch(session: Session): Promise<boolean> {
  const { member } = session;
  if (member.roles.includes('secretary') || member.roles.includes('admin')) return true;
  if (!member.roles.includes('committee')) return false;
  const branch = await memberRepository.branch(member.branchId);
  return branch?.active === true && mayPostIn(session, branch);
}

export const POSTING_REFUSED = '您没有发布通知的权限，请联系支部书记开通';

/** The committee of the branch a branch notice was posted in, or the bureau's admins for a bureau notice. */
export function isNoticeCommittee(session: Session, notice: NoticeDoc): boolean {
  return notice.scope === 'bureau' ? isAdmin(session) : isCommitteeOf(session, notice.branchId ?? '');
}

/**
 * Who may run a notice (edit, withdraw, remind): for a bureau notice the bureau's admins; for a branch
 * notice those who may post in its branch now.
 */
export async function canManage(session: Session, notice: NoticeDoc): Promise<boolean> {
  if (!isNoticeCommittee(session, notice)) return false;
  return notice.scope === 'bureau' || mayPostInOwnBranch(session);
}

/**
 * Who may see the receipts: the committee of its branch, bureau admins (oversight of every branch),
 * and for a bureau notice the committee of a branch it went to (their own branch's lists only).
 */
export function receiptBranchScope(session: Session, notice: NoticeDoc): 'all' | string | null {
  if (isNoticeCommittee(session, notice) || isAdmin(session)) return 'all';
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
  if (!isNoticeCommittee(session, visible.notice))
    throw forbidden('只有发布通知的支部委员或局党委管理员可以进行此操作');
  if (!(await canManage(session, visible.notice))) throw forbidden(POSTING_REFUSED);
  return visible;
}
