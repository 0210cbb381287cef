import { COLLECTIONS, type DuesBaseDoc, type DuesMonthDoc, type DuesReminderDoc, type MemberDoc } from '@zhibu/types';
import type { Session } from '../member/session';
import { failedPrecondition } from '../runtime/app-error';
import { cloud, database } from '../runtime/cloud';
import { isDuplicateKeyError } from '../runtime/db-errors';
import { getAllDocs, getDocs, MAX_PAGE } from '../runtime/documents';
import { beijingMonth } from '../runtime/time';
import { requireDuesManager } from './access';
import { monthsOfYear } from './months';
import { yuan } from './rates';

const MINE_PAGE = 'packages/dues/mine/index';

interface SubscribeApi {
  subscribeMessage: { send(message: Record<string, unknown>): Promise<{ errCode?: number } | undefined> };
}

/**
 * The subscribe-message template for dues reminders (SUBSCRIBE_TEMPLATE_DUES in the function's
 * environment). Its fields: 提醒事项 thing1, 欠缴月份 thing2, 欠缴金额 thing3; WeChat caps `thing` at 20.
 */
function templateId(): string {
  const id = process.env.SUBSCRIBE_TEMPLATE_DUES;
  if (!id) throw failedPrecondition('未配置党费提醒的订阅消息模板（SUBSCRIBE_TEMPLATE_DUES）');
  return id;
}

const thing = (text: string) => (text.length > 20 ? `${text.slice(0, 19)}…` : text);

/** Each member's overdue months (before the current one, this year and last), with what they owe. */
async function overdueOf(branchId: string, now: Date): Promise<Map<string, { months: string[]; owed: number }>> {
  const db = database();
  const _ = db.command;
  const current = beijingMonth(now);
  const year = Number(current.slice(0, 4));
  const [bases, paid] = await Promise.all([
    getAllDocs<DuesBaseDoc>(() =>
      db
        .collection(COLLECTIONS.duesBases)
        .where({ branchId, year: _.in([year - 1, year]) })
        .orderBy('_id', 'asc'),
    ),
    getAllDocs<Pick<DuesMonthDoc, 'memberId' | 'month'>>(() =>
      db
        .collection(COLLECTIONS.duesMonths)
        .where({ branchId, month: _.gte(`${year - 1}-01`).and(_.lt(current)) })
        .orderBy('month', 'asc')
        .orderBy('_id', 'asc')
        .field({ memberId: true, month: true }),
    ),
  ]);
  const paidSet = new Set(paid.map((p) => `${p.memberId}_${p.month}`));
  const out = new Map<string, { months: string[]; owed: number }>();
  for (const doc of bases) {
    monthsOfYear(doc.year).forEach((month, i) => {
      const due = doc.dues[i] ?? 0;
      if (month >= current || due === 0 || paidSet.has(`${doc.memberId}_${month}`)) return;
      const entry = out.get(doc.memberId) ?? { months: [], owed: 0 };
      entry.months.push(month);
      entry.owed += due;
      out.set(doc.memberId, entry);
    });
  }
  return out;
}

/**
 * Reminds the branch's members with overdue months: at most one reminder per member per month. The
 * claim is a document `<memberId>_<YYYY-MM>` added before anything is sent, so of two clicks (or two
 * secretaries) only one finds it free; a member already reminded this month is skipped. Members not
 * bound to WeChat cannot be reached and are counted as skipped. Locally the messages go to the outbox.
 */
export async function remindOverdue(session: Session, now = new Date()): Promise<{ sent: number; skipped: number }> {
  requireDuesManager(session);
  const template = templateId();
  const branchId = session.member.branchId;
  const month = beijingMonth(now);
  const overdue = await overdueOf(branchId, now);
  const ids = [...overdue.keys()];
  const db = database();
  const members: Pick<MemberDoc, '_id' | 'openid'>[] = [];
  for (let i = 0; i < ids.length; i += MAX_PAGE) {
    const chunk = ids.slice(i, i + MAX_PAGE);
    members.push(
      ...(await getDocs<Pick<MemberDoc, '_id' | 'openid'>>(
        db
          .collection(COLLECTIONS.members)
          .where({ _id: db.command.in(chunk), active: true })
          .field({ _id: true, openid: true })
          .limit(chunk.length),
      )),
    );
  }
  const api = (cloud.openapi as unknown as SubscribeApi).subscribeMessage;
  let sent = 0;
  let skipped = ids.length - members.length;
  for (const member of members) {
    if (!member.openid) {
      skipped++;
      continue;
    }
    const claimId = `${member._id}_${month}`;
    const claim: Omit<DuesReminderDoc, '_id'> = { memberId: member._id, branchId, month, claimedAt: now, sent: false };
    try {
      await db.collection(COLLECTIONS.duesReminders).add({ data: { _id: claimId, ...claim } });
    } catch (error) {
      if (isDuplicateKeyError(error)) {
        skipped++;
        continue;
      }
      throw error;
    }
    const { months, owed } = overdue.get(member._id)!;
    try {
      const result = await api.send({
        touser: member.openid,
        templateId: template,
        page: MINE_PAGE,
        data: {
          thing1: { value: '党费缴纳提醒' },
          thing2: { value: thing(months.length > 1 ? `${months[0]} 等 ${months.length} 个月` : months[0]!) },
          thing3: { value: thing(`共 ${yuan(owed)} 元，请联系支部缴纳`) },
        },
      });
      if (result?.errCode) throw Object.assign(new Error('send failed'), { errCode: result.errCode });
      await db
        .collection(COLLECTIONS.duesReminders)
        .doc(claimId)
        .update({ data: { sent: true } });
      sent++;
    } catch (error) {
      // 43101: the member has not subscribed. The claim stays: no second try this month.
      console.warn(
        `[dues.remind] ${member._id}: subscribeMessage.send failed`,
        (error as { errCode?: unknown }).errCode,
      );
      skipped++;
    }
  }
  return { sent, skipped };
}
