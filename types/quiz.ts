import { z } from 'zod';
import { audienceSchema, instantSchema } from './activity';
import { action } from './api';
import { idSchema, keywordSchema, pageInputSchema, pageOf } from './fields';

export const QUESTION_TYPES = ['single', 'multiple', 'judge'] as const;
export const questionTypeSchema = z.enum(QUESTION_TYPES);
export type QuestionType = z.infer<typeof questionTypeSchema>;

export const QUESTION_TYPE_NAMES: Record<QuestionType, string> = {
  single: '单选题',
  multiple: '多选题',
  judge: '判断题',
};

/** The option labels A–H, as questions are written on paper and in the import sheet. */
export const OPTION_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;
export const MAX_OPTIONS = OPTION_LETTERS.length;

export const multipleRuleSchema = z.enum(['all', 'partial']);
export type MultipleRule = z.infer<typeof multipleRuleSchema>;
export const MULTIPLE_RULE_NAMES: Record<MultipleRule, string> = {
  all: '全部选对才得分',
  partial: '少选得一半、错选不得分',
};

/** How long after the deadline an answer or a submission in flight is still taken (network delay). */
export const SUBMIT_GRACE_SECONDS = 30;

/** A question id, also used as a field name in stored documents: never an Object.prototype name. */
const questionIdSchema = idSchema.refine(
  (id) => !['__proto__', 'constructor', 'prototype', 'hasOwnProperty'].includes(id),
  '编号格式不正确',
);

const tagSchema = z.string().trim().min(1).max(12, '每个标签不超过 12 个字');
const choiceSchema = z
  .array(
    z
      .number()
      .int()
      .min(0)
      .max(MAX_OPTIONS - 1),
  )
  .max(MAX_OPTIONS)
  .refine((c) => new Set(c).size === c.length, '选项不能重复');

const questionFields = z
  .object({
    type: questionTypeSchema,
    stem: z.string().trim().min(2, '题干至少 2 个字').max(500, '题干不能超过 500 字'),
    options: z
      .array(z.string().trim().min(1, '选项不能为空').max(200, '选项不能超过 200 字'))
      .min(2, '至少 2 个选项')
      .max(MAX_OPTIONS, `最多 ${MAX_OPTIONS} 个选项`),
    answer: z
      .array(
        z
          .number()
          .int()
          .min(0)
          .max(MAX_OPTIONS - 1),
      )
      .min(1, '请设置答案'),
    explanation: z.string().trim().max(1000, '解析不能超过 1000 字').optional(),
    tags: z.array(tagSchema).max(8, '最多 8 个标签').optional(),
    difficulty: z.number().int().min(1).max(3).optional(),
  })
  .strict();

type QuestionShape = { type: QuestionType; options: string[]; answer: number[] };

/** The rules every question obeys, whether typed in a form or read from a sheet. */
export function questionProblems(q: QuestionShape): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const answer = [...new Set(q.answer)];
  if (answer.length !== q.answer.length) problems.push({ path: 'answer', message: '答案不能重复' });
  if (answer.some((i) => i >= q.options.length)) problems.push({ path: 'answer', message: '答案超出了选项范围' });
  if (q.type === 'judge' && q.options.length !== 2) problems.push({ path: 'options', message: '判断题只有 2 个选项' });
  if (q.type !== 'multiple' && answer.length !== 1)
    problems.push({ path: 'answer', message: '单选题和判断题只有 1 个答案' });
  if (q.type === 'multiple' && answer.length < 2) problems.push({ path: 'answer', message: '多选题至少有 2 个答案' });
  if (new Set(q.options.map((o) => o.trim())).size !== q.options.length)
    problems.push({ path: 'options', message: '选项内容不能重复' });
  return problems;
}

function checkQuestion<T extends QuestionShape>(schema: z.ZodType<T>) {
  return schema.superRefine((value, ctx) => {
    for (const p of questionProblems(value)) ctx.addIssue({ code: 'custom', path: [p.path], message: p.message });
  });
}

/** One question's fields with every rule applied: what a form sends and what a sheet row must make. */
export const questionInputSchema = checkQuestion(questionFields);
export const createQuestionInput = checkQuestion(questionFields.extend({ bankId: idSchema.optional() }).strict());
export const updateQuestionInput = z.object({ questionId: idSchema, question: checkQuestion(questionFields) }).strict();

export const bankSchema = z.object({
  bankId: z.string(),
  name: z.string(),
  scope: z.enum(['bureau', 'branch']),
  branchId: z.string().nullable(),
  questionCount: z.number().int(),
  tags: z.array(z.string()),
  /** The caller may add, edit and retire questions in it. */
  canEdit: z.boolean(),
});
export type QuizBank = z.infer<typeof bankSchema>;

