import type { ActionInput } from '@/services';
import { callFunction } from '@/services';

/**
 * Every statistics call the screens make, in one place. Each resolves to a Result, never throws.
 * Who may see what is decided by the server (stats.* in cloudfunctions/core/stats/access.ts).
 */
export const statsApi = {
  dashboard: (period: string) => callFunction('stats', 'dashboard', { period }),
  branch: (period: string, branchId?: string) =>
    callFunction('stats', 'branch', branchId ? { period, branchId } : { period }),
  compliance: (year: number, branchId?: string) =>
    callFunction('stats', 'compliance', branchId ? { year, branchId } : { year }),
  mine: (period: string, memberId?: string) => callFunction('stats', 'mine', { period, memberId }),
  export: (period: string) => callFunction('stats', 'export', { period }),
  inspection: (period: string) => callFunction('stats', 'inspection', { period }),
  adjust: (input: ActionInput<'stats', 'adjust'>) => callFunction('stats', 'adjust', input),
  rules: () => callFunction('stats', 'rules'),
  setRules: (rules: ActionInput<'stats', 'setRules'>['rules']) => callFunction('stats', 'setRules', { rules }),
};
