import { z } from 'zod';
import { audienceSchema, instantSchema } from './activity';
import { action } from './api';
import { idSchema, pageInputSchema } from './fields';

export const NOTICE_CATEGORIES = ['notice', 'announcement', 'material'] as const;
export const noticeCategorySchema = z.enum(NOTICE_CATEGORIES);
export type NoticeCategory = z.infer<typeof noticeCategorySchema>;

export const NOTICE_CATEGORY_NAMES: Record<NoticeCategory, string> = {
  notice: '通知',
  announcement: '公告',
  material: '学习资料',
};

/** What may be attached, by file extension; the platform viewer opens each of these. */
export const ATTACHMENT_EXTENSIONS = [
  'jpg',
  'jpeg',
  'png',
  'webp',
  'pdf',
  'doc',
  'docx',
  'xls',
  'xlsx',
  'ppt',
  'pptx',
] as const;
export const IMAGE_EXTENSIONS: readonly string[] = ['jpg', 'jpeg', 'png', 'webp'];
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const MAX_ATTACHMENTS = 9;
export const NOTICE_TITLE_MAX = 60;
export const NOTICE_BODY_MAX = 10_000;

const extensionOf = (name: string) => name.split('.').pop()?.toLowerCase() ?? '';

export const attachmentInputSchema = z
  .object({
    fileId: z
      .string()
      .max(300)
      .regex(/^(cloud|local):\/\/[\w./-]+$/, '附件地址无效'),
    name: z.string().trim().min(1, '附件需要文件名').max(80, '附件文件名不能超过 80 个字'),
    size: z.number().int().min(1).max(MAX_ATTACHMENT_BYTES, '单个附件不能超过 20 MB'),
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
export type AttachmentInput = z.infer<typeof attachmentInputSchema>;

const noticeFields = z
  .object({
    title: z.string().trim().min(1, '请填写标题').max(NOTICE_TITLE_MAX, `标题不能超过 ${NOTICE_TITLE_MAX} 个字`),
    body: z.string().trim().min(1, '请填写正文').max(NOTICE_BODY_MAX, `正文不能超过 ${NOTICE_BODY_MAX} 字`),
    category: noticeCategorySchema.optional(),
    pinned: z.boolean().optional(),
    requireConfirm: z.boolean().optional(),
    /** The 签收 deadline; only with requireConfirm, and never in the past. */
    confirmBy: instantSchema.nullable().optional(),
    attachments: z.array(attachmentInputSchema).max(MAX_ATTACHMENTS, `最多 ${MAX_ATTACHMENTS} 个附件`).optional(),
  })
  .strict();

function checkDeadline<T extends { confirmBy?: string | null; requireConfirm?: boolean }>(schema: z.ZodType<T>) {
  return schema.superRefine((value, ctx) => {
    if (!value.confirmBy) return;
    if (value.requireConfirm === false)
      ctx.addIssue({ code: 'custom', path: ['confirmBy'], message: '不需要签收时不能设置签收截止时间' });
    if (Date.parse(value.confirmBy) <= Date.now())
      ctx.addIssue({ code: 'custom', path: ['confirmBy'], message: '签收截止时间不能早于现在' });
  });
}

export const createNoticeInput = checkDeadline(
  noticeFields
    .extend({
      /** A branch notice's readers (default: the whole branch). Not for bureau notices. */
      audience: audienceSchema.optional(),
      /** A bureau notice: the branches it goes to (absent: every branch). Admins only. */
      branchIds: z.array(idSchema).min(1).max(300).optional(),
      /** `bureau` posts for the bureau (admins); `branch` (the default) to the poster's own branch. */
      scope: z.enum(['branch', 'bureau']).optional(),
      /** Chosen by the form once per post: a retry with the same id completes the same notice. */
      requestId: idSchema.optional(),
    })
    .strict(),
);

export const noticeRefInput = z.object({ noticeId: idSchema }).strict();

export const updateNoticeInput = z
  .object({
    noticeId: idSchema,
    patch: checkDeadline(noticeFields.partial().strict()),
  })
  .strict();

export const listNoticesInput = pageInputSchema
  .extend({
    /** `posted`: the notices the caller manages (their branch's, or the bureau's for an admin). */
    box: z.enum(['inbox', 'posted']).optional(),
  })
  .strict();

export const attachmentSchema = z.object({
  fileId: z.string(),
  name: z.string(),
  size: z.number().int(),
  kind: z.enum(['image', 'document']),
  url: z.string().nullable(),
});
export type NoticeAttachment = z.infer<typeof attachmentSchema>;

export const noticeItemSchema = z.object({
  noticeId: z.string(),
  title: z.string(),
  category: noticeCategorySchema,
  pinned: z.boolean(),
  requireConfirm: z.boolean(),
  confirmBy: z.string().nullable(),
  read: z.boolean(),
  confirmed: z.boolean(),
  status: z.enum(['published', 'withdrawn']),
  publishedAt: z.string(),
  updatedAt: z.string().nullable(),
  fromBureau: z.boolean(),
  postedByName: z.string(),
});
export type NoticeItem = z.infer<typeof noticeItemSchema>;

export const noticeListSchema = z.object({
  items: z.array(noticeItemSchema),
  total: z.number().int().min(0),
  /** Published notices the caller has not opened. */
  unread: z.number().int().min(0),
  /** Published notices that ask for 签收 and the caller has not confirmed. */
  toConfirm: z.number().int().min(0),
});
export type NoticeList = z.infer<typeof noticeListSchema>;

export const noticeDetailSchema = noticeItemSchema.extend({
  /** Empty once the notice is withdrawn: members see 已撤回, not the body. */
  body: z.string(),
  attachments: z.array(attachmentSchema),
  withdrawReason: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  readAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  /** The caller is in this notice's audience (a manager may look at a notice they do not receive). */
  inAudience: z.boolean(),
  /** The caller may edit, withdraw, remind and see receipts. */
  canManage: z.boolean(),
  /** The caller may see the receipts (the poster's committee, bureau admins, a branch committee for its branch). */
  canSeeReceipts: z.boolean(),
  audience: audienceSchema.nullable(),
  branchIds: z.array(z.string()),
});
export type NoticeDetail = z.infer<typeof noticeDetailSchema>;

const person = z.object({ memberId: z.string(), name: z.string() });

export const branchReceiptSchema = z.object({
  branchId: z.string(),
  branchName: z.string(),
  audienceCount: z.number().int(),
  readCount: z.number().int(),
  confirmedCount: z.number().int(),
  readRate: z.number(),
  confirmRate: z.number(),
});
export type BranchReceipt = z.infer<typeof branchReceiptSchema>;

export const receiptsSchema = z.object({
  noticeId: z.string(),
  title: z.string(),
  requireConfirm: z.boolean(),
  /** For a bureau notice read by branch: the branch the lists are of. */
  branchId: z.string().nullable(),
  audienceCount: z.number().int(),
  readCount: z.number().int(),
  confirmedCount: z.number().int(),
  unread: z.array(person),
  read: z.array(person.extend({ readAt: z.string(), confirmedAt: z.string().nullable() })),
  confirmed: z.array(person.extend({ confirmedAt: z.string() })),
  /** A bureau notice without `branchId`: one row per branch, from the per-branch counters. */
  branches: z.array(branchReceiptSchema).optional(),
  reminder: z.object({ sentAt: z.string(), sent: z.number().int(), failed: z.number().int() }).nullable(),
  /** The caller runs the notice and may send its reminder. */
  canManage: z.boolean(),
});
export type NoticeReceipts = z.infer<typeof receiptsSchema>;

/** 发布权限: which committee members of a branch may post its notices (the secretary always may). */
export const noticePostersSchema = z.object({
  branchId: z.string(),
  /** The caller may post notices to their branch now. */
  canPost: z.boolean(),
  /** The caller may change who posts (the branch secretary, or an admin in their own branch). */
  canChange: z.boolean(),
  /** The branch committee, secretaries first; `allowed` is always true for a secretary. */
  committee: z.array(
    z.object({ memberId: z.string(), name: z.string(), secretary: z.boolean(), allowed: z.boolean() }),
  ),
});
export type NoticePosters = z.infer<typeof noticePostersSchema>;

export const noticeContract = {
  create: action(createNoticeInput, z.object({ noticeId: z.string() })),
  update: action(updateNoticeInput, noticeDetailSchema),
  withdraw: action(
    noticeRefInput
      .extend({ reason: z.string().trim().min(2, '请写明撤回原因').max(200, '原因不能超过 200 字') })
      .strict(),
    noticeDetailSchema,
  ),
  list: action(listNoticesInput, noticeListSchema),
  get: action(noticeRefInput, noticeDetailSchema),
  confirm: action(noticeRefInput, z.object({ confirmedAt: z.string() })),
  receipts: action(noticeRefInput.extend({ branchId: idSchema.optional() }).strict(), receiptsSchema),
  remind: action(
    noticeRefInput,
    z.object({ sent: z.number().int(), failed: z.number().int(), skipped: z.number().int() }),
  ),
  /** Who may post in the caller's branch; for a committee member, whether they may. */
  posters: action(z.object({}).strict(), noticePostersSchema),
  /** The secretary chooses the committee members who may post (the whole list, replacing the last). */
  setPosters: action(
    z.object({ memberIds: z.array(idSchema).max(50, '最多选择 50 人') }).strict(),
    noticePostersSchema,
  ),
};
