import type { EngineContext } from './context';

export interface WritePlan<T> {
  /** Keys of the documents the write touches, computed from the committed state. */
  keys: Iterable<string>;
  /** Performs the write; runs synchronously right after the keys were found unlocked. */
  execute: () => T;
}

/**
 * Runs a non-transactional write once none of its documents carries a transaction lock: as on
 * CloudBase, such a write waits for the transaction to end instead of failing. The plan is made
 * again after each wait, since the documents may have changed.
 */
export async function whenUnlocked<T>(ctx: EngineContext, collection: string, plan: () => WritePlan<T>): Promise<T> {
  for (;;) {
    const next = plan();
    const wait = ctx.transactions.whenUnlocked(collection, next.keys);
    if (wait === null) return next.execute();
    await wait;
  }
}
