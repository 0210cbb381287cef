import { z } from 'zod';
import { ACTIVITY_TYPE_NAMES, activityTypeSchema } from './activity';
import { action, noInput } from './api';
import { idSchema } from './fields';
import { secretaryTrainingItemSchema } from './training';

/** YYYY-MM, YYYY-Qn, YYYY-H1/YYYY-H2 or YYYY, in Beijing time. */
export const periodSchema = z
  .string()
  .regex(/^(\d{4})(-(0[1-9]|1[0-2])|-Q[1-4]|-H[12])?$/, '统计周期格式应为 2026-03、2026-Q1、2026-H1 或 2026');
export const yearSchema = z.number().int().min(2000).max(2100);

export const frequencySchema = z.enum(['month', 'quarter', 'half', 'year']);
export type Frequency = z.infer<typeof frequencySchema>;

/** One line of the rules table: at least `min` activities of `type` in every `every`. */
export const complianceRuleSchema = z
  .object({ type: activityTypeSchema, every: frequencySchema, min: z.number().int().min(1).max(10) })
  .strict();
export type ComplianceRule = z.infer<typeof complianceRuleSchema>;

export const lightSchema = z.enum(['green', 'yellow', 'red']);
export type Light = z.infer<typeof lightSchema>;

export const complianceItemSchema = z.object({
  item: activityTypeSchema,
  itemName: z.string(),
  period: z.string(),
  periodName: z.string(),
  status: z.enum(['done', 'due', 'overdue']),
  held: z.number().int(),
  /** Held without minutes or attendance: 已开展·缺记录. */
  missingMinutes: z.number().int(),
  daysLeft: z.number().int().nullable(),
  /** Beijing dates (YYYY-MM-DD) of the held activities with their evidence. */
  evidence: z.array(z.string()),
  rule: z.string(),
});
export type ComplianceItem = z.infer<typeof complianceItemSchema>;

const rateSchema = z.number().min(0).max(1).nullable();

/** One branch's figures for a period: branches, never people. */
export const branchMetricsSchema = z.object({
  branchId: z.string(),
  branchName: z.string(),
  held: z.record(z.string(), z.number().int()),
  heldTotal: z.number().int(),
  expected: z.number().int(),
  present: z.number().int(),
  leave: z.number().int(),
  attendanceRate: rateSchema,
  studyExpected: z.number().int(),
  studyDone: z.number().int(),
  studyLate: z.number().int(),
  studyCompletionRate: rateSchema,
  quizExpected: z.number().int(),
  quizTaken: z.number().int(),
  quizPassed: z.number().int(),
  quizParticipationRate: rateSchema,
  quizPassRate: rateSchema,
  noticeExpected: z.number().int(),
  noticeRead: z.number().int(),
  noticeReadRate: rateSchema,
  light: lightSchema,
  reasons: z.array(z.string()),
});
export type BranchMetrics = z.infer<typeof branchMetricsSchema>;

export const trendPointSchema = z.object({
  month: z.string(),
  heldTotal: z.number().int(),
  attendanceRate: rateSchema,
  studyCompletionRate: rateSchema,
  quizPassRate: rateSchema,
  noticeReadRate: rateSchema,
});
export type TrendPoint = z.infer<typeof trendPointSchema>;

