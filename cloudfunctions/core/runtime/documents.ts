import { database } from './cloud';

/**
 * Typed reads over the SDK's query builder. The SDK's typings allow the callback style's `void`
 * and an untyped document; every document here was written by this code as the record it is read
 * as, so the one cast lives here rather than at every call.
 */
interface Gettable {
  get(): unknown;
}
interface Countable {
  count(): unknown;
}

export async function getDoc<T>(collection: string, id: string): Promise<T | null> {
  const { data } = (await (database().collection(collection).doc(id).get() as unknown)) as {
    data: T | null | undefined;
  };
  return data ?? null;
}

export async function getDocs<T>(query: Gettable): Promise<T[]> {
  const { data } = (await query.get()) as { data: T[] };
  return data;
}

export async function countDocs(query: Countable): Promise<number> {
  const { total } = (await query.count()) as { total: number };
  return total;
}

/** The server SDK's largest page. */
export const MAX_PAGE = 1000;

interface Pageable {
  skip(n: number): { limit(n: number): Gettable };
}

/**
 * Every document a query matches, read page by page as CloudBase's limits require. `query` builds
 * the query afresh for each page; it must have a stable order.
 */
export async function getAllDocs<T>(query: () => Pageable): Promise<T[]> {
  const out: T[] = [];
  for (let skip = 0; ; skip += MAX_PAGE) {
    const page = await getDocs<T>(query().skip(skip).limit(MAX_PAGE));
    out.push(...page);
    if (page.length < MAX_PAGE) return out;
  }
}

export type SortKey = readonly [field: string, direction: 'asc' | 'desc'];

/**
 * One page of a list and how many documents match it, the shape every paged list answers with:
 * two operations whatever the size of the collection. `order` must end in a unique key or be
 * otherwise stable, or pages can repeat and skip documents.
 */
export async function pageOf<T>(
  collection: string,
  where: object,
  order: readonly SortKey[],
  request: { page: number; pageSize: number },
  fields?: Record<string, boolean | 0 | 1>,
): Promise<{ docs: T[]; total: number }> {
  const db = database();
  let query = db.collection(collection).where(where);
  for (const [field, direction] of order) query = query.orderBy(field, direction);
  const page = query.skip((request.page - 1) * request.pageSize).limit(request.pageSize);
  const [docs, total] = await Promise.all([
    getDocs<T>(fields ? page.field(fields) : page),
    countDocs(db.collection(collection).where(where)),
  ]);
  return { docs, total };
}

/**
 * The `name` of each document of some ids (branches, members), for lists that show names beside
 * ids: one read per thousand distinct ids, none for none.
 */
export async function namesById(collection: string, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const db = database();
  const out = new Map<string, string>();
  for (let i = 0; i < unique.length; i += MAX_PAGE) {
    const chunk = unique.slice(i, i + MAX_PAGE);
    const docs = await getDocs<{ _id: string; name: string }>(
      db
        .collection(collection)
        .where({ _id: db.command.in(chunk) })
        .field({ _id: true, name: true })
        .limit(chunk.length),
    );
    for (const d of docs) out.set(d._id, d.name);
  }
  return out;
}
