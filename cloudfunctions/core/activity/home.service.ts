import { COLLECTIONS, type ActivityDoc, type ActivityHome, type ActivitySummary, type LeaveDoc } from '@zhibu/types';
import { isCommitteeOf } from '../member/policy';
import type { Session } from '../member/session';
import { database } from '../runtime/cloud';
import { getDocs } from '../runtime/documents';
import { beijingDate } from '../runtime/time';
import { canSee } from './access';
import { toSummary } from './activity-view';
import { listActivities, pendingLeaveCounts } from './activity.service';
import { countersOf } from './counters';

/** How many rows each card of 首页 shows; the rest is one tap away in the 活动 tab. */
const SHOWN = 3;
/** 待补会议记录 looks back over the branch's last meetings, not its whole history. */
const RECENT_ENDED = 20;
/** Waiting leave requests read at once: more than a branch ever has open. */
const PENDING_READ = 200;

const BEIJING_OFFSET_MS = 8 * 3600_000;

/** Midnight to midnight of today in Beijing, as instants. */
function beijingToday(now: Date): { from: Date; to: Date } {
  const from = new Date(Date.parse(`${beijingDate(now)}T00:00:00Z`) - BEIJING_OFFSET_MS);
  return { from, to: new Date(from.getTime() + 24 * 3600_000) };
}

async function summaries(session: Session, activities: ActivityDoc[]): Promise<ActivitySummary[]> {
  const [counters, pending] = await Promise.all([countersOf(activities), pendingLeaveCounts(session, activities)]);
  // Management rows: the caller's own standing is on their own card, not here.
  return activities.map((a) => toSummary(a, counters.get(a._id), null, pending.get(a._id) ?? 0));
}

/** The branch committee's to-do: leave to approve, today's meetings, minutes still to write. */
async function committeeToDo(session: Session, now: Date): Promise<NonNullable<ActivityHome['manage']>> {
  const db = database();
  const _ = db.command;
  const branchId = session.member.branchId;
  const { from, to } = beijingToday(now);
  const [pendingLeaves, todays, ended] = await Promise.all([
    getDocs<Pick<LeaveDoc, 'activityId'>>(
      db
        .collection(COLLECTIONS.leaves)
        .where({ branchId, status: 'pending' })
        .orderBy('requestedAt', 'asc')
        .field({ activityId: true })
        .limit(PENDING_READ),
    ),
    getDocs<ActivityDoc>(
      db
        .collection(COLLECTIONS.activities)
        .where({ branchId, startAt: _.gte(from).and(_.lt(to)) })
        .orderBy('startAt', 'asc')
        .limit(20),
    ),
    getDocs<ActivityDoc>(
      db
        .collection(COLLECTIONS.activities)
        .where({ branchId, endAt: _.lt(now) })
        .orderBy('endAt', 'desc')
        .limit(RECENT_ENDED),
    ),
  ]);
  const waitingIds = [...new Set(pendingLeaves.map((l) => l.activityId))];
  const waiting = waitingIds.length
    ? await getDocs<ActivityDoc>(
        db
          .collection(COLLECTIONS.activities)
          .where({ _id: _.in(waitingIds) })
          .limit(waitingIds.length),
      )
    : [];
  const open = waiting
    .filter((a) => a.status === 'scheduled' && canSee(session, a))
    .sort((a, b) => new Date(a.startAt).getTime() - new Date(b.startAt).getTime());
  const openIds = new Set(open.map((a) => a._id));
  const unminuted = ended.filter((a) => a.status === 'scheduled' && a.minutes === null);
  const [pendingActivities, today, withoutMinutes] = await Promise.all([
    summaries(session, open.slice(0, SHOWN)),
    summaries(
      session,
      todays.filter((a) => a.status === 'scheduled'),
    ),
    summaries(session, unminuted.slice(0, SHOWN)),
  ]);
  return {
    pendingLeave: pendingLeaves.filter((l) => openIds.has(l.activityId)).length,
    pendingActivities,
    today,
    withoutMinutes,
    withoutMinutesTotal: unminuted.length,
  };
}

export async function activityHome(session: Session): Promise<ActivityHome> {
  const now = new Date();
  const [mine, manage] = await Promise.all([
    listActivities(session, { scope: 'upcoming', mine: true, page: 1, pageSize: SHOWN }),
    isCommitteeOf(session, session.member.branchId) ? committeeToDo(session, now) : null,
  ]);
  return { mine: mine.items, manage };
}
