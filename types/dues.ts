import { z } from 'zod';
import { action, noInput } from './api';
import { idSchema, pageInputSchema, pageOf } from './fields';

/**
 * 党费. Every amount is an integer number of fen (分); nothing here is ever a floating-point yuan.
 * Rates are in basis points (1 bp = 0.01 %), so 0.5 % is 50 and the arithmetic stays integral.
 */

/** Who pays at which rate: in-service staff and retired staff by bracket, students and members without income a fixed sum. */
export const DUES_CATEGORIES = ['in_service', 'retired', 'student', 'no_income'] as const;
export const duesCategorySchema = z.enum(DUES_CATEGORIES);
export type DuesCategory = z.infer<typeof duesCategorySchema>;
export const DUES_CATEGORY_NAMES: Record<DuesCategory, string> = {
  in_service: '在职',
  retired: '离退休',
  student: '学生',
  no_income: '无收入',
};

/**
 * How a payment was made. A later online channel (WeChat Pay through 云开发) is one more value here;
 * the payment record needs nothing else.
 */
export const DUES_METHODS = ['cash', 'transfer'] as const;
export const duesMethodSchema = z.enum(DUES_METHODS);
export type DuesMethod = z.infer<typeof duesMethodSchema>;
export const DUES_METHOD_NAMES: Record<DuesMethod, string> = { cash: '现金', transfer: '转账' };

export const duesMonthSchema = z.string().regex(/^20\d{2}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
export const duesQuarterSchema = z.string().regex(/^20\d{2}-Q[1-4]$/, '季度格式应为 YYYY-Qn');
export const duesYearSchema = z.number().int().min(2000).max(2099);
/** Up to 10 million yuan a month: beyond any pay, and far inside safe integer arithmetic. */
const fenSchema = z.number().int('金额以分为单位，应为整数').min(0, '金额不能为负').max(1_000_000_000, '金额过大');

/** One bracket: bases up to and including `upTo` fen (null: no upper bound) pay `rateBp`. */
export const duesBracketSchema = z.object({
  upTo: fenSchema.nullable(),
  rateBp: z.number().int().min(0).max(10_000),
});
export type DuesBracket = z.infer<typeof duesBracketSchema>;

const bracketsSchema = z
  .array(duesBracketSchema)
  .min(1)
  .max(10)
  .refine((list) => list.at(-1)!.upTo === null, '最后一档应不设上限')
  .refine(
    (list) => list.slice(0, -1).every((b, i) => b.upTo !== null && (i === 0 || b.upTo > list[i - 1]!.upTo!)),
    '各档上限应逐档递增',
  );

export const duesSettingsSchema = z.object({
  inService: bracketsSchema,
  retired: bracketsSchema,
  /** Students and members without income: a fixed sum a month, in fen. */
  fixedMonthly: fenSchema.max(100_000),
  /** Whether the personal social-insurance and housing-fund contributions come off the base (a local rule). */
  deductInsurance: z.boolean(),
});
export type DuesSettings = z.infer<typeof duesSettingsSchema>;

export const duesMonthStateSchema = z.enum(['paid', 'due', 'overdue', 'none']);
export type DuesMonthState = z.infer<typeof duesMonthStateSchema>;

export const duesMonthSchemaOut = z.object({
  month: z.string(),
  /** What the month costs, in fen (0 before the member pays dues, or when exempt). */
  due: z.number().int(),
  /** What was paid for it, in fen (0 when unpaid). */
  paid: z.number().int(),
  state: duesMonthStateSchema,
});
export type DuesMonth = z.infer<typeof duesMonthSchemaOut>;

export const duesBaseEntrySchema = z.object({
  fromMonth: z.string(),
  base: z.number().int(),
  deductions: z.number().int(),
  category: duesCategorySchema,
  monthly: z.number().int(),
  setByName: z.string(),
  setAt: z.string(),
});
export const duesReliefSchema = z.object({
  reliefId: z.string(),
  kind: z.enum(['reduce', 'exempt']),
  fromMonth: z.string(),
  toMonth: z.string(),
  monthly: z.number().int(),
  reason: z.string(),
  approvedByName: z.string(),
  at: z.string(),
});

export const memberDuesSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  year: z.number().int(),
  /** The first month the member owes dues (the branch meeting's acceptance, or joining), if known. */
  startMonth: z.string().nullable(),
  entries: z.array(duesBaseEntrySchema),
  reliefs: z.array(duesReliefSchema),
  months: z.array(duesMonthSchemaOut),
});
export type MemberDues = z.infer<typeof memberDuesSchema>;

