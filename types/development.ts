import { z } from 'zod';
import { action, noInput } from './api';
import { idSchema, pageInputSchema, pageOf } from './fields';

/** The five stages of 发展党员, in order. */
export const DEVELOPMENT_STAGES = ['申请入党', '入党积极分子', '发展对象', '预备党员', '正式党员'] as const;
export const developmentStageSchema = z.enum(DEVELOPMENT_STAGES);
export type DevelopmentStage = z.infer<typeof developmentStageSchema>;

/** Every step a candidate's timeline can hold, in the order the 发展党员工作细则 sets them. */
export const DEVELOPMENT_STEPS = [
  'apply',
  'activist',
  'activistReview',
  'candidate',
  'politicalReview',
  'training',
  'committeeReview',
  'prereview',
  'publicity',
  'branchVote',
  'approval',
  'oath',
  'probationReview',
  'fullVote',
  'fullApproval',
] as const;
export const developmentStepSchema = z.enum(DEVELOPMENT_STEPS);
export type DevelopmentStep = z.infer<typeof developmentStepSchema>;

export const DEVELOPMENT_STEP_LABELS: Record<DevelopmentStep, string> = {
  apply: '递交入党申请书',
  activist: '确定为入党积极分子',
  activistReview: '积极分子考察',
  candidate: '列为发展对象',
  politicalReview: '政治审查',
  training: '集中培训',
  committeeReview: '支委会审查',
  prereview: '局党委预审',
  publicity: '发展公示',
  branchVote: '支部大会讨论接收预备党员',
  approval: '上级党委审批',
  oath: '入党宣誓',
  probationReview: '预备期考察',
  fullVote: '支部大会讨论转正',
  fullApproval: '上级党委批准转正',
};

/**
 * A calendar day in Beijing time, checked to exist (2024-02-30 is refused; the shared date field
 * lets the JavaScript date parser roll it over to March).
 */
export const calendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const t = new Date(Date.UTC(y, m - 1, d));
    return y >= 1949 && y <= 2100 && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
  }, '日期不存在');

const noteSchema = z.string().trim().min(1, '请填写考察情况').max(500, '考察情况不能超过 500 个字');
const headcount = z.number().int().min(0).max(10_000);
const voteFields = {
  /** 应到会有表决权的正式党员人数. */
  entitled: headcount.min(1, '应到会人数至少为 1'),
  /** 实到会有表决权的正式党员人数. */
  present: headcount,
  votesFor: headcount,
  votesAgainst: headcount,
};

const base = { candidateId: idSchema, date: calendarDateSchema };
const stepInput = <S extends DevelopmentStep, F extends z.ZodRawShape>(step: S, fields: F) =>
  z.object({ ...base, step: z.literal(step), ...fields }).strict();

/** The steps and the fields each needs (`apply` is recorded by `start`). */
const recordVariants = [
  stepInput('activist', { sponsorIds: z.array(idSchema).length(2, '须确定两名培养联系人') }),
  stepInput('activistReview', { note: noteSchema }),
  stepInput('candidate', {}),
  stepInput('politicalReview', { conclusion: z.string().trim().max(200, '结论不能超过 200 个字').optional() }),
  stepInput('training', { hours: z.number().min(0.5, '学时须大于 0').max(500, '学时不合理') }),
  stepInput('committeeReview', {}),
  stepInput('prereview', {}),
  stepInput('publicity', { endDate: calendarDateSchema }),
  stepInput('branchVote', voteFields),
  stepInput('approval', {}),
  stepInput('oath', {}),
  stepInput('probationReview', { note: noteSchema }),
  stepInput('fullVote', voteFields),
  stepInput('fullApproval', {}),
] as const;

export const recordStepInput = z.discriminatedUnion('step', [...recordVariants]);
export type RecordStepInput = z.infer<typeof recordStepInput>;
export type RecordableStep = RecordStepInput['step'];

/** A correction: the same fields as the step it replaces, the entry it replaces and why. */
const correction = { entryId: z.string().min(1).max(100), reason: z.string().trim().min(1, '请填写更正原因').max(200) };
export const correctStepInput = z.discriminatedUnion('step', [
  recordVariants[0].extend(correction),
  recordVariants[1].extend(correction),
  recordVariants[2].extend(correction),
  recordVariants[3].extend(correction),
  recordVariants[4].extend(correction),
  recordVariants[5].extend(correction),
  recordVariants[6].extend(correction),
  recordVariants[7].extend(correction),
  recordVariants[8].extend(correction),
  recordVariants[9].extend(correction),
  recordVariants[10].extend(correction),
  recordVariants[11].extend(correction),
  recordVariants[12].extend(correction),
  recordVariants[13].extend(correction),
  z.object({ ...base, step: z.literal('apply'), ...correction }).strict(),
]);
export type CorrectStepInput = z.infer<typeof correctStepInput>;

/** The bureau's settings of the pipeline; the defaults are those of the 发展党员工作细则. */
export const developmentSettingsSchema = z
  .object({
    /** Months as an activist before 列为发展对象. */
    minActivistMonths: z.number().int().min(1).max(60),
    /** An activist is reviewed at least once in every this many months. */
    activistReviewMonths: z.number().int().min(1).max(12),
    /** Hours of 集中培训 at the least. */
    minTrainingHours: z.number().min(1).max(200),
    /** Working days of 公示 at the least. */
    minPublicityWorkingDays: z.number().int().min(1).max(30),
    /** Months of probation (预备期). */
    probationMonths: z.number().int().min(1).max(36),
    /** A probationer is reviewed at least once in every this many months. */
    probationReviewMonths: z.number().int().min(1).max(12),
    /** The bureau's deadline for the preparatory steps after 列为发展对象 (政审, 培训, 支委会审查, 预审). */
    candidateStepsDueMonths: z.number().int().min(1).max(24),
    /** The deadline for 上级党委审批 after a branch vote. */
    approvalDueMonths: z.number().int().min(1).max(12),
  })
  .strict();
