import { COLLECTIONS, type RateLimitDoc } from '@zhibu/types';
import { AppError } from './app-error';
import { database } from './cloud';
import { getDoc } from './documents';

/** How many failures of one kind one caller may have within a window, and what they are told after. */
export interface FailureRule {
  /** The rateLimits document, e.g. `bind_<openid>`. */
  id: string;
  max: number;
  windowMs: number;
  message: string;
}

const inWindow = (doc: RateLimitDoc, rule: FailureRule) =>
  Date.now() - new Date(doc.windowStart).getTime() < rule.windowMs;

/** Refuses with RATE_LIMITED once the caller has used up their failures in the current window. */
export async function refuseIfSpent(rule: FailureRule): Promise<void> {
  const doc = await getDoc<RateLimitDoc>(COLLECTIONS.rateLimits, rule.id);
  if (doc && inWindow(doc, rule) && doc.count >= rule.max) throw new AppError('RATE_LIMITED', rule.message);
}

/** Counts one failure, starting a new window when the last one has passed. */
export async function countFailure(rule: FailureRule): Promise<void> {
  const db = database();
  const doc = await getDoc<RateLimitDoc>(COLLECTIONS.rateLimits, rule.id);
  const limits = db.collection(COLLECTIONS.rateLimits).doc(rule.id);
  await (doc && inWindow(doc, rule)
    ? limits.update({ data: { count: db.command.inc(1) } })
    : limits.set({ data: { windowStart: new Date(), count: 1 } }));
}
