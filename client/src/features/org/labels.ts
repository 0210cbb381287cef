import type { BranchSummary, MemberStatus } from '@zhibu/types';

/*
 * The choices the forms offer. They repeat the contract's lists (types/member.ts) rather than
 * importing them, so the pages do not carry the schema library; a client test keeps them in step.
 */

export const MEMBER_STATUS_OPTIONS: readonly MemberStatus[] = [
  '正式党员',
  '预备党员',
  '发展对象',
  '入党积极分子',
  '申请入党',
];

export const GENDER_OPTIONS = ['男', '女'] as const;
export type Gender = (typeof GENDER_OPTIONS)[number];

export type BranchKind = BranchSummary['kind'];
export const BRANCH_KIND_LABELS: Record<BranchKind, string> = {
  school: '学校党支部',
  office: '机关党支部',
  joint: '联合党支部',
};
export const BRANCH_KIND_OPTIONS: readonly BranchKind[] = ['school', 'joint', 'office'];

export type LeaveReason = 'transfer_out' | 'deceased' | 'other';
export const LEAVE_REASON_LABELS: Record<LeaveReason, string> = {
  transfer_out: '组织关系转出',
  deceased: '去世',
  other: '其他原因',
};
export const LEAVE_REASON_OPTIONS: readonly LeaveReason[] = ['transfer_out', 'deceased', 'other'];

/** Roles a bureau admin appoints; every member is a 党员 anyway. */
export type AppointedRole = 'secretary' | 'committee' | 'admin';
export const APPOINTED_ROLES: readonly AppointedRole[] = ['secretary', 'committee', 'admin'];
