import type { Write } from '../collections';
import { type Doc, assertStorableFields, isPlainObject, keyOf, newDocId, requireDocId } from '../documents';
import { EngineError, duplicateKey, invalidParam, unsupported } from '../errors';
import { assertSupportedQuery } from '../operators';
import type { Payload } from '../payload';
import { filterDocuments } from '../query';
import { applyUpdate, parseUpdate, upsertDocument } from '../update';
import { type Action, existingCollection } from './context';
import { docTarget } from './target';
import { whenUnlocked } from './unlocked';

function newDocuments(payload: Payload): Doc[] {
  return payload.array('data').map((item) => {
    const fields = payload.ejsonItem(item, 'data');
    if (!isPlainObject(fields)) throw invalidParam('each document to add must be an object');
    assertStorableFields(fields, 'data');
    const id = '_id' in fields ? requireDocId(fields['_id'], 'add()') : newDocId();
    return { _id: id, ...fields };
  });
}

/**
 * database.insertDocument: `add()`, one document or several; answers `{data: {insertedIds}}`.
 *
 * A batch is NOT all-or-nothing, because CloudBase does not document that it is. WeChat's
 * Collection.add reference documents `data` as one object and a result with one `_id`
 * (developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-server-api/database/collection.add.html);
 * CloudBase's HTTP API "批量插入文档" inserts "one or more documents" and returns `insertedIds`,
 * with an optional transactionId, and says nothing of a batch in which one document fails
 * (docs.cloudbase.net/http-api/nosql/insert-documents). So the engine does what MongoDB's ordered
 * insert under CloudBase does: the documents are written one by one, in order, and the first
 * failure (a duplicate `_id`, a document over 512 KB) stops the batch, leaving those before it
 * written. Code that needs all of a batch or none of it must add it inside a transaction.
 * Malformed requests are still refused whole, before anything is written.
 */
export const insertDocument: Action = (ctx, payload) => {
  const collection = existingCollection(ctx, payload);
  const docs = newDocuments(payload);
  const result = { data: { insertedIds: docs.map((doc) => doc._id) } };
  const transactionId = payload.optionalString('transactionId');
  if (transactionId !== undefined) {
    for (const doc of docs) {
      const key = keyOf(doc._id);
      ctx.transactions.lock(transactionId, collection, key, doc._id);
      if (ctx.transactions.read(transactionId, collection, key) !== null) throw duplicateKey(collection, doc._id);
      ctx.transactions.stage(transactionId, { collection, key, doc });
    }
    return result;
  }
  return whenUnlocked(ctx, collection, () => ({
    keys: docs.map((doc) => keyOf(doc._id)),
    execute: () => {
      const existing = ctx.collections.get(collection).docs;
      docs.forEach((doc, written) => {
        const key = keyOf(doc._id);
        if (existing.has(key)) throw partialBatch(duplicateKey(collection, doc._id), written);
        try {
          ctx.collections.commit([{ collection, key, doc }]);
        } catch (error) {
          throw partialBatch(error, written);
        }
      });
      return result;
    },
  }));
};

/** Says how much of a batch was written before it stopped (as MongoDB reports nInserted). */
function partialBatch(error: unknown, written: number): unknown {
  if (written > 0 && error instanceof EngineError) {
    error.message += ` (the ${written} document(s) of the batch before this one were added)`;
  }
  return error;
}

/**
 * database.modifyDocument: `doc(id).update()` / `.set()` and `where().update()`; answers
 * `{data: {updated, upsert_id?}}` where `updated` counts documents actually changed.
 */
