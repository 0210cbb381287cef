import { COLLECTIONS, type ActivityDoc, type BranchDoc, type Compliance } from '@zhibu/types';
import type { Session } from '../member/session';
import { database } from '../runtime/cloud';
import { getAllDocs } from '../runtime/documents';
import { beijingDate } from '../runtime/time';
import { statsBranch } from './access';
import { loadRules } from './config';
import { addReviewsHeld, publishedReviews } from './reviews-held';
import {
  beijingMonthOf,
  complianceItems,
  countHeld,
  hasEvidence,
  isHeld,
  lightOf,
  periodOrThrow,
  stillNeeded,
  type MonthActivity,
} from './rules';
import { withTrainingLight } from '../training/compliance';
import { latestItem, termsOf } from '../training/terms.service';

/** A branch's activities of a year, the fields the calendar reads: one branch, one operation or two. */
async function activitiesOfYear(branchId: string, year: number) {
  const db = database();
  const _ = db.command;
  const period = periodOrThrow(String(year));
  return getAllDocs<Pick<ActivityDoc, '_id' | 'type' | 'alsoCountsAs' | 'status' | 'startAt' | 'endAt' | 'minutes'>>(
    () =>
      db
        .collection(COLLECTIONS.activities)
        .where({ branchId, startAt: _.gte(period.start).and(_.lt(period.end)) })
        .field({
          _id: true,
          type: true,
          alsoCountsAs: true,
          status: true,
          startAt: true,
          endAt: true,
          'minutes.savedAt': true,
        })
        .orderBy('startAt', 'asc'),
  );
}

/** Held and evidenced activities by Beijing month and type, with the dates 已完成 links to. */
export function monthsFromActivities(
  activities: Pick<ActivityDoc, 'type' | 'alsoCountsAs' | 'status' | 'startAt' | 'endAt' | 'minutes'>[],
  now: Date,
): Map<string, MonthActivity> {
  const months = new Map<string, MonthActivity>();
  for (const a of activities) {
    if (!isHeld(a, now)) continue;
    const month = beijingMonthOf(new Date(a.startAt));
    const m = months.get(month) ?? { held: {}, evidenced: {}, evidence: {} };
    countHeld(m, a, hasEvidence(a), beijingDate(new Date(a.endAt)));
    months.set(month, m);
  }
  return months;
}

export async function branchCompliance(branch: BranchDoc, year: number, now: Date): Promise<Compliance> {
  const period = periodOrThrow(String(year));
  const [rules, activities, reviews, terms] = await Promise.all([
    loadRules(),
    activitiesOfYear(branch._id, year),
    publishedReviews({ branchIds: [branch._id], months: period.months }),
    termsOf(branch._id),
  ]);
  const months = monthsFromActivities(activities, now);
  addReviewsHeld(new Map([[branch._id, months]]), reviews);
  const items = complianceItems({
    period,
    rules,
    hasPartyGroups: branch.partyGroups.length > 0,
    months,
    now,
  });
  const training = latestItem(terms);
  const { light, reasons } = withTrainingLight(lightOf(items, now), training);
  return {
    branchId: branch._id,
    branchName: branch.name,
    year,
    light,
    reasons,
    items,
    todo: stillNeeded(items, rules),
    training,
  };
}

/** The compliance calendar of one branch and year: its committee, or the bureau. */
export async function compliance(session: Session, input: { branchId?: string; year: number }, now = new Date()) {
  const branch = await statsBranch(session, input.branchId);
  return branchCompliance(branch, input.year, now);
}
