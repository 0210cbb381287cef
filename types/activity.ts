import { z } from 'zod';
import { action, noInput } from './api';
import { idSchema, pageInputSchema, pageOf } from './fields';

export const ACTIVITY_TYPES = [
  'party_congress',
  'committee',
  'group',
  'lecture',
  'theme_day',
  'life_meeting',
  'review',
  'other',
] as const;
export const activityTypeSchema = z.enum(ACTIVITY_TYPES);
export type ActivityType = z.infer<typeof activityTypeSchema>;

export const ACTIVITY_TYPE_NAMES: Record<ActivityType, string> = {
  party_congress: '支部党员大会',
  committee: '支委会',
  group: '党小组会',
  lecture: '党课',
  theme_day: '主题党日',
  life_meeting: '组织生活会',
  review: '民主评议党员',
  other: '其他活动',
};

/** An ISO 8601 time with its offset, e.g. 2026-11-25T15:00:00+08:00: never a zone-less local time. */
export const instantSchema = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/,
    '时间格式应为 ISO 8601 并带时区，例如 2026-11-25T15:00:00+08:00',
  )
  .refine((s) => !Number.isNaN(Date.parse(s)), '时间不存在');

export const audienceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('branch') }).strict(),
  z.object({ kind: z.literal('committee') }).strict(),
  z.object({ kind: z.literal('group'), partyGroupId: idSchema }).strict(),
  z.object({ kind: z.literal('members'), memberIds: z.array(idSchema).min(1).max(500) }).strict(),
]);
export type Audience = z.infer<typeof audienceSchema>;

const MAX_ACTIVITY_HOURS = 12;

/** At most this many other items one meeting may also count as. */
export const MAX_ALSO_COUNTS_AS = 3;
export const alsoCountsAsSchema = z
  .array(activityTypeSchema.refine((t) => t !== 'other', '“其他活动”不是考核项目'))
  .max(MAX_ALSO_COUNTS_AS, `同时计入的项目最多 ${MAX_ALSO_COUNTS_AS} 项`)
  .refine((types) => new Set(types).size === types.length, '同时计入的项目不能重复');

const activityFields = z
  .object({
    title: z.string().trim().min(2, '标题至少 2 个字').max(60, '标题不能超过 60 个字'),
    type: activityTypeSchema,
    startAt: instantSchema,
    endAt: instantSchema,
    place: z.string().trim().min(1, '请填写地点').max(60, '地点不能超过 60 个字'),
    agenda: z.string().trim().max(2000, '议程不能超过 2000 字').optional(),
    audience: audienceSchema.optional(),
    /**
     * What else the meeting counts as for the compliance calendar (a 主题党日 that is also the
     * quarter's 党课): its own type is never listed, nor any type twice; attendance counts once.
     */
    alsoCountsAs: alsoCountsAsSchema.optional(),
  })
  .strict();

function checkTimes<T extends { startAt?: string; endAt?: string; type?: ActivityType; alsoCountsAs?: ActivityType[] }>(
  schema: z.ZodType<T>,
) {
  return schema.superRefine((value, ctx) => {
    if (value.type && value.alsoCountsAs?.includes(value.type)) {
      ctx.addIssue({ code: 'custom', path: ['alsoCountsAs'], message: '同时计入的项目不能是活动本身的类型' });
    }
    if (!value.startAt || !value.endAt) return;
    const start = Date.parse(value.startAt);
    const end = Date.parse(value.endAt);
    if (end <= start) ctx.addIssue({ code: 'custom', path: ['endAt'], message: '结束时间应晚于开始时间' });
    if (end - start > MAX_ACTIVITY_HOURS * 3600_000) {
      ctx.addIssue({ code: 'custom', path: ['endAt'], message: `一次活动不超过 ${MAX_ACTIVITY_HOURS} 小时` });
    }
  });
}

