import {
  APPRAISAL_GRADES,
  COLLECTIONS,
  type AppraisalReportDoc,
  type AppraisalResult,
  type AppraisalRow,
  type AppraisalGradeCounts,
} from '@zhibu/types';
import { database } from '../runtime/cloud';

export interface Tally {
  result: AppraisalResult;
  codesIssued: number;
}

const zero = (): AppraisalGradeCounts => ({ good: 0, fairlyGood: 0, average: 0, poor: 0 });
const emptyTally = (): Tally => ({ result: { member: zero(), teacher: zero() }, codesIssued: 0 });
const total = (c: AppraisalGradeCounts) => c.good + c.fairlyGood + c.average + c.poor;

/**
 * The grades of some reports, counted from the votes themselves in one aggregation (and the codes
 * issued in another): a vote is one insert with nothing to keep in step, so the count cannot drift
 * from the votes, and no counter's update time sits beside a vote.
 */
export async function tallyOf(reportIds: string[]): Promise<Map<string, Tally>> {
  const out = new Map(reportIds.map((id) => [id, emptyTally()]));
  if (reportIds.length === 0) return out;
  const db = database();
  const _ = db.command;
  const $ = _.aggregate;
  const sums: Record<string, unknown> = {};
  for (const source of ['member', 'teacher'] as const) {
    for (const grade of APPRAISAL_GRADES) {
      sums[`${source}_${grade}`] = $.sum(
        $.cond({ if: $.and([$.eq(['$source', source]), $.eq(['$grade', grade])]), then: 1, else: 0 }),
      );
    }
  }
  const [votes, codes] = await Promise.all([
    db
      .collection(COLLECTIONS.appraisalVotes)
      .aggregate()
      .match({ reportId: _.in(reportIds) })
      .group({ _id: '$reportId', ...sums })
      .limit(reportIds.length)
      .end() as Promise<{ list: (Record<string, number> & { _id: string })[] }>,
    db
      .collection(COLLECTIONS.appraisalCodes)
      .aggregate()
      .match({ reportId: _.in(reportIds) })
      .group({ _id: '$reportId', issued: $.sum(1) })
      .limit(reportIds.length)
      .end() as Promise<{ list: { _id: string; issued: number }[] }>,
  ]);
  for (const row of votes.list) {
    const tally = out.get(row._id);
    if (!tally) continue;
    for (const source of ['member', 'teacher'] as const) {
      for (const grade of APPRAISAL_GRADES) tally.result[source][grade] = row[`${source}_${grade}`] ?? 0;
    }
  }
  for (const row of codes.list) {
    const tally = out.get(row._id);
    if (tally) tally.codesIssued = row.issued;
  }
  return out;
}

/**
 * What anyone may see of a report's appraisal. The grades wait for the round to end: while votes
 * come in one by one, a secretary (or anyone) watching a count move as a member taps a button
 * would learn that member's grade. Until then only how many have rated.
 */
export function rowOf(report: AppraisalReportDoc, tally: Tally | undefined, ended: boolean): AppraisalRow {
  const t = tally ?? emptyTally();
  return {
    reportId: report._id,
    secretaryName: report.secretaryName,
    branchName: report.branchName,
    submitted: report.submittedAt !== null,
    expected: report.raterIds.length,
    memberRated: total(t.result.member),
    teacherRated: total(t.result.teacher),
    codesIssued: t.codesIssued,
    result: ended ? t.result : null,
  };
}
