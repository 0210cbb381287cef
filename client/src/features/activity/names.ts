import type { ActivitySummary, ActivityType, Audience } from '@zhibu/types';

/**
 * The Chinese names of activity types. A copy of ACTIVITY_TYPE_NAMES in the contract, kept here so
 * that the mini program does not bundle zod for a few strings; a component test keeps the two equal.
 */
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

/** The order a secretary picks from: 三会一课 first, then 主题党日. */
export const ACTIVITY_TYPE_ORDER: ActivityType[] = [
  'party_congress',
  'committee',
  'group',
  'lecture',
  'theme_day',
  'life_meeting',
  'review',
  'other',
];

/** The tag on a list row; 其他活动 reads as 其他 there. */
export function typeTag(type: ActivityType): string {
  return type === 'other' ? '其他' : ACTIVITY_TYPE_NAMES[type];
}

export type MyState = ActivitySummary['myState'];

/** Who is expected, in words: `支部全体党员`, `支部委员会成员`, `高一年级党小组`, `指定党员`. */
export function audienceLabel(audience: Audience, groupName?: (id: string) => string | undefined): string {
  switch (audience.kind) {
    case 'branch':
      return '支部全体党员';
    case 'committee':
      return '支部委员会成员';
    case 'group':
      return groupName?.(audience.partyGroupId) ?? '党小组';
    case 'members':
      return '指定党员';
  }
}

/** One line of the attendance change log: `王建国 将 刘洋 标记为到场`. */
export function describeChange(
  change: { byName: string; memberName: string; change: string },
  /** The page's word for not there: 未到 until the end, 缺席 after it. */
  absentWord: '未到' | '缺席' = '缺席',
): string {
  const { byName, memberName } = change;
  switch (change.change) {
    case 'marked_present':
      return `${byName} 将 ${memberName} 标记为到场`;
    case 'marked_absent':
      return `${byName} 将 ${memberName} 标记为${absentWord}`;
    case 'leave_approved':
      return `${byName} 批准了 ${memberName} 的请假`;
    case 'leave_rejected':
      return `${byName} 未批准 ${memberName} 的请假`;
    case 'leave_recorded':
      return `${byName} 为 ${memberName} 登记了请假`;
    default:
      return `${byName} 修改了 ${memberName} 的出勤`;
  }
}