export type DevelopmentSettings = z.infer<typeof developmentSettingsSchema>;

export const timelineEntrySchema = z.object({
  entryId: z.string(),
  step: developmentStepSchema,
  label: z.string(),
  date: z.string(),
  /** The member who recorded it, and their name. */
  by: z.string(),
  byName: z.string(),
  at: z.string(),
  fields: z.record(z.string(), z.unknown()),
  /** The entry this one corrects, and why. */
  corrects: z.string().nullable(),
  reason: z.string().nullable(),
  /** The entry that replaced this one, when it was corrected. */
  supersededBy: z.string().nullable(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const nextStepSchema = z.object({
  step: developmentStepSchema,
  label: z.string(),
  /** The first day the step may be recorded (null: already possible). */
  earliest: z.string().nullable(),
  /** The day it is due (null: no deadline). */
  dueBy: z.string().nullable(),
  overdue: z.boolean(),
});
export type NextStep = z.infer<typeof nextStepSchema>;

export const timelineSchema = z.object({
  candidateId: z.string(),
  memberId: z.string(),
  name: z.string(),
  branchId: z.string(),
  stage: developmentStageSchema,
  appliedAt: z.string(),
  sponsorIds: z.array(z.string()),
  sponsorNames: z.array(z.string()),
  steps: z.array(timelineEntrySchema),
  next: z.array(nextStepSchema),
  /** The steps the caller may record now (a sponsor: the 考察 notes). */
  canRecord: z.array(developmentStepSchema),
});
export type Timeline = z.infer<typeof timelineSchema>;

export const candidateItemSchema = z.object({
  candidateId: z.string(),
  memberId: z.string(),
  name: z.string(),
  branchId: z.string(),
  stage: developmentStageSchema,
  appliedAt: z.string(),
  next: nextStepSchema.nullable(),
});
export type CandidateItem = z.infer<typeof candidateItemSchema>;

export const dueItemSchema = z.object({
  candidateId: z.string(),
  name: z.string(),
  branchId: z.string(),
  step: developmentStepSchema,
  label: z.string(),
  dueBy: z.string(),
  overdue: z.boolean(),
});
export type DueItem = z.infer<typeof dueItemSchema>;

export const pipelineSchema = z.object({
  branches: z.array(
    z.object({
      branchId: z.string(),
      branchName: z.string(),
      counts: z.record(developmentStageSchema, z.number().int()),
      overdue: z.number().int(),
    }),
  ),
  overdue: z.array(dueItemSchema),
});
export type Pipeline = z.infer<typeof pipelineSchema>;

export const developmentContract = {
  start: action(
    z.object({ memberId: idSchema, appliedAt: calendarDateSchema }).strict(),
    z.object({ candidateId: z.string() }),
  ),
  record: action(recordStepInput, timelineSchema),
  correct: action(correctStepInput, timelineSchema),
  timeline: action(z.object({ candidateId: idSchema }).strict(), timelineSchema),
  /** The caller's own candidacy, if they are a candidate. */
  mine: action(noInput, z.object({ timeline: timelineSchema.nullable() })),
  list: action(
    pageInputSchema.extend({ branchId: idSchema.optional(), stage: developmentStageSchema.optional() }).strict(),
    pageOf(candidateItemSchema),
  ),
  /** The candidates the caller is a 培养联系人 (sponsor) of, open ones first: where they write 考察 notes. */
  sponsored: action(noInput, z.object({ items: z.array(candidateItemSchema) })),
  /** Steps due within the next 14 days, and overdue ones, in the caller's branch (the bureau: all). */
  due: action(noInput, z.object({ items: z.array(dueItemSchema) })),
  /** The bureau's view: candidates per stage per branch, and overdue steps. */
  pipeline: action(noInput, pipelineSchema),
  /** Reads (empty patch) or changes the bureau's settings. */
  configure: action(developmentSettingsSchema.partial().strict(), developmentSettingsSchema),
};

/** One recorded step as stored; nothing is removed, a correction is a new entry naming the old one. */
export interface DevelopmentEntryDoc {
  entryId: string;
  step: DevelopmentStep;
  date: string;
  fields: Record<string, unknown>;
  by: string;
  byName: string;
  at: Date;
  corrects: string | null;
  reason: string | null;
}

/** A candidacy: one per member (`dev_<memberId>`), its steps embedded, so one read gives the timeline. */
export interface DevelopmentCandidateDoc {
  _id: string;
  memberId: string;
  name: string;
  branchId: string;
  stage: DevelopmentStage;
  appliedAt: string;
  sponsorIds: string[];
  sponsorNames: string[];
  entries: DevelopmentEntryDoc[];
  /** Until 转正 is approved; a closed candidacy no longer holds the member's status. */
  open: boolean;
  /** The earliest due date among the next steps (YYYY-MM-DD), for reminders; null when none. */
  nextDue: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface DevelopmentConfigDoc extends Partial<DevelopmentSettings> {
  _id: string;
  updatedAt: Date;
  updatedBy: string;
}
