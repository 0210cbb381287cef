import type { z } from 'zod';
import type { ActivityType, Audience } from './activity';
import type { QuizMonthCounters } from './quiz-records';
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

export interface ActivityDoc {
  _id: string;
  branchId: string;
  title: string;
  type: ActivityType;
  startAt: Date;
  endAt: Date;
  place: string;
  agenda: string;
  audience: Audience;
  /** Who must attend, resolved when the activity is created or its audience changes. */
  expectedIds: string[];
  /** Members whose leave was approved; a later check-in still counts them present. */
  leaveIds: string[];
  status: 'scheduled' | 'cancelled';
  cancelReason: string | null;
  /** The Beijing-time month of `startAt` (YYYY-MM): which branch-month counter it counts in. */
  month: string;
  /** Set when the bureau pushed the same activity to many branches. */
  pushId: string | null;
  createdBy: string;
  createdByName: string;
  createdAt: Date;
  minutes: { text: string; photos: string[]; savedAt: Date; savedBy: string; savedByName: string } | null;
  reminderSentAt: Date | null;
}

/** One per member per activity: `_id` is `<activityId>_<memberId>`, so a second one cannot exist. */
export interface CheckinDoc {
  _id: string;
  activityId: string;
  memberId: string;
  branchId: string;
  state: 'present' | 'absent';
  source: 'scan' | 'manual';
  at: Date;
  by: string | null;
}

export interface LeaveDoc {
  _id: string;
  activityId: string;
  memberId: string;
  branchId: string;
  reason: string;
  status: 'pending' | 'approved' | 'rejected';
  requestedAt: Date;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  comment: string | null;
}

/** A manual change to attendance, kept with who made it and when. */
export interface AttendanceChangeDoc {
  _id: string;
  activityId: string;
  memberId: string;
  memberName: string;
  change: 'marked_present' | 'marked_absent' | 'leave_approved' | 'leave_rejected';
  reason: string;
  by: string;
  byName: string;
  at: Date;
}

export interface ActivityCounters {
  type: ActivityType;
  expected: number;
  present: number;
  leave: number;
}

/**
 * A branch's counters for one Beijing-time month, kept on write with `_.inc` so statistics read
 * one document per branch and month. `_id` is `<branchId>_<YYYY-MM>`.
 */
export interface BranchMonthDoc {
  _id: string;
  branchId: string;
  month: string;
  activities: Record<string, ActivityCounters>;
  held: Partial<Record<ActivityType, number>>;
  expected: number;
  present: number;
  leave: number;
  /** Quizzes opening this month: 应考 / 已考 / 通过 each, and their totals. */
  quizzes?: Record<string, QuizMonthCounters>;
  quizExpected?: number;
  quizTaken?: number;
  quizPassed?: number;
}

export const COLLECTIONS = {
  branches: 'branches',
  members: 'members',
  bindings: 'bindings',
  invites: 'invites',
  auditLogs: 'auditLogs',
  rateLimits: 'rateLimits',
  bureaus: 'bureaus',
  activities: 'activities',
  checkins: 'checkins',
  leaves: 'leaves',
  attendanceChanges: 'attendanceChanges',
  branchMonths: 'branchMonths',
  outbox: 'outbox',
  quizBanks: 'quizBanks',
  quizQuestions: 'quizQuestions',
  quizzes: 'quizzes',
  quizSeats: 'quizSeats',
  quizAttempts: 'quizAttempts',
  quizStats: 'quizStats',
  quizPractice: 'quizPractice',
} as const;
