import { Aggregator, Query } from 'mingo';
import type { Collection } from './collections';
import { type Doc, type Fields, isDocId, isPlainObject, keyOf } from './documents';
import { type FieldIndex, indexKey, indexTerms } from './indexes';

export type Criteria = Record<string, unknown>;
export type SortOrder = Record<string, 1 | -1>;

export interface FindOptions {
  order?: SortOrder;
  offset: number;
  limit: number;
  projection?: Record<string, unknown>;
}

function lookup(collection: Collection, ids: readonly unknown[]): Doc[] {
  const found: Doc[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    if (!isDocId(id)) continue;
    const key = keyOf(id);
    const doc = collection.docs.get(key);
    if (doc !== undefined && !seen.has(key)) {
      seen.add(key);
      found.push(doc);
    }
  }
  return found;
}

/**
 * Documents that can match, in natural order: an `_id` equality or `$in` is answered from the id
 * map; otherwise the equality (`$eq`, `$in`) conjunct whose index proposes the fewest documents
 * narrows them, as a database index would; with none, every document. The caller still tests each
 * candidate against the whole query.
 */
export function candidates(collection: Collection, criteria: Criteria): readonly Doc[] {
  const id = criteria['_id'];
  if (isDocId(id)) return lookup(collection, [id]);
  if (isPlainObject(id)) {
    const ops = Object.keys(id);
    if (ops.length === 1 && ops[0] === '$eq' && isDocId(id['$eq'])) return lookup(collection, [id['$eq']]);
    const list = id['$in'];
    if (ops.length === 1 && Array.isArray(list) && list.every(isDocId)) return lookup(collection, list);
  }
  let best: { index: FieldIndex; values: string[]; count: number } | undefined;
  for (const term of indexTerms(criteria)) {
    const index = collection.index(term.field);
    if (index === undefined) continue;
    const values = term.values.map(indexKey);
    const count = index.count(values);
    if (best === undefined || count < best.count) best = { index, values, count };
  }
  if (best === undefined || best.count >= collection.docs.size) return collection.all();
  return collection.inOrder(best.index.keys(best.values));
}

/** Matching documents in natural order (the engine's own objects: read them, never change them). */
export function filterDocuments(collection: Collection, criteria: Criteria, max = Infinity): Doc[] {
  const source = candidates(collection, criteria);
  const keys = Object.keys(criteria);
  if (keys.length === 0 || (keys.length === 1 && isDocId(criteria['_id']))) return source.slice(0, max);
  const query = new Query(criteria);
  const matched: Doc[] = [];
  for (const doc of source) {
    if (matched.length >= max) break;
    if (query.test(doc)) matched.push(doc);
  }
  return matched;
}

export function countDocuments(collection: Collection, criteria: Criteria): number {
  return filterDocuments(collection, criteria).length;
}

/** MongoDB puts `_id` first in projected documents; mingo appends it. */
function idFirst(doc: Fields): Fields {
  if (!('_id' in doc) || Object.keys(doc)[0] === '_id') return doc;
  const { _id, ...rest } = doc;
  return { _id, ...rest };
}

export function projectDocuments(docs: readonly Fields[], projection: Record<string, unknown>): Fields[] {
  return new Query({}).find<Fields>(docs.slice(), projection).all().map(idFirst);
}

/** A `get()`: filter, then sort, skip and limit, then project (sorting sees unprojected fields). */
export function findDocuments(collection: Collection, criteria: Criteria, options: FindOptions): Fields[] {
  let docs: Fields[] = filterDocuments(collection, criteria);
  if (options.order !== undefined && Object.keys(options.order).length > 0) {
    docs = new Aggregator([{ $sort: options.order }]).run(docs);
  }
  docs = docs.slice(options.offset, options.offset + options.limit);
  return options.projection === undefined ? docs : projectDocuments(docs, options.projection);
}
