import { z } from 'zod';
import { action, noInput } from './api';

export const ROLES = ['member', 'committee', 'secretary', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const MEMBER_STATUSES = ['正式党员', '预备党员', '发展对象', '入党积极分子'] as const;
export const memberStatusSchema = z.enum(MEMBER_STATUSES);
export type MemberStatus = z.infer<typeof memberStatusSchema>;

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
  status: memberStatusSchema,
  joinedPartyAt: z.string().nullable(),
  partyGroupId: z.string().nullable(),
  partyGroupName: z.string().nullable(),
  position: z.string().nullable(),
  schools: z.array(z.string()),
  boundAt: z.string().nullable(),
});
export type MyRecord = z.infer<typeof myRecordSchema>;

export const memberContract = {
  login: action(noInput, loginResultSchema),
  me: action(noInput, myRecordSchema),
};
