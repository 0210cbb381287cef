import { COLLECTIONS, type MemberDoc, type NoticeBranchDoc, type NoticeDoc } from '@zhibu/types';
import type { Session } from '../member/session';
import { failedPrecondition } from '../runtime/app-error';
import { cloud, database } from '../runtime/cloud';
import { getDocs, MAX_PAGE } from '../runtime/documents';
import { managedNotice } from './access';
import { noticeRepository } from './notice.repository';

const DETAIL_PAGE = 'pages/notice/detail/index';
const ONE_DAY_MS = 24 * 60 * 60 * 1000;
/** Messages sent at once: 500 members in about 25 rounds of one WeChat call, within the timeout. */
const SEND_BATCH = 20;

interface SubscribeApi {
  subscribeMessage: { send(message: Record<string, unknown>): Promise<{ errCode?: number } | undefined> };
}

/**
 * The subscribe-message template for notice reminders (SUBSCRIBE_TEMPLATE_NOTICE in the function's
 * environment). Its fields: 通知标题 thing1, 发布单位 thing2, 备注 thing3; WeChat caps `thing` at 20.
 */
function templateId(): string {
  const id = process.env.SUBSCRIBE_TEMPLATE_NOTICE;
  if (!id) throw failedPrecondition('未配置通知提醒的订阅消息模板（SUBSCRIBE_TEMPLATE_NOTICE）');
  return id;
}

const thing = (text: string) => (text.length > 20 ? `${text.slice(0, 19)}…` : text);

/**
 * Claims the notice's reminder for the next 24 hours in one conditional write, before anything is
 * sent: of two clicks or a retry, only one finds the claim free.
 */
async function claim(notice: NoticeDoc, now: Date): Promise<void> {
  const db = database();
  const _ = db.command;
  const result = (await db
    .collection(COLLECTIONS.notices)
    .where(
      _.and([
        { _id: notice._id, status: 'published' },
        _.or([{ reminder: null }, { 'reminder.claimedAt': _.lt(new Date(now.getTime() - ONE_DAY_MS)) }]),
      ]),
    )
    .update({ data: { reminder: _.set({ claimedAt: now, sentAt: null, sent: 0, failed: 0 }) } })) as {
    stats: { updated: number };
  };
  if (result.stats.updated !== 1) throw failedPrecondition('24 小时内已提醒过，请稍后再试');
}

/** Who has not done what the notice asks: not read, or (with 签收) not confirmed. */
async function pendingMembers(notice: NoticeDoc, deliveries: NoticeBranchDoc[]): Promise<string[]> {
  const out: string[] = [];
  for (const delivery of deliveries) {
    const receipts = await noticeRepository.receiptsOf(notice._id, delivery.branchId);
    const done = new Set(receipts.filter((r) => !notice.requireConfirm || r.confirmedAt).map((r) => r.memberId));
    out.push(...delivery.audienceIds.filter((id) => !done.has(id)));
  }
  return out;
}

export async function remindNotice(
  session: Session,
  noticeId: string,
): Promise<{ sent: number; failed: number; skipped: number }> {
  const { notice } = await managedNotice(session, noticeId);
  if (notice.status === 'withdrawn') throw failedPrecondition('通知已撤回');
  const template = templateId();
  const now = new Date();
  await claim(notice, now);

  const db = database();
  const deliveries = await noticeRepository.deliveries(notice._id);
  const targets = await pendingMembers(notice, deliveries);
  const openids: string[] = [];
  for (let i = 0; i < targets.length; i += MAX_PAGE) {
    const ids = targets.slice(i, i + MAX_PAGE);
    const members = await getDocs<Pick<MemberDoc, '_id' | 'openid'>>(
      db
        .collection(COLLECTIONS.members)
        .where({ _id: db.command.in(ids), active: true })
        .field({ _id: true, openid: true })
        .limit(ids.length),
    );
    for (const m of members) if (m.openid) openids.push(m.openid);
  }
  const api = cloud.openapi as unknown as SubscribeApi;
  const from = notice.scope === 'bureau' ? '局党委' : notice.createdByName;
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < openids.length; i += SEND_BATCH) {
    const results = await Promise.allSettled(
      openids.slice(i, i + SEND_BATCH).map((touser) =>
        api.subscribeMessage.send({
          touser,
          templateId: template,
          page: `${DETAIL_PAGE}?id=${notice._id}`,
          data: {
            thing1: { value: thing(notice.title) },
            thing2: { value: thing(from) },
            thing3: { value: thing(notice.requireConfirm ? '请阅读并点击确认收到' : '请及时阅读') },
          },
        }),
      ),
    );
    for (const r of results) {
      if (r.status === 'fulfilled' && !r.value?.errCode) sent++;
      else {
        failed++;
        // 43101: the member has not subscribed; the others are worth an operator's look.
        const code =
          r.status === 'fulfilled' ? r.value?.errCode : (r.reason as { errCode?: unknown } | undefined)?.errCode;
        console.warn(`[notice.remind] ${notice._id}: subscribeMessage.send failed, errCode ${String(code)}`);
      }
    }
  }
  // Only those WeChat accepted are counted as reminded.
  await db
    .collection(COLLECTIONS.notices)
    .doc(notice._id)
    .update({ data: { 'reminder.sentAt': new Date(), 'reminder.sent': sent, 'reminder.failed': failed } });
  return { sent, failed, skipped: targets.length - openids.length };
}
