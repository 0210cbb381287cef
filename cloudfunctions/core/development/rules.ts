import {
  DEVELOPMENT_STEP_LABELS,
  type DevelopmentSettings,
  type DevelopmentStage,
  type DevelopmentStep,
  type RecordStatus,
  type NextStep,
} from '@zhibu/types';
import { addDays, addMonths, wholeMonths, workingDays } from './dates';

/**
 * The rules of 发展党员, as pure functions over a candidate's recorded steps. Dates are Beijing
 * calendar days (YYYY-MM-DD). Nothing here reads the database or the clock: the service passes in
 * the bureau's settings, today's date and the facts about the sponsors.
 */

/** The 发展党员工作细则's figures; the bureau may change them (developmentConfig). */
export const DEFAULT_SETTINGS: DevelopmentSettings = {
  minActivistMonths: 12,
  activistReviewMonths: 6,
  minTrainingHours: 24,
  minPublicityWorkingDays: 5,
  probationMonths: 12,
  probationReviewMonths: 3,
  candidateStepsDueMonths: 3,
  approvalDueMonths: 3,
};

/** Every rule by the name a refusal gives it. */
export const RULES = {
  notFuture: '日期不得晚于今天',
  afterApplication: '不得早于递交入党申请',
  once: '每个步骤只记录一次',
  order: '步骤先后顺序',
  dateOrder: '日期先后顺序',
  sponsors: '两名正式党员作培养联系人',
  activistYear: '入党积极分子培养满一年',
  activistReviews: '入党积极分子每半年考察一次',
  reviewStage: '考察记录须在本阶段内',
  trainingHours: '集中培训学时',
  publicityDays: '公示不少于5个工作日',
  afterPublicity: '公示期满后方可讨论',
  voteCounts: '表决人数相符',
  quorum: '到会党员超过应到会的半数',
  majority: '赞成票超过应到会有表决权党员的半数',
  probationYear: '预备期满一年方可转正',
  probationReviews: '预备党员每季度考察一次',
} as const;
export type RuleId = keyof typeof RULES;

/** A refusal: its message names the rule, then says what is wrong in this case. */
export class RuleViolation extends Error {
  constructor(
    readonly rule: RuleId,
    detail: string,
  ) {
    super(`不符合「${RULES[rule]}」：${detail}`);
    this.name = 'RuleViolation';
  }
}

export interface StepRecord {
  step: DevelopmentStep;
  date: string;
  fields: Record<string, unknown>;
}

/** Steps recorded once; the two kinds of 考察 are recorded as often as they happen. */
type OnceStep = Exclude<DevelopmentStep, 'activistReview' | 'probationReview'>;
const REVIEWS = new Set<DevelopmentStep>(['activistReview', 'probationReview']);

/** The steps each step needs before it (the 细则's order). */
const REQUIRES: Record<DevelopmentStep, OnceStep[]> = {
  apply: [],
  activist: ['apply'],
  activistReview: ['activist'],
  candidate: ['activist'],
  politicalReview: ['candidate'],
  training: ['candidate'],
  committeeReview: ['politicalReview', 'training'],
  prereview: ['committeeReview'],
  publicity: ['prereview'],
  branchVote: ['publicity'],
  approval: ['branchVote'],
  oath: ['approval'],
  probationReview: ['approval'],
  fullVote: ['oath'],
  fullApproval: ['fullVote'],
};

export interface Progress {
  done: Partial<Record<OnceStep, StepRecord>>;
  activistReviews: string[];
  probationReviews: string[];
}

export const emptyProgress = (): Progress => ({ done: {}, activistReviews: [], probationReviews: [] });

export function stageOf(progress: Progress): DevelopmentStage {
  const { done } = progress;
  if (done.fullApproval) return '正式党员';
  if (done.approval) return '预备党员';
  if (done.candidate) return '发展对象';
  if (done.activist) return '入党积极分子';
  return '申请入党';
}

/** What a sponsor is, as the member records say at the time of recording. */
export interface SponsorFacts {
  memberId: string;
  branchId: string;
  status: RecordStatus;
  active: boolean;
}