/** A question as its editors see it, with its key. Only bank editors ever receive this shape. */
export const questionSchema = z.object({
  questionId: z.string(),
  bankId: z.string(),
  type: questionTypeSchema,
  stem: z.string(),
  options: z.array(z.string()),
  answer: z.array(z.number().int()),
  explanation: z.string(),
  tags: z.array(z.string()),
  difficulty: z.number().int(),
  retired: z.boolean(),
});
export type QuizQuestion = z.infer<typeof questionSchema>;

const quota = z.number().int().min(0).max(100).optional();

const drawSchema = z
  .object({
    count: z.number().int().min(1, '至少抽 1 题').max(100, '每卷最多 100 题'),
    bankIds: z.array(idSchema).min(1).max(20).optional(),
    tags: z.array(tagSchema).max(10).optional(),
    /** So many of each type; the rest of `count` is drawn from any type. */
    byType: z.object({ single: quota, multiple: quota, judge: quota }).strict().optional(),
    /** So many of each difficulty (1–3); not together with `byType`. */
    byDifficulty: z.object({ 1: quota, 2: quota, 3: quota }).strict().optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.byType && d.byDifficulty)
      ctx.addIssue({ code: 'custom', path: ['byDifficulty'], message: '按题型或按难度分配，二选一' });
    const quota = Object.values(d.byType ?? d.byDifficulty ?? {}).reduce((a: number, b) => a + (b ?? 0), 0);
    if (quota > d.count) ctx.addIssue({ code: 'custom', path: ['count'], message: '各类题数之和超过了总题数' });
  });
export type DrawRule = z.infer<typeof drawSchema>;

const weight = z.number().int().min(1).max(10).optional();

export const createQuizInput = z
  .object({
    title: z.string().trim().min(2, '标题至少 2 个字').max(60, '标题不能超过 60 个字'),
    /** A branch quiz's audience, as for activities; a bureau admin without it tests whole branches. */
    audience: audienceSchema.optional(),
    /** Bureau admins only: the branches a bureau quiz goes to (all active branches when absent). */
    branchIds: z.array(idSchema).min(1).max(300).optional(),
    openAt: instantSchema,
    closeAt: instantSchema,
    draw: drawSchema,
    /** Relative weight of one question of each type (default 1 each); a paper always totals 100. */
    points: z.object({ single: weight, multiple: weight, judge: weight }).strict().optional(),
    passScore: z.number().min(0).max(100),
    timeLimitMinutes: z.number().int().min(1).max(180),
    maxAttempts: z.number().int().min(1).max(10),
    countRule: z.enum(['best', 'last']).optional(),
    multipleRule: multipleRuleSchema.optional(),
    showExplanations: z.boolean().optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (Date.parse(q.closeAt) <= Date.parse(q.openAt))
      ctx.addIssue({ code: 'custom', path: ['closeAt'], message: '截止时间应晚于开始时间' });
    if (q.audience && q.branchIds)
      ctx.addIssue({ code: 'custom', path: ['branchIds'], message: '参加范围与支部不能同时指定' });
  });

export const quizRefInput = z.object({ quizId: idSchema }).strict();
export const attemptRefInput = z
  .object({
    attemptId: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(/^[A-Za-z0-9_-]+$/, '编号格式不正确'),
  })
  .strict();

/** The member's own standing in one quiz. */
export const myQuizStateSchema = z.enum(['upcoming', 'todo', 'in_progress', 'passed', 'failed', 'missed']);
export type MyQuizState = z.infer<typeof myQuizStateSchema>;

export const quizSummarySchema = z.object({
  quizId: z.string(),
  title: z.string(),
  openAt: z.string(),
  closeAt: z.string(),
  timeLimitMinutes: z.number().int(),
  questionCount: z.number().int(),
  passScore: z.number(),
  maxAttempts: z.number().int(),
  attemptsUsed: z.number().int(),
  /** The score that counts (best or last, as the quiz says); the member's own, nobody else's. */
  score: z.number().nullable(),
  state: myQuizStateSchema,
  /** The attempt in progress, to resume. */
  openAttemptId: z.string().nullable(),
  /** The last submitted attempt, to review. */
  lastAttemptId: z.string().nullable(),
});
export type QuizSummary = z.infer<typeof quizSummarySchema>;

export const quizDetailSchema = quizSummarySchema.extend({
  countRule: z.enum(['best', 'last']),
  multipleRule: multipleRuleSchema,
  showExplanations: z.boolean(),
  serverTime: z.string(),
});
export type QuizDetail = z.infer<typeof quizDetailSchema>;

/** A question as a member taking it sees it: no key, no explanation, options in this attempt's order. */
export const paperQuestionSchema = z
  .object({
    questionId: z.string(),
    type: questionTypeSchema,
    stem: z.string(),
    options: z.array(z.string()),
  })
  .strict();
