import {
  COLLECTIONS,
  type BranchDoc,
  type MemberDoc,
  type NoticeBranchDoc,
  type NoticeDetail,
  type NoticeDoc,
  type noticeContract,
} from '@zhibu/types';
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { resolveExpected } from '../activity/audience';
import { activeBranchOrFail } from '../member/member.repository';
import { isAdmin, requireAdmin, requireBranchManager } from '../member/policy';
import type { Session } from '../member/session';
import { audit } from '../org/audit';
import { failedPrecondition, forbidden, invalidArgument, notFound } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { isDuplicateKeyError } from '../runtime/db-errors';
import { getAllDocs, getDocs } from '../runtime/documents';
import { randomString } from '../runtime/ids';
import { beijingMonth } from '../runtime/time';
import { runTransaction } from '../runtime/transaction';
import { managedNotice, mayPostIn, POSTING_REFUSED } from './access';
import { attachNotice, setNoticeEntry } from './month-counters';
import { checkAttachments } from './attachments';
import { deliveryId, noticeRepository } from './notice.repository';
import { getNotice } from './read.service';

type Input<K extends keyof typeof noticeContract> = z.infer<(typeof noticeContract)[K]['input']>;

/**
 * A post carries the form's own request id, so a retry after a timeout or a partial bureau fan-out
 * lands on the same notice and the same deliveries instead of posting twice.
 */
const noticeIdFor = (memberId: string, requestId: string | undefined) =>
  requestId
    ? `n${createHash('sha256').update(`${memberId}:${requestId}`).digest('hex').slice(0, 16)}`
    : `n${randomString(11)}`;
/** Deliveries written at once: enough to post to 200 branches well within the function's timeout. */
const BATCH = 20;

/** The audiences, fixed now: a member bound or moved in later never counts in this notice's 应读. */
async function bureauAudiences(branchIds: string[]): Promise<Map<string, string[]>> {
  const db = database();
  const out = new Map<string, string[]>(branchIds.map((id) => [id, []]));
  for (let i = 0; i < branchIds.length; i += 100) {
    const chunk = branchIds.slice(i, i + 100);
    const members = await getAllDocs<Pick<MemberDoc, '_id' | 'branchId'>>(() =>
      db
        .collection(COLLECTIONS.members)
        .where({ active: true, branchId: db.command.in(chunk) })
        .field({ _id: true, branchId: true })
        .orderBy('createdAt', 'asc')
        .orderBy('_id', 'asc'),
    );
    for (const m of members) out.get(m.branchId)?.push(m._id);
  }
  return out;
}

/**
 * Writes the deliveries. Re-runnable: each has its deterministic id and a duplicate is skipped, so a
 * retried bureau post never delivers twice nor resets a branch's counters.
 */
async function deliver(notice: NoticeDoc, audiences: Map<string, string[]>): Promise<void> {
  const db = database();
  const entries = [...audiences.entries()].filter(([, ids]) => ids.length > 0);
  for (let i = 0; i < entries.length; i += BATCH) {
    await Promise.all(
      entries.slice(i, i + BATCH).map(async ([branchId, audienceIds]) => {
        const doc: NoticeBranchDoc = {
          _id: deliveryId(notice._id, branchId),
          noticeId: notice._id,
          branchId,
          month: notice.month,
          audienceIds,
          audienceCount: audienceIds.length,
          readCount: 0,
          confirmedCount: 0,
          pinned: notice.pinned,
          requireConfirm: notice.requireConfirm,
          status: notice.status,
          publishedAt: notice.publishedAt,
        };
        try {
          await db.collection(COLLECTIONS.noticeBranches).add({ data: doc });
        } catch (error) {
          if (!isDuplicateKeyError(error)) throw error;
        }
        // Then the branch-month counters, also re-runnable (a notice already counted is left as
        // it is); a stop in between is repaired by the notice recount.
        await attachNotice(doc, { expected: doc.audienceCount, read: 0, confirmed: 0, confirm: doc.requireConfirm });
      }),
    );
  }
}

