import type { ActionInput } from '@/services';
import { callFunction } from '@/services';

/** Every 发展党员 call the screens make. Each resolves to a Result, never throws. */
export const developmentApi = {
  list: (page: number, pageSize: number, stage?: ActionInput<'development', 'list'>['stage']) =>
    callFunction('development', 'list', stage ? { page, pageSize, stage } : { page, pageSize }),
  timeline: (candidateId: string) => callFunction('development', 'timeline', { candidateId }),
  mine: () => callFunction('development', 'mine', {}),
  record: (input: ActionInput<'development', 'record'>) => callFunction('development', 'record', input),
  due: () => callFunction('development', 'due', {}),
  /** Full members of the caller's branch, to choose the two sponsors from. */
  fullMembers: () => callFunction('member', 'list', { page: 1, pageSize: 50, status: '正式党员' }),
};
