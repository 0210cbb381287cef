// What the main package's pages use. The committee's screens are in ./manage, imported only by the
// activity subpackage so that their code stays out of the main package.
export { ActivityDetailView } from './ActivityDetailView';
export { ActivityFeedView } from './ActivityFeedView';
export { ActivityToolbar } from './ActivityToolbar';
export { BranchFilter } from './BranchFilter';
export { CommitteeCards, MyActivitiesCard } from './home/ActivityHomeCards';
export { useActivityHome } from './home/useActivityHome';
export { noteActivityChanged } from './api';
export { Badge, TypeTag } from './Badge';
export { HistoryView, useHistory } from './HistoryView';
export { ACTIVITY_TYPE_NAMES, ACTIVITY_TYPE_ORDER, audienceLabel, typeTag } from './names';
export {
  ACTIVITY_PAGES,
  backToActivities,
  leavePage,
  openActivity,
  openCreateActivity,
  openHistory,
} from './navigation';
export { canManageActivities } from './roles';
export { stateBadge, historyBadge } from './state';
export type { Badge as BadgeData } from './state';
export { beijingClock, beijingDate, formatDateTime, formatDay, formatTimeRange, toBeijingIso } from './time';
export { useActivity } from './useActivity';
export { useActivityFeed } from './useActivityFeed';
export type { ActivityFeed } from './useActivityFeed';
