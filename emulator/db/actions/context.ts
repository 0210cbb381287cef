import type { Collections } from '../collections';
import type { Payload } from '../payload';
import type { Transactions } from '../transactions';

export interface EngineContext {
  readonly collections: Collections;
  readonly transactions: Transactions;
}

/** The response body of an action, without the `requestId` the engine adds. */
export type ActionResult = Record<string, unknown>;

export type Action = (ctx: EngineContext, payload: Payload) => ActionResult | Promise<ActionResult>;

/**
 * The collection a request names, once it is known to exist: CloudBase answers a read or write of
 * a collection that was not created with DATABASE_COLLECTION_NOT_EXIST before anything else,
 * inside a transaction too.
 */
export function existingCollection(ctx: EngineContext, payload: Payload): string {
  return ctx.collections.require(payload.collectionName());
}