export const modifyDocument: Action = (ctx, payload) => {
  const collection = existingCollection(ctx, payload);
  const queryType = payload.optionalString('queryType') ?? 'WHERE';
  const criteria = payload.ejsonObject('query', true);
  assertSupportedQuery(criteria);
  const spec = parseUpdate(payload.optionalEjson('data'), payload.optionalBoolean('merge') ?? true);
  const upsert = payload.optionalBoolean('upsert') ?? false;
  const transactionId = payload.optionalString('transactionId');

  if (transactionId !== undefined) {
    const { id, key } = docTarget(criteria, queryType, true);
    const current = ctx.transactions.read(transactionId, collection, key);
    if (current === null && !upsert) return { data: { updated: 0 } };
    ctx.transactions.lock(transactionId, collection, key, id);
    if (current === null) {
      ctx.transactions.stage(transactionId, { collection, key, doc: upsertDocument(id, spec) });
      return { data: { updated: 0, upsert_id: id } };
    }
    const { next, changed } = applyUpdate(current, spec, criteria);
    if (changed) ctx.transactions.stage(transactionId, { collection, key, doc: next });
    return { data: { updated: changed ? 1 : 0 } };
  }

  if (queryType === 'DOC') {
    const { id, key } = docTarget(criteria, queryType, false);
    return whenUnlocked(ctx, collection, () => ({
      keys: [key],
      execute: () => {
        const current = ctx.collections.get(collection).docs.get(key);
        if (current === undefined) {
          if (!upsert) return { data: { updated: 0 } };
          ctx.collections.commit([{ collection, key, doc: upsertDocument(id, spec) }]);
          return { data: { updated: 0, upsert_id: id } };
        }
        const { next, changed } = applyUpdate(current, spec, criteria);
        if (changed) ctx.collections.commit([{ collection, key, doc: next }]);
        return { data: { updated: changed ? 1 : 0 } };
      },
    }));
  }

  // The SDK never sends these for where(); refuse rather than guess their server semantics.
  if (upsert) throw unsupported('upsert with a where() query');
  if (spec.kind === 'replace') throw unsupported('replacing the documents of a where() query');
  const multi = payload.optionalBoolean('multi') ?? true;
  return whenUnlocked(ctx, collection, () => {
    const matched = filterDocuments(ctx.collections.get(collection), criteria, multi ? Infinity : 1);
    return {
      keys: matched.map((doc) => keyOf(doc._id)),
      execute: () => {
        const writes: Write[] = [];
        for (const doc of matched) {
          const { next, changed } = applyUpdate(doc, spec, criteria);
          if (changed) writes.push({ collection, key: keyOf(doc._id), doc: next });
        }
        ctx.collections.commit(writes);
        return { data: { updated: writes.length } };
      },
    };
  });
};

/** database.removeDocument: `doc(id).remove()` and `where().remove()`; answers `{data: {deleted}}`. */
export const removeDocument: Action = (ctx, payload) => {
  const collection = existingCollection(ctx, payload);
  const queryType = payload.optionalString('queryType') ?? 'WHERE';
  const criteria = payload.ejsonObject('query', true);
  assertSupportedQuery(criteria);
  const transactionId = payload.optionalString('transactionId');

  if (transactionId !== undefined) {
    const { id, key } = docTarget(criteria, queryType, true);
    if (ctx.transactions.read(transactionId, collection, key) === null) return { data: { deleted: 0 } };
    ctx.transactions.lock(transactionId, collection, key, id);
    ctx.transactions.stage(transactionId, { collection, key, doc: null });
    return { data: { deleted: 1 } };
  }

  const multi = queryType === 'DOC' ? false : (payload.optionalBoolean('multi') ?? true);
  if (queryType === 'DOC') docTarget(criteria, queryType, false);
  return whenUnlocked(ctx, collection, () => {
    const matched = filterDocuments(ctx.collections.get(collection), criteria, multi ? Infinity : 1);
    const writes: Write[] = matched.map((doc) => ({ collection, key: keyOf(doc._id), doc: null }));
    return {
      keys: writes.map((write) => write.key),
      execute: () => {
        ctx.collections.commit(writes);
        return { data: { deleted: writes.length } };
      },
    };
  });
};
