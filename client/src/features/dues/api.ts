import type { ActionInput } from '@/services';
import { callFunction } from '@/services';

let writes = 0;
/** How many 党费 writes succeeded in this session: lists reload when it moved while they were hidden. */
export const duesWrites = () => writes;
async function counted<T extends { ok: boolean }>(call: Promise<T>): Promise<T> {
  const result = await call;
  if (result.ok) writes++;
  return result;
}

/** Every 党费 call the screens make. Each resolves to a Result, never throws. */
export const duesApi = {
  mine: (year: number) => callFunction('dues', 'mine', { year }),
  bases: (year: number, page: number, pageSize: number) => callFunction('dues', 'bases', { year, page, pageSize }),
  member: (memberId: string, year: number) => callFunction('dues', 'member', { memberId, year }),
  setBase: (input: ActionInput<'dues', 'setBase'>) => counted(callFunction('dues', 'setBase', input)),
  recordPayment: (input: ActionInput<'dues', 'recordPayment'>) => counted(callFunction('dues', 'recordPayment', input)),
  importBases: (year: number, fileId: string, mode: 'check' | 'commit') =>
    counted(callFunction('dues', 'importBases', { year, fileId, mode })),
  template: (year: number) => callFunction('dues', 'template', { year }),
  remind: () => callFunction('dues', 'remind', {}),
  publish: (quarter: string, reason?: string) =>
    callFunction('dues', 'publish', reason ? { quarter, reason } : { quarter }),
  board: (quarter: string) => callFunction('dues', 'board', { quarter }),
  overview: (year: number) => callFunction('dues', 'overview', { year }),
  export: (year: number) => callFunction('dues', 'export', { year }),
};