export interface RuleContext {
  settings: DevelopmentSettings;
  /** Today in Beijing. */
  today: string;
  candidateMemberId: string;
  branchId: string;
  /** The named sponsors' records; absent when an earlier step is only replayed. */
  sponsors?: SponsorFacts[];
}

const label = (step: DevelopmentStep) => DEVELOPMENT_STEP_LABELS[step];
const num = (fields: Record<string, unknown>, key: string) => Number(fields[key] ?? 0);

/** Checks one step against what is already recorded; throws the first rule it breaks. */
export function checkStep(progress: Progress, record: StepRecord, ctx: RuleContext): void {
  const { step, date, fields } = record;
  const { done } = progress;
  const { settings } = ctx;

  // 日期不得晚于今天: a step is recorded after it happened, never ahead of it.
  if (date > ctx.today) throw new RuleViolation('notFuture', `${label(step)}日期 ${date} 晚于今天 ${ctx.today}`);
  if (step === 'publicity' && String(fields.endDate) > ctx.today) {
    throw new RuleViolation('notFuture', `公示结束日期 ${String(fields.endDate)} 晚于今天，公示期满后再记录`);
  }

  // 不得早于递交入党申请: nothing of the pipeline predates the application.
  const applied = done.apply?.date;
  if (applied && date < applied) {
    throw new RuleViolation('afterApplication', `${label(step)}日期 ${date} 早于入党申请日期 ${applied}`);
  }

  // 每个步骤只记录一次: a step that is done is corrected, not recorded again; two 考察 on one day are one.
  if (!REVIEWS.has(step) && done[step as OnceStep]) {
    throw new RuleViolation('once', `${label(step)}已记录，如有错误请更正原记录`);
  }
  const reviews = step === 'activistReview' ? progress.activistReviews : progress.probationReviews;
  if (REVIEWS.has(step) && reviews.includes(date)) {
    throw new RuleViolation('once', `${date} 已有一条${label(step)}记录`);
  }

  // 步骤先后顺序: each step needs the steps before it (细则's order).
  const missing = REQUIRES[step].filter((s) => !done[s]);
  if (missing.length > 0) {
    throw new RuleViolation('order', `${label(step)}之前须先完成${missing.map(label).join('、')}`);
  }

  // 考察记录须在本阶段内: activist notes while an activist, probation notes during probation.
  if (step === 'activistReview' && done.candidate) {
    throw new RuleViolation('reviewStage', '已列为发展对象，不再记录积极分子考察');
  }
  if (step === 'probationReview' && done.fullVote) {
    throw new RuleViolation('reviewStage', '已讨论转正，不再记录预备期考察');
  }

  // 日期先后顺序: a step is not dated before the steps it follows.
  for (const before of REQUIRES[step]) {
    const prior = done[before]!;
    if (date < prior.date) {
      throw new RuleViolation('dateOrder', `${label(step)}日期 ${date} 早于${label(before)}日期 ${prior.date}`);
    }
  }

  switch (step) {
    case 'activist':
      if (ctx.sponsors) checkSponsors(fields, ctx);
      break;
    case 'candidate': {
      const since = done.activist!.date;
      // 入党积极分子培养满一年: 列为发展对象 no sooner than a year (the bureau's figure) after becoming an activist.
      const earliest = addMonths(since, settings.minActivistMonths);
      if (date < earliest) {
        throw new RuleViolation(
          'activistYear',
          `${since} 确定为入党积极分子，须培养满 ${settings.minActivistMonths} 个月，${earliest} 起方可列为发展对象`,
        );
      }
      // 入党积极分子每半年考察一次: at least one 考察 note for every full half year as an activist.
      const needed = Math.floor(wholeMonths(since, date) / settings.activistReviewMonths);
      const had = progress.activistReviews.filter((d) => d >= since && d <= date).length;
      if (had < needed) {
        throw new RuleViolation(
          'activistReviews',
          `培养期间应有 ${needed} 次考察记录（每 ${settings.activistReviewMonths} 个月一次），现有 ${had} 次`,
        );
      }
      break;
    }
    case 'training':
      // 集中培训学时: the 集中培训 lasts at least the bureau's hours (24 by default).
      if (num(fields, 'hours') < settings.minTrainingHours) {
        throw new RuleViolation(
          'trainingHours',
          `集中培训须不少于 ${settings.minTrainingHours} 学时，记录为 ${num(fields, 'hours')} 学时`,
        );
      }
      break;
    case 'publicity': {
      // 公示不少于5个工作日: counted Monday to Friday, both ends included, holidays not known (dates.ts).
      const end = String(fields.endDate);
      const days = workingDays(date, end);
      if (end < date || days < settings.minPublicityWorkingDays) {
        throw new RuleViolation(
          'publicityDays',
          `公示 ${date} 至 ${end} 只有 ${days} 个工作日，须不少于 ${settings.minPublicityWorkingDays} 个`,
        );
      }
      break;
    }
    case 'branchVote':
    case 'fullVote': {
      if (step === 'branchVote') {
        // 公示期满后方可讨论: the branch meeting is held after the 公示 has ended.
        const end = String(done.publicity!.fields.endDate);
        if (date <= end) throw new RuleViolation('afterPublicity', `公示至 ${end} 结束，支部大会须在此后召开`);
      } else {
        checkProbation(progress, date, settings);
      }
      checkVote(fields);
      break;
    }
    default:
      break;
  }
}

