import {
  ACTIVITY_TYPE_NAMES,
  COLLECTIONS,
  type ActivityDoc,
  type CheckinDoc,
  type LeaveDoc,
  type MemberDoc,
} from '@zhibu/types';
import { managedActivity } from './access';
import type { Session } from '../member/session';
import { failedPrecondition } from '../runtime/app-error';
import { cloud, database } from '../runtime/cloud';
import { getAllDocs, getDocs, MAX_PAGE } from '../runtime/documents';
import { beijingShort } from '../runtime/time';

const DETAIL_PAGE = 'pages/activity/detail/index';

interface SubscribeApi {
  subscribeMessage: { send(message: Record<string, unknown>): Promise<unknown> };
}

/**
 * The subscribe-message template for activity reminders, configured per mini program in the
 * function's environment (SUBSCRIBE_TEMPLATE_ACTIVITY). Its fields are 活动名称 thing1, 时间 time2,
 * 地点 thing3, 备注 thing4; WeChat caps `thing` values at 20 characters.
 */
function templateId(): string {
  const id = process.env.SUBSCRIBE_TEMPLATE_ACTIVITY;
  if (!id) throw failedPrecondition('未配置活动提醒的订阅消息模板（SUBSCRIBE_TEMPLATE_ACTIVITY）');
  return id;
}

const thing = (text: string) => (text.length > 20 ? `${text.slice(0, 19)}…` : text);

/**
 * Sends one reminder to every expected attendee who is bound, not on leave and not checked in.
 * A member who never subscribed makes WeChat refuse their message; that is counted as skipped.
 */
async function sendReminders(activity: ActivityDoc): Promise<{ sent: number; skipped: number }> {
  const db = database();
  const _ = db.command;
  const template = templateId();
  const [checkins, leaves] = await Promise.all([
    getAllDocs<CheckinDoc>(() =>
      db.collection(COLLECTIONS.checkins).where({ activityId: activity._id, state: 'present' }).orderBy('_id', 'asc'),
    ),
    getAllDocs<LeaveDoc>(() =>
      db.collection(COLLECTIONS.leaves).where({ activityId: activity._id, status: 'approved' }).orderBy('_id', 'asc'),
    ),
  ]);
  const skip = new Set([...checkins.map((c) => c.memberId), ...leaves.map((l) => l.memberId)]);
  const targets = activity.expectedIds.filter((id) => !skip.has(id));
  let sent = 0;
  let skipped = activity.expectedIds.length - targets.length;
  for (let i = 0; i < targets.length; i += MAX_PAGE) {
    const ids = targets.slice(i, i + MAX_PAGE);
    const members = await getDocs<Pick<MemberDoc, '_id' | 'openid'>>(
      db
        .collection(COLLECTIONS.members)
        .where({ _id: _.in(ids), active: true })
        .field({ _id: true, openid: true })
        .limit(ids.length),
    );
    for (const member of members) {
      if (!member.openid) {
        skipped++;
        continue;
      }
      try {
        await (cloud.openapi as unknown as SubscribeApi).subscribeMessage.send({
          touser: member.openid,
          templateId: template,
          page: `${DETAIL_PAGE}?id=${activity._id}`,
          data: {
            thing1: { value: thing(activity.title) },
            time2: { value: beijingShort(new Date(activity.startAt)) },
            thing3: { value: thing(activity.place) },
            thing4: { value: thing(`${ACTIVITY_TYPE_NAMES[activity.type]}，请准时参加`) },
          },
        });
        sent++;
      } catch {
        skipped++;
      }
    }
    skipped += ids.length - members.length;
  }
  await db
    .collection(COLLECTIONS.activities)
    .doc(activity._id)
    .update({ data: { reminderSentAt: new Date() } });
  return { sent, skipped };
}

/** The secretary's one reminder for an activity (SPEC: one reminder, not a stream of pings). */
export async function remind(session: Session, activityId: string) {
  const activity = await managedActivity(session, activityId);
  if (activity.status === 'cancelled') throw failedPrecondition('活动已取消');
  if (activity.reminderSentAt) throw failedPrecondition('已发送过提醒，每次活动只提醒一次');
  if (new Date(activity.endAt).getTime() < Date.now()) throw failedPrecondition('活动已结束');
  return sendReminders(activity);
}

const REMIND_AHEAD_MS = 24 * 60 * 60 * 1000;

/** The hourly job: activities starting within a day that nobody has reminded anyone of yet. */
export async function sendDueReminders(
  now = new Date(),
): Promise<{ activities: number; sent: number; skipped: number }> {
  const db = database();
  const _ = db.command;
  const due = await getDocs<ActivityDoc>(
    db
      .collection(COLLECTIONS.activities)
      .where({
        status: 'scheduled',
        reminderSentAt: null,
        startAt: _.gt(now).and(_.lte(new Date(now.getTime() + REMIND_AHEAD_MS))),
      })
      .orderBy('startAt', 'asc')
      .limit(100),
  );
  let sent = 0;
  let skipped = 0;
  for (const activity of due) {
    const result = await sendReminders(activity);
    sent += result.sent;
    skipped += result.skipped;
  }
  return { activities: due.length, sent, skipped };
}
