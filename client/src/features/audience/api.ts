import { callFunction } from '@/services';

/** The lists the audience pickers read: the caller's branch roster, and (for the bureau) the branches. */
export const audienceApi = {
  members: (page: number, pageSize: number, keyword: string) =>
    callFunction('member', 'list', { page, pageSize, ...(keyword ? { keyword } : {}) }),
  branches: (page: number, pageSize: number) => callFunction('org', 'branches', { page, pageSize }),
};