/** 两名正式党员作培养联系人: two different full members of the candidate's branch, not the candidate. */
function checkSponsors(fields: Record<string, unknown>, ctx: RuleContext): void {
  const ids = (fields.sponsorIds as string[] | undefined) ?? [];
  if (ids.length !== 2 || ids[0] === ids[1]) throw new RuleViolation('sponsors', '须确定两名不同的培养联系人');
  if (ids.includes(ctx.candidateMemberId)) throw new RuleViolation('sponsors', '本人不能作自己的培养联系人');
  for (const id of ids) {
    const sponsor = ctx.sponsors?.find((s) => s.memberId === id);
    if (!sponsor || !sponsor.active || sponsor.branchId !== ctx.branchId) {
      throw new RuleViolation('sponsors', '培养联系人须为本支部在册党员');
    }
    if (sponsor.status !== '正式党员') {
      throw new RuleViolation('sponsors', `培养联系人须为正式党员，所选人员为${sponsor.status}`);
    }
  }
}

function checkProbation(progress: Progress, date: string, settings: DevelopmentSettings): void {
  // The probation runs from the day the branch meeting accepted the probationer (党章第七条).
  const start = progress.done.branchVote!.date;
  // 预备期满一年方可转正: 转正 is discussed when the probation (a year by default) has run its course.
  const end = addMonths(start, settings.probationMonths);
  if (date < end) throw new RuleViolation('probationYear', `预备期自 ${start} 起算，${end} 期满，此前不能讨论转正`);
  // 预备党员每季度考察一次: at least one note for every full quarter of probation.
  const needed = Math.floor(wholeMonths(start, date) / settings.probationReviewMonths);
  const had = progress.probationReviews.filter((d) => d >= start && d <= date).length;
  if (had < needed) {
    throw new RuleViolation(
      'probationReviews',
      `预备期应有 ${needed} 次考察记录（每 ${settings.probationReviewMonths} 个月一次），现有 ${had} 次`,
    );
  }
}

function checkVote(fields: Record<string, unknown>): void {
  const entitled = num(fields, 'entitled');
  const present = num(fields, 'present');
  const votesFor = num(fields, 'votesFor');
  const votesAgainst = num(fields, 'votesAgainst');
  // 表决人数相符: those voting are present, and those present are entitled to vote.
  if (present > entitled) throw new RuleViolation('voteCounts', `实到 ${present} 人多于应到 ${entitled} 人`);
  if (votesFor + votesAgainst > present) {
    throw new RuleViolation('voteCounts', `赞成 ${votesFor} 票与反对 ${votesAgainst} 票之和多于实到 ${present} 人`);
  }
  // 到会党员超过应到会的半数: the meeting counts only with more than half of those entitled present.
  if (present * 2 <= entitled) throw new RuleViolation('quorum', `应到 ${entitled} 人，实到 ${present} 人，未超过半数`);
  // 赞成票超过应到会有表决权党员的半数: a majority of all entitled to vote, not of those present.
  if (votesFor * 2 <= entitled) {
    throw new RuleViolation('majority', `应到会有表决权党员 ${entitled} 人，赞成 ${votesFor} 票，未超过半数`);
  }
}

