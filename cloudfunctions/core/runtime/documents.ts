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
