import fs from 'node:fs';
import path from 'node:path';

interface IndexDeclaration {
  collection: string;
  keys: Record<string, 1 | -1>;
}

const FILE = path.resolve(__dirname, '../cloudfunctions/database-indexes.json');
/** Collections only the local runtime writes (the subscribe-message outbox). */
const LOCAL_ONLY = new Set(['outbox']);

function fieldsOf(query: unknown): string[] {
  if (!query || typeof query !== 'object' || Array.isArray(query)) return [];
  const fields: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (key === '$and' && Array.isArray(value)) fields.push(...value.flatMap(fieldsOf));
    else if (!key.startsWith('$')) fields.push(key);
  }
  return fields;
}

function queryOf(action: string, data: unknown): { collection: string; fields: string[] } | null {
  if (!data || typeof data !== 'object') return null;
  const { collectionName, query, stages } = data as { collectionName?: unknown; query?: unknown; stages?: unknown };
  if (typeof collectionName !== 'string') return null;
  const parse = (text: unknown): unknown => (typeof text === 'string' ? JSON.parse(text) : undefined);
  if (action === 'database.aggregateDocuments' && Array.isArray(stages)) {
    const first = stages[0] as { stageKey?: string; stageValue?: unknown } | undefined;
    return {
      collection: collectionName,
      fields: first?.stageKey === '$match' ? fieldsOf(parse(first.stageValue)) : [],
    };
  }
  if (
    [
      'database.getDocument',
      'database.calculateDocument',
      'database.modifyDocument',
      'database.removeDocument',
    ].includes(action)
  ) {
    return { collection: collectionName, fields: fieldsOf(parse(query)) };
  }
  return null;
}

/**
 * Checks each query against the declared indexes: a query is covered when it names `_id`, or the
 * first field of an index on its collection. On CloudBase an uncovered query scans the collection
 * and, on large ones, times out; locally it would pass unnoticed, so it is reported here (once per
 * collection and set of fields).
 */
export function createIndexCheck(declarations: IndexDeclaration[] = loadDeclarations()) {
  const leading = new Map<string, Set<string>>();
  for (const { collection, keys } of declarations) {
    const first = Object.keys(keys)[0];
    if (!first) continue;
    if (!leading.has(collection)) leading.set(collection, new Set());
    leading.get(collection)!.add(first);
  }
  const seen = new Set<string>();
  const warnings: string[] = [];
  return {
    warnings,
    check(action: string, data: unknown): void {
      const query = queryOf(action, data);
      if (!query || query.fields.length === 0 || LOCAL_ONLY.has(query.collection)) return;
      if (query.fields.includes('_id')) return;
      if (query.fields.some((f) => leading.get(query.collection)?.has(f))) return;
      const signature = `${query.collection}: ${[...new Set(query.fields)].sort().join(', ')}`;
      if (seen.has(signature)) return;
      seen.add(signature);
      const message = `no declared index covers a query on ${signature} (cloudfunctions/database-indexes.json)`;
      warnings.push(message);
      console.warn(`[index] ${message}`);
    },
  };
}

function loadDeclarations(): IndexDeclaration[] {
  return (JSON.parse(fs.readFileSync(FILE, 'utf8')) as { indexes: IndexDeclaration[] }).indexes;
}
