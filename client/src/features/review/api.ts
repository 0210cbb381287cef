import type { ReviewGrade } from '@zhibu/types';
import type { ActionInput } from '@/services';
import { callFunction } from '@/services';

type OpenInput = ActionInput<'review', 'open'>;

/** Every 民主评议党员 call the screens make. Each resolves to a Result, never throws. */
export const reviewApi = {
  mine: () => callFunction('review', 'mine', {}),
  configure: (patch: ActionInput<'review', 'configure'>) => callFunction('review', 'configure', patch),
  ballot: (reviewId: string, page: number, pageSize: number) =>
    callFunction('review', 'ballot', { reviewId, page, pageSize }),
  selfAssess: (reviewId: string, text: string) => callFunction('review', 'selfAssess', { reviewId, text }),
  rate: (reviewId: string, memberId: string, grade: ReviewGrade) =>
    callFunction('review', 'rate', { reviewId, memberId, grade }),
  open: (input: OpenInput) => callFunction('review', 'open', input),
  close: (reviewId: string) => callFunction('review', 'close', { reviewId }),
  progress: (reviewId: string) => callFunction('review', 'progress', { reviewId }),
  sheet: (reviewId: string, page: number, pageSize: number) =>
    callFunction('review', 'sheet', { reviewId, page, pageSize }),
  committeeRate: (input: ActionInput<'review', 'committeeRate'>) => callFunction('review', 'committeeRate', input),
  publish: (reviewId: string) => callFunction('review', 'publish', { reviewId }),
  results: (reviewId: string, page: number, pageSize: number) =>
    callFunction('review', 'results', { reviewId, page, pageSize }),
  failing: (year: number, page: number, pageSize: number) =>
    callFunction('review', 'failing', { year, page, pageSize }),
};
