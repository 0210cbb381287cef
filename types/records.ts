import type { z } from 'zod';
import type { ActivityType, Audience } from './activity';
import type { QuizMonthCounters } from './quiz-records';
import type { branchKindSchema, genderSchema, RecordStatus, Role } from './member';
import type { NoticeCategory } from './notice';
import type { ExemptionReason } from './exemption';
import type { InspectionRuleKey } from './stats';
import type { AppraisalGrade } from './appraisal';

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
  /** Committee members (not secretaries) the secretary allows to post notices; absent: none. */
  noticePosters?: string[];
  createdAt: Date;
}

export interface MemberDoc {
  _id: string;
  branchId: string;
  name: string;
  gender: z.infer<typeof genderSchema> | null;
  phone: string | null;
  status: RecordStatus;
  joinedPartyAt: string | null;
  partyGroupId: string | null;
  position: string | null;
  roles: Role[];
  active: boolean;
  /** The WeChat user bound to this member, if any; the binding's own document makes it unique. */
  openid: string | null;
  boundAt: Date | null;
  /**
   * The one invite code that may still bind this record. A newer invite replaces it; binding,
   * unbinding and deactivating clear it, so an older code (on paper, say) stops working. Absent on
   * records that never had an invite.
   */
  inviteCode?: string | null;
  /**
   * The open 发展党员 candidacy (development/), if any: while it is set the member's status changes
   * only through the pipeline's steps. Absent on records that never had one.
   */
  candidacyId?: string | null;
  /** The open 组织关系转接 (transfer/), if any: one at a time. Absent on records that never had one. */
  transferId?: string | null;
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
  /** Every attempt in the window, refused ones included. */
  count: number;
  /** Attempts that were let through; never more than the rule's maximum. */
  taken: number;
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
  /** Other compliance items the meeting also counts as (never its own type); absent means none. */
  alsoCountsAs?: ActivityType[];
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
  /** Set when the one reminder is claimed, before anything is sent. */
  reminderSentAt: Date | null;
  /** Members WeChat accepted the reminder for (those who refused it, e.g. 43101, are not here). */
  remindedIds?: string[];
  /**
   * When a write that the counters follow (audience, leave list, month) last touched this
   * document; the recount leaves the activity alone until that write's counter bump has landed.
   */
  changedAt?: Date | null;
  /**
   * Set on the check-in session of a bureau training (core/training): it counts in the training
   * register, never in a branch's meeting counters.
   */
  training?: { id: string; startDate: string };
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
  /** Asked for after the start (a member held up on the way): allowed until the end, and shown as such. */
  late?: boolean;
  /** Recorded by the committee for a member who phoned in, rather than asked for in the app. */
  byHand?: boolean;
}

/** A manual change to attendance, kept with who made it and when. */
export interface AttendanceChangeDoc {
  _id: string;
  activityId: string;
  memberId: string;
  memberName: string;
  change: 'marked_present' | 'marked_absent' | 'leave_approved' | 'leave_rejected' | 'leave_recorded';
  reason: string;
  by: string;
  byName: string;
  at: Date;
}

export interface ActivityCounters {
  type: ActivityType;
  /** The activity's `alsoCountsAs` as counted in `held`/`minuted`; absent when it counts for its type alone. */
  also?: ActivityType[];
  expected: number;
  present: number;
  leave: number;
  /** Minutes were saved for it: with attendance recorded, its evidence for the compliance calendar. */
  minutes?: boolean;
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
  /** Of `held`, those whose minutes were saved (entries with `minutes: true`), by type. */
  minuted?: Partial<Record<ActivityType, number>>;
  /**
   * Of the counts in `held`, those that come from an entry's `also` list (one meeting counted for
   * another item too): Σheld − alsoHeld is the number of meetings. Absent means 0.
   */
  alsoHeld?: number;
  expected: number;
  present: number;
  leave: number;
  /**
   * Notices delivered to the branch and published this month (Beijing month of publication), by
   * notice id: 应读 fixed at publication, 已读, 已签收, and whether it asks for a confirmation; with
   * their totals. Kept on write next to the delivery's own counters (core/notice/month-counters.ts).
   */
  notices?: Record<string, NoticeMonthEntry>;
  noticeExpected?: number;
  noticeRead?: number;
  noticeConfirmed?: number;
  /** 应读 of the notices that ask for a confirmation: the confirmation rate's base. */
  noticeConfirmExpected?: number;
  /** Quizzes opening this month: 应考 / 已考 / 通过 each, and their totals. */
  quizzes?: Record<string, QuizMonthCounters>;
  quizExpected?: number;
  quizTaken?: number;
  quizPassed?: number;
  /** Study tasks due this month (by the Beijing month of their due date), kept like `activities`. */
  study?: {
    tasks: Record<string, StudyCounters>;
    expected: number;
    done: number;
    late: number;
  };
  /**
   * Each month's totals: written in the same update as the totals (core/stats/rollup.ts), read
   * from the year documents only; a month's document holds its own month here.
   */
  byMonth?: Record<string, MonthTotals>;
  /**
   * How many writes have changed each month's totals (`YYYY-MM` → n, absent means 0): every counter
   * write and every repair of a month's totals adds 1 under its month in the same update. The
   * bureau rollups of a year (BureauTrendDoc, BureauCumDoc) hold for a branch and month only while
   * its year document still has the count they were built at.
   */
  revs?: Record<string, number>;
  /** How many writes have changed the document at all (absent means 0), moved with `revs` and by every repair. */
  rev?: number;
}

