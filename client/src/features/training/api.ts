import type { ActionInput } from '@/services';
import { callFunction } from '@/services';

/** Every call of the training register's screens. Each resolves to a Result, never throws. */
export const trainingApi = {
  list: (page: number, pageSize: number) => callFunction('training', 'list', { page, pageSize }),
  get: (trainingId: string) => callFunction('training', 'get', { trainingId }),
  create: (input: ActionInput<'training', 'create'>) => callFunction('training', 'create', input),
  candidates: (page: number, pageSize: number, branchId?: string) =>
    callFunction('training', 'candidates', branchId ? { page, pageSize, branchId } : { page, pageSize }),
  overview: (page: number, pageSize: number) => callFunction('training', 'overview', { page, pageSize }),
  terms: (branchId?: string) => callFunction('training', 'terms', branchId ? { branchId } : {}),
  startTerm: (branchId: string, secretaryId: string, startDate: string) =>
    callFunction('training', 'startTerm', { branchId, secretaryId, startDate }),
  endTerm: (branchId: string, endDate: string) => callFunction('training', 'endTerm', { branchId, endDate }),
  mine: (page: number, pageSize: number) => callFunction('training', 'mine', { page, pageSize }),
};
