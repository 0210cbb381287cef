import { activityContract } from './activity';
import { appraisalContract } from './appraisal';
import { developmentContract } from './development';
import { duesContract } from './dues';
import { jobsContract } from './jobs';
import { memberContract } from './member';
import { noticeContract } from './notice';
import { orgContract } from './org';
import { quizContract } from './quiz';
import { reviewContract } from './review';
import { rosterContract } from './roster';
import { statsContract } from './stats';
import { studyContract } from './study';
import { trainingContract } from './training';
import { transferContract } from './transfer';

export * from './activity';
export * from './appraisal';
export * from './development';
export * from './dues';
export * from './api';
export * from './jobs';
export * from './member';
export * from './exemption';
export * from './notice';
export * from './org';
export * from './quiz';
export * from './review';
export * from './roster';
export * from './stats';
export * from './study';
export * from './training';
export * from './transfer';
export type * from './records';
export type * from './quiz-records';
export { COLLECTIONS } from './records';

/** Every function and its actions: the single source the functions validate with and the client is typed by. */
export const contracts = {
  member: memberContract,
  activity: activityContract,
  org: orgContract,
  roster: rosterContract,
  jobs: jobsContract,
  notice: noticeContract,
  study: studyContract,
  quiz: quizContract,
  stats: statsContract,
  development: developmentContract,
  training: trainingContract,
  dues: duesContract,
  transfer: transferContract,
  review: reviewContract,
  appraisal: appraisalContract,
} as const;

export type Contracts = typeof contracts;
export type FunctionName = keyof Contracts;
export type ActionName<F extends FunctionName> = keyof Contracts[F] & string;
export { zhErrorMap, useChineseErrors } from './zod-zh';
export * from './fields';
