import {
  COLLECTIONS,
  type AppraisalReportDoc,
  type AppraisalRoundDoc,
  type AppraisalVoteDoc,
  type AttachmentInput,
  type OwnReport,
  type RateItem,
  type AppraisalRound,
} from '@zhibu/types';
import type { Session } from '../member/session';
import { attachmentViews, isFileIn } from '../notice/attachments';
import { audit } from '../org/audit';
import { failedPrecondition, forbidden, invalidArgument } from '../runtime/app-error';
import { getDoc } from '../runtime/documents';
import { runTransaction, txGet } from '../runtime/transaction';
import { reportFolder, roundIdOf, roundOf, roundState, visibleReport } from './access';
import { reportsByIds, roundView } from './round.service';
import { rowOf, tallyOf } from './tally';
import { memberVoteId, ratingBlocked } from './vote.service';

/**
 * The caller's part in the year's round: their own 述职 and its aggregate if they are a secretary
 * in it, and the 述职 of their branch's secretaries to read and rate.
 */
export async function mine(
  session: Session,
  year: number,
  now = new Date(),
): Promise<{ round: AppraisalRound | null; own: OwnReport | null; toRate: RateItem[] }> {
  const me = session.member;
  const round = await getDoc<AppraisalRoundDoc>(COLLECTIONS.appraisalRounds, roundIdOf(year));
  if (!round) return { round: null, own: null, toRate: [] };
  const view = roundView(round, now);
  const ownId = round.reports.find((r) => r.secretaryId === me._id)?.reportId ?? null;
  const branchIds = round.reports
    .filter((r) => r.branchId === me.branchId && r.secretaryId !== me._id)
    .map((r) => r.reportId);
  const reports = await reportsByIds([...(ownId ? [ownId] : []), ...branchIds]);
  const ownDoc = reports.find((r) => r._id === ownId) ?? null;
  const others = reports.filter((r) => r._id !== ownId);

  let own: OwnReport | null = null;
  if (ownDoc) {
    const tally = (await tallyOf([ownDoc._id])).get(ownDoc._id);
    own = {
      ...rowOf(ownDoc, tally, view.ended),
      branchId: ownDoc.branchId,
      text: ownDoc.text,
      attachments: await attachmentViews(ownDoc.attachments),
      submittedAt: ownDoc.submittedAt ? ownDoc.submittedAt.toISOString() : null,
    };
  }
  const toRate = await Promise.all(others.map((r) => rateItem(session, r, now)));
  return { round: view, own, toRate };
}

async function rateItem(session: Session, report: AppraisalReportDoc, now: Date): Promise<RateItem> {
  const me = session.member;
  const rater = report.raterIds.includes(me._id);
  const vote = rater
    ? await getDoc<AppraisalVoteDoc>(COLLECTIONS.appraisalVotes, memberVoteId(report._id, me._id))
    : null;
  const blocked = !rater
    ? '您在本次评议开启后加入本支部，不参加本次评价'
    : vote
      ? '您已评价'
      : await ratingBlocked(report, now);
  const submitted = report.submittedAt !== null;
  return {
    reportId: report._id,
    secretaryName: report.secretaryName,
    branchName: report.branchName,
    submitted,
    text: submitted ? report.text : '',
    attachments: submitted ? await attachmentViews(report.attachments) : [],
    rated: vote !== null,
    blocked,
  };
}

/** The secretary writes or uploads their 述职 (again, until the round ends). */
export async function submitReport(
  session: Session,
  input: { reportId: string; text: string; attachments: AttachmentInput[] },
  now = new Date(),
): Promise<{ reportId: string; submittedAt: string }> {
  const { report, relation } = await visibleReport(session, input.reportId);
  if (relation !== 'secretary') throw forbidden('只有书记本人可以提交自己的述职');
  const round = await roundOf(report.roundId);
  if (roundState(round, now).ended) throw failedPrecondition('本次述职评议已结束，不能再修改述职');
  const kept = new Set(report.attachments.map((a) => a.fileId));
  for (const a of input.attachments) {
    if (!kept.has(a.fileId) && !isFileIn(a.fileId, reportFolder(report.branchId))) {
      throw invalidArgument(`文件「${a.name}」不是本支部上传的文件，请重新上传`);
    }
  }
  const attachments = input.attachments.map(({ fileId, name, size }) => ({ fileId, name, size }));
  await runTransaction(async (tx) => {
    const current = await txGet<AppraisalReportDoc>(tx, COLLECTIONS.appraisalReports, report._id);
    await tx
      .collection(COLLECTIONS.appraisalReports)
      .doc(report._id)
      .update({ data: { text: input.text, attachments, submittedAt: now } });
    await audit(
      tx,
      session,
      {
        action: current?.submittedAt ? 'appraisal.resubmit' : 'appraisal.submit',
        targetType: 'appraisal',
        targetId: report._id,
        targetName: `${report.secretaryName}的述职`,
        branchId: report.branchId,
        before: null,
        after: { length: input.text.length, files: attachments.length },
      },
      now,
    );
  });
  return { reportId: report._id, submittedAt: now.toISOString() };
}
