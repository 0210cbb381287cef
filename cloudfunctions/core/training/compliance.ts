import type { Light, SecretaryTrainingItem } from '@zhibu/types';
import { trainingReason } from './rules';

/**
 * The compliance item 书记培训 joined to a branch's light (the calendar and the dashboard call
 * this): a term that ended short of its trainings turns the light red and says why; a running one
 * asks for nothing yet (its end is not known in advance), and is shown with how many it still needs.
 */
export function withTrainingLight<T extends { light: Light; reasons: string[] }>(
  base: T,
  item: SecretaryTrainingItem | null | undefined,
): T {
  const found = item ? trainingReason(item) : null;
  if (!found) return base;
  if (base.light === 'red') return { ...base, reasons: [...base.reasons, found.reason] };
  // Red reasons come first, as lightOf orders them; the green one is dropped.
  const rest = base.light === 'yellow' ? base.reasons : [];
  return { ...base, light: 'red', reasons: [found.reason, ...rest] };
}
