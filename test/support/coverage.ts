import { contracts } from '@zhibu/types';

/**
 * Functions whose authorization (every action × every kind of caller, checking the data returned)
 * lives in a suite of their own under test/integration/<fn>/ rather than in the central matrix:
 * each of those suites proves, with `actionCoverage`, that it reached every action of its contract.
 */
export const OWN_AUTHORIZATION_SUITES = [
  'notice',
  'study',
  'quiz',
  'stats',
  'development',
  'training',
  'dues',
  'transfer',
  'review',
  'appraisal',
] as const;

/** Callers who must be refused something in every suite: outside the branch, or not even bound. */
const OUTSIDERS = new Set(['memberB', 'secretaryB', 'stranger', 'unbound']);

/**
 * Records which caller kinds a suite sent each action of `fn` to. `missing()` names the actions
 * never tried by a privileged caller and by an outsider — a suite that forgot an action fails.
 */
export function actionCoverage(fn: keyof typeof contracts) {
  const seen = new Map<string, Set<string>>();
  return {
    record(caller: string, action: string): void {
      const callers = seen.get(action) ?? new Set<string>();
      callers.add(caller);
      seen.set(action, callers);
    },
    missing(): string[] {
      return Object.keys(contracts[fn]).filter((action) => {
        const callers = [...(seen.get(action) ?? [])];
        return !callers.some((c) => OUTSIDERS.has(c)) || !callers.some((c) => !OUTSIDERS.has(c));
      });
    },
  };
}
