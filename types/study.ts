import { z } from 'zod';
import { audienceSchema, instantSchema } from './activity';
import { action } from './api';
import { idSchema, pageInputSchema, pageOf } from './fields';
import { ATTACHMENT_EXTENSIONS, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from './notice';

/**
 * Study tasks (学习任务), reflections (心得体会) and reading notes (学习笔记).
 * By design there is no reading timer, no study time and no points: a task is done when the
 * member says so, with a reflection where the task asks for one.
 */

export const DEFAULT_REFLECTION_MIN = 200;
export const MAX_REFLECTION = 5000;
export const MAX_NOTE = 10_000;

/**
 * The length of a reflection as a member counts it: characters (code points, so one emoji or one
 * 汉字 is one), after trimming whitespace at both ends. The server checks with this same function.
 */
export function reflectionLength(text: string): number {
  return [...text.trim()].length;
}

const fileIdSchema = z
  .string()
  .max(300)
  .regex(/^(cloud|local):\/\/[\w./-]+$/, '附件地址无效');

const extensionOf = (name: string) => name.split('.').pop()?.toLowerCase() ?? '';

/** The same files as notices take: images, PDF, Word, Excel, PPT, each at most 20 MB. */
export const studyAttachmentSchema = z
  .object({
    fileId: fileIdSchema,
    name: z.string().trim().min(1, '请填写附件名称').max(80, '附件名称不能超过 80 个字'),
    /** Bytes, as the uploader measured them; optional for tasks copied from an earlier one. */
    size: z.number().int().min(1).max(MAX_ATTACHMENT_BYTES, '单个附件不能超过 20 MB').optional(),
  })
  .strict()
  .refine((a) => (ATTACHMENT_EXTENSIONS as readonly string[]).includes(extensionOf(a.name)), {
    message: '附件只支持图片、PDF、Word、Excel、PPT 文件',
    path: ['name'],
  })
  .refine((a) => extensionOf(a.fileId) === extensionOf(a.name), {
    message: '附件类型与文件不符',
    path: ['fileId'],
  });

/** Links are shown as text to copy (a mini program cannot open outside pages), never as HTML. */
export const studyLinkSchema = z
  .string()
  .trim()
  .max(500, '链接不能超过 500 个字符')
  .regex(/^https?:\/\/[^\s<>"']+$/, '链接应以 http:// 或 https:// 开头');

export const studyMaterialSchema = z
  .object({
    text: z.string().trim().max(20_000, '学习材料不能超过 20000 字').optional(),
    attachments: z.array(studyAttachmentSchema).max(MAX_ATTACHMENTS, `最多 ${MAX_ATTACHMENTS} 个附件`).optional(),
    links: z.array(studyLinkSchema).max(10, '最多 10 个链接').optional(),
  })
  .strict();
export type StudyMaterialInput = z.infer<typeof studyMaterialSchema>;

export const reflectionRuleSchema = z
  .object({
    minLength: z
      .number()
      .int()
      .min(1, '字数要求至少 1 字')
      .max(MAX_REFLECTION, `字数要求不能超过 ${MAX_REFLECTION} 字`)
      .default(DEFAULT_REFLECTION_MIN),
  })
  .strict();

export const createTaskInput = z
  .object({
    title: z.string().trim().min(2, '标题至少 2 个字').max(60, '标题不能超过 60 个字'),
    material: studyMaterialSchema,
    /** When the task starts (default: now); who must study it is fixed then. */
    startAt: instantSchema.optional(),
    dueAt: instantSchema,
    /** Like activities; a bureau task always goes to each branch as a whole. */
    audience: audienceSchema.optional(),
    /** Bureau admins only: the branches to send the task to; omitted by an admin, every branch. */
    branchIds: z.array(idSchema).min(1).max(300).optional(),
    reflection: reflectionRuleSchema.optional(),
    /**
     * Chosen by the form once per submission: sending the same request again (a retry after a
     * timeout) creates nothing new.
     */
    requestId: idSchema.optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    const m = value.material;
    if (!m.text && !m.attachments?.length && !m.links?.length)
      ctx.addIssue({ code: 'custom', path: ['material'], message: '请填写学习材料：文字、附件或链接' });
    if (value.startAt && Date.parse(value.dueAt) <= Date.parse(value.startAt))
      ctx.addIssue({ code: 'custom', path: ['dueAt'], message: '截止时间应晚于开始时间' });
    if (value.branchIds && value.audience)
      ctx.addIssue({ code: 'custom', path: ['audience'], message: '发往多个支部的任务面向各支部全体党员' });
  });
export type CreateTaskInput = z.infer<typeof createTaskInput>;

export const taskRefInput = z.object({ taskId: idSchema }).strict();

export const studyListInput = pageInputSchema.extend({ status: z.enum(['todo', 'done']) }).strict();

export const studyTaskSummarySchema = z.object({
  taskId: z.string(),
  branchId: z.string(),
  title: z.string(),
  startAt: z.string(),
  dueAt: z.string(),
  /** Whole Beijing days from today to the due date: 0 is "due today", negative is overdue. */
  daysLeft: z.number().int(),
  /** The minimum length of the required reflection; null when the task asks for none. */
  reflectionMin: z.number().int().nullable(),
  done: z.boolean(),
  /** Done after the due date: shown as 逾期完成. */
  late: z.boolean(),
});
export type StudyTaskSummary = z.infer<typeof studyTaskSummarySchema>;

export const studyCommentSchema = z.object({ text: z.string(), byName: z.string(), at: z.string() });

export const myCompletionSchema = z.object({
  completedAt: z.string(),
  late: z.boolean(),
  reflection: z.string().nullable(),
  comment: studyCommentSchema.nullable(),
  excellent: z.boolean(),
  /** Whether the member may still change the reflection (before the due date and any comment). */
  editable: z.boolean(),
});

export const studyTaskDetailSchema = studyTaskSummarySchema.extend({
  material: z.object({
    text: z.string(),
    attachments: z.array(z.object({ fileId: z.string(), name: z.string(), url: z.string().nullable() })),
    links: z.array(z.string()),
  }),
  audience: audienceSchema,
  createdByName: z.string(),
  canManage: z.boolean(),
  /** The caller is one of those who must study it. */
  inAudience: z.boolean(),
  /** Who must study it has been fixed (the task has started). */
  started: z.boolean(),
  mine: myCompletionSchema.nullable(),
  /** Set by the bureau for a task sent to many branches. */
  pushId: z.string().nullable(),
});
export type StudyTaskDetail = z.infer<typeof studyTaskDetailSchema>;

export const completeInput = taskRefInput
  .extend({
    reflection: z
      .string()
      .max(MAX_REFLECTION * 2, `心得体会不能超过 ${MAX_REFLECTION} 字`)
      .optional(),
  })
  .strict();

const person = z.object({ memberId: z.string(), name: z.string() });
export const progressDoneSchema = person.extend({
  completedAt: z.string(),
  late: z.boolean(),
  hasReflection: z.boolean(),
  commented: z.boolean(),
  excellent: z.boolean(),
});
export const studyProgressSchema = z.object({
  taskId: z.string(),
  title: z.string(),
  dueAt: z.string(),
  reflectionMin: z.number().int().nullable(),
  started: z.boolean(),
  audienceCount: z.number().int(),
  doneCount: z.number().int(),
  lateCount: z.number().int(),
  done: z.array(progressDoneSchema),
  todo: z.array(person),
});
export type StudyProgress = z.infer<typeof studyProgressSchema>;

export const completionViewSchema = person.extend({
  taskId: z.string(),
  completedAt: z.string(),
  late: z.boolean(),
  reflection: z.string().nullable(),
  comment: studyCommentSchema.nullable(),
  excellent: z.boolean(),
});
export type CompletionView = z.infer<typeof completionViewSchema>;

export const commentInput = taskRefInput
  .extend({
    memberId: idSchema,
    text: z.string().trim().min(1, '请填写点评').max(500, '点评不能超过 500 字'),
    excellent: z.boolean().optional(),
  })
  .strict();

export const manageListInput = pageInputSchema.extend({ branchId: idSchema.optional() }).strict();
export const managedTaskSchema = z.object({
  taskId: z.string(),
  title: z.string(),
  startAt: z.string(),
  dueAt: z.string(),
  reflectionMin: z.number().int().nullable(),
  started: z.boolean(),
  expected: z.number().int(),
  done: z.number().int(),
  pushId: z.string().nullable(),
});

export const sharedInput = pageInputSchema.extend({ taskId: idSchema.optional() }).strict();
export const sharedReflectionSchema = z.object({
  taskId: z.string(),
  taskTitle: z.string(),
  memberName: z.string(),
  reflection: z.string(),
  sharedAt: z.string(),
});

export const saveNoteInput = z
  .object({
    noteId: idSchema.optional(),
    taskId: idSchema.optional(),
    text: z.string().trim().min(1, '笔记不能为空').max(MAX_NOTE, `笔记不能超过 ${MAX_NOTE} 字`),
  })
  .strict();
export const studyNoteSchema = z.object({
  noteId: z.string(),
  taskId: z.string().nullable(),
  taskTitle: z.string().nullable(),
  text: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StudyNote = z.infer<typeof studyNoteSchema>;

export const exportNotesInput = z.object({ format: z.enum(['xlsx', 'docx']).default('xlsx') }).strict();
export const exportNotesResult = z.object({
  fileName: z.string(),
  fileBase64: z.string(),
  count: z.number().int(),
});

export const studyContract = {
  createTask: action(createTaskInput, z.object({ taskId: z.string(), taskIds: z.array(z.string()) })),
  list: action(studyListInput, pageOf(studyTaskSummarySchema)),
  get: action(taskRefInput, studyTaskDetailSchema),
  complete: action(completeInput, z.object({ completedAt: z.string(), late: z.boolean() })),
  progress: action(taskRefInput, studyProgressSchema),
  completion: action(taskRefInput.extend({ memberId: idSchema }).strict(), completionViewSchema),
  comment: action(commentInput, completionViewSchema),
  manageList: action(manageListInput, pageOf(managedTaskSchema)),
  shared: action(sharedInput, pageOf(sharedReflectionSchema)),
  saveNote: action(saveNoteInput, studyNoteSchema),
  listNotes: action(pageInputSchema.strict(), pageOf(studyNoteSchema)),
  getNote: action(z.object({ noteId: idSchema }).strict(), studyNoteSchema),
  deleteNote: action(z.object({ noteId: idSchema }).strict(), z.object({ deleted: z.boolean() })),
  exportNotes: action(exportNotesInput, exportNotesResult),
};
