import type { z } from 'zod';
import type { branchKindSchema, genderSchema, MemberStatus, Role } from './member';

/**
 * Documents as stored in the database. Dates are stored as Date (written with db.serverDate()
 * where the server's clock matters) and only turned into ISO strings at the API boundary.
 */
export interface BranchDoc {
  _id: string;
  name: string;
  kind: z.infer<typeof branchKindSchema>;
  /** The schools a branch covers; a joint branch (联合支部) covers several. */
  schools: string[];
  partyGroups: { id: string; name: string }[];
  active: boolean;
  /** Set when the branch was merged into another; its members moved there. */
  mergedInto?: string | null;
  createdAt: Date;
}

export interface MemberDoc {
  _id: string;
  branchId: string;
  name: string;
  gender: z.infer<typeof genderSchema> | null;
  phone: string | null;
  status: MemberStatus;
  joinedPartyAt: string | null;
  partyGroupId: string | null;
  position: string | null;
  roles: Role[];
  active: boolean;
  /** The WeChat user bound to this member, if any; the binding's own document makes it unique. */
  openid: string | null;
  boundAt: Date | null;
  /** When and why the member stopped counting in their branch (transfer out and the like). */
  leftAt: Date | null;
  leftReason: string | null;
  /**
   * Every branch the member has belonged to, oldest first; an entry lasts until the next one's
   * `from` (or `leftAt`). Statistics count a member where they were at the time.
   */
  branchHistory: { branchId: string; from: Date }[];
  createdAt: Date;
}

export interface InviteDoc {
  /** The code itself: the database refuses a second invite with the same code. */
  _id: string;
  memberId: string;
  branchId: string;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  usedBy: string | null;
}

/** Failed attempts of one kind by one caller within a window (e.g. wrong invite codes). */
export interface RateLimitDoc {
  _id: string;
  windowStart: Date;
  count: number;
}

/** `_id` is the OPENID, so the database itself refuses a second binding of one WeChat user. */
export interface BindingDoc {
  _id: string;
  memberId: string;
  createdAt: Date;
}

export const COLLECTIONS = {
  branches: 'branches',
  members: 'members',
  bindings: 'bindings',
  invites: 'invites',
  auditLogs: 'auditLogs',
  rateLimits: 'rateLimits',
  bureaus: 'bureaus',
} as const;
