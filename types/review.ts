import { z } from 'zod';
import { action, noInput } from './api';
import { calendarDateSchema } from './development';
import { idSchema, pageInputSchema, pageOf } from './fields';

/** 民主评议党员: the four grades, best first. */
export const REVIEW_GRADES = ['优秀', '合格', '基本合格', '不合格'] as const;
export const reviewGradeSchema = z.enum(REVIEW_GRADES);
export type ReviewGrade = z.infer<typeof reviewGradeSchema>;

/** Who is reviewed: full and probationary members, fixed when the review opens. */
export const REVIEWED_STATUSES = ['正式党员', '预备党员'] as const;

export const reviewStatusSchema = z.enum(['open', 'closed', 'published']);
export type ReviewStatus = z.infer<typeof reviewStatusSchema>;

/** The bureau's settings: weights of the members' and the committee's ratings, and the 优秀 cap (percent). */
export const reviewSettingsSchema = z
  .object({
    memberWeight: z.number().int().min(0).max(100),
    committeeWeight: z.number().int().min(0).max(100),
    excellentCap: z.number().int().min(0).max(100),
  })
  .strict();
export type ReviewSettings = z.infer<typeof reviewSettingsSchema>;

const reasonSchema = z.string().trim().min(2, '请写明理由').max(300, '理由不能超过 300 个字');

export const reviewSummarySchema = z.object({
  reviewId: z.string(),
  branchId: z.string(),
  branchName: z.string(),
  year: z.number().int(),
  from: z.string(),
  to: z.string(),
  minSelfLength: z.number().int(),
  status: reviewStatusSchema,
  /** Rating is possible now: open, and today (Beijing) within the window. */
  rating: z.boolean(),
  reviewed: z.number().int(),
  settings: reviewSettingsSchema,
  publishedAt: z.string().nullable(),
});
export type ReviewSummary = z.infer<typeof reviewSummarySchema>;

/** The caller's own part: only they ever see which of the others they have rated. */
export const reviewMineSchema = z.object({
  review: reviewSummarySchema.nullable(),
  /** The caller is in the reviewed set (a member bound later, or an activist, is not). */
  reviewed: z.boolean(),
  selfText: z.string().nullable(),
  rated: z.number().int(),
  toRate: z.number().int(),
});
export type ReviewMine = z.infer<typeof reviewMineSchema>;

export const ballotItemSchema = z.object({ memberId: z.string(), name: z.string(), rated: z.boolean() });
export type BallotItem = z.infer<typeof ballotItemSchema>;

/** Counts only: nothing here says who has rated or whom. */
export const reviewProgressSchema = z.object({
  review: reviewSummarySchema,
  selfDone: z.number().int(),
  votes: z.number().int(),
  expectedVotes: z.number().int(),
  committeeDone: z.number().int(),
});
export type ReviewProgress = z.infer<typeof reviewProgressSchema>;

export const gradeCountsSchema = z.object({
  优秀: z.number().int(),
  合格: z.number().int(),
  基本合格: z.number().int(),
  不合格: z.number().int(),
});
export type ReviewGradeCounts = z.infer<typeof gradeCountsSchema>;

/** One reviewed member as the committee works on them (after rating has closed). */
export const sheetItemSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  selfText: z.string().nullable(),
  counts: gradeCountsSchema,
  committeeGrade: reviewGradeSchema.nullable(),
  /** The weighted score (0–100) and the grade it gives after the 优秀 cap; null until the committee rated. */
  score: z.number().nullable(),
  computed: reviewGradeSchema.nullable(),
  /** The final grade: the computed one unless the committee decided otherwise with a reason. */
  final: reviewGradeSchema.nullable(),
  reason: z.string().nullable(),
});
export type SheetItem = z.infer<typeof sheetItemSchema>;

/** A member's own detailed result, shown to them alone. */
export const ownResultSchema = sheetItemSchema.omit({ selfText: true });
export type OwnResult = z.infer<typeof ownResultSchema>;

export const publicResultSchema = z.object({ memberId: z.string(), name: z.string(), grade: reviewGradeSchema });

export const failingItemSchema = z.object({
  reviewId: z.string(),
  branchId: z.string(),
  branchName: z.string(),
  year: z.number().int(),
  memberId: z.string(),
  name: z.string(),
  reason: z.string(),
});
export type FailingItem = z.infer<typeof failingItemSchema>;

const reviewRef = { reviewId: idSchema };