export const duesBaseItemSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  status: z.string(),
  category: duesCategorySchema.nullable(),
  base: z.number().int().nullable(),
  monthly: z.number().int().nullable(),
  fromMonth: z.string().nullable(),
  /** Months of the year already paid. */
  paidMonths: z.number().int(),
  /** Months of the year past and unpaid. */
  overdueMonths: z.number().int(),
});
export type DuesBaseItem = z.infer<typeof duesBaseItemSchema>;

export const setBaseInput = z
  .object({
    memberId: idSchema,
    year: duesYearSchema,
    /** The monthly base in fen: the fixed, regular part of pay after tax. */
    base: fenSchema,
    category: duesCategorySchema,
    /** Personal social-insurance and housing-fund contributions in fen, deducted when the bureau says so. */
    deductions: fenSchema.optional(),
    /** The month the new pay starts; January of `year` when absent. */
    fromMonth: duesMonthSchema.optional(),
  })
  .strict()
  .refine((d) => !d.fromMonth || d.fromMonth.startsWith(`${d.year}-`), {
    message: '起始月份应在所设年度内',
    path: ['fromMonth'],
  });

export const setReliefInput = z
  .object({
    memberId: idSchema,
    year: duesYearSchema,
    kind: z.enum(['reduce', 'exempt']),
    fromMonth: duesMonthSchema,
    toMonth: duesMonthSchema,
    /** For a reduction: what the member pays a month instead, in fen. */
    monthly: fenSchema.optional(),
    reason: z.string().trim().min(2, '请填写减免原因').max(200, '原因不能超过 200 个字'),
  })
  .strict()
  .refine((d) => d.fromMonth <= d.toMonth, { message: '结束月份不能早于起始月份', path: ['toMonth'] })
  .refine((d) => d.fromMonth.startsWith(`${d.year}-`) && d.toMonth.startsWith(`${d.year}-`), {
    message: '减免月份应在所设年度内',
    path: ['fromMonth'],
  })
  .refine((d) => (d.kind === 'reduce' ? d.monthly !== undefined : d.monthly === undefined), {
    message: '减缴须填写每月金额，免缴不填',
    path: ['monthly'],
  });

export const recordPaymentInput = z
  .object({
    memberId: idSchema,
    months: z
      .array(duesMonthSchema)
      .min(1, '请选择缴纳月份')
      .max(24, '一次最多缴纳 24 个月')
      .refine((m) => new Set(m).size === m.length, '月份不能重复'),
    amount: fenSchema.min(1, '金额应大于 0'),
    method: duesMethodSchema,
    paidAt: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
      .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00+08:00`)), '日期不存在'),
    reason: z.string().trim().max(200, '说明不能超过 200 个字').optional(),
  })
  .strict();

export const duesImportInput = z
  .object({
    year: duesYearSchema,
    /** The .xlsx uploaded to `dues/<the caller's branchId>/import/`; a file anywhere else answers NOT_FOUND. */
    fileId: z.string().trim().min(1, '请选择文件').max(300, '文件编号不正确'),
    mode: z.enum(['check', 'commit']),
  })
  .strict();

export const DUES_IMPORT_COLUMNS = ['姓名', '手机号', '类别', '基数（元）', '扣除（元）', '起始月份'] as const;

