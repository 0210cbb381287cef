import { z } from 'zod';
import { action } from './api';
import { calendarDateSchema } from './development';
import { idSchema, pageInputSchema } from './fields';
import { attachmentInputSchema, attachmentSchema, MAX_ATTACHMENTS } from './notice';
import { yearSchema } from './stats';

/** 述职评议: the four grades a member or a teacher gives a secretary's 述职. */
export const APPRAISAL_GRADES = ['good', 'fairlyGood', 'average', 'poor'] as const;
export const appraisalGradeSchema = z.enum(APPRAISAL_GRADES);
export type AppraisalGrade = z.infer<typeof appraisalGradeSchema>;
export const APPRAISAL_GRADE_NAMES: Record<AppraisalGrade, string> = {
  good: '好',
  fairlyGood: '较好',
  average: '一般',
  poor: '差',
};

export const APPRAISAL_TEXT_MAX = 5000;
export const APPRAISAL_ATTACHMENTS_MAX = MAX_ATTACHMENTS;
/** Teacher codes one call may make, and one report may have in all. */
export const APPRAISAL_CODES_PER_CALL = 100;
export const APPRAISAL_CODES_MAX = 500;
/** A teacher code: 12 characters without look-alikes (0/O, 1/I/L), shown as XXXX-XXXX-XXXX. */
export const APPRAISAL_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const APPRAISAL_CODE_LENGTH = 12;

/** What people type: any case, with or without the hyphens and spaces of the printed form. */
export const teacherCodeSchema = z
  .string()
  .max(40, '评价码格式不正确')
  .transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
  .refine((s) => new RegExp(`^[${APPRAISAL_CODE_ALPHABET}]{${APPRAISAL_CODE_LENGTH}}$`).test(s), '评价码格式不正确');

const windowInput = z
  .object({ year: yearSchema, from: calendarDateSchema, to: calendarDateSchema })
  .strict()
  .refine((w) => w.from <= w.to, { message: '结束日期不能早于开始日期', path: ['to'] });

const countsSchema = z.object({
  good: z.number().int(),
  fairlyGood: z.number().int(),
  average: z.number().int(),
  poor: z.number().int(),
});
export type AppraisalGradeCounts = z.infer<typeof countsSchema>;

/** Grades by source; null while the round is still open (see core/appraisal/tally.ts for why). */
export const appraisalResultSchema = z.object({ member: countsSchema, teacher: countsSchema });
export type AppraisalResult = z.infer<typeof appraisalResultSchema>;

export const appraisalRoundSchema = z.object({
  roundId: z.string(),
  year: z.number().int(),
  from: z.string(),
  to: z.string(),
  /** Rating is possible today. */
  open: z.boolean(),
  /** The window has passed or the bureau closed it: grades may be shown. */
  ended: z.boolean(),
  secretaries: z.number().int(),
});
export type AppraisalRound = z.infer<typeof appraisalRoundSchema>;

/** How far a secretary's appraisal has come: counts only, never who. */
const progressFields = {
  reportId: z.string(),
  secretaryName: z.string(),
  branchName: z.string(),
  submitted: z.boolean(),
  /** 应评: members of the branch when the round opened, the secretary excepted. */
  expected: z.number().int(),
  memberRated: z.number().int(),
  teacherRated: z.number().int(),
  codesIssued: z.number().int(),
  result: appraisalResultSchema.nullable(),
};
export const appraisalRowSchema = z.object(progressFields);
export type AppraisalRow = z.infer<typeof appraisalRowSchema>;

export const ownReportSchema = z.object({
  ...progressFields,
  /** Where its files are uploaded (`appraisal/<branchId>/`). */
  branchId: z.string(),
  text: z.string(),
  attachments: z.array(attachmentSchema),
  submittedAt: z.string().nullable(),
});
export type OwnReport = z.infer<typeof ownReportSchema>;

export const rateItemSchema = z.object({
  reportId: z.string(),
  secretaryName: z.string(),
  branchName: z.string(),
  submitted: z.boolean(),
  text: z.string(),
  attachments: z.array(attachmentSchema),
  /** The caller has rated it (never which grade). */
  rated: z.boolean(),
  /** Why the caller cannot rate it now, in words to show; null: they can. */
  blocked: z.string().nullable(),
});
export type RateItem = z.infer<typeof rateItemSchema>;

/**
 * What a teacher reads before grading: the 述职 a genuine, unused code is for, and nothing else —
 * no counts, no other report, nothing about who has rated.
 */
export const codeReportSchema = z.object({
  year: z.number().int(),
  secretaryName: z.string(),
  branchName: z.string(),
  text: z.string(),
  attachments: z.array(attachmentSchema),
});
export type CodeReport = z.infer<typeof codeReportSchema>;

export const appraisalContract = {
  open: action(windowInput, z.object({ roundId: z.string(), secretaries: z.number().int() })),
  close: action(z.object({ roundId: idSchema }).strict(), z.object({ roundId: z.string(), ended: z.boolean() })),
  overview: action(
    pageInputSchema.extend({ year: yearSchema }).strict(),
    z.object({ round: appraisalRoundSchema.nullable(), items: z.array(appraisalRowSchema), total: z.number().int() }),
  ),
  mine: action(
    z.object({ year: yearSchema }).strict(),
    z.object({
      round: appraisalRoundSchema.nullable(),
      own: ownReportSchema.nullable(),
      toRate: z.array(rateItemSchema),
    }),
  ),
  submit: action(
    z
      .object({
        reportId: idSchema,
        text: z.string().trim().max(APPRAISAL_TEXT_MAX, `述职内容不能超过 ${APPRAISAL_TEXT_MAX} 字`),
        attachments: z
          .array(attachmentInputSchema)
          .max(APPRAISAL_ATTACHMENTS_MAX, `最多 ${APPRAISAL_ATTACHMENTS_MAX} 个文件`),
      })
      .strict()
      .refine((r) => r.text.length > 0 || r.attachments.length > 0, {
        message: '请填写述职内容或上传述职文件',
        path: ['text'],
      }),
    z.object({ reportId: z.string(), submittedAt: z.string() }),
  ),
  rate: action(
    z.object({ reportId: idSchema, grade: appraisalGradeSchema }).strict(),
    z.object({ reportId: z.string(), rated: z.literal(true) }),
  ),
  issueCodes: action(
    z
      .object({
        reportId: idSchema,
        count: z.number().int().min(1).max(APPRAISAL_CODES_PER_CALL, `一次最多生成 ${APPRAISAL_CODES_PER_CALL} 个`),
      })
      .strict(),
    z.object({ codes: z.array(z.string()), codesIssued: z.number().int() }),
  ),
  /** Reads the 述职 a code is for without using the code up. */
  teacherView: action(z.object({ code: teacherCodeSchema }).strict(), codeReportSchema),
  teacherRate: action(
    z.object({ code: teacherCodeSchema, grade: appraisalGradeSchema }).strict(),
    z.object({ secretaryName: z.string(), branchName: z.string() }),
  ),
  export: action(
    z.object({ year: yearSchema }).strict(),
    z.object({ fileId: z.string(), url: z.string(), fileName: z.string() }),
  ),
};
