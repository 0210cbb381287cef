import {
  COLLECTIONS,
  type AppraisalCodeDoc,
  type AppraisalGrade,
  type AppraisalReportDoc,
  type AppraisalVoteDoc,
  type CodeReport,
} from '@zhibu/types';
import { attachmentViews } from '../notice/attachments';
import { conflict, failedPrecondition, notFound } from '../runtime/app-error';
import { getDoc } from '../runtime/documents';
import { returnAttempt, takeAttempt, type FailureRule } from '../runtime/failure-limit';
import { codeIdOf } from './codes';
import { castVote, ratingBlocked, teacherVoteId } from './vote.service';

const CODE_WINDOW_MS = 15 * 60 * 1000;
const SPENT = '该评价码已经使用过，每个评价码只能使用一次';
const INVALID = '评价码无效，请核对后重新输入';

/**
 * Wrong or spent codes one caller may try per window, reading and rating alike (one allowance, so
 * reading is no cheaper way to guess). A caller the platform cannot identify (the H5 app without a
 * login) shares one allowance with every other such caller.
 */
function codeRule(openid: string | null): FailureRule {
  return {
    id: `apcode_${openid ?? 'anonymous'}`,
    max: openid ? 10 : 30,
    windowMs: CODE_WINDOW_MS,
    message: '评价码错误次数过多，请 15 分钟后再试',
  };
}

interface CodeUse {
  rule: FailureRule;
  code: AppraisalCodeDoc;
  report: AppraisalReportDoc;
}

/**
 * Takes an attempt and finds the report a code is for, rateable now. An unknown code keeps the
 * attempt (it may be a guess); a genuine code at the wrong time gives it back and says why.
 */
async function useCode(openid: string | null, input: string, now: Date): Promise<CodeUse> {
  const rule = codeRule(openid);
  await takeAttempt(rule);
  const code = await getDoc<AppraisalCodeDoc>(COLLECTIONS.appraisalCodes, codeIdOf(input));
  if (!code) throw notFound(INVALID);
  const report = await getDoc<AppraisalReportDoc>(COLLECTIONS.appraisalReports, code.reportId);
  if (!report) throw notFound(INVALID);
  const blocked = await ratingBlocked(report, now);
  if (blocked) {
    await returnAttempt(rule);
    throw failedPrecondition(blocked);
  }
  return { rule, code, report };
}

/** Gives back the attempt of a genuine code; the answer stands either way. */
const refund = (rule: FailureRule) =>
  returnAttempt(rule).catch((error: unknown) => console.error('[appraisal] returning an attempt failed', error));

/**
 * The 述职 a code is for, so a teacher reads it before grading. The code stays unused; a spent one
 * is refused like a wrong one, and the answer holds only this report, never counts or votes.
 */
export async function viewWithCode(
  openid: string | null,
  input: { code: string },
  now = new Date(),
): Promise<CodeReport> {
  const { rule, code, report } = await useCode(openid, input.code, now);
  if (await getDoc<AppraisalVoteDoc>(COLLECTIONS.appraisalVotes, teacherVoteId(report._id, code._id))) {
    throw conflict(SPENT);
  }
  const attachments = await attachmentViews(report.attachments);
  await refund(rule);
  return {
    year: report.year,
    secretaryName: report.secretaryName,
    branchName: report.branchName,
    text: report.text,
    attachments,
  };
}

/** A teacher's grade through a one-time code: no member, no login needed; the code is the proof. */
export async function rateWithCode(
  openid: string | null,
  input: { code: string; grade: AppraisalGrade },
  now = new Date(),
): Promise<{ secretaryName: string; branchName: string }> {
  const { rule, code, report } = await useCode(openid, input.code, now);
  await castVote(
    {
      _id: teacherVoteId(report._id, code._id),
      roundId: report.roundId,
      reportId: report._id,
      source: 'teacher',
      grade: input.grade,
    },
    SPENT,
  );
  await refund(rule);
  return { secretaryName: report.secretaryName, branchName: report.branchName };
}
