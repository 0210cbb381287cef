import { z } from 'zod';
import { dateOnlySchema, idSchema } from './fields';

/**
 * 免于参加组织生活: a member the secretary excuses from organisational life for a while. While an
 * approved exemption covers an activity's start, the member is not in its 应到.
 */
export const EXEMPTION_REASONS = ['sick_leave', 'frail', 'away', 'other'] as const;
export const exemptionReasonSchema = z.enum(EXEMPTION_REASONS);
export type ExemptionReason = z.infer<typeof exemptionReasonSchema>;

export const EXEMPTION_REASON_NAMES: Record<ExemptionReason, string> = {
  sick_leave: '长期病休',
  frail: '年老体弱',
  away: '外出流动',
  other: '其他',
};

/** 外出流动 excuses a member only for an absence of at least six months. */
export const AWAY_MIN_MONTHS = 6;

/** The date six months after `from` (YYYY-MM-DD), the last day of the month when it has no such day. */
export function monthsAfter(from: string, months: number): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export const addExemptionInput = z
  .object({
    memberId: idSchema,
    reason: exemptionReasonSchema,
    /** Required for 其他: what the reason is. */
    note: z.string().trim().max(200, '说明不能超过 200 字').optional(),
    /** Beijing dates, both included. */
    from: dateOnlySchema,
    to: dateOnlySchema,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' });
    if (v.reason === 'other' && (v.note ?? '').length < 2) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: '请写明免于参加组织生活的原因' });
    }
    if (v.reason === 'away' && v.to < monthsAfter(v.from, AWAY_MIN_MONTHS)) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: '外出流动须满六个月方可免于参加组织生活' });
    }
  });

export const endExemptionInput = z
  .object({
    exemptionId: idSchema,
    /** The last day it still covers (a Beijing date); today when absent. Before its start: revoked. */
    lastDay: dateOnlySchema.optional(),
    reason: z.string().trim().max(200).optional(),
  })
  .strict();

export const exemptionSchema = z.object({
  exemptionId: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  reason: exemptionReasonSchema,
  reasonName: z.string(),
  note: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  status: z.enum(['active', 'ended', 'revoked']),
  approvedByName: z.string(),
  approvedAt: z.string(),
  endedAt: z.string().nullable(),
  /** It covers today (Beijing date). */
  current: z.boolean(),
});
export type Exemption = z.infer<typeof exemptionSchema>;

export const exemptionListSchema = z.object({
  items: z.array(exemptionSchema),
  /** The caller may add and end exemptions of this member (the branch secretary, or the bureau). */
  canManage: z.boolean(),
});
export type ExemptionList = z.infer<typeof exemptionListSchema>;
