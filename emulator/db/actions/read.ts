import { encodeDocument } from '../ejson';
import { isPlainObject } from '../documents';
import { invalidParam } from '../errors';
import { DEFAULT_GET_LIMIT, MAX_GET_LIMIT } from '../limits';
import { assertSupportedProjection, assertSupportedQuery } from '../operators';
import type { Payload } from '../payload';
import { type SortOrder, countDocuments, findDocuments, projectDocuments } from '../query';
import { type Action, existingCollection } from './context';
import { docTarget } from './target';

function sortOrder(value: unknown): SortOrder | undefined {
  if (value === undefined) return undefined;
  if (!isPlainObject(value)) throw invalidParam('order must be an object of field directions');
  const order: SortOrder = {};
  for (const [field, direction] of Object.entries(value)) {
    if (direction !== 1 && direction !== -1) throw invalidParam(`order of "${field}" must be 1 or -1`);
    order[field] = direction;
  }
  return order;
}

function projection(payload: Payload): Record<string, unknown> | undefined {
  const value = payload.optionalEjson('projection');
  if (value === undefined) return undefined;
  assertSupportedProjection(value);
  return value;
}

/** `limit` 0 or absent means the default page; anything above the maximum is cut to it. */
function pageSize(requested: number | undefined): number {
  if (requested === undefined || requested === 0) return DEFAULT_GET_LIMIT;
  return Math.min(requested, MAX_GET_LIMIT);
}

/** database.getDocument: `get()` of a query or of `doc(id)`; answers `{data: {list: [EJSON string]}}`. */
export const getDocument: Action = (ctx, payload) => {
  const collection = existingCollection(ctx, payload);
  const criteria = payload.ejsonObject('query', true);
  assertSupportedQuery(criteria);
  const fields = projection(payload);
  const transactionId = payload.optionalString('transactionId');
  if (transactionId !== undefined) {
    const { key } = docTarget(criteria, payload.optionalString('queryType') ?? 'WHERE', true);
    const doc = ctx.transactions.read(transactionId, collection, key);
    const list = doc === null ? [] : fields === undefined ? [doc] : projectDocuments([doc], fields);
    return { data: { list: list.map(encodeDocument) } };
  }
  const offset = payload.optionalInteger('offset') ?? 0;
  const limit = pageSize(payload.optionalInteger('limit'));
  const order = sortOrder(payload.optionalEjson('order'));
  const docs = findDocuments(ctx.collections.get(collection), criteria, {
    offset,
    limit,
    ...(order === undefined ? {} : { order }),
    ...(fields === undefined ? {} : { projection: fields }),
  });
  return { data: { list: docs.map(encodeDocument), offset, limit } };
};

/** database.calculateDocument: `count()`; answers `{data: {total}}`. */
export const calculateDocument: Action = (ctx, payload) => {
  const collection = existingCollection(ctx, payload);
  const criteria = payload.ejsonObject('query', true);
  assertSupportedQuery(criteria);
  if (payload.optionalString('transactionId') !== undefined) {
    throw invalidParam('count() cannot run inside a transaction (CloudBase allows single-document operations only)');
  }
  return { data: { total: countDocuments(ctx.collections.get(collection), criteria) } };
};
