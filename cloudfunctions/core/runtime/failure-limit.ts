import { COLLECTIONS, type RateLimitDoc } from '@zhibu/types';
import { AppError } from './app-error';
import { database } from './cloud';
import { isDuplicateKeyError } from './db-errors';

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

/**
 * Takes one attempt before the work it guards. The decision is one conditional update: `taken`
 * grows only while it is below `max`, and the database applies each update atomically, so of any
 * number of parallel attempts exactly `max` go ahead (CloudBase's update does not return the new
 * value, so "increment, then read" would let a burst refuse itself entirely). When the update
 * takes nothing, either the window is full or its document does not exist yet: the attempt tries
 * to open the window, and if another attempt opened it in between, takes from it once more. Only
 * an update that finds an existing window full refuses. `count` records every attempt, refused
 * ones too.
 */
export async function takeAttempt(rule: FailureRule): Promise<void> {
  const { id, windowStart } = slot(rule);
  const db = database();
  const _ = db.command;
  const rateLimits = db.collection(COLLECTIONS.rateLimits);
  const take = async () =>
    updated(
      await rateLimits.where({ _id: id, taken: _.lt(rule.max) }).update({ data: { count: _.inc(1), taken: _.inc(1) } }),
    );
  if (await take()) return;
  try {
    const fresh: Omit<RateLimitDoc, '_id'> = { windowStart, count: 1, taken: 1 };
    await rateLimits.add({ data: { _id: id, ...fresh } });
    return;
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
  // The window exists: opened by a parallel attempt after the first update, or full.
  if (await take()) return;
  await rateLimits.doc(id).update({ data: { count: _.inc(1) } });
  throw new AppError('RATE_LIMITED', rule.message);
}

/** Gives back an attempt that turned out not to be a failure (a successful bind, say). */
export async function returnAttempt(rule: FailureRule): Promise<void> {
  const { id } = slot(rule);
  const _ = database().command;
  await database()
    .collection(COLLECTIONS.rateLimits)
    .doc(id)
    .update({ data: { count: _.inc(-1), taken: _.inc(-1) } });
}
