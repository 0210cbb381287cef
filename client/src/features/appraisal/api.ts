import type { ActionInput } from '@/services';
import { callFunction } from '@/services';

/** Every 述职评议 call the screens make. Each resolves to a Result, never throws. */
export const appraisalApi = {
  mine: (year: number) => callFunction('appraisal', 'mine', { year }),
  overview: (year: number, page: number, pageSize: number) =>
    callFunction('appraisal', 'overview', { year, page, pageSize }),
  open: (input: ActionInput<'appraisal', 'open'>) => callFunction('appraisal', 'open', input),
  close: (roundId: string) => callFunction('appraisal', 'close', { roundId }),
  submit: (input: ActionInput<'appraisal', 'submit'>) => callFunction('appraisal', 'submit', input),
  rate: (input: ActionInput<'appraisal', 'rate'>) => callFunction('appraisal', 'rate', input),
  issueCodes: (reportId: string, count: number) => callFunction('appraisal', 'issueCodes', { reportId, count }),
  teacherView: (code: string) => callFunction('appraisal', 'teacherView', { code }),
  teacherRate: (input: ActionInput<'appraisal', 'teacherRate'>) => callFunction('appraisal', 'teacherRate', input),
  export: (year: number) => callFunction('appraisal', 'export', { year }),
};