export type PaperQuestion = z.infer<typeof paperQuestionSchema>;

export const attemptSchema = z.object({
  attemptId: z.string(),
  quizId: z.string(),
  title: z.string(),
  deadline: z.string(),
  /** The server's clock when it answered: the countdown is `deadline − serverTime`, whatever the phone says. */
  serverTime: z.string(),
  questions: z.array(paperQuestionSchema),
  /** What the member has saved so far, by question (resume). */
  saved: z.record(z.string(), z.array(z.number().int())),
});
export type QuizAttempt = z.infer<typeof attemptSchema>;

export const answerInput = z
  .object({ attemptId: attemptRefInput.shape.attemptId, questionId: questionIdSchema, choice: choiceSchema })
  .strict();
export const answerResultSchema = z.object({ savedAt: z.string(), serverTime: z.string() });

export const submitInput = z
  .object({
    attemptId: attemptRefInput.shape.attemptId,
    /** Answers not yet saved one by one, by question id; saved ones stand unless given again. */
    answers: z.record(questionIdSchema, choiceSchema).optional(),
  })
  .strict();

export const reviewItemSchema = z.object({
  questionId: z.string(),
  type: questionTypeSchema,
  stem: z.string(),
  options: z.array(z.string()),
  chosen: z.array(z.number().int()),
  correct: z.boolean(),
  /** The key, in the order the options were shown in this attempt. */
  answer: z.array(z.number().int()),
  explanation: z.string(),
  earned: z.number(),
  points: z.number(),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;

export const attemptResultSchema = z.object({
  attemptId: z.string(),
  quizId: z.string(),
  title: z.string(),
  score: z.number(),
  passed: z.boolean(),
  passScore: z.number(),
  correctCount: z.number().int(),
  questionCount: z.number().int(),
  submittedAt: z.string(),
  /** Closed by the deadline rather than by the member. */
  closedByDeadline: z.boolean(),
  /** The questions answered wrongly, with key and explanation, when the quiz shows them. */
  review: z.array(reviewItemSchema).optional(),
});
export type AttemptResult = z.infer<typeof attemptResultSchema>;

export const wrongItemSchema = z.object({
  questionId: z.string(),
  type: questionTypeSchema,
  stem: z.string(),
  options: z.array(z.string()),
  answer: z.array(z.number().int()),
  explanation: z.string(),
  wrongTimes: z.number().int(),
  lastWrongAt: z.string(),
  /** Right in practice this many times in a row; two make it 已掌握. */
  practiceStreak: z.number().int(),
  mastered: z.boolean(),
});
export type WrongItem = z.infer<typeof wrongItemSchema>;

export const practiceQuestionSchema = paperQuestionSchema;
export const practiceAnswerResultSchema = z.object({
  questionId: z.string(),
  correct: z.boolean(),
  answer: z.array(z.number().int()),
  explanation: z.string(),
  practiceStreak: z.number().int(),
  mastered: z.boolean(),
});

export const managedQuizSchema = z.object({
  quizId: z.string(),
  title: z.string(),
  scope: z.enum(['bureau', 'branch']),
  openAt: z.string(),
  closeAt: z.string(),
  questionCount: z.number().int(),
  passScore: z.number(),
  status: z.enum(['upcoming', 'open', 'closed']),
});

export const HISTOGRAM_BINS = 10;

export const quizStatsSchema = z.object({
  quizId: z.string(),
  title: z.string(),
  branchId: z.string().nullable(),
  expected: z.number().int(),
  taken: z.number().int(),
  passed: z.number().int(),
  passRate: z.number(),
  average: z.number().nullable(),
  /** Members' counted scores in ten bins: 0–9, 10–19, …, 90–100. Counts only, never names. */
  histogram: z.array(z.number().int()).length(HISTOGRAM_BINS),
  /** The bureau compares branches, never people. */
  branches: z.array(
    z.object({
      branchId: z.string(),
      name: z.string(),
      expected: z.number().int(),
      taken: z.number().int(),
      passed: z.number().int(),
      passRate: z.number(),
      average: z.number().nullable(),
    }),
  ),
  attempts: z.number().int(),
  questions: z.array(
    z.object({
      questionId: z.string(),
      type: questionTypeSchema,
      stem: z.string(),
      responses: z.number().int(),
      /** Share of fully correct answers, 0–1. */
      facility: z.number(),
      /** Facility in the top 27 % of attempts by score minus that in the bottom 27 %, −1…1. */
      discrimination: z.number().nullable(),
      /** The wrong option chosen most often (its text), if any. */
      commonWrong: z.string().nullable(),
      commonWrongCount: z.number().int(),
      dubious: z.boolean(),
      dubiousReason: z.string().nullable(),
    }),
  ),
});
export type QuizStats = z.infer<typeof quizStatsSchema>;

export const rosterStateSchema = z.enum(['not_started', 'in_progress', 'passed', 'failed']);
/** The secretary's view of who has done the quiz: status and pass/fail, no scores, no ranking. */
export const quizRosterItemSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  state: rosterStateSchema,
  attemptsUsed: z.number().int(),
});

