import type { ActionInput } from '@/services';
import { callFunction } from '@/services';

/** The committee's and the bureau's study calls. */
export const manageStudyApi = {
  create: (input: ActionInput<'study', 'createTask'>) => callFunction('study', 'createTask', input),
  list: (page: number, pageSize: number) => callFunction('study', 'manageList', { page, pageSize }),
  progress: (taskId: string) => callFunction('study', 'progress', { taskId }),
  completion: (taskId: string, memberId: string) => callFunction('study', 'completion', { taskId, memberId }),
  comment: (taskId: string, memberId: string, text: string, excellent: boolean) =>
    callFunction('study', 'comment', { taskId, memberId, text, excellent }),
};