export const createActivityInput = checkTimes(activityFields);
export const pushActivityInput = checkTimes(
  activityFields
    .omit({ audience: true })
    .extend({ branchIds: z.array(idSchema).min(1).max(300).optional() })
    .strict(),
);
export const updateActivityInput = z
  .object({ activityId: idSchema, patch: checkTimes(activityFields.partial().strict()) })
  .strict();
export const activityRefInput = z.object({ activityId: idSchema }).strict();

export const ATTENDANCE_STATES = ['present', 'leave', 'absent', 'pending_leave', 'expected'] as const;
export const myAttendanceStateSchema = z.enum(ATTENDANCE_STATES);

export const activitySummarySchema = z.object({
  activityId: z.string(),
  branchId: z.string(),
  title: z.string(),
  type: activityTypeSchema,
  startAt: z.string(),
  endAt: z.string(),
  place: z.string(),
  status: z.enum(['scheduled', 'cancelled']),
  expected: z.number().int(),
  present: z.number().int(),
  leave: z.number().int(),
  /** The caller's own standing, when they are expected; null otherwise. */
  myState: myAttendanceStateSchema.nullable(),
  hasMinutes: z.boolean(),
  /** Leave requests waiting for the committee; 0 for anyone who does not run the branch. */
  pendingLeave: z.number().int(),
  checkinOpensAt: z.string(),
  checkinClosesAt: z.string(),
});
export type ActivitySummary = z.infer<typeof activitySummarySchema>;

export const minutesSchema = z.object({
  text: z.string(),
  photos: z.array(z.object({ fileId: z.string(), url: z.string().nullable() })),
  savedAt: z.string(),
  savedByName: z.string(),
});

export const activityDetailSchema = activitySummarySchema.extend({
  agenda: z.string(),
  audience: audienceSchema,
  /** Other compliance items this meeting also counts as (its own type excluded). */
  alsoCountsAs: z.array(activityTypeSchema),
  createdByName: z.string(),
  canManage: z.boolean(),
  minutes: minutesSchema.nullable(),
  myLeave: z
    .object({ status: z.enum(['pending', 'approved', 'rejected']), reason: z.string(), late: z.boolean() })
    .nullable(),
  cancelReason: z.string().nullable(),
  /** The one reminder of an activity has been sent (SPEC: one reminder, no stream of pings). */
  reminderSent: z.boolean(),
  /** The party group's name when the audience is a party group. */
  audienceGroupName: z.string().nullable(),
});
export type ActivityDetail = z.infer<typeof activityDetailSchema>;

export const listActivitiesInput = pageInputSchema
  .extend({
    scope: z.enum(['upcoming', 'past']),
    /** Committee members see the branch's activities; `mine` narrows to those the caller is expected at. */
    mine: z.boolean().optional(),
    /** Bureau admins see every branch's activities; this narrows them to one branch. */
    branchId: idSchema.optional(),
  })
  .strict();

/**
 * 首页: what is on each person's plate today. `mine` is today's and the next activities the caller
 * is expected at; `manage` is the branch committee's to-do (null for anyone else).
 */
export const activityHomeSchema = z.object({
  mine: z.array(activitySummarySchema),
  manage: z
    .object({
      /** Leave requests waiting, over the branch's activities that are not cancelled. */
      pendingLeave: z.number().int(),
      pendingActivities: z.array(activitySummarySchema),
      today: z.array(activitySummarySchema),
      /** Ended, not cancelled, and no minutes yet (待补会议记录), most recent first. */
      withoutMinutes: z.array(activitySummarySchema),
      withoutMinutesTotal: z.number().int(),
    })
    .nullable(),
});
export type ActivityHome = z.infer<typeof activityHomeSchema>;

