import fs from 'node:fs';
import path from 'node:path';
import { EngineError } from './db';
import { decodeWire } from './db/ejson';

export interface IndexDeclaration {
  collection: string;
  keys: Record<string, 1 | -1>;
}

type Direction = 1 | -1;

/** What a request asks of an index: the fields it filters on (those tested for equality apart) and its order. */
interface QueryShape {
  collection: string;
  /** Every field the filter constrains. */
  fields: Set<string>;
  /** The fields constrained to points (a value, `$eq`, `$in`): only these may precede the sort keys. */
  equal: Set<string>;
  sort: [string, Direction][];
}

/** Where the indexes are declared, as messages name it. */
export const INDEX_FILE = 'cloudfunctions/database-indexes.json';
const FILE = path.resolve(__dirname, '..', INDEX_FILE);
/** Collections only the local runtime writes (the subscribe-message outbox). */
const LOCAL_ONLY = new Set(['outbox']);
/** A query with more `$or` combinations than this is reported as it is, not expanded. */
const MAX_ALTERNATIVES = 16;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  !(value instanceof Date) &&
  !(value instanceof RegExp);

/**
 * A condition an index can serve as a set of points: a value, `$eq`, or `$in` (MongoDB merges the
 * sorted runs of each point, so such a field may precede the sort keys); ranges cannot.
 */
function isPointCondition(condition: unknown): boolean {
  if (!isObject(condition)) return true;
  const operators = Object.keys(condition).filter((key) => key.startsWith('$'));
  if (operators.length === 0) return true;
  return operators.length === 1 && (operators[0] === '$eq' || operators[0] === '$in');
}

interface Conjunction {
  fields: Set<string>;
  equal: Set<string>;
}

/**
 * The filter as alternatives, each a conjunction of fields: `$and` is flattened and each `$or`
 * multiplies the alternatives, since every branch of an `$or` needs an index of its own.
 */
function conjunctionsOf(query: unknown): Conjunction[] {
  let alternatives: Conjunction[] = [{ fields: new Set(), equal: new Set() }];
  const add = (field: string, condition: unknown): void => {
    for (const alternative of alternatives) {
      alternative.fields.add(field);
      if (isPointCondition(condition)) alternative.equal.add(field);
    }
  };
  const visit = (part: unknown): void => {
    if (!isObject(part)) return;
    for (const [key, value] of Object.entries(part)) {
      if (key === '$and' && Array.isArray(value)) value.forEach(visit);
      else if (key === '$or' && Array.isArray(value) && value.length > 0) {
        const next: Conjunction[] = [];
        for (const alternative of alternatives) {
          for (const branch of value) {
            for (const inner of conjunctionsOf(branch)) {
              next.push({
                fields: new Set([...alternative.fields, ...inner.fields]),
                equal: new Set([...alternative.equal, ...inner.equal]),
              });
            }
          }
        }
        if (next.length <= MAX_ALTERNATIVES) alternatives = next;
      } else if (!key.startsWith('$')) add(key, value);
    }
  };
  visit(query);
  return alternatives;
}

function sortOf(order: unknown): [string, Direction][] {
  if (!isObject(order)) return [];
  return Object.entries(order).map(([field, direction]) => [field, direction === -1 ? -1 : 1]);
}

/** The shapes of a request's query, or null for requests that query nothing (add, transactions). */
function shapesOf(action: string, data: unknown): QueryShape[] | null {
  if (!isObject(data)) return null;
  const { collectionName, query, order, stages } = data;
  if (typeof collectionName !== 'string') return null;
  const parse = (text: unknown): unknown =>
    typeof text === 'string' ? decodeWire(text, Date.now(), `${action} (index check)`) : undefined;
  let filter: unknown;
  let sort: [string, Direction][] = [];
  if (action === 'database.aggregateDocuments' && Array.isArray(stages)) {
    // The leading $match, and a $sort right after it (or first), are what an index can serve.
    const stage = (i: number): { stageKey?: unknown; stageValue?: unknown } | undefined =>
      isObject(stages[i]) ? (stages[i] as { stageKey?: unknown; stageValue?: unknown }) : undefined;
    let next = 0;
    if (stage(0)?.stageKey === '$match') {
      filter = parse(stage(0)?.stageValue);
      next = 1;
    }
    if (stage(next)?.stageKey === '$sort') sort = sortOf(parse(stage(next)?.stageValue));
  } else if (action === 'database.getDocument') {
    filter = parse(query);
    sort = sortOf(parse(order));
  } else if (['database.calculateDocument', 'database.modifyDocument', 'database.removeDocument'].includes(action)) {
    filter = parse(query);
  } else {
    return null;
  }
  return conjunctionsOf(filter).map((c) => ({ collection: collectionName, ...c, sort }));
}

