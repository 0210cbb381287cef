import { type Doc, isPlainObject } from './documents';

/**
 * Secondary equality indexes of the local engine, so that a query narrows its candidates the way
 * CloudBase's declared indexes do instead of testing every document. An index only ever proposes
 * candidates: mingo still tests each one against the whole query, so an index may propose too
 * much but must never leave out a document that matches.
 */

/** The values an index keys: `"1"` and `1` differ (as in the database), dates by their time. */
export type IndexValue = string | number | boolean | Date;

export function isIndexValue(value: unknown): value is IndexValue {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date;
}

/**
 * One key per value that mingo's equality (and `$in`) holds equal: same type, numbers as the Map
 * compares them (0 and -0 alike, NaN equal to itself), dates by their time.
 */
export function indexKey(value: IndexValue): string {
  if (typeof value === 'string') return `s${value}`;
  // `${-0}` is "0", as the Map and mingo's `$in` hold 0 and -0 equal.
  if (typeof value === 'number') return `n${value}`;
  if (typeof value === 'boolean') return value ? 'bt' : 'bf';
  return `d${value.getTime()}`;
}

/** What an index holds of one document at its path. */
interface Entries {
  keys: string[];
  /** The document can match values the index cannot key (an object, a nested array, an array reached midway). */
  always: boolean;
}

const NONE: Entries = { keys: [], always: false };
const ALWAYS: Entries = { keys: [], always: true };

/**
 * Missing and null values get no entry: a query value an index serves is never null, and a non-null
 * equality matches neither a missing field nor null. Arrays are multikey (each element, as MongoDB
 * indexes them); anything the index cannot key puts the document among those always proposed.
 */
function entriesAt(doc: Doc, path: readonly string[]): Entries {
  let value: unknown = doc;
  for (const segment of path) {
    if (value === undefined || value === null) return NONE;
    // Through an array, mingo matches the field of every element (and positions): not keyed here.
    if (!isPlainObject(value)) return ALWAYS;
    value = Object.hasOwn(value, segment) ? value[segment] : undefined;
  }
  if (value === undefined || value === null) return NONE;
  if (isIndexValue(value)) return { keys: [indexKey(value)], always: false };
  if (!Array.isArray(value)) return ALWAYS;
  const keys: string[] = [];
  let always = false;
  for (const item of value as unknown[]) {
    if (isIndexValue(item)) keys.push(indexKey(item));
    else if (item !== null && item !== undefined) always = true;
  }
  return { keys, always };
}

/** The documents (by map key) holding each value at one path. */
export class FieldIndex {
  private readonly byValue = new Map<string, Set<string>>();
  private readonly always = new Set<string>();
  private readonly path: readonly string[];

  constructor(readonly field: string) {
    this.path = field.split('.');
  }

  add(key: string, doc: Doc): void {
    const { keys, always } = entriesAt(doc, this.path);
    if (always) this.always.add(key);
    for (const value of keys) {
      let holders = this.byValue.get(value);
      if (holders === undefined) {
        holders = new Set();
        this.byValue.set(value, holders);
      }
      holders.add(key);
    }
  }

  remove(key: string, doc: Doc): void {
    const { keys, always } = entriesAt(doc, this.path);
    if (always) this.always.delete(key);
    for (const value of keys) {
      const holders = this.byValue.get(value);
      if (holders === undefined) continue;
      holders.delete(key);
      if (holders.size === 0) this.byValue.delete(value);
    }
  }

  /** An upper bound of the candidates for these values (a document may be counted more than once). */
  count(values: readonly string[]): number {
    let total = this.always.size;
    for (const value of values) total += this.byValue.get(value)?.size ?? 0;
    return total;
  }

  /** The keys of documents that may hold one of these values, possibly repeated, in no order. */
  *keys(values: readonly string[]): Iterable<string> {
    yield* this.always;
    for (const value of values) {
      const holders = this.byValue.get(value);
      if (holders !== undefined) yield* holders;
    }
  }
}

/** A field path an index can serve: plain field names, dotted for nested objects. */
export function isIndexablePath(field: string): boolean {
  return field.split('.').every((segment) => segment.length > 0 && !segment.startsWith('$'));
}

/** The values of a criteria entry an index can answer: an equality, `$eq` or `$in` of non-null scalars. */
export function equalityValues(condition: unknown): readonly IndexValue[] | undefined {
  if (isIndexValue(condition)) return [condition];
  if (!isPlainObject(condition)) return undefined;
  const ops = Object.keys(condition);
  // An object with a field that is not an operator is an equality with that whole object.
  if (ops.length === 0 || !ops.every((op) => op.startsWith('$'))) return undefined;
  const eq = condition['$eq'];
  if (isIndexValue(eq)) return [eq];
  const list = condition['$in'];
  if (Array.isArray(list) && list.every(isIndexValue)) return list as IndexValue[];
  return undefined;
}

/** One conjunct of a query that an index can answer. */
export interface IndexTerm {
  field: string;
  values: readonly IndexValue[];
}

/** The conjuncts of a query an index can answer, including those inside a top-level `$and`. */
export function indexTerms(criteria: Record<string, unknown>, out: IndexTerm[] = []): IndexTerm[] {
  for (const [field, condition] of Object.entries(criteria)) {
    if (field === '$and') {
      if (Array.isArray(condition)) for (const part of condition) if (isPlainObject(part)) indexTerms(part, out);
      continue;
    }
    if (!isIndexablePath(field)) continue;
    const values = equalityValues(condition);
    if (values !== undefined) out.push({ field, values });
  }
  return out;
}
