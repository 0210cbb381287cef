import {
  COLLECTIONS,
  type NoticeBranchDoc,
  type NoticeDetail,
  type NoticeDoc,
  type NoticeItem,
  type NoticeList,
  type NoticeReceiptDoc,
  type noticeContract,
} from '@zhibu/types';
import type { z } from 'zod';
import { isAdmin, isCommitteeOf } from '../member/policy';
import type { Session } from '../member/session';
import { failedPrecondition, notFound } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { isDuplicateKeyError } from '../runtime/db-errors';
import { pageOf } from '../runtime/documents';
import { canManage, receiptBranchScope, visibleNotice } from './access';
import { attachmentViews } from './attachments';
import { toDetail, toItem } from './notice-view';
import { bumpNotice } from './month-counters';
import { deliveryId, noticeRepository, receiptId } from './notice.repository';

type Input<K extends keyof typeof noticeContract> = z.infer<(typeof noticeContract)[K]['input']>;

/** The list fields of a notice; the body and attachments stay behind. */
const LIST_FIELDS = {
  _id: 1,
  title: 1,
  category: 1,
  pinned: 1,
  requireConfirm: 1,
  confirmBy: 1,
  status: 1,
  publishedAt: 1,
  updatedAt: 1,
  scope: 1,
  createdByName: 1,
} as const;

type ListedNotice = Pick<NoticeDoc, keyof typeof LIST_FIELDS>;

/** `$lookup` stages: the caller's own receipt of a delivery, and the notice it delivers. */
interface PipelineBuilder {
  match(query: unknown): PipelineBuilder;
  project(fields: object): PipelineBuilder;
  done(): unknown;
}
/** `$.pipeline()` and `_.expr()` exist in the SDK (documented for lookup) but not in its typings. */
interface LookupCommands {
  pipeline(): PipelineBuilder;
}
interface ExprCommand {
  expr(expression: unknown): unknown;
}

function lookups(memberId: string) {
  const db = database();
  const _ = db.command as typeof db.command & ExprCommand;
  const $ = _.aggregate as typeof db.command.aggregate & LookupCommands;
  return {
    mine: {
      from: COLLECTIONS.noticeReceipts,
      let: { rid: $.concat(['$noticeId', `_${memberId}`]) },
      pipeline: $.pipeline()
        .match(_.expr($.eq(['$_id', '$$rid'])))
        .project({ _id: 0, confirmed: $.cond({ if: $.eq(['$confirmedAt', null]), then: 0, else: 1 }) })
        .done(),
      as: 'mine',
    },
    notice: (fields: Record<string, 1>) => ({
      from: COLLECTIONS.notices,
      let: { nid: '$noticeId' },
      pipeline: $.pipeline()
        .match(_.expr($.eq(['$_id', '$$nid'])))
        .project(fields)
        .done(),
      as: 'notice',
    }),
  };
}

/**
 * A member's notices: those whose audience, fixed at posting, names them — pinned first, then
 * newest. Two aggregations whatever the number of notices (with the session, three operations):
 * one page with the caller's receipts joined, one count of all, unread and unconfirmed.
 */
async function inbox(session: Session, input: Input<'list'>): Promise<NoticeList> {
  const db = database();
  const _ = db.command;
  const $ = _.aggregate;
  const me = session.member._id;
  const join = lookups(me);
  const [page, counts] = await Promise.all([
    db
      .collection(COLLECTIONS.noticeBranches)
      .aggregate()
      .match({ audienceIds: me })
      .sort({ pinned: -1, publishedAt: -1, _id: -1 })
      .skip((input.page - 1) * input.pageSize)
      .limit(input.pageSize)
      .lookup(join.notice(LIST_FIELDS))
      .lookup(join.mine)
      .project({ notice: 1, mine: 1 })
      .end() as Promise<{ list: { notice: ListedNotice[]; mine: { confirmed: number }[] }[] }>,
    db
      .collection(COLLECTIONS.noticeBranches)
      .aggregate()
      .match({ audienceIds: me })
      .lookup(join.notice({ _id: 1 }))
      .lookup(join.mine)
      // A delivery whose notice was never written (a post that stopped halfway) is not a notice yet.
      .match({ notice: _.neq([]) })
      .group({
        _id: null,
        total: $.sum(1),
        unread: $.sum(
          $.cond({ if: $.and([$.eq(['$status', 'published']), $.eq([$.size('$mine'), 0])]), then: 1, else: 0 }),
        ),
        toConfirm: $.sum(
          $.cond({
            if: $.and([$.eq(['$status', 'published']), '$requireConfirm', $.eq([$.sum('$mine.confirmed'), 0])]),
            then: 1,
            else: 0,
          }),
        ),
      })
      .limit(1)
      .end() as Promise<{ list: { total: number; unread: number; toConfirm: number }[] }>,
  ]);
  const items: NoticeItem[] = [];
  for (const row of page.list) {
    const notice = row.notice[0];
    if (!notice) continue;
    const mine = row.mine[0];
    items.push(toItem(notice, mine ? { confirmedAt: mine.confirmed ? new Date(0) : null } : null));
  }
  const c = counts.list[0];
  return { items, total: c?.total ?? 0, unread: c?.unread ?? 0, toConfirm: c?.toConfirm ?? 0 };
}

