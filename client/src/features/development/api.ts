import type { ActionInput } from '@/services';
import { callFunction } from '@/services';

/** Every 发展党员 call the screens make. Each resolves to a Result, never throws. */
export const developmentApi = {
  list: (page: number, pageSize: number, stage?: ActionInput<'development', 'list'>['stage']) =>
    callFunction('development', 'list', stage ? { page, pageSize, stage } : { page, pageSize }),
  timeline: (candidateId: string) => callFunction('development', 'timeline', { candidateId }),
  mine: () => callFunction('development', 'mine', {}),
  start: (memberId: string, appliedAt: string) => callFunction('development', 'start', { memberId, appliedAt }),
  record: (input: ActionInput<'development', 'record'>) => callFunction('development', 'record', input),
  correct: (input: ActionInput<'development', 'correct'>) => callFunction('development', 'correct', input),
  due: () => callFunction('development', 'due', {}),
  sponsored: () => callFunction('development', 'sponsored', {}),
  pipeline: () => callFunction('development', 'pipeline', {}),
  /** The branch's full members, a page at a time, to choose the two sponsors from. */
  fullMembers: (page: number, pageSize: number, keyword: string) =>
    callFunction('member', 'list', { page, pageSize, status: '正式党员', ...(keyword ? { keyword } : {}) }),
  /** Roster members of one status who may start the pipeline (申请入党 or 入党积极分子). */
  applicants: (status: '申请入党' | '入党积极分子', page: number, pageSize: number, keyword: string) =>
    callFunction('member', 'list', { page, pageSize, status, ...(keyword ? { keyword } : {}) }),
};
