import { z } from 'zod';
import { action } from './api';
import { instantSchema } from './activity';
import { calendarDateSchema } from './development';
import { idSchema, pageInputSchema, pageOf } from './fields';

/** The default of the rule: a branch secretary is trained at least twice in each term of office. */
export const DEFAULT_TRAININGS_PER_TERM = 2;

const attendeeIdsSchema = z
  .array(idSchema)
  .max(500, '参加人员最多 500 人')
  .refine((ids) => new Set(ids).size === ids.length, '参加人员不能重复');

/** The check-in session of a training: secretaries scan the one rotating code the trainer shows. */
export const trainingCheckinInput = z
  .object({
    startAt: instantSchema,
    endAt: instantSchema,
    place: z.string().trim().min(1, '请填写地点').max(60, '地点不能超过 60 个字'),
    /** Who is invited to check in: secretaries and committee members of any branch. */
    inviteeIds: attendeeIdsSchema.refine((ids) => ids.length > 0, '请选择受邀参加签到的人员'),
  })
  .strict()
  .superRefine((value, ctx) => {
    const start = Date.parse(value.startAt);
    const end = Date.parse(value.endAt);
    if (end <= start) ctx.addIssue({ code: 'custom', path: ['endAt'], message: '结束时间应晚于开始时间' });
    if (end - start > 12 * 3600_000)
      ctx.addIssue({ code: 'custom', path: ['endAt'], message: '一次签到不超过 12 小时' });
  });

export const createTrainingInput = z
  .object({
    title: z.string().trim().min(2, '标题至少 2 个字').max(60, '标题不能超过 60 个字'),
    organiser: z.string().trim().min(2, '请填写举办单位').max(60, '举办单位不能超过 60 个字'),
    startDate: calendarDateSchema,
    endDate: calendarDateSchema,
    hours: z.number().min(0.5, '学时须大于 0').max(200, '学时不合理'),
    /** Who attended (recorded by hand); check-ins add to it. */
    attendeeIds: attendeeIdsSchema.default([]),
    checkin: trainingCheckinInput.optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.endDate < value.startDate) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: '结束日期不能早于开始日期' });
    }
  });
export type CreateTrainingInput = z.infer<typeof createTrainingInput>;

export const trainingRefInput = z.object({ trainingId: idSchema }).strict();

export const termEntrySchema = z.object({
  termId: z.string(),
  secretaryId: z.string(),
  secretaryName: z.string(),
  startDate: z.string(),
  /** null while the term runs. */
  endDate: z.string().nullable(),
  /** Trainings the term asks for (the rule as it stood; an open term follows a change of the rule). */
  required: z.number().int(),
  /** Trainings the secretary attended within the term. */
  trained: z.number().int(),
});
export type TermEntry = z.infer<typeof termEntrySchema>;

export const trainingStatusSchema = z.enum(['done', 'due', 'overdue']);
export type TrainingStatus = z.infer<typeof trainingStatusSchema>;

/** The compliance item 书记每届任期培训 of one branch: its latest term against the rule. */
export const secretaryTrainingItemSchema = z.object({
  itemName: z.string(),
  termId: z.string(),
  secretaryId: z.string(),
  secretaryName: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  trained: z.number().int(),
  required: z.number().int(),
  /** 已完成 / 进行中 / 已逾期 (the term ended short). */
  status: trainingStatusSchema,
  /** How many more trainings the running term needs (0 when done). */
  needed: z.number().int(),
  rule: z.string(),
});
export type SecretaryTrainingItem = z.infer<typeof secretaryTrainingItemSchema>;

export const branchTermsSchema = z.object({
  branchId: z.string(),
  branchName: z.string(),
  /** Oldest first; the last is the latest term (open or ended). */
  terms: z.array(termEntrySchema),
  item: secretaryTrainingItemSchema.nullable(),
  canManage: z.boolean(),
});
export type BranchTerms = z.infer<typeof branchTermsSchema>;

const person = z.object({ memberId: z.string(), name: z.string(), branchId: z.string(), branchName: z.string() });

export const trainingSummarySchema = z.object({
  trainingId: z.string(),
  title: z.string(),
  organiser: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  hours: z.number(),
  attendees: z.number().int(),
  /** The check-in activity (null: attendance recorded by hand only). */
  activityId: z.string().nullable(),
});
export type TrainingSummary = z.infer<typeof trainingSummarySchema>;

