import { COLLECTIONS, type RateLimitDoc } from '@zhibu/types';
import { AppError } from './app-error';
import { database } from './cloud';
import { isDuplicateKeyError } from './db-errors';
import { getDoc } from './documents';

/** How many failures of one kind one caller may have within a window, and what they are told after. */
export interface FailureRule {
  /** The caller and the kind, e.g. `bind_<openid>`; each window has its own document under it. */
  id: string;
  max: number;
  windowMs: number;
  message: string;
}

/** One document per caller, kind and fixed window, so a new window starts at zero without a reset. */
function slot(rule: FailureRule, now = Date.now()): { id: string; windowStart: Date } {
  const index = Math.floor(now / rule.windowMs);
  return { id: `${rule.id}@${index}`, windowStart: new Date(index * rule.windowMs) };
}

const updated = (result: unknown) => (result as { stats: { updated: number } }).stats.updated > 0;

async function add(id: string, windowStart: Date, by: number): Promise<void> {
  const db = database();
  const doc = db.collection(COLLECTIONS.rateLimits).doc(id);
  if (updated(await doc.update({ data: { count: db.command.inc(by) } }))) return;
  try {
    const fresh: Omit<RateLimitDoc, '_id'> = { windowStart, count: by };
    await db.collection(COLLECTIONS.rateLimits).add({ data: { _id: id, ...fresh } });
  } catch (error) {
    // Another attempt created the window's document first: count into it.
    if (!isDuplicateKeyError(error)) throw error;
    await doc.update({ data: { count: db.command.inc(by) } });
  }
}

/**
 * Takes one attempt before the work it guards: counts it atomically (`_.inc`), then reads the
 * count. CloudBase's update does not return the new value, so the read stands in for it: it is at
 * least this attempt's own number, and an attempt is refused when it reads more than `max`. Of any
 * number of parallel attempts, at most `max` therefore go ahead, and every one is counted.
 */
export async function takeAttempt(rule: FailureRule): Promise<void> {
  const { id, windowStart } = slot(rule);
  await add(id, windowStart, 1);
  const doc = await getDoc<RateLimitDoc>(COLLECTIONS.rateLimits, id);
  if (!doc || doc.count > rule.max) throw new AppError('RATE_LIMITED', rule.message);
}

/** Gives back an attempt that turned out not to be a failure (a successful bind, say). */
export async function returnAttempt(rule: FailureRule): Promise<void> {
  const { id, windowStart } = slot(rule);
  await add(id, windowStart, -1);
}