export const reviewContract = {
  /** Reads (empty patch) or changes the bureau's weights and 优秀 cap; bureau admins only. */
  configure: action(reviewSettingsSchema.partial().strict(), reviewSettingsSchema),
  /** The secretary opens the branch's review of a year (one per branch and year). */
  open: action(
    z
      .object({
        year: z.number().int().min(2000).max(2100),
        from: calendarDateSchema,
        to: calendarDateSchema,
        minSelfLength: z.number().int().min(0).max(2000).default(200),
      })
      .strict(),
    z.object({ reviewId: z.string(), reviewed: z.number().int() }),
  ),
  /** The caller's branch's latest review and the caller's own part in it. */
  mine: action(noInput, reviewMineSchema),
  /** The members the caller rates (the reviewed set without themselves), with whether they rated each. */
  ballot: action(z.object(reviewRef).merge(pageInputSchema).strict(), pageOf(ballotItemSchema)),
  selfAssess: action(
    z
      .object({ ...reviewRef, text: z.string().trim().min(1, '请填写自评').max(5000, '自评不能超过 5000 个字') })
      .strict(),
    z.object({ length: z.number().int() }),
  ),
  rate: action(
    z.object({ ...reviewRef, memberId: idSchema, grade: reviewGradeSchema }).strict(),
    z.object({ rated: z.number().int(), toRate: z.number().int() }),
  ),
  /** Ends the rating before the window does (secretary). */
  close: action(z.object(reviewRef).strict(), reviewSummarySchema),
  progress: action(z.object(reviewRef).strict(), reviewProgressSchema),
  /** The committee's worksheet, once rating has closed. */
  sheet: action(z.object(reviewRef).merge(pageInputSchema).strict(), pageOf(sheetItemSchema)),
  /** The committee's rating of a member; `final` differing from the computed grade needs a reason. */
  committeeRate: action(
    z
      .object({
        ...reviewRef,
        memberId: idSchema,
        grade: reviewGradeSchema,
        final: reviewGradeSchema.optional(),
        reason: reasonSchema.optional(),
      })
      .strict(),
    sheetItemSchema,
  ),
  publish: action(z.object(reviewRef).strict(), reviewSummarySchema),
  /** The 公示: the branch's published list, and the caller's own detailed result. */
  results: action(
    z.object(reviewRef).merge(pageInputSchema).strict(),
    pageOf(publicResultSchema).extend({ review: reviewSummarySchema, own: ownResultSchema.nullable() }),
  ),
  /** The bureau's view of 不合格 outcomes with their reasons. */
  failing: action(
    pageInputSchema.extend({ year: z.number().int().min(2000).max(2100) }).strict(),
    pageOf(failingItemSchema),
  ),
};

/** A branch's review of a year: `_id` is `rv_<branchId>_<year>`, so there is one. */
export interface ReviewDoc {
  _id: string;
  branchId: string;
  branchName: string;
  year: number;
  from: string;
  to: string;
  minSelfLength: number;
  status: ReviewStatus;
  /** The reviewed set, fixed at opening (roster order). */
  memberIds: string[];
  settings: ReviewSettings;
  openedBy: string;
  openedAt: Date;
  closedAt: Date | null;
  publishedAt: Date | null;
  /** Beijing month and day of publication: where the compliance calendar counts it as held. */
  publishedMonth: string | null;
  publishedDate: string | null;
}

/**
 * One reviewed member of one review (`<reviewId>_<memberId>`): their 自评, the tally of the votes
 * they received, the committee's rating and the outcome. Deliberately without any time or author of
 * a vote: the tally is all that is kept of the ratings.
 */
export interface ReviewMemberDoc {
  _id: string;
  reviewId: string;
  branchId: string;
  year: number;
  memberId: string;
  name: string;
  /** Roster position, for a stable order. */
  order: number;
  selfText: string | null;
  counts: ReviewGradeCounts;
  committeeGrade: ReviewGrade | null;
  /** The committee's decision where it differs from the computed grade (with `reason`). */
  override: ReviewGrade | null;
  /** The committee's written reason: for an override, and for every 不合格. */
  reason: string | null;
  /** Set at publication. */
  score: number | null;
  computed: ReviewGrade | null;
  final: ReviewGrade | null;
  published: boolean;
}

/**
 * The receipt of one vote: only its `_id`, a hash of (raterKey(review, rater), ratee). It holds no
 * grade, no ratee, no time: it exists so the database refuses a second vote and the rater alone
 * can find which of the others they have rated.
 */
export interface ReviewBallotDoc {
  _id: string;
  reviewId: string;
}

export interface ReviewConfigDoc extends Partial<ReviewSettings> {
  _id: string;
  updatedAt: Date;
  updatedBy: string;
}