export const trainingDetailSchema = trainingSummarySchema.extend({
  attendeeList: z.array(person.extend({ source: z.enum(['scan', 'manual']) })),
  invited: z.number().int(),
  checkin: z.object({ startAt: z.string(), endAt: z.string(), place: z.string() }).nullable(),
  createdByName: z.string(),
  canManage: z.boolean(),
});
export type TrainingDetail = z.infer<typeof trainingDetailSchema>;

export const trainingCandidateSchema = person.extend({ roles: z.array(z.string()) });
export type TrainingCandidate = z.infer<typeof trainingCandidateSchema>;

export const secretaryRowSchema = z.object({
  branchId: z.string(),
  branchName: z.string(),
  item: secretaryTrainingItemSchema.nullable(),
});
export type SecretaryRow = z.infer<typeof secretaryRowSchema>;

export const myTrainingSchema = z.object({
  /** The caller's latest term as their branch's secretary; null when they hold none. */
  term: secretaryTrainingItemSchema.nullable(),
  items: z.array(trainingSummarySchema),
  total: z.number().int(),
});
export type MyTraining = z.infer<typeof myTrainingSchema>;

export const trainingRuleSchema = z
  .object({ minPerTerm: z.number().int().min(1, '每届至少 1 次').max(20, '每届不超过 20 次') })
  .strict();
export type TrainingRule = z.infer<typeof trainingRuleSchema>;

export const trainingContract = {
  /** The bureau records a training, its attendees, and optionally a QR check-in for the invited. */
  create: action(createTrainingInput, z.object({ trainingId: z.string(), activityId: z.string().nullable() })),
  /** The bureau corrects who attended (check-ins it does not name are taken off too). */
  setAttendees: action(trainingRefInput.extend({ attendeeIds: attendeeIdsSchema }).strict(), trainingDetailSchema),
  get: action(trainingRefInput, trainingDetailSchema),
  list: action(pageInputSchema.strict(), pageOf(trainingSummarySchema)),
  /** Secretaries and committee members of the branches, for the attendee picker. */
  candidates: action(
    pageInputSchema.extend({ branchId: idSchema.optional() }).strict(),
    pageOf(trainingCandidateSchema),
  ),
  /** A new term of a branch's secretary; it ends the previous one the day before. */
  startTerm: action(
    z.object({ branchId: idSchema, secretaryId: idSchema, startDate: calendarDateSchema }).strict(),
    branchTermsSchema,
  ),
  endTerm: action(z.object({ branchId: idSchema, endDate: calendarDateSchema }).strict(), branchTermsSchema),
  /** A branch's terms and each one's count (the caller's own branch unless the bureau names one). */
  terms: action(z.object({ branchId: idSchema.optional() }).strict(), branchTermsSchema),
  /** Each branch's secretary against the rule (the bureau). */
  overview: action(pageInputSchema.strict(), pageOf(secretaryRowSchema).extend({ minPerTerm: z.number().int() })),
  /** The caller's own count in their current term and the trainings they attended. */
  mine: action(pageInputSchema.strict(), myTrainingSchema),
  /** Reads (empty) or changes the rule; a change applies to the terms still running. */
  rule: action(trainingRuleSchema.partial().strict(), trainingRuleSchema),
};

/** A training as stored. `attendeeIds` holds everyone who attended, by hand or by scan. */
export interface TrainingDoc {
  _id: string;
  title: string;
  organiser: string;
  startDate: string;
  endDate: string;
  hours: number;
  attendeeIds: string[];
  /** Of `attendeeIds`, those who checked in with the QR code. */
  scannedIds: string[];
  activityId: string | null;
  checkin: { startAt: Date; endAt: Date; place: string; inviteeIds: string[] } | null;
  createdBy: string;
  createdByName: string;
  createdAt: Date;
}

export interface StoredTerm {
  termId: string;
  secretaryId: string;
  secretaryName: string;
  startDate: string;
  endDate: string | null;
  required: number;
  recordedBy: string;
  recordedAt: Date;
}

/**
 * A branch's terms of office in one document (`_id` = the branch): the history and the latest
 * term. The latest keeps its trainings as `<YYYY-MM-DD>:<trainingId>` entries, added with
 * `addToSet` (a retried or repeated write adds nothing), so the dashboard reads one document per
 * branch; the counts of earlier terms are worked out from the trainings when they are shown.
 */
export interface SecretaryTermsDoc {
  _id: string;
  branchId: string;
  history: StoredTerm[];
  latest: (StoredTerm & { trained: string[] }) | null;
  updatedAt: Date;
}

export interface TrainingConfigDoc {
  _id: string;
  minPerTerm: number;
  updatedAt: Date;
  updatedBy: string;
}