/** What the caller posts or runs: their branch's notices (committee), or the bureau's (admins). */
async function posted(session: Session, input: Input<'list'>): Promise<NoticeList> {
  const db = database();
  const _ = db.command;
  const own = session.member.branchId;
  const admin = isAdmin(session);
  const committee = isCommitteeOf(session, own);
  if (!admin && !committee) return { items: [], total: 0, unread: 0, toConfirm: 0 };
  const filter =
    admin && committee
      ? _.or([{ scope: 'bureau' }, { branchId: own }])
      : admin
        ? { scope: 'bureau' }
        : { branchId: own };
  const { docs, total } = await pageOf<ListedNotice>(
    COLLECTIONS.notices,
    filter,
    [['publishedAt', 'desc']],
    input,
    LIST_FIELDS,
  );
  return { items: docs.map((d) => toItem(d, null)), total, unread: 0, toConfirm: 0 };
}

export function listNotices(session: Session, input: Input<'list'>): Promise<NoticeList> {
  return input.box === 'posted' ? posted(session, input) : inbox(session, input);
}

/**
 * Records that a member of the audience has read a notice. Idempotent by the receipt's id: of many
 * simultaneous opens one `add` succeeds and only it counts. Counting follows the record in a second
 * write; if the function stops in between, the recount (recount.ts) repairs the counter.
 */
async function recordRead(session: Session, delivery: NoticeBranchDoc): Promise<NoticeReceiptDoc> {
  const db = database();
  const me = session.member._id;
  const existing = await noticeRepository.receipt(delivery.noticeId, me);
  if (existing) return existing;
  const receipt: NoticeReceiptDoc = {
    _id: receiptId(delivery.noticeId, me),
    noticeId: delivery.noticeId,
    memberId: me,
    branchId: delivery.branchId,
    memberName: session.member.name,
    readAt: new Date(),
    confirmedAt: null,
  };
  try {
    await db.collection(COLLECTIONS.noticeReceipts).add({ data: receipt });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const winner = await noticeRepository.receipt(delivery.noticeId, me);
    if (!winner) throw error;
    return winner;
  }
  await db
    .collection(COLLECTIONS.noticeBranches)
    .doc(delivery._id)
    .update({ data: { readCount: db.command.inc(1) } });
  await bumpNotice(delivery, 'read');
  return receipt;
}

/** A notice; for a member of its audience, opening it is reading it. */
export async function getNotice(session: Session, noticeId: string): Promise<NoticeDetail> {
  const { notice, delivery } = await visibleNotice(session, noticeId);
  const receipt =
    delivery && notice.status === 'published'
      ? await recordRead(session, delivery)
      : delivery
        ? await noticeRepository.receipt(noticeId, session.member._id)
        : null;
  const attachments = notice.status === 'published' ? await attachmentViews(notice.attachments) : [];
  return toDetail(notice, receipt, {
    attachments,
    inAudience: delivery !== null,
    canManage: await canManage(session, notice),
    canSeeReceipts: receiptBranchScope(session, notice) !== null,
  });
}

/** 确认收到: one tap, idempotent; confirming is reading too. */
export async function confirmNotice(session: Session, noticeId: string): Promise<{ confirmedAt: string }> {
  const { notice, delivery } = await visibleNotice(session, noticeId);
  if (!delivery) throw notFound('您不在该通知的接收范围内');
  if (notice.status === 'withdrawn') throw failedPrecondition('通知已撤回');
  if (!notice.requireConfirm) throw failedPrecondition('该通知不需要签收');
  const receipt = await recordRead(session, delivery);
  if (receipt.confirmedAt) return { confirmedAt: new Date(receipt.confirmedAt).toISOString() };
  if (notice.confirmBy && new Date(notice.confirmBy).getTime() < Date.now())
    throw failedPrecondition('签收已截止，请联系发布人');
  const db = database();
  const confirmedAt = new Date();
  // Only the request that moves the receipt from unconfirmed to confirmed counts it.
  const result = (await db
    .collection(COLLECTIONS.noticeReceipts)
    .where({ _id: receipt._id, confirmedAt: null })
    .update({ data: { confirmedAt } })) as { stats: { updated: number } };
  if (result.stats.updated === 1) {
    await db
      .collection(COLLECTIONS.noticeBranches)
      .doc(deliveryId(notice._id, delivery.branchId))
      .update({ data: { confirmedCount: db.command.inc(1) } });
    await bumpNotice(delivery, 'confirmed');
    return { confirmedAt: confirmedAt.toISOString() };
  }
  const winner = await noticeRepository.receipt(noticeId, session.member._id);
  return { confirmedAt: new Date(winner?.confirmedAt ?? confirmedAt).toISOString() };
}
