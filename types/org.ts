import { z } from 'zod';
import { action } from './api';
import { idSchema, pageInputSchema, pageOf } from './fields';
import { branchKindSchema } from './member';

const branchNameSchema = z.string().trim().min(2, '支部名称至少 2 个字').max(40, '支部名称不能超过 40 个字');
const schoolsSchema = z
  .array(z.string().trim().min(2, '学校名称至少 2 个字').max(40))
  .min(1, '至少填写一所学校')
  .max(20, '一个支部最多覆盖 20 所学校');
const partyGroupsSchema = z
  .array(z.object({ id: idSchema, name: z.string().trim().min(2).max(30) }).strict())
  .max(30)
  .refine((groups) => new Set(groups.map((g) => g.id)).size === groups.length, '党小组编号不能重复');

export const branchSummarySchema = z.object({
  branchId: z.string(),
  name: z.string(),
  kind: branchKindSchema,
  schools: z.array(z.string()),
  partyGroups: z.array(z.object({ id: z.string(), name: z.string() })),
  active: z.boolean(),
  mergedInto: z.string().nullable(),
  memberCount: z.number().int(),
  boundCount: z.number().int(),
  secretaryNames: z.array(z.string()),
});
export type BranchSummary = z.infer<typeof branchSummarySchema>;

export const newBranchSchema = z
  .object({
    name: branchNameSchema,
    kind: branchKindSchema,
    schools: schoolsSchema,
    partyGroups: partyGroupsSchema.optional(),
  })
  .strict();

export const AUDIT_ACTIONS = [
  'member.create',
  'member.update',
  'member.deactivate',
  'member.bind',
  'member.unbind',
  'member.setRoles',
  'member.createInvite',
  'member.import',
  'branch.create',
  'branch.rename',
  'branch.setPartyGroups',
  'branch.merge',
  'branch.split',
  'branch.setNoticePosters',
] as const;

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string(),
  actorName: z.string(),
  action: z.string(),
  targetType: z.enum(['member', 'branch', 'invite', 'notice', 'candidate', 'training', 'term', 'review', 'appraisal']),
  targetId: z.string(),
  targetName: z.string(),
  branchId: z.string(),
  before: z.record(z.unknown()).nullable(),
  after: z.record(z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const orgContract = {
  branches: action(
    pageInputSchema.extend({ includeInactive: z.boolean().optional() }).strict(),
    pageOf(branchSummarySchema),
  ),
  /** One branch: a bureau admin any, anyone else their own. */
  branch: action(z.object({ branchId: idSchema }).strict(), branchSummarySchema),
  createBranch: action(newBranchSchema, z.object({ branchId: z.string() })),
  renameBranch: action(z.object({ branchId: idSchema, name: branchNameSchema }).strict(), branchSummarySchema),
  setPartyGroups: action(
    z.object({ branchId: idSchema, partyGroups: partyGroupsSchema }).strict(),
    branchSummarySchema,
  ),
  mergeBranches: action(
    z
      .object({ sourceBranchIds: z.array(idSchema).min(1).max(10), targetBranchId: idSchema })
      .strict()
      .refine((i) => !i.sourceBranchIds.includes(i.targetBranchId), '不能把支部并入自身'),
    z.object({ targetBranchId: z.string(), movedMembers: z.number().int() }),
  ),
  splitBranch: action(
    z.object({ branchId: idSchema, newBranch: newBranchSchema, memberIds: z.array(idSchema).min(1).max(500) }).strict(),
    z.object({ branchId: z.string(), movedMembers: z.number().int() }),
  ),
  auditLog: action(
    pageInputSchema.extend({ branchId: idSchema.optional(), targetId: idSchema.optional() }).strict(),
    pageOf(auditEntrySchema),
  ),
};