export async function createNotice(session: Session, input: Input<'create'>): Promise<{ noticeId: string }> {
  const noticeId = noticeIdFor(session.member._id, input.requestId);
  if (input.requestId && (await noticeRepository.notice(noticeId))) return { noticeId };
  const scope = input.scope ?? (isAdmin(session) && !input.audience ? 'bureau' : 'branch');
  let branches: BranchDoc[];
  let audiences: Map<string, string[]>;
  if (scope === 'bureau') {
    requireAdmin(session);
    if (input.audience) throw invalidArgument('局党委通知按支部发送，请选择支部而不是参加范围');
    const db = database();
    branches = await getDocs<BranchDoc>(
      input.branchIds
        ? db
            .collection(COLLECTIONS.branches)
            .where({ _id: db.command.in([...new Set(input.branchIds)]), active: true })
            .limit(input.branchIds.length)
        : db.collection(COLLECTIONS.branches).where({ active: true }).orderBy('createdAt', 'asc').limit(1000),
    );
    if (input.branchIds && branches.length !== new Set(input.branchIds).size)
      throw notFound('所选支部中有不存在或已撤销的');
    audiences = await bureauAudiences(branches.map((b) => b._id));
  } else {
    requireBranchManager(session, session.member.branchId);
    if (input.branchIds) throw invalidArgument('只有局党委通知可以选择支部');
    const branch = await activeBranchOrFail(session.member.branchId);
    if (!mayPostIn(session, branch)) throw forbidden(POSTING_REFUSED);
    branches = [branch];
    audiences = new Map([[branch._id, await resolveExpected(branch, input.audience ?? { kind: 'branch' })]]);
  }
  if ([...audiences.values()].every((ids) => ids.length === 0)) throw invalidArgument('应读人员为空，请检查发送范围');

  const requireConfirm = input.requireConfirm ?? false;
  const publishedAt = new Date();
  const notice: NoticeDoc = {
    _id: noticeId,
    scope,
    branchId: scope === 'branch' ? session.member.branchId : null,
    branchIds: branches.filter((b) => (audiences.get(b._id)?.length ?? 0) > 0).map((b) => b._id),
    audience: scope === 'branch' ? (input.audience ?? { kind: 'branch' }) : null,
    title: input.title,
    body: input.body,
    category: input.category ?? 'notice',
    pinned: input.pinned ?? false,
    requireConfirm,
    confirmBy: requireConfirm && input.confirmBy ? new Date(input.confirmBy) : null,
    attachments: checkAttachments(session.member._id, input.attachments ?? [], []),
    status: 'published',
    withdrawReason: null,
    withdrawnAt: null,
    publishedAt,
    updatedAt: null,
    month: beijingMonth(publishedAt),
    createdBy: session.member._id,
    createdByName: session.member.name,
    reminder: null,
  };
  // Re-runnable: the deliveries first, the notice last. `get` answers NOT_FOUND and the list skips
  // a delivery until its notice exists, so a post that stops halfway shows nothing half-made, and
  // the same request again completes it (deterministic ids, duplicates skipped).
  await deliver(notice, audiences);
  const { _id, ...data } = notice;
  await database().collection(COLLECTIONS.notices).doc(_id).set({ data });
  return { noticeId: notice._id };
}

/** Copies the fields members sort and count by onto every delivery. Re-runnable: plain sets. */
async function syncDeliveries(noticeId: string, fields: Partial<NoticeBranchDoc>): Promise<void> {
  if (Object.keys(fields).length === 0) return;
  await database().collection(COLLECTIONS.noticeBranches).where({ noticeId }).update({ data: fields });
}

/**
 * A withdrawn notice leaves its branch-month counts; a change of 需要签收 moves its 应读 in or out
 * of the confirmation base. Compare-and-set per delivery (a read landing meanwhile is not lost);
 * re-runnable, and whatever a stop leaves undone the notice recount repairs.
 */
async function syncMonthCounters(notice: NoticeDoc, changes: Partial<NoticeDoc>): Promise<void> {
  const withdrawn = changes.status === 'withdrawn';
  const confirm = changes.requireConfirm;
  if (!withdrawn && (confirm === undefined || confirm === notice.requireConfirm)) return;
  for (let i = 0; i < notice.branchIds.length; i += BATCH) {
    await Promise.all(
      notice.branchIds
        .slice(i, i + BATCH)
        .map((branchId) =>
          setNoticeEntry(
            { noticeId: notice._id, branchId, month: notice.month },
            withdrawn ? null : (entry) => ({ ...entry, confirm: confirm! }),
          ),
        ),
    );
  }
}