/**
 * Whether an index serves a query. Without a sort, its first key must be filtered on. With a sort,
 * the index must also give the order: after some of its leading keys, each filtered on points,
 * its next keys are the sort keys in order, all in the index's directions or all reversed (as
 * MongoDB, under CloudBase, uses a compound index for a sort). A filter on `_id` is always served,
 * and every collection has the index on `_id`, which serves a sort on `_id` alone.
 */
function serves(keys: [string, Direction][], shape: QueryShape): boolean {
  const first = keys[0];
  if (first === undefined) return false;
  if (shape.fields.size > 0 && !shape.fields.has(first[0])) return false;
  if (shape.sort.length === 0) return true;
  for (let prefix = 0; prefix + shape.sort.length <= keys.length; prefix += 1) {
    if (prefix > 0 && !shape.equal.has(keys[prefix - 1]![0])) return false;
    const run = keys.slice(prefix, prefix + shape.sort.length);
    const same = run.every(([field, direction], i) => field === shape.sort[i]![0] && direction === shape.sort[i]![1]);
    const reversed = run.every(
      ([field, direction], i) => field === shape.sort[i]![0] && direction === -shape.sort[i]![1],
    );
    if (same || reversed) return true;
  }
  return false;
}

function describe(shape: QueryShape): string {
  const filter = shape.fields.size === 0 ? 'no filter' : `filter ${[...shape.fields].sort().join(', ')}`;
  const sort = shape.sort.map(([field, direction]) => `${field} ${direction === 1 ? 'asc' : 'desc'}`).join(', ');
  return `${shape.collection}: ${filter}${sort === '' ? '' : `; sort ${sort}`}`;
}

export type IndexCheckMode = 'warn' | 'fail';

/**
 * Checks each query against the declared indexes (filter and sort; see {@link serves}). On
 * CloudBase a query no index serves scans the collection or sorts it in memory, and on a large
 * collection it times out; locally it would pass unnoticed. In `warn` mode (the development
 * server) each such query is reported once on the console; in `fail` mode (tests) the request
 * fails with LOCAL_RUNTIME_UNINDEXED, so the test that made it fails. Both record it in `warnings`.
 */
export function createIndexCheck(declarations: IndexDeclaration[] = loadDeclarations(), mode: IndexCheckMode = 'warn') {
  const byCollection = new Map<string, [string, Direction][][]>();
  for (const { collection, keys } of declarations) {
    const list = byCollection.get(collection) ?? [[['_id', 1]]];
    list.push(Object.entries(keys));
    byCollection.set(collection, list);
  }
  const seen = new Set<string>();
  const warnings: string[] = [];
  return {
    warnings,
    check(action: string, data: unknown): void {
      let shapes: QueryShape[] | null;
      try {
        shapes = shapesOf(action, data);
      } catch {
        return; // a malformed request: the engine refuses it with a better message
      }
      for (const shape of shapes ?? []) {
        if (LOCAL_ONLY.has(shape.collection) || shape.fields.has('_id')) continue;
        if (shape.fields.size === 0 && shape.sort.length === 0) continue;
        if ((byCollection.get(shape.collection) ?? [[['_id', 1]]]).some((keys) => serves(keys, shape))) continue;
        const message = `no index declared in ${INDEX_FILE} serves the query on ${describe(shape)} (an index needs the filtered fields first, then the sort keys in order)`;
        if (!seen.has(message)) {
          seen.add(message);
          warnings.push(message);
          if (mode === 'warn') console.warn(`[index] ${message}`);
        }
        if (mode === 'fail') throw new EngineError('LOCAL_RUNTIME_UNINDEXED', message);
      }
    },
  };
}

function loadDeclarations(): IndexDeclaration[] {
  return (JSON.parse(fs.readFileSync(FILE, 'utf8')) as { indexes: IndexDeclaration[] }).indexes;
}