export const duesImportResult = z.object({
  rows: z.number().int(),
  valid: z.boolean(),
  /** Members whose base this run wrote; a re-run of the same file writes none again. */
  updated: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() })),
});

export const duesBoardRowSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  months: z.array(z.string()),
  amount: z.number().int(),
});
export const duesBoardSchema = z.object({
  boardId: z.string(),
  branchId: z.string(),
  branchName: z.string(),
  quarter: z.string(),
  version: z.number().int(),
  /** The version this one corrects, or null for the first publication. */
  corrects: z.string().nullable(),
  reason: z.string().nullable(),
  publishedAt: z.string(),
  publishedByName: z.string(),
  rows: z.array(duesBoardRowSchema),
  total: z.number().int(),
  /** Every version of this quarter's board, oldest first. */
  versions: z.array(z.object({ boardId: z.string(), version: z.number().int(), publishedAt: z.string() })),
});
export type DuesBoard = z.infer<typeof duesBoardSchema>;

export const duesOverviewCellSchema = z.object({
  month: z.string(),
  due: z.number().int(),
  collected: z.number().int(),
  arrears: z.number().int(),
});
export const duesOverviewSchema = z.object({
  year: z.number().int(),
  months: z.array(z.string()),
  branches: z.array(
    z.object({
      branchId: z.string(),
      name: z.string(),
      cells: z.array(duesOverviewCellSchema),
      due: z.number().int(),
      collected: z.number().int(),
      arrears: z.number().int(),
    }),
  ),
});
export type DuesOverview = z.infer<typeof duesOverviewSchema>;

export const duesContract = {
  /** The bureau's rate table and deduction rule; anyone bound may read them. */
  settings: action(noInput, duesSettingsSchema),
  /** Changes the bureau's settings (bureau admins). */
  configure: action(duesSettingsSchema.partial().strict(), duesSettingsSchema),
  /** The branch's paying members with their base for the year (branch committee, bureau). */
  bases: action(
    pageInputSchema.extend({ year: duesYearSchema, branchId: idSchema.optional() }).strict(),
    pageOf(duesBaseItemSchema),
  ),
  setBase: action(setBaseInput, z.object({ monthly: z.number().int() })),
  setRelief: action(setReliefInput, z.object({ reliefId: z.string() })),
  importBases: action(duesImportInput, duesImportResult),
  /** An empty base sheet naming the branch's paying members. */
  template: action(
    z.object({ year: duesYearSchema }).strict(),
    z.object({ fileName: z.string(), fileBase64: z.string() }),
  ),
  /** One member's year: bases, reliefs and months (the branch committee, the bureau, the member). */
  member: action(z.object({ memberId: idSchema, year: duesYearSchema }).strict(), memberDuesSchema),
  recordPayment: action(
    recordPaymentInput,
    z.object({ paymentId: z.string(), due: z.number().int(), voluntary: z.number().int() }),
  ),
  mine: action(
    z.object({ year: duesYearSchema }).strict(),
    z.object({ months: z.array(duesMonthSchemaOut), startMonth: z.string().nullable() }),
  ),
  /** Reminds the branch's members with overdue months, at most once per member per month. */
  remind: action(noInput, z.object({ sent: z.number().int(), skipped: z.number().int() })),
  publish: action(
    z.object({ quarter: duesQuarterSchema, reason: z.string().trim().min(2).max(200).optional() }).strict(),
    z.object({ boardId: z.string(), version: z.number().int() }),
  ),
  board: action(
    z.object({ quarter: duesQuarterSchema, branchId: idSchema.optional(), boardId: idSchema.optional() }).strict(),
    duesBoardSchema,
  ),
  /** Per branch and month: due, collected, arrears (bureau; a committee sees its own branch). */
  overview: action(z.object({ year: duesYearSchema }).strict(), duesOverviewSchema),
  /** The bureau's .xlsx for 上缴. */
  export: action(
    z.object({ year: duesYearSchema }).strict(),
    z.object({ fileId: z.string(), url: z.string(), fileName: z.string() }),
  ),
};

