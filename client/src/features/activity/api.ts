import { callFunction } from '@/services';
import { changeCounter } from '@/hooks/changes';

/** Every activity call the screens make, in one place. Each resolves to a Result, never throws. */
export const activityApi = {
  list: (scope: 'upcoming' | 'past', page: number, pageSize: number, branchId?: string) =>
    callFunction('activity', 'list', { scope, page, pageSize, ...(branchId ? { branchId } : {}) }),
  home: () => callFunction('activity', 'home', {}),
  get: (activityId: string) => callFunction('activity', 'get', { activityId }),
  myAttendance: (page: number, pageSize: number) => callFunction('activity', 'myAttendance', { page, pageSize }),
  requestLeave: (activityId: string, reason: string) =>
    callFunction('activity', 'requestLeave', { activityId, reason }),
  cancel: (activityId: string, reason?: string) =>
    callFunction('activity', 'cancel', reason ? { activityId, reason } : { activityId }),
  remind: (activityId: string) => callFunction('activity', 'remind', { activityId }),
};

const changes = changeCounter();

/**
 * Bumped whenever this phone changes an activity (created, edited, cancelled, leave asked for, …),
 * so lists that are already open reload when they are shown again instead of on every show.
 */
export const noteActivityChanged = changes.mark;
export const activityChangeCount = changes.count;
