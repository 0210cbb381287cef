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