export const QUESTION_SHEET_COLUMNS = [
  '题型',
  '题干',
  ...OPTION_LETTERS.map((l) => `选项${l}`),
  '答案',
  '解析',
  '标签',
  '难度',
] as const;
export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = { single: '单选', multiple: '多选', judge: '判断' };

/**
 * The largest bank one import takes. The sheet goes through cloud storage (only its file ID is in
 * the call), so the limit is the function's time: 5,000 rows import locally in a few seconds
 * (README, 理论测试).
 */
export const MAX_IMPORT_ROWS = 10_000;

export const sheetRowErrorSchema = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
});

export const importQuestionsInput = z
  .object({
    bankId: idSchema,
    /**
     * The .xlsx uploaded to cloud storage under `quiz/<the caller's branchId>/import/`
     * (client/src/services/upload.ts); a file anywhere else answers NOT_FOUND.
     */
    fileId: z.string().trim().min(1, '请选择文件').max(300, '文件编号不正确'),
    /** `check` validates and reports only; `commit` writes if, and only if, every row is valid. */
    mode: z.enum(['check', 'commit']),
  })
  .strict();

export const importQuestionsResult = z.object({
  rows: z.number().int(),
  valid: z.boolean(),
  created: z.number().int(),
  /** Rows an earlier run of an import already wrote (a retry after a timeout): not written again. */
  alreadyImported: z.number().int(),
  errors: z.array(sheetRowErrorSchema),
  /** Stems that repeat, in the sheet or against the bank: reported, and not imported again. */
  duplicates: z.array(z.object({ row: z.number().int(), stem: z.string(), existing: z.boolean() })),
});

export const sheetFileSchema = z.object({ fileName: z.string(), fileBase64: z.string(), rows: z.number().int() });

export const quizContract = {
  createBank: action(
    z
      .object({
        name: z.string().trim().min(2, '题库名称至少 2 个字').max(30, '题库名称不能超过 30 个字'),
        /** Bureau admins keep bureau banks; a branch committee keeps its branch's. */
        scope: z.enum(['bureau', 'branch']).optional(),
      })
      .strict(),
    z.object({ bankId: z.string() }),
  ),
  listBanks: action(pageInputSchema.strict(), pageOf(bankSchema)),
  createQuestion: action(createQuestionInput, z.object({ questionId: z.string() })),
  updateQuestion: action(updateQuestionInput, questionSchema),
  retireQuestion: action(z.object({ questionId: idSchema, retired: z.boolean() }).strict(), questionSchema),
  listQuestions: action(
    pageInputSchema
      .extend({ bankId: idSchema, keyword: keywordSchema.optional(), includeRetired: z.boolean().optional() })
      .strict(),
    pageOf(questionSchema),
  ),
  create: action(createQuizInput, z.object({ quizId: z.string() })),
  /** The caller's quizzes: `open` (not yet closed, upcoming first) or `past`. */
  list: action(pageInputSchema.extend({ scope: z.enum(['open', 'past']) }).strict(), pageOf(quizSummarySchema)),
  get: action(quizRefInput, quizDetailSchema),
  start: action(quizRefInput, attemptSchema),
  answer: action(answerInput, answerResultSchema),
  submit: action(submitInput, attemptResultSchema),
  result: action(attemptRefInput, attemptResultSchema),
  wrongBook: action(pageInputSchema.strict(), pageOf(wrongItemSchema)),
  practice: action(
    z.object({ count: z.number().int().min(1).max(20).default(5) }).strict(),
    z.object({ questions: z.array(practiceQuestionSchema) }),
  ),
  practiceAnswer: action(
    z.object({ questionId: questionIdSchema, choice: choiceSchema }).strict(),
    practiceAnswerResultSchema,
  ),
  importQuestions: action(importQuestionsInput, importQuestionsResult),
  /** Keys and explanations are exported for bureau admins only. */
  exportQuestions: action(
    z.object({ bankId: idSchema }).strict(),
    sheetFileSchema.extend({ withAnswers: z.boolean() }),
  ),
  template: action(z.object({}).strict().optional(), sheetFileSchema),
  managed: action(pageInputSchema.strict(), pageOf(managedQuizSchema)),
  stats: action(quizRefInput.extend({ branchId: idSchema.optional() }).strict(), quizStatsSchema),
  roster: action(
    quizRefInput.extend({ branchId: idSchema.optional() }).merge(pageInputSchema).strict(),
    pageOf(quizRosterItemSchema),
  ),
};