const auditFields = (n: Partial<NoticeDoc>) => ({
  ...(n.title !== undefined ? { title: n.title } : {}),
  ...(n.body !== undefined ? { body: n.body.length > 200 ? `${n.body.slice(0, 200)}…` : n.body } : {}),
  ...(n.category !== undefined ? { category: n.category } : {}),
  ...(n.pinned !== undefined ? { pinned: n.pinned } : {}),
  ...(n.requireConfirm !== undefined ? { requireConfirm: n.requireConfirm } : {}),
  ...(n.confirmBy !== undefined ? { confirmBy: n.confirmBy } : {}),
  ...(n.attachments !== undefined ? { attachments: n.attachments.map((a) => a.name) } : {}),
  ...(n.status !== undefined ? { status: n.status } : {}),
  ...(n.withdrawReason !== undefined ? { withdrawReason: n.withdrawReason } : {}),
});

/**
 * Writes a change to a notice with its audit entry in one transaction, after copying the list
 * fields to the deliveries (re-runnable: a retry after a stop in between writes the same again).
 */
async function writeChange(session: Session, notice: NoticeDoc, changes: Partial<NoticeDoc>, action: string) {
  const sync: Partial<NoticeBranchDoc> = {};
  if (changes.pinned !== undefined) sync.pinned = changes.pinned;
  if (changes.requireConfirm !== undefined) sync.requireConfirm = changes.requireConfirm;
  if (changes.status !== undefined) sync.status = changes.status;
  await syncDeliveries(notice._id, sync);
  await syncMonthCounters(notice, changes);
  const before: Partial<NoticeDoc> = {};
  for (const key of Object.keys(changes) as (keyof NoticeDoc)[]) (before as Record<string, unknown>)[key] = notice[key];
  await runTransaction(async (tx) => {
    await tx.collection(COLLECTIONS.notices).doc(notice._id).update({ data: changes });
    await audit(tx, session, {
      action,
      targetType: 'notice',
      targetId: notice._id,
      targetName: notice.title,
      branchId: notice.branchId ?? session.member.branchId,
      before: auditFields(before),
      after: auditFields(changes),
    });
  });
}

export async function updateNotice(session: Session, input: Input<'update'>): Promise<NoticeDetail> {
  const { notice } = await managedNotice(session, input.noticeId);
  if (notice.status === 'withdrawn') throw failedPrecondition('通知已撤回，不能修改');
  const { patch } = input;
  const requireConfirm = patch.requireConfirm ?? notice.requireConfirm;
  if (patch.confirmBy && !requireConfirm) throw invalidArgument('不需要签收时不能设置签收截止时间');
  const changes: Partial<NoticeDoc> = {
    ...(patch.title !== undefined ? { title: patch.title } : {}),
    ...(patch.body !== undefined ? { body: patch.body } : {}),
    ...(patch.category !== undefined ? { category: patch.category } : {}),
    ...(patch.pinned !== undefined ? { pinned: patch.pinned } : {}),
    ...(patch.requireConfirm !== undefined ? { requireConfirm } : {}),
    ...(patch.confirmBy !== undefined || !requireConfirm
      ? { confirmBy: requireConfirm && patch.confirmBy ? new Date(patch.confirmBy) : null }
      : {}),
    ...(patch.attachments !== undefined
      ? { attachments: checkAttachments(session.member._id, patch.attachments, notice.attachments) }
      : {}),
  };
  if (Object.keys(changes).length === 0) throw invalidArgument('没有需要保存的修改');
  changes.updatedAt = new Date();
  await writeChange(session, notice, changes, 'notice.update');
  return getNotice(session, notice._id);
}

export async function withdrawNotice(session: Session, input: Input<'withdraw'>): Promise<NoticeDetail> {
  const { notice } = await managedNotice(session, input.noticeId);
  if (notice.status === 'withdrawn') throw failedPrecondition('通知已撤回');
  await writeChange(
    session,
    notice,
    { status: 'withdrawn', withdrawReason: input.reason, withdrawnAt: new Date() },
    'notice.withdraw',
  );
  return getNotice(session, notice._id);
}
