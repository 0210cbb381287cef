import { EngineError } from '../errors';
import type { Action } from './context';

/**
 * database.addCollection: `db.createCollection(name)`. As on CloudBase, a collection must be
 * created before anything can be read from or written to it.
 */
export const addCollection: Action = (ctx, payload) => {
  const name = payload.collectionName();
  if (ctx.collections.exists(name)) {
    throw new EngineError('DATABASE_COLLECTION_ALREADY_EXIST', `collection ${name} already exists`);
  }
  ctx.collections.createCollection(name);
  return {};
};
