import { database } from '../runtime/cloud';
import { MAX_PAGE } from '../runtime/documents';

export type Row = Record<string, unknown> & { _id: string | null };

/** One `$match` then one `$group` over a collection, in the database: one operation. */
export async function aggregate(collection: string, match: object, group: object): Promise<Row[]> {
  const { list } = (await database()
    .collection(collection)
    .aggregate()
    .match(match)
    .group(group)
    .limit(MAX_PAGE)
    .end()) as { list: Row[] };
  return list;
}
