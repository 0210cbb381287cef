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

/** Sends at once: 500 members go out in a handful of rounds, well within the function's time. */
const PARALLEL_SENDS = 100;

interface SendFailure {
  memberId: string;
  errCode: number | string;
}

function errCodeOf(error: unknown): number | string {
  if (error && typeof error === 'object') {
    const { errCode, code } = error as { errCode?: unknown; code?: unknown };
    if (typeof errCode === 'number' || typeof errCode === 'string') return errCode;
    if (typeof code === 'number' || typeof code === 'string') return code;
  }
  return 'unknown';
}

/**
 * Claims an activity's one reminder: a conditional update that only one request can win, made
 * before anything is sent, so two clicks, the job and a click, or a retry never send twice. A
 * function stopped mid-send leaves the rest unsent rather than risk a second message.
 */
async function claim(activityId: string): Promise<boolean> {
  const db = database();
  const result = (await db
    .collection(COLLECTIONS.activities)
    .where({ _id: activityId, status: 'scheduled', reminderSentAt: null })
    .update({ data: { reminderSentAt: new Date() } })) as { stats: { updated: number } };
  return result.stats.updated > 0;
}

/**
 * Sends one reminder to every expected attendee who is bound, not on leave and not checked in, in
 * parallel rounds. WeChat refuses a member who did not subscribe (errCode 43101) and the like:
 * such refusals are logged with their codes and counted as skipped; only members WeChat accepted
 * are recorded as reminded. The reminder must have been claimed first.
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
  const recipients: Pick<MemberDoc, '_id' | 'openid'>[] = [];
  for (let i = 0; i < targets.length; i += MAX_PAGE) {
    const ids = targets.slice(i, i + MAX_PAGE);
    recipients.push(
      ...(await getDocs<Pick<MemberDoc, '_id' | 'openid'>>(
        db
          .collection(COLLECTIONS.members)
          .where({ _id: _.in(ids), active: true, openid: _.neq(null) })
          .field({ _id: true, openid: true })
          .limit(ids.length),
      )),
    );
  }
  const message = {
    templateId: template,
    page: `${DETAIL_PAGE}?id=${activity._id}`,
    data: {
      thing1: { value: thing(activity.title) },
      time2: { value: beijingShort(new Date(activity.startAt)) },
      thing3: { value: thing(activity.place) },
      thing4: { value: thing(`${ACTIVITY_TYPE_NAMES[activity.type]}，请准时参加`) },
    },
  };
  const api = (cloud.openapi as unknown as SubscribeApi).subscribeMessage;
  const reminded: string[] = [];
  const failures: SendFailure[] = [];
  for (let i = 0; i < recipients.length; i += PARALLEL_SENDS) {
    const round = recipients.slice(i, i + PARALLEL_SENDS);
    const results = await Promise.allSettled(round.map((m) => api.send({ touser: m.openid, ...message })));
    results.forEach((result, k) => {
      const member = round[k]!;
      if (result.status === 'fulfilled') reminded.push(member._id);
      else failures.push({ memberId: member._id, errCode: errCodeOf(result.reason) });
    });
  }
  if (failures.length > 0) {
    const byCode: Record<string, number> = {};
    for (const f of failures) byCode[String(f.errCode)] = (byCode[String(f.errCode)] ?? 0) + 1;
    console.warn('[reminder] not delivered', { activityId: activity._id, byCode, members: failures.slice(0, 20) });
  }
  if (reminded.length > 0) {
    await db
      .collection(COLLECTIONS.activities)
      .doc(activity._id)
      .update({ data: { remindedIds: _.push({ each: reminded }) } });
  }
  return { sent: reminded.length, skipped: activity.expectedIds.length - reminded.length };
}

/** The secretary's one reminder for an activity (SPEC: one reminder, not a stream of pings). */
export async function remind(session: Session, activityId: string) {
  const activity = await managedActivity(session, activityId);
  if (activity.status === 'cancelled') throw failedPrecondition('活动已取消');
  if (activity.reminderSentAt) throw failedPrecondition('已发送过提醒，每次活动只提醒一次');
  if (new Date(activity.endAt).getTime() < Date.now()) throw failedPrecondition('活动已结束');
  templateId();
  if (!(await claim(activity._id))) throw failedPrecondition('已发送过提醒，每次活动只提醒一次');
  return sendReminders(activity);
}

const REMIND_AHEAD_MS = 24 * 60 * 60 * 1000;

/**
 * The hourly job: activities starting within a day that nobody has reminded anyone of yet. Each is
 * claimed before sending, so a job that overlaps a secretary's click (or another run) sends once;
 * one activity's failure is logged and does not stop the others.
 */
export async function sendDueReminders(
  now = new Date(),
): Promise<{ activities: number; sent: number; skipped: number; failed: number }> {
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
  let failed = 0;
  let activities = 0;
  for (const activity of due) {
    try {
      if (!(await claim(activity._id))) continue;
      activities++;
      const result = await sendReminders(activity);
      sent += result.sent;
      skipped += result.skipped;
    } catch (error) {
      failed++;
      console.error('[reminder] activity failed', activity._id, error);
    }
  }
  return { activities, sent, skipped, failed };
}