/** Adds a recorded step (already checked) to the progress. */
export function apply(progress: Progress, record: StepRecord): Progress {
  if (record.step === 'activistReview') {
    return { ...progress, activistReviews: [...progress.activistReviews, record.date].sort() };
  }
  if (record.step === 'probationReview') {
    return { ...progress, probationReviews: [...progress.probationReviews, record.date].sort() };
  }
  return { ...progress, done: { ...progress.done, [record.step]: record } };
}

/** Checks every step in order, as a correction requires: a corrected date must still fit those after it. */
export function replay(records: StepRecord[], ctx: (record: StepRecord, index: number) => RuleContext): Progress {
  return records.reduce((progress, record, i) => {
    checkStep(progress, record, ctx(record, i));
    return apply(progress, record);
  }, emptyProgress());
}

/** The progress of steps that were checked when recorded. */
export const progressOf = (records: StepRecord[]): Progress => records.reduce(apply, emptyProgress());

const next = (step: DevelopmentStep, today: string, earliest: string | null, dueBy: string | null): NextStep => ({
  step,
  label: label(step),
  earliest: earliest && earliest > today ? earliest : null,
  dueBy,
  overdue: dueBy !== null && dueBy < today,
});

/** What is next, with the first day it may be recorded and the day it is due. */
export function nextSteps(progress: Progress, settings: DevelopmentSettings, today: string): NextStep[] {
  const { done } = progress;
  const last = (dates: string[], from: string) => dates.filter((d) => d >= from).at(-1) ?? from;
  switch (stageOf(progress)) {
    case '申请入党':
      return [next('activist', today, null, null)];
    case '入党积极分子': {
      const since = done.activist!.date;
      return [
        next(
          'activistReview',
          today,
          null,
          addMonths(last(progress.activistReviews, since), settings.activistReviewMonths),
        ),
        next('candidate', today, addMonths(since, settings.minActivistMonths), null),
      ];
    }
    case '发展对象': {
      const due = addMonths(done.candidate!.date, settings.candidateStepsDueMonths);
      const out: NextStep[] = [];
      if (!done.politicalReview) out.push(next('politicalReview', today, null, due));
      if (!done.training) out.push(next('training', today, null, due));
      if (out.length > 0) return out;
      if (!done.committeeReview) return [next('committeeReview', today, null, due)];
      if (!done.prereview) return [next('prereview', today, null, due)];
      if (!done.publicity) return [next('publicity', today, null, null)];
      if (!done.branchVote) return [next('branchVote', today, addDays(String(done.publicity.fields.endDate), 1), null)];
      return [next('approval', today, null, addMonths(done.branchVote.date, settings.approvalDueMonths))];
    }
    case '预备党员': {
      if (done.fullVote) {
        return [next('fullApproval', today, null, addMonths(done.fullVote.date, settings.approvalDueMonths))];
      }
      const start = done.branchVote!.date;
      const end = addMonths(start, settings.probationMonths);
      const out: NextStep[] = [];
      if (!done.oath) out.push(next('oath', today, null, null));
      out.push(
        next(
          'probationReview',
          today,
          null,
          addMonths(last(progress.probationReviews, start), settings.probationReviewMonths),
        ),
      );
      out.push(next('fullVote', today, end, end));
      return out;
    }
    default:
      return [];
  }
}

/** The earliest due date among the next steps: what reminders and the overdue count read. */
export function earliestDue(steps: NextStep[]): string | null {
  const dues = steps.map((s) => s.dueBy).filter((d): d is string => d !== null);
  return dues.length > 0 ? dues.sort()[0]! : null;
}