/** The bureau's settings (one document, `_id` 'bureau'); absent fields take the defaults. */
export interface DuesConfigDoc extends Partial<DuesSettings> {
  _id: string;
  updatedAt: Date;
  updatedBy: string;
}

export interface DuesBaseEntryDoc {
  fromMonth: string;
  base: number;
  deductions: number;
  category: DuesCategory;
  /** What the entry costs a month from `fromMonth`, by the rates in force when it was set. */
  monthly: number;
  setBy: string;
  setByName: string;
  setAt: Date;
  /** The import that wrote it, so a re-run of the same file writes nothing twice. */
  importId: string | null;
}

export interface DuesReliefDoc {
  reliefId: string;
  kind: 'reduce' | 'exempt';
  fromMonth: string;
  toMonth: string;
  monthly: number;
  reason: string;
  approvedBy: string;
  approvedByName: string;
  at: Date;
}

/**
 * A member's bases for one year, `_id` `<memberId>_<year>`: the history of bases with the month each
 * starts, the approved reliefs, and `dues`, what each month of the year costs (index 0 = January),
 * from which the branch-month counters' `due` was incremented.
 */
export interface DuesBaseDoc {
  _id: string;
  memberId: string;
  branchId: string;
  name: string;
  year: number;
  startMonth: string | null;
  entries: DuesBaseEntryDoc[];
  reliefs: DuesReliefDoc[];
  dues: number[];
  updatedAt: Date;
}

/** A payment as recorded by the secretary. */
export interface DuesPaymentDoc {
  _id: string;
  memberId: string;
  branchId: string;
  name: string;
  months: string[];
  amount: number;
  /** The computed dues of those months when it was recorded. */
  due: number;
  /** Paid above the computed dues: recorded as 自愿多缴. */
  voluntary: number;
  method: DuesMethod;
  paidAt: string;
  reason: string | null;
  recordedBy: string;
  recordedByName: string;
  createdAt: Date;
}

/** One paid month, `_id` `<memberId>_<YYYY-MM>`: the database itself refuses a second payment of it. */
export interface DuesMonthDoc {
  _id: string;
  memberId: string;
  branchId: string;
  month: string;
  paymentId: string;
  due: number;
  /** This month's share of the payment. */
  paid: number;
  createdAt: Date;
}

/** One month's dues of a branch, in fen. */
export interface DuesMonthCounters {
  /** The members' dues of the month. */
  due: number;
  /** The dues of the months paid. */
  settled: number;
  /** The money received, voluntary extra included. */
  collected: number;
}

/**
 * A branch's dues counters for one year, `_id` `<branchId>_<year>`, one entry per month (`m01` …
 * `m12`), changed in the same transaction as the base or payment that moves them. One document per
 * branch and year keeps each of those transactions to a single counter document.
 */
export interface DuesBranchYearDoc {
  _id: string;
  branchId: string;
  year: number;
  months: Partial<Record<string, DuesMonthCounters>>;
}

/** A published 公示 board, `_id` `<branchId>_<quarter>_v<version>`; never changed once written. */
export interface DuesBoardDoc {
  _id: string;
  branchId: string;
  branchName: string;
  quarter: string;
  version: number;
  corrects: string | null;
  reason: string | null;
  rows: { memberId: string; name: string; months: string[]; amount: number }[];
  total: number;
  publishedBy: string;
  publishedByName: string;
  publishedAt: Date;
}

/** The claim of one overdue reminder, `_id` `<memberId>_<YYYY-MM>`: one per member per month. */
export interface DuesReminderDoc {
  _id: string;
  memberId: string;
  branchId: string;
  month: string;
  claimedAt: Date;
  sent: boolean;
}