/**
 * The totals of one branch-month (every field of BranchMonthDoc but its identity and its entries),
 * as a year document keeps them per month in `byMonth`.
 */
export type MonthTotals = Partial<
  Omit<
    BranchMonthDoc,
    '_id' | 'branchId' | 'month' | 'activities' | 'notices' | 'quizzes' | 'study' | 'byMonth' | 'rev'
  >
> & { study?: Partial<Omit<NonNullable<BranchMonthDoc['study']>, 'tasks'>> };

/**
 * A branch's year (`<branchId>_<YYYY>`, in branchMonths beside the months): every counter write
 * moves it in the same operation as the month's document, with the same paths, so it holds the same
 * entries and the year's totals, and in `byMonth` each month's totals
 * (core/stats/rollup.ts). A statistic over a whole year reads one document per branch.
 */
export interface BranchYearDoc extends Omit<BranchMonthDoc, 'month'> {
  year: string;
}

/** One notice's counters in a branch's month. */
export interface NoticeMonthEntry {
  expected: number;
  read: number;
  confirmed: number;
  /** The notice asks for 确认收到: its 应读 counts in `noticeConfirmExpected`. */
  confirm: boolean;
}

/** 应学 fixed when the task started, 已完成, and of those 逾期完成. */
export interface StudyCounters {
  expected: number;
  done: number;
  late: number;
}

export interface StudyTaskDoc {
  _id: string;
  branchId: string;
  title: string;
  material: { text: string; attachments: { fileId: string; name: string }[]; links: string[] };
  startAt: Date;
  dueAt: Date;
  /** The Beijing month of `dueAt`: which branch-month counter the task counts in. */
  month: string;
  audience: Audience;
  /** Who must study it, fixed when the task starts (empty until then, see `audienceFixedAt`). */
  expectedIds: string[];
  audienceFixedAt: Date | null;
  /** Members who said they are done, and those of them who were late: what a member's list reads. */
  doneIds: string[];
  lateIds: string[];
  reflectionMin: number | null;
  /** Set when the bureau sent the same task to many branches. */
  pushId: string | null;
  createdBy: string;
  createdByName: string;
  createdAt: Date;
}

/** One per member per task: `_id` is `<taskId>_<memberId>`, so a second one cannot exist. */
export interface StudyCompletionDoc {
  _id: string;
  taskId: string;
  memberId: string;
  memberName: string;
  branchId: string;
  taskTitle: string;
  completedAt: Date;
  updatedAt: Date;
  late: boolean;
  /** Plain text, shown as text and never as HTML. */
  reflection: string | null;
  comment: { text: string; by: string; byName: string; at: Date } | null;
  excellent: boolean;
  sharedAt: Date | null;
}

