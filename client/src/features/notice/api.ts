import type { ActionInput } from '@/services';
import { callFunction } from '@/services';
import { changeCounter } from '@/hooks/changes';

/** Every notice call the screens make, in one place. Each resolves to a Result, never throws. */
export const noticeApi = {
  list: (page: number, pageSize: number, box: 'inbox' | 'posted' = 'inbox') =>
    callFunction('notice', 'list', { page, pageSize, box }),
  get: (noticeId: string) => callFunction('notice', 'get', { noticeId }),
  confirm: (noticeId: string) => callFunction('notice', 'confirm', { noticeId }),
  create: (input: ActionInput<'notice', 'create'>) => callFunction('notice', 'create', input),
  update: (input: ActionInput<'notice', 'update'>) => callFunction('notice', 'update', input),
  withdraw: (noticeId: string, reason: string) => callFunction('notice', 'withdraw', { noticeId, reason }),
  receipts: (noticeId: string, branchId?: string) =>
    callFunction('notice', 'receipts', branchId ? { noticeId, branchId } : { noticeId }),
  remind: (noticeId: string) => callFunction('notice', 'remind', { noticeId }),
  posters: () => callFunction('notice', 'posters', {}),
  setPosters: (memberIds: string[]) => callFunction('notice', 'setPosters', { memberIds }),
};

const changes = changeCounter();

/** Bumped when this phone reads, confirms, posts or changes a notice, so open lists reload when shown. */
export const noteNoticeChanged = changes.mark;
export const noticeChangeCount = changes.count;
