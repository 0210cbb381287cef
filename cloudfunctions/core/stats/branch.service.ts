import { COLLECTIONS, type ActivityDoc, type BranchStats, type CheckinDoc, type MemberDoc } from '@zhibu/types';
import type { Session } from '../member/session';
import { database } from '../runtime/cloud';
import { getAllDocs, getDocs } from '../runtime/documents';
import { statsBranch } from './access';
import { loadRules } from './config';
import { readCountersWithReviews } from './reviews-held';
import { lightScope, metricsOf, periodOrInvalid } from './dashboard.service';
import { toTrend } from './metrics';
import { type Period } from './rules';

/** The held meetings of the period whose absentees the committee sees, most recent first. */
const ABSENCE_ACTIVITIES = 30;

async function absences(branchId: string, period: Period, now: Date): Promise<BranchStats['absences']> {
  const db = database();
  const _ = db.command;
  const activities = (
    await getDocs<Pick<ActivityDoc, '_id' | 'title' | 'type' | 'endAt' | 'status' | 'expectedIds' | 'leaveIds'>>(
      db
        .collection(COLLECTIONS.activities)
        // The meetings of the period are those that start in it (as the counters count them).
        .where({ branchId, startAt: _.gte(period.start).and(_.lt(period.end)), endAt: _.lte(now) })
        .field({ _id: true, title: true, type: true, endAt: true, status: true, expectedIds: true, leaveIds: true })
        .orderBy('startAt', 'desc')
        .limit(ABSENCE_ACTIVITIES),
    )
  ).filter((a) => a.status === 'scheduled');
  if (activities.length === 0) return [];
  const present = await getAllDocs<Pick<CheckinDoc, 'activityId' | 'memberId'>>(() =>
    db
      .collection(COLLECTIONS.checkins)
      .where({ activityId: _.in(activities.map((a) => a._id)), state: 'present' })
      .field({ activityId: true, memberId: true })
      .orderBy('_id', 'asc'),
  );
  const here = new Set(present.map((c) => `${c.activityId}_${c.memberId}`));
  const missing = activities.map((a) => ({
    activity: a,
    ids: a.expectedIds.filter((id) => !here.has(`${a._id}_${id}`) && !a.leaveIds.includes(id)),
  }));
  const ids = [...new Set(missing.flatMap((m) => m.ids))];
  const names = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 1000) {
    const people = await getDocs<Pick<MemberDoc, '_id' | 'name'>>(
      db
        .collection(COLLECTIONS.members)
        .where({ _id: _.in(ids.slice(i, i + 1000)) })
        .field({ _id: true, name: true })
        .limit(1000),
    );
    for (const p of people) names.set(p._id, p.name);
  }
  return missing.map(({ activity, ids: absent }) => ({
    activityId: activity._id,
    title: activity.title,
    type: activity.type,
    endAt: new Date(activity.endAt).toISOString(),
    absent: absent.map((memberId) => ({ memberId, name: names.get(memberId) ?? '已离开的党员' })),
  }));
}

/** One branch's figures over a period, its monthly trend and who missed which meeting. */
export async function branchStats(
  session: Session,
  input: { branchId?: string; period: string },
  now = new Date(),
): Promise<BranchStats> {
  const period = periodOrInvalid(input.period);
  const branch = await statsBranch(session, input.branchId);
  const { scope, asOf, months } = lightScope(period, now);
  const [rules, counters, absent] = await Promise.all([
    loadRules(),
    readCountersWithReviews({ branchIds: [branch._id], months: period.months, complianceMonths: months }, now),
    absences(branch._id, period, now),
  ]);
  return {
    period: period.key,
    metrics: metricsOf(branch, counters, rules, scope, asOf),
    trend: toTrend(period.months, counters.byMonth),
    absences: absent,
  };
}
