import { EngineError } from '../errors';
import type { Action } from './context';

/**
 * database.addCollection: `db.createCollection(name)`. Collections also come into being on their
 * first write locally, where CloudBase would need them created first.
 */
export const addCollection: Action = (ctx, payload) => {
  const name = payload.collectionName();
  if (ctx.collections.exists(name)) {
    throw new EngineError('DATABASE_COLLECTION_ALREADY_EXIST', `collection ${name} already exists`);
  }
  ctx.collections.createCollection(name);
  return {};
};
