import { createHash } from 'node:crypto';
import { COLLECTIONS, type AppraisalReportDoc, type AppraisalRoundDoc } from '@zhibu/types';
import { isAdmin } from '../member/policy';
import type { Session } from '../member/session';
import { forbidden, notFound } from '../runtime/app-error';
import { getDoc } from '../runtime/documents';
import { beijingDate } from '../runtime/time';

/** One round per bureau and year: the database refuses a second `ap_<year>`. */
export const roundIdOf = (year: number) => `ap_${year}`;

/** One report per secretary and round, so a retried opening makes no second one. */
export function reportIdOf(roundId: string, secretaryId: string): string {
  const id = `${roundId}_${secretaryId}`;
  return id.length <= 64 ? id : `${roundId}_${createHash('sha256').update(secretaryId).digest('hex').slice(0, 40)}`;
}

/** Where a secretary uploads 述职 documents; the function accepts no other folder. */
export const reportFolder = (branchId: string) => `appraisal/${branchId}/`;

export interface RoundState {
  /** Rating is possible now. */
  open: boolean;
  /** The window has passed or the bureau closed the round. */
  ended: boolean;
}

export function roundState(round: Pick<AppraisalRoundDoc, 'from' | 'to' | 'closedAt'>, now = new Date()): RoundState {
  const today = beijingDate(now);
  const ended = round.closedAt !== null || today > round.to;
  return { ended, open: !ended && today >= round.from };
}

export function requireBureau(session: Session): void {
  if (!isAdmin(session)) throw forbidden('只有局党委管理员可以进行此操作');
}

/** How the caller stands to a report; null: not theirs to see. */
export type ReportRelation = 'secretary' | 'bureau' | 'rater' | 'branch';

export function relationTo(session: Session, report: AppraisalReportDoc): ReportRelation | null {
  const me = session.member;
  if (report.secretaryId === me._id) return 'secretary';
  if (isAdmin(session)) return 'bureau';
  if (report.raterIds.includes(me._id)) return 'rater';
  // Joined the branch after the round opened: may read, may not rate.
  if (report.branchId === me.branchId) return 'branch';
  return null;
}

/** A report the caller may see; another branch's answers exactly as a missing one. */
export async function visibleReport(
  session: Session,
  reportId: string,
): Promise<{ report: AppraisalReportDoc; relation: ReportRelation }> {
  const report = await getDoc<AppraisalReportDoc>(COLLECTIONS.appraisalReports, reportId);
  const relation = report ? relationTo(session, report) : null;
  if (!report || !relation) throw notFound('没有找到该述职');
  return { report, relation };
}

export async function roundOf(roundId: string): Promise<AppraisalRoundDoc> {
  const round = await getDoc<AppraisalRoundDoc>(COLLECTIONS.appraisalRounds, roundId);
  if (!round) throw notFound('没有找到该述职评议');
  return round;
}