export const dashboardSchema = z.object({
  period: z.string(),
  branches: z.array(branchMetricsSchema),
  trend: z.array(trendPointSchema),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const absenceSchema = z.object({
  activityId: z.string(),
  title: z.string(),
  type: activityTypeSchema,
  endAt: z.string(),
  absent: z.array(z.object({ memberId: z.string(), name: z.string() })),
});

export const branchStatsSchema = z.object({
  period: z.string(),
  metrics: branchMetricsSchema,
  trend: z.array(trendPointSchema),
  /** Who was absent from which held meeting of the period (the committee follows up in person). */
  absences: z.array(absenceSchema),
});
export type BranchStats = z.infer<typeof branchStatsSchema>;

export const todoSchema = z.object({
  type: activityTypeSchema,
  name: z.string(),
  count: z.number().int(),
  daysLeft: z.number().int(),
});
export type Todo = z.infer<typeof todoSchema>;

export const complianceSchema = z.object({
  branchId: z.string(),
  branchName: z.string(),
  year: z.number().int(),
  light: lightSchema,
  reasons: z.array(z.string()),
  items: z.array(complianceItemSchema),
  /** What the running month, quarter, half and year still need: 本月还需 …. */
  todo: z.array(todoSchema),
  /** 书记培训: the branch secretary's latest term against the training rule (null: no term recorded). */
  training: secretaryTrainingItemSchema.nullable().optional(),
});
export type Compliance = z.infer<typeof complianceSchema>;

export const myStatsSchema = z.object({
  period: z.string(),
  /** Whose record: the caller, or a member of their branch when the committee looks. */
  memberId: z.string(),
  name: z.string(),
  attendance: z.object({
    expected: z.number().int(),
    present: z.number().int(),
    leave: z.number().int(),
    activities: z.array(
      z.object({
        activityId: z.string(),
        title: z.string(),
        type: activityTypeSchema,
        endAt: z.string(),
        state: z.enum(['present', 'leave', 'absent']),
      }),
    ),
  }),
  study: z.object({ expected: z.number().int(), done: z.number().int(), late: z.number().int() }),
  quizzes: z.object({ expected: z.number().int(), taken: z.number().int(), passed: z.number().int() }),
  notices: z.object({ expected: z.number().int(), read: z.number().int() }),
});
export type MyStats = z.infer<typeof myStatsSchema>;

export const inspectionItemSchema = z.object({
  key: z.string(),
  name: z.string(),
  points: z.number(),
  score: z.number(),
  detail: z.string(),
});
export const inspectionRowSchema = z.object({
  branchId: z.string(),
  branchName: z.string(),
  rank: z.number().int(),
  computed: z.number(),
  adjustment: z.number(),
  score: z.number(),
  items: z.array(inspectionItemSchema),
  adjustments: z.array(z.object({ points: z.number(), reason: z.string(), byName: z.string(), at: z.string() })),
});
export type InspectionRow = z.infer<typeof inspectionRowSchema>;
export const inspectionSchema = z.object({ period: z.string(), branches: z.array(inspectionRowSchema) });
export type Inspection = z.infer<typeof inspectionSchema>;

/**
 * The rules an inspection item can be scored by, each computed from what is recorded: a compliance
 * item (its share of the rules table's sub-periods done) or one of the four rates.
 */
export const INSPECTION_RULE_KEYS = [
  'party_congress',
  'committee',
  'group',
  'lecture',
  'theme_day',
  'life_meeting',
  'review',
  'attendance',
  'study',
  'quiz',
  'notice',
] as const;
export const inspectionRuleKeySchema = z.enum(INSPECTION_RULE_KEYS);
export type InspectionRuleKey = z.infer<typeof inspectionRuleKeySchema>;

const { other: _other, ...MEETING_NAMES } = ACTIVITY_TYPE_NAMES;
export const INSPECTION_RULE_NAMES: Record<InspectionRuleKey, string> = {
  ...MEETING_NAMES,
  attendance: '到会率',
  study: '学习完成率',
  quiz: '测试参考率',
  notice: '通知阅读率',
};

export const schemeItemSchema = z
  .object({
    key: inspectionRuleKeySchema,
    /** The item's name on the score sheet; the rule's name when absent. */
    name: z.string().trim().min(1).max(20, '项目名称不能超过 20 个字').optional(),
    points: z.number().positive('分值应大于 0').max(100, '单项分值不能超过 100'),
  })
  .strict();
export const schemeSchema = z.object({
  items: z.array(z.object({ key: inspectionRuleKeySchema, name: z.string(), points: z.number(), rule: z.string() })),
  total: z.number(),
});
export type InspectionScheme = z.infer<typeof schemeSchema>;
const schemeTable = z
  .array(schemeItemSchema)
  .min(1, '考评方案至少一项')
  .max(INSPECTION_RULE_KEYS.length)
  .refine((items) => new Set(items.map((i) => i.key)).size === items.length, '同一规则只能有一项')
  .refine((items) => items.reduce((a, i) => a + i.points, 0) <= 1000, '总分不能超过 1000');

const rulesTable = z
  .array(complianceRuleSchema)
  .max(20)
  .refine((rules) => new Set(rules.map((r) => r.type)).size === rules.length, '同一类活动只能有一条规则');

export const statsContract = {
  dashboard: action(z.object({ period: periodSchema }).strict(), dashboardSchema),
  branch: action(z.object({ branchId: idSchema.optional(), period: periodSchema }).strict(), branchStatsSchema),
  compliance: action(z.object({ branchId: idSchema.optional(), year: yearSchema }).strict(), complianceSchema),
  mine: action(z.object({ period: periodSchema, memberId: idSchema.optional() }).strict(), myStatsSchema),
  export: action(
    z.object({ period: periodSchema }).strict(),
    z.object({ fileId: z.string(), url: z.string(), fileName: z.string() }),
  ),
  inspection: action(z.object({ period: periodSchema }).strict(), inspectionSchema),
  adjust: action(
    z
      .object({
        period: periodSchema,
        branchId: idSchema,
        points: z
          .number()
          .min(-100)
          .max(100)
          .refine((n) => n !== 0, '调整分值不能为 0'),
        reason: z.string().trim().min(2, '请写明调整理由').max(200, '理由不能超过 200 字'),
      })
      .strict(),
    z.object({ ok: z.literal(true) }),
  ),
  rules: action(noInput, z.object({ rules: z.array(complianceRuleSchema) })),
  setRules: action(z.object({ rules: rulesTable }).strict(), z.object({ rules: z.array(complianceRuleSchema) })),
  /** The bureau's inspection scheme (考评方案): items, points and the rule each is computed by, and the total. */
  scheme: action(noInput, schemeSchema),
  setScheme: action(z.object({ items: schemeTable }).strict(), schemeSchema),
};