const person = z.object({ memberId: z.string(), name: z.string() });
export const attendanceSchema = z.object({
  activityId: z.string(),
  title: z.string(),
  expected: z.number().int(),
  present: z.number().int(),
  leave: z.number().int(),
  absent: z.number().int(),
  presentList: z.array(person.extend({ at: z.string(), source: z.enum(['scan', 'manual']) })),
  leaveList: z.array(person.extend({ reason: z.string() })),
  pendingLeaves: z.array(person.extend({ reason: z.string(), requestedAt: z.string(), late: z.boolean() })),
  absentList: z.array(person),
  changes: z.array(
    z.object({ memberName: z.string(), change: z.string(), reason: z.string(), byName: z.string(), at: z.string() }),
  ),
});
export type Attendance = z.infer<typeof attendanceSchema>;

export const checkinCodeSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  /** The server's clock when it answered: the countdown is `expiresAt − serverTime`, whatever the phone's clock says. */
  serverTime: z.string(),
  slotSeconds: z.number().int(),
  qrImage: z.string().nullable(),
  expected: z.number().int(),
  present: z.number().int(),
});

export const checkinResultSchema = z.object({
  activityId: z.string(),
  title: z.string(),
  checkedInAt: z.string(),
  alreadyCheckedIn: z.boolean(),
});

/** A check-in token: `<activityId>.<slot>.<mac>`, at most 32 characters of a mini program code's scene. */
export const checkinTokenSchema = z
  .string()
  .trim()
  .min(1, '请扫描签到二维码')
  .max(32, '签到码无效')
  .regex(/^[A-Za-z0-9_-]+\.[0-9a-z]+\.[A-Za-z0-9_-]+$/, '签到码无效');

export const myAttendanceItemSchema = z.object({
  activityId: z.string(),
  title: z.string(),
  type: activityTypeSchema,
  startAt: z.string(),
  state: myAttendanceStateSchema,
});

export const activityContract = {
  create: action(createActivityInput, z.object({ activityId: z.string() })),
  push: action(pushActivityInput, z.object({ activityIds: z.array(z.string()) })),
  update: action(updateActivityInput, activityDetailSchema),
  cancel: action(
    activityRefInput.extend({ reason: z.string().trim().max(200).optional() }).strict(),
    activityDetailSchema,
  ),
  list: action(listActivitiesInput, pageOf(activitySummarySchema)),
  home: action(noInput, activityHomeSchema),
  get: action(activityRefInput, activityDetailSchema),
  checkinCode: action(activityRefInput, checkinCodeSchema),
  checkin: action(z.object({ token: checkinTokenSchema }).strict(), checkinResultSchema),
  requestLeave: action(
    activityRefInput.extend({ reason: z.string().trim().min(2, '请写明请假原因').max(200) }).strict(),
    activityDetailSchema,
  ),
  reviewLeave: action(
    activityRefInput
      .extend({ memberId: idSchema, approve: z.boolean(), comment: z.string().trim().max(200).optional() })
      .strict(),
    attendanceSchema,
  ),
  markAttendance: action(
    activityRefInput
      .extend({
        memberId: idSchema,
        /** `leave` records the leave of a member who asked by phone: approved at once, and logged. */
        state: z.enum(['present', 'absent', 'leave']),
        reason: z.string().trim().min(2, '请写明原因').max(200),
      })
      .strict(),
    attendanceSchema,
  ),
  attendance: action(activityRefInput, attendanceSchema),
  myAttendance: action(pageInputSchema.strict(), pageOf(myAttendanceItemSchema)),
  saveMinutes: action(
    activityRefInput
      .extend({
        text: z.string().trim().min(10, '会议记录至少 10 个字').max(20_000),
        photos: z
          .array(
            z
              .string()
              .max(300)
              .regex(/^(cloud|local):\/\/[\w./-]+$/, '图片地址无效'),
          )
          .max(9, '最多 9 张照片'),
      })
      .strict(),
    activityDetailSchema,
  ),
  remind: action(activityRefInput, z.object({ sent: z.number().int(), skipped: z.number().int() })),
};
