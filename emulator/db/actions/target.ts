import { type DocId, keyOf, requireDocId } from '../documents';
import { invalidParam } from '../errors';
import type { Criteria } from '../query';

export interface DocTarget {
  id: DocId;
  key: string;
}

/**
 * The document a `doc(id)` request addresses (`queryType: "DOC"`, query `{_id}`). Inside a
 * transaction only such requests are allowed: CloudBase transactions run single-document
 * operations only, never where() queries.
 */
export function docTarget(criteria: Criteria, queryType: string, inTransaction: boolean): DocTarget {
  if (queryType !== 'DOC') {
    if (inTransaction) {
      throw invalidParam(
        'where() queries cannot run inside a transaction; use doc(id) or add() (CloudBase allows single-document operations only)',
      );
    }
    throw invalidParam(`expected a doc(id) request, got queryType "${queryType}"`);
  }
  const keys = Object.keys(criteria);
  if (keys.length !== 1 || keys[0] !== '_id') throw invalidParam('a doc(id) request must query exactly {_id}');
  const id = requireDocId(criteria['_id'], 'doc(id)');
  return { id, key: keyOf(id) };
}
