import type { ActionInput } from '@/services';
import { callFunction } from '@/services';

/** Every 组织关系转接 call the screens make. Each resolves to a Result, never throws. */
export const transferApi = {
  list: (page: number, pageSize: number, filter: Omit<ActionInput<'transfer', 'list'>, 'page' | 'pageSize'>) =>
    callFunction('transfer', 'list', { page, pageSize, ...filter }),
  start: (input: ActionInput<'transfer', 'start'>) => callFunction('transfer', 'start', input),
  accept: (transferId: string) => callFunction('transfer', 'accept', { transferId }),
  giveBack: (transferId: string, reason: string) => callFunction('transfer', 'return', { transferId, reason }),
  receive: (input: ActionInput<'transfer', 'receive'>) => callFunction('transfer', 'receive', input),
  branches: (page: number, pageSize: number) => callFunction('transfer', 'branches', { page, pageSize }),
  waiting: () => callFunction('transfer', 'waiting', {}),
  member: (memberId: string) => callFunction('member', 'get', { memberId }),
};
