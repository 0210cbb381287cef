import { z } from 'zod';
import { action, noInput } from './api';
import { calendarDateSchema } from './development';
import { idSchema, pageInputSchema, pageOf } from './fields';
import { memberFieldsSchema, recordStatusSchema } from './member';

/**
 * 组织关系转接. `within`: from one branch of the bureau to another, started by the sending branch
 * and accepted (or returned) by the receiving one. `out`: out of the bureau, effective when
 * recorded. `in`: into the bureau from outside, recorded as the member is created.
 */
export const TRANSFER_KINDS = ['within', 'out', 'in'] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];

/** `pending` waits for the receiving branch; every other status is final. */
export const TRANSFER_STATUSES = ['pending', 'accepted', 'returned', 'out', 'in'] as const;
export const transferStatusSchema = z.enum(TRANSFER_STATUSES);
export type TransferStatus = z.infer<typeof transferStatusSchema>;

export const TRANSFER_STATUS_LABELS: Record<TransferStatus, string> = {
  pending: '待接收',
  accepted: '已接收',
  returned: '已退回',
  out: '已转出',
  in: '已转入',
};

const placeSchema = (what: string) => z.string().trim().min(1, `请填写${what}`).max(60, `${what}不能超过 60 个字`);
/** 介绍信 number as printed on the letter: letters, digits and the usual punctuation of such numbers. */
export const letterNoSchema = z
  .string()
  .trim()
  .min(1, '请填写介绍信编号')
  .max(40, '介绍信编号不能超过 40 个字')
  .regex(/^[\u4e00-\u9fa5A-Za-z0-9〔〕[\]()（）第号_\-\s]+$/, '介绍信编号含有不支持的字符');

export const startTransferInput = z
  .object({
    memberId: idSchema,
    /** Another branch of the bureau… */
    toBranchId: idSchema.optional(),
    /** …or out of the bureau (转出): where to, the 介绍信 number and the date it takes effect. */
    outside: z
      .object({ destination: placeSchema('转往单位'), letterNo: letterNoSchema, date: calendarDateSchema })
      .strict()
      .optional(),
  })
  .strict()
  .refine((v) => (v.toBranchId === undefined) !== (v.outside === undefined), '请选择转入的支部，或填写转出局外的信息');
export type StartTransferInput = z.infer<typeof startTransferInput>;

/** 转入: a member coming from outside the bureau, created in the receiving branch from the letter. */
export const receiveTransferInput = z
  .object({
    origin: placeSchema('原所在党组织'),
    letterNo: letterNoSchema,
    date: calendarDateSchema,
    /** A secretary receives into their own branch; a bureau admin names the branch. */
    branchId: idSchema.optional(),
    member: memberFieldsSchema,
  })
  .strict();
export type ReceiveTransferInput = z.infer<typeof receiveTransferInput>;

export const transferRefInput = z.object({ transferId: idSchema }).strict();
export const returnTransferInput = z
  .object({
    transferId: idSchema,
    reason: z.string().trim().min(1, '请填写退回原因').max(200, '退回原因不能超过 200 个字'),
  })
  .strict();

export const listTransfersInput = pageInputSchema
  .extend({
    /** `open`: waiting to be accepted; `closed`: accepted, returned, out or in. */
    status: z.enum(['open', 'closed']).optional(),
    /** Towards the caller's branch or from it; the bureau sees every branch's either way. */
    direction: z.enum(['incoming', 'outgoing']).optional(),
  })
  .strict();

export const transferItemSchema = z.object({
  transferId: z.string(),
  kind: z.enum(TRANSFER_KINDS),
  status: transferStatusSchema,
  memberId: z.string(),
  memberName: z.string(),
  memberStatus: recordStatusSchema,
  fromBranchId: z.string().nullable(),
  fromBranchName: z.string().nullable(),
  toBranchId: z.string().nullable(),
  toBranchName: z.string().nullable(),
  /** Out of the bureau: where to; into it: where from. */
  place: z.string().nullable(),
  letterNo: z.string().nullable(),
  /** The day it takes effect (out, in), Beijing date. */
  date: z.string().nullable(),
  startedAt: z.string(),
  startedByName: z.string(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  reason: z.string().nullable(),
  /** Whole days waited so far (pending) or until it was decided. */
  waitingDays: z.number().int().min(0),
  /** The caller may accept or return it now. */
  canDecide: z.boolean(),
});
export type TransferItem = z.infer<typeof transferItemSchema>;

export const transferContract = {
  start: action(startTransferInput, z.object({ transferId: z.string() })),
  accept: action(transferRefInput, transferItemSchema),
  return: action(returnTransferInput, transferItemSchema),
  receive: action(receiveTransferInput, z.object({ transferId: z.string(), memberId: z.string() })),
  get: action(transferRefInput, transferItemSchema),
  list: action(listTransfersInput, pageOf(transferItemSchema)),
  /** The bureau's active branches by name, to choose where a member goes (any branch committee). */
  branches: action(pageInputSchema.strict(), pageOf(z.object({ branchId: z.string(), name: z.string() }))),
  /** What waits for the caller's decision (首页): the count and the longest wait. */
  waiting: action(noInput, z.object({ count: z.number().int().min(0), oldestDays: z.number().int().min(0) })),
};

/** One transfer. `open` until decided; the member holds `transferId` meanwhile, so there is only one. */
export interface TransferDoc {
  _id: string;
  kind: TransferKind;
  status: TransferStatus;
  open: boolean;
  memberId: string;
  memberName: string;
  memberStatus: z.infer<typeof recordStatusSchema>;
  fromBranchId: string | null;
  toBranchId: string | null;
  /** The branches of the bureau it concerns, so each sees it with one indexed condition. */
  branchIds: string[];
  place: string | null;
  letterNo: string | null;
  date: string | null;
  startedAt: Date;
  startedBy: string;
  startedByName: string;
  decidedAt: Date | null;
  decidedBy: string | null;
  decidedByName: string | null;
  reason: string | null;
  /** Set once the member's coming activities followed them to the new branch (accepted within). */
  followedAt?: Date | null;
}
