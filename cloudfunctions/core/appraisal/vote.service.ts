import { COLLECTIONS, type AppraisalGrade, type AppraisalReportDoc, type AppraisalVoteDoc } from '@zhibu/types';
import { isAdmin } from '../member/policy';
import type { Session } from '../member/session';
import { conflict, failedPrecondition, forbidden, invalidArgument, notFound } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { isDuplicateKeyError } from '../runtime/db-errors';
import { getDoc } from '../runtime/documents';
import { raterKey } from '../runtime/rater-key';
import { roundOf, roundState } from './access';

/** The vote of a member: its id is all that is kept of who cast it. */
export const memberVoteId = (reportId: string, memberId: string) => `m_${raterKey(reportId, memberId)}`;
export const teacherVoteId = (reportId: string, codeId: string) => `t_${raterKey(reportId, codeId)}`;

/** Why a report cannot be rated now, or null. */
export async function ratingBlocked(report: AppraisalReportDoc, now = new Date()): Promise<string | null> {
  const state = roundState(await roundOf(report.roundId), now);
  if (state.ended) return '本次述职评议已结束';
  if (!state.open) return '述职评议尚未开始';
  if (!report.submittedAt) return '书记尚未提交述职';
  return null;
}

/**
 * One vote, written once: the database refuses a second with the same id, so of any number of
 * simultaneous tries exactly one counts. Nothing else is written — no time, no counter.
 */
export async function castVote(vote: AppraisalVoteDoc, duplicate: string): Promise<void> {
  const { _id, ...data } = vote;
  try {
    await database()
      .collection(COLLECTIONS.appraisalVotes)
      .add({ data: { _id, ...data } });
  } catch (error) {
    if (isDuplicateKeyError(error)) throw conflict(duplicate);
    throw error;
  }
}

export async function rateReport(
  session: Session,
  input: { reportId: string; grade: AppraisalGrade },
  now = new Date(),
): Promise<{ reportId: string; rated: true }> {
  const me = session.member;
  const report = await getDoc<AppraisalReportDoc>(COLLECTIONS.appraisalReports, input.reportId);
  const sameBranch = report?.branchId === me.branchId;
  if (!report || (!sameBranch && !isAdmin(session))) throw notFound('没有找到该述职');
  if (report.secretaryId === me._id) throw invalidArgument('不能评价自己的述职');
  if (!sameBranch) throw forbidden('只有本支部党员可以评价书记的述职');
  if (!report.raterIds.includes(me._id)) throw failedPrecondition('您在本次评议开启后加入本支部，不参加本次评价');
  const blocked = await ratingBlocked(report, now);
  if (blocked) throw failedPrecondition(blocked);
  await castVote(
    {
      _id: memberVoteId(report._id, me._id),
      roundId: report.roundId,
      reportId: report._id,
      source: 'member',
      grade: input.grade,
    },
    '您已经评价过了，每人只能评价一次',
  );
  return { reportId: report._id, rated: true };
}
