import { randomBytes } from 'node:crypto';
import { invalidParam } from './errors';

/** CloudBase generates string ids; `doc(id)` also accepts numbers, so both are valid `_id`s. */
export type DocId = string | number;

export type Fields = Record<string, unknown>;

/** A stored document. Documents held by the engine are never mutated: every change makes a new object. */
export type Doc = Fields & { _id: DocId };

export function isPlainObject(value: unknown): value is Fields {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function isDocId(value: unknown): value is DocId {
  return (typeof value === 'string' && value.length > 0) || (typeof value === 'number' && Number.isFinite(value));
}

/** The map/SQLite key of an id; keeps `1` and `"1"` apart, as the database does. */
export function keyOf(id: DocId): string {
  return typeof id === 'string' ? `s:${id}` : `n:${id}`;
}

/** 32 hex characters, the shape of ids CloudBase assigns. */
export function newDocId(): string {
  return randomBytes(16).toString('hex');
}

export function requireDocId(value: unknown, where: string): DocId {
  if (!isDocId(value)) throw invalidParam(`${where}: _id must be a non-empty string or a finite number`);
  return value;
}

/**
 * Field names are checked on every stored document: a `$` prefix would be read as an operator and
 * `__proto__` would reach the prototype; CloudBase rejects both.
 */
export function assertStorableFields(value: unknown, path: string): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => assertStorableFields(item, `${path}.${index}`));
    return;
  }
  if (!isPlainObject(value)) return;
  for (const [name, field] of Object.entries(value)) {
    if (name.startsWith('$')) throw invalidParam(`field name "${path}.${name}" must not start with "$"`);
    if (name === '__proto__') throw invalidParam(`field name "${path}.${name}" is not allowed`);
    assertStorableFields(field, `${path}.${name}`);
  }
}