/** A member's own reading note: nobody else reads it, the bureau included. */
export interface StudyNoteDoc {
  _id: string;
  memberId: string;
  taskId: string | null;
  taskTitle: string | null;
  text: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A notice as posted: its content, once, whatever the number of branches it goes to. */
export interface NoticeDoc {
  _id: string;
  scope: 'branch' | 'bureau';
  /** The poster's branch for a branch notice; null for a bureau notice. */
  branchId: string | null;
  /** Every branch it was delivered to (one NoticeBranchDoc each). */
  branchIds: string[];
  /** A branch notice's audience as chosen; null for a bureau notice (whole branches). */
  audience: Audience | null;
  title: string;
  body: string;
  category: NoticeCategory;
  pinned: boolean;
  requireConfirm: boolean;
  confirmBy: Date | null;
  attachments: { fileId: string; name: string; size: number }[];
  status: 'published' | 'withdrawn';
  withdrawReason: string | null;
  withdrawnAt: Date | null;
  publishedAt: Date;
  updatedAt: Date | null;
  /** The Beijing-time month of publication, for the branch-month statistics. */
  month: string;
  createdBy: string;
  createdByName: string;
  /** Claimed before sending (one reminder per 24 h); `sentAt` once the send finished. */
  reminder: { claimedAt: Date; sentAt: Date | null; sent: number; failed: number } | null;
}

/**
 * One per notice and branch it went to: `_id` is `<noticeId>_<branchId>`, so a retried bureau
 * fan-out cannot deliver twice. Holds the audience fixed at publication and the branch's counters,
 * kept with `_.inc`; the list fields members sort and count by are copied here.
 */
export interface NoticeBranchDoc {
  _id: string;
  noticeId: string;
  branchId: string;
  month: string;
  audienceIds: string[];
  audienceCount: number;
  readCount: number;
  confirmedCount: number;
  pinned: boolean;
  requireConfirm: boolean;
  status: 'published' | 'withdrawn';
  publishedAt: Date;
}

/** One per (notice, member): `_id` is `<noticeId>_<memberId>`, so repeated opens give one record. */
export interface NoticeReceiptDoc {
  _id: string;
  noticeId: string;
  memberId: string;
  /** The branch whose audience the member was in when the notice was posted. */
  branchId: string;
  memberName: string;
  readAt: Date;
  confirmedAt: Date | null;
}

/** A bureau's statistics settings: `_id` is the bureau's id; the rules table of the compliance calendar. */
export interface StatsConfigDoc {
  _id: string;
  rules: { type: ActivityType; every: 'month' | 'quarter' | 'half' | 'year'; min: number }[];
  /** The inspection scheme (考评方案); the default 100-point scheme while absent. */
  scheme?: { key: InspectionRuleKey; name: string; points: number }[];
  updatedAt: Date;
  updatedBy: string;
}

/**
 * In `statsConfig`, `_id` `rollup_<YYYY>`: the hourly job (or jobs.recount with `years`) found every
 * branch's year document of that year equal to its months. Until then the statistics read that
 * year from the month documents (stats/counters.ts): data written before the year rollups existed
 * has months and no years.
 */
export interface YearRollupDoc {
  _id: string;
  year: string;
  rolledUpAt: Date;
}

/**
 * In `statsConfig`, `_id` `trend_<YYYY>`: a year's monthly trend summed over every branch's year
 * document by the hourly job (or jobs.recount with `years`), with each branch's `revs` as summed
 * (stats/bureau-rollup.ts). A month's sums are used only while no branch's count for that month
 * has moved; otherwise that month is summed afresh.
 */
export interface BureauTrendDoc {
  _id: string;
  year: string;
  /** The build that wrote this document and the year's BureauCumDoc documents. */
  build: string;
  /** The year documents summed, and the sum of their `rev`: while both are unchanged, no document of the year has moved. */
  docs: number;
  rev: number;
  /** The figures summed for each month, in order: `fields.length` numbers per month, January first. */
  fields: string[];
  sums: number[];
  /**
   * JSON of `[branchId, n of January, …, n of December][]`: each year document's `revs` as summed.
   * Kept as one string: every read decodes a document value by value, a string at once.
   */
  revs: string;
  builtAt: Date;
}

/**
 * In `statsConfig`, `_id` `cum_<YYYY-MM>`: each branch's totals from January of the year to that
 * month, built with the year's BureauTrendDoc (same `build`). The totals of any run of a year's
 * months are two such documents apart, whatever the run's length.
 */
export interface BureauCumDoc {
  _id: string;
  year: string;
  month: string;
  build: string;
  /** The figures, in order. */
  fields: string[];
  /** JSON of `[branchId, ...figures][]`, one string for the reason given at BureauTrendDoc `revs`. */
  branches: string;
  builtAt: Date;
}

/** An admin's adjustment of a branch's inspection score for a period, with its reason (also in the audit log). */
export interface StatsAdjustmentDoc {
  _id: string;
  period: string;
  branchId: string;
  points: number;
  reason: string;
  by: string;
  byName: string;
  at: Date;
}

/**
 * 免于参加组织生活, approved by the branch secretary (or the bureau). `_id` is time-ordered; the
 * audit log holds its approval and its end. It covers `fromAt` (00:00 Beijing on `from`) up to
 * `toAt` (24:00 Beijing on `to`); ending it early moves `to` and `toAt`.
 */
export interface ExemptionDoc {
  _id: string;
  memberId: string;
  memberName: string;
  branchId: string;
  reason: ExemptionReason;
  note: string | null;
  from: string;
  to: string;
  fromAt: Date;
  toAt: Date;
  status: 'active' | 'ended' | 'revoked';
  approvedBy: string;
  approvedByName: string;
  approvedAt: Date;
  endedAt: Date | null;
  endedBy: string | null;
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
  notices: 'notices',
  noticeBranches: 'noticeBranches',
  noticeReceipts: 'noticeReceipts',
  studyTasks: 'studyTasks',
  studyCompletions: 'studyCompletions',
  studyNotes: 'studyNotes',
  quizBanks: 'quizBanks',
  quizQuestions: 'quizQuestions',
  quizzes: 'quizzes',
  quizSeats: 'quizSeats',
  quizAttempts: 'quizAttempts',
  quizStats: 'quizStats',
  quizItems: 'quizItems',
  quizPractice: 'quizPractice',
  statsConfig: 'statsConfig',
  statsAdjustments: 'statsAdjustments',
  exemptions: 'exemptions',
  developmentCandidates: 'developmentCandidates',
  developmentConfig: 'developmentConfig',
  trainings: 'trainings',
  secretaryTerms: 'secretaryTerms',
  trainingConfig: 'trainingConfig',
  duesConfig: 'duesConfig',
  duesBases: 'duesBases',
  duesPayments: 'duesPayments',
  duesMonths: 'duesMonths',
  duesBranchYears: 'duesBranchYears',
  duesBoards: 'duesBoards',
  duesReminders: 'duesReminders',
  transfers: 'transfers',
  reviews: 'reviews',
  reviewMembers: 'reviewMembers',
  reviewBallots: 'reviewBallots',
  reviewConfig: 'reviewConfig',
  appraisalRounds: 'appraisalRounds',
  appraisalReports: 'appraisalReports',
  appraisalVotes: 'appraisalVotes',
  appraisalCodes: 'appraisalCodes',
} as const;

/** 述职评议: one round per year (`ap_<year>`), its secretaries fixed when it opened. */
export interface AppraisalRoundDoc {
  _id: string;
  year: number;
  /** Beijing calendar days, inclusive. */
  from: string;
  to: string;
  /** The reports of the round, in the order the bureau sees them. */
  reports: { reportId: string; secretaryId: string; branchId: string }[];
  closedAt: Date | null;
  openedBy: string;
  openedAt: Date;
}

/** One secretary's 述职 in a round: `<roundId>_<secretaryId>`. */
export interface AppraisalReportDoc {
  _id: string;
  roundId: string;
  year: number;
  secretaryId: string;
  secretaryName: string;
  branchId: string;
  branchName: string;
  /** The members who may rate it, fixed when the round opened (the secretary not among them). */
  raterIds: string[];
  text: string;
  attachments: { fileId: string; name: string; size: number }[];
  submittedAt: Date | null;
}

/**
 * One vote. `_id` is `m_`/`t_` and the keyed hash of (report, rater or code): nothing else about
 * the rater, and no time, so a vote cannot be joined with anything that names a person.
 */
export interface AppraisalVoteDoc {
  _id: string;
  roundId: string;
  reportId: string;
  source: 'member' | 'teacher';
  grade: AppraisalGrade;
}

/**
 * A teacher code, stored only as its keyed hash (`tc_<hash>`); the code itself is shown once. Its
 * use is the vote whose id derives from it, so nothing here changes when it is used.
 */
export interface AppraisalCodeDoc {
  _id: string;
  roundId: string;
  reportId: string;
  branchId: string;
}
