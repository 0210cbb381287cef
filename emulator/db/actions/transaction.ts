import type { Action } from './context';

/** database.startTransaction; answers `{transactionId}` at the top level, where the SDK reads it. */
export const startTransaction: Action = (ctx) => ({ transactionId: ctx.transactions.start() });

/** database.commitTransaction: makes every staged write visible at once, durably. */
export const commitTransaction: Action = (ctx, payload) => {
  ctx.transactions.commit(payload.string('transactionId'));
  return {};
};

/** database.abortTransaction: `rollback()`, also sent by runTransaction when its callback throws. */
export const abortTransaction: Action = (ctx, payload) => {
  ctx.transactions.abort(payload.string('transactionId'));
  return {};
};
