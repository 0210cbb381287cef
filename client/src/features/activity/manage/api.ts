import type { ActivityType, Audience } from '@zhibu/types';
import { callFunction } from '@/services';
import { uploadImage } from '@/services/upload';

interface ActivityFields {
  type: ActivityType;
  title: string;
  startAt: string;
  endAt: string;
  place: string;
  agenda: string;
}

/** The branch committee's calls. Each resolves to a Result, never throws. */
export const manageApi = {
  create: (fields: ActivityFields & { audience: Audience }) => callFunction('activity', 'create', fields),
  /** The bureau's push goes to each branch's whole membership: it takes no audience. */
  push: ({ type, title, startAt, endAt, place, agenda }: ActivityFields) =>
    callFunction('activity', 'push', { type, title, startAt, endAt, place, agenda }),
  update: (activityId: string, patch: Partial<ActivityFields & { audience: Audience }>) =>
    callFunction('activity', 'update', { activityId, patch }),
  checkinCode: (activityId: string) => callFunction('activity', 'checkinCode', { activityId }),
  attendance: (activityId: string) => callFunction('activity', 'attendance', { activityId }),
  reviewLeave: (activityId: string, memberId: string, approve: boolean, comment?: string) =>
    callFunction('activity', 'reviewLeave', { activityId, memberId, approve, ...(comment ? { comment } : {}) }),
  markAttendance: (activityId: string, memberId: string, state: 'present' | 'absent' | 'leave', reason: string) =>
    callFunction('activity', 'markAttendance', { activityId, memberId, state, reason }),
  saveMinutes: (activityId: string, text: string, photos: string[]) =>
    callFunction('activity', 'saveMinutes', { activityId, text, photos }),
  members: (page: number, pageSize: number, keyword: string) =>
    callFunction('member', 'list', { page, pageSize, ...(keyword ? { keyword } : {}) }),
  /** Into the branch's own minutes folder (`minutes/<branchId>/`), the only one saveMinutes accepts. */
  uploadMinutesPhoto: (branchId: string, filePath: string) =>
    uploadImage({ filePath, folder: 'minutes', group: branchId }),
};
