import { z } from 'zod';
import { addExemptionInput, endExemptionInput, exemptionListSchema, exemptionSchema } from './exemption';
import { action, noInput } from './api';
import {
  dateOnlySchema,
  idSchema,
  keywordSchema,
  mobileSchema,
  pageInputSchema,
  pageOf,
  personNameSchema,
} from './fields';

export const ROLES = ['member', 'committee', 'secretary', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const MEMBER_STATUSES = ['正式党员', '预备党员', '发展对象', '入党积极分子', '申请入党'] as const;
export const memberStatusSchema = z.enum(MEMBER_STATUSES);
export type MemberStatus = z.infer<typeof memberStatusSchema>;
/**
 * The status of a member transferred out of the bureau (组织关系转接). Only a transfer sets it: it is
 * not among the statuses a form, an import or a filter offers.
 */
export const TRANSFERRED_OUT = '已转出' as const;
export const recordStatusSchema = z.enum([...MEMBER_STATUSES, TRANSFERRED_OUT]);
export type RecordStatus = z.infer<typeof recordStatusSchema>;

export const GENDERS = ['男', '女'] as const;
export const genderSchema = z.enum(GENDERS);

export const BRANCH_KINDS = ['school', 'office', 'joint'] as const;
export const branchKindSchema = z.enum(BRANCH_KINDS);

/** Who the caller is: the shape outside checks rely on. */
export const loginResultSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  branchId: z.string(),
  branchName: z.string(),
  roles: z.array(roleSchema),
});
export type LoginResult = z.infer<typeof loginResultSchema>;

/** The caller's own record, in full: a member always sees everything about themselves. */
export const myRecordSchema = loginResultSchema.extend({
  gender: genderSchema.nullable(),
  phone: z.string().nullable(),
  status: recordStatusSchema,
  joinedPartyAt: z.string().nullable(),
  partyGroupId: z.string().nullable(),
  partyGroupName: z.string().nullable(),
  position: z.string().nullable(),
  schools: z.array(z.string()),
  boundAt: z.string().nullable(),
  /** The 免于参加组织生活 covering today, if any: why they are left out of meetings' 应到. */
  exemption: z.object({ reasonName: z.string(), from: z.string(), to: z.string() }).nullable(),
});
export type MyRecord = z.infer<typeof myRecordSchema>;

/** The editable fields of a member, as a secretary fills them in or a roster row gives them. */
export const memberFieldsSchema = z
  .object({
    name: personNameSchema,
    status: memberStatusSchema,
    gender: genderSchema.nullable().optional(),
    phone: mobileSchema.nullable().optional(),
    joinedPartyAt: dateOnlySchema.nullable().optional(),
    partyGroupId: idSchema.nullable().optional(),
    position: z.string().trim().max(40, '职务不能超过 40 个字').nullable().optional(),
  })
  .strict();
export type MemberFields = z.infer<typeof memberFieldsSchema>;

/** A secretary adds to their own branch; a bureau admin names the branch. */
export const createMemberInput = memberFieldsSchema.extend({ branchId: idSchema.optional() }).strict();
export const updateMemberInput = z
  .object({
    memberId: idSchema,
    patch: memberFieldsSchema
      .partial()
      .strict()
      .refine((p) => Object.keys(p).length > 0, '没有要修改的内容'),
  })
  .strict();

export const LEAVE_REASONS = ['transfer_out', 'deceased', 'other'] as const;
export const deactivateMemberInput = z
  .object({
    memberId: idSchema,
    reason: z.enum(LEAVE_REASONS),
    /** The day the member stops counting in the branch's statistics. */
    effectiveDate: dateOnlySchema,
    note: z.string().trim().max(200).optional(),
  })
  .strict();

export const listMembersInput = pageInputSchema
  .extend({
    branchId: idSchema.optional(),
    keyword: keywordSchema.optional(),
    status: memberStatusSchema.optional(),
    partyGroupId: idSchema.optional(),
    includeInactive: z.boolean().optional(),
    /** Only members who have (true) or have not (false) bound a WeChat user. */
    bound: z.boolean().optional(),
  })
  .strict();

/**
 * One row of a roster. What a caller sees depends on who they are: fellow members see names only
 * (the other fields are null), the branch committee and bureau admins see everything, and a phone
 * number is masked for anyone outside the branch committee and the bureau.
 */
export const memberListItemSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  branchId: z.string(),
  status: recordStatusSchema.nullable(),
  gender: genderSchema.nullable(),
  phone: z.string().nullable(),
  joinedPartyAt: z.string().nullable(),
  partyGroupId: z.string().nullable(),
  partyGroupName: z.string().nullable(),
  position: z.string().nullable(),
  roles: z.array(roleSchema).nullable(),
  bound: z.boolean().nullable(),
  active: z.boolean(),
});
export type MemberListItem = z.infer<typeof memberListItemSchema>;

export const memberRefInput = z.object({ memberId: idSchema }).strict();

export const INVITE_CODE_LENGTH = 8;
/** Letters and digits that cannot be misread for one another on a phone screen or on paper. */
export const INVITE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const inviteCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .length(INVITE_CODE_LENGTH, `邀请码为 ${INVITE_CODE_LENGTH} 位`)
  .regex(new RegExp(`^[${INVITE_ALPHABET}]+$`), '邀请码只包含数字和大写字母');

export const inviteSchema = z.object({
  code: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  expiresAt: z.string(),
  /** The binding page's QR code as a data URL: a mini program code in production, a QR of the H5 page locally. */
  qrImage: z.string().nullable(),
});

export const setRolesInput = z
  .object({
    memberId: idSchema,
    roles: z.array(z.enum(['committee', 'secretary', 'admin'])).max(3),
  })
  .strict();

export const memberContract = {
  login: action(noInput, loginResultSchema),
  me: action(noInput, myRecordSchema),
  bind: action(z.object({ code: inviteCodeSchema }).strict(), loginResultSchema),
  create: action(createMemberInput, z.object({ memberId: z.string() })),
  update: action(updateMemberInput, memberListItemSchema),
  deactivate: action(deactivateMemberInput, memberListItemSchema),
  get: action(memberRefInput, memberListItemSchema),
  list: action(listMembersInput, pageOf(memberListItemSchema)),
  createInvite: action(memberRefInput, inviteSchema),
  unbind: action(memberRefInput, memberListItemSchema),
  setRoles: action(setRolesInput, memberListItemSchema),
  /** 免于参加组织生活: a member's exemptions (the member, their committee, the bureau). */
  exemptions: action(memberRefInput, exemptionListSchema),
  addExemption: action(addExemptionInput, exemptionSchema),
  endExemption: action(endExemptionInput, exemptionSchema),
};
