import { update as applyModifier } from 'mingo';
import { type Doc, type DocId, type Fields, assertStorableFields, isPlainObject } from './documents';
import { encodeDocument } from './ejson';
import { invalidParam } from './errors';
import { assertDocumentedUpdateOperator, assertEncodedCommands } from './operators';
import type { Criteria } from './query';
import { deepClone } from './clone';

export type UpdateSpec =
  { kind: 'operators'; modifier: Record<string, Record<string, unknown>> } | { kind: 'replace'; fields: Fields };

const touchesId = (path: string): boolean => path === '_id' || path.startsWith('_id.');

/**
 * `merge: true` (doc.update, where.update) carries update operators; `merge: false` (doc.set)
 * carries the whole new document without `_id`.
 */
export function parseUpdate(value: unknown, merge: boolean): UpdateSpec {
  if (!isPlainObject(value)) throw invalidParam('update data must be an object');
  const keys = Object.keys(value);
  if (!merge) {
    if (keys.some((key) => key.startsWith('$')))
      throw invalidParam('a replacement document must not contain update operators');
    if ('_id' in value) throw invalidParam('_id cannot be updated');
    assertStorableFields(value, 'data');
    return { kind: 'replace', fields: value };
  }
  if (keys.length === 0) throw invalidParam('update data is empty');
  const modifier: Record<string, Record<string, unknown>> = {};
  for (const op of keys) {
    if (!op.startsWith('$')) throw invalidParam(`update data mixes the plain field "${op}" with update operators`);
    assertDocumentedUpdateOperator(op);
    const spec = value[op];
    if (!isPlainObject(spec)) throw invalidParam(`${op} needs an object of field paths`);
    for (const [path, arg] of Object.entries(spec)) {
      if (touchesId(path) || (op === '$rename' && typeof arg === 'string' && touchesId(arg))) {
        throw invalidParam('_id cannot be updated');
      }
    }
    modifier[op] = spec;
  }
  assertEncodedCommands(modifier);
  return { kind: 'operators', modifier };
}

/** Positional `$` paths need the query that selected the document. */
function usesPositional(modifier: Record<string, Record<string, unknown>>): boolean {
  return Object.values(modifier).some((spec) => Object.keys(spec).some((path) => /\.\$(\.|$)/.test(path)));
}

/** Applies an update to a copy of the document; `changed` is false when nothing would be modified. */
export function applyUpdate(doc: Doc, spec: UpdateSpec, criteria: Criteria): { next: Doc; changed: boolean } {
  if (spec.kind === 'replace') {
    const next: Doc = { _id: doc._id, ...spec.fields };
    return { next, changed: encodeDocument(next) !== encodeDocument(doc) };
  }
  const next = deepClone(doc);
  const modified = applyModifier(next, spec.modifier, undefined, usesPositional(spec.modifier) ? criteria : undefined);
  assertStorableFields(next, 'data');
  return { next, changed: modified.length > 0 };
}

/** The document an upsert creates when nothing matched. */
export function upsertDocument(id: DocId, spec: UpdateSpec): Doc {
  if (spec.kind === 'replace') return { _id: id, ...spec.fields };
  return applyUpdate({ _id: id }, spec, {}).next;
}
