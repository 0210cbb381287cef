import Taro from '@tarojs/taro';

/** Where each activity screen lives. Member screens are in the main package, the committee's in a subpackage. */
export const ACTIVITY_PAGES = {
  list: '/pages/activity/index',
  detail: '/pages/activity/detail/index',
  history: '/pages/activity/history/index',
  checkin: '/pages/checkin/index',
  edit: '/packages/activity/edit/index',
  qr: '/packages/activity/qr/index',
  attendance: '/packages/activity/attendance/index',
  minutes: '/packages/activity/minutes/index',
} as const;

const go = (url: string) => void Taro.navigateTo({ url });
const withId = (page: string, activityId: string) => `${page}?id=${encodeURIComponent(activityId)}`;

export const openActivity = (activityId: string) => go(withId(ACTIVITY_PAGES.detail, activityId));
export const openHistory = () => go(ACTIVITY_PAGES.history);
export const openCreateActivity = () => go(ACTIVITY_PAGES.edit);
export const openEditActivity = (activityId: string) => go(withId(ACTIVITY_PAGES.edit, activityId));
export const openCheckinCode = (activityId: string) => go(withId(ACTIVITY_PAGES.qr, activityId));
export const openAttendance = (activityId: string) => go(withId(ACTIVITY_PAGES.attendance, activityId));
export const openMinutes = (activityId: string) => go(withId(ACTIVITY_PAGES.minutes, activityId));
export const backToActivities = () => void Taro.switchTab({ url: ACTIVITY_PAGES.list });

/** Back one page, or to the 活动 tab when the page was opened directly (a shared link, a scan). */
export function leavePage(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else backToActivities();
}
