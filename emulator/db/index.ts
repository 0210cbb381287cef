/**
 * The local CloudBase database: an embedded engine (mingo semantics over in-memory documents,
 * SQLite for durability) behind wx-server-sdk's own transport seam, so the production query code
 * is what runs locally.
 *
 * Behaviour worth knowing (each is covered by test/conformance):
 * - Every request wx-server-sdk 4.0.2 can send is answered: get/count/add/set/update/remove,
 *   where().update/remove, aggregate, createCollection and transactions. Anything else (geo
 *   operators and $geoNear, $where/$text/$jsonSchema, unknown operators or stages, ObjectId and
 *   other BSON types, updateAndReturn) is refused with LOCAL_RUNTIME_UNSUPPORTED naming it.
 * - Aggregation stages and update operators are allow-lists of what CloudBase documents (see
 *   operators.ts): MongoDB's $facet, $graphLookup, $redact, $replaceWith, the $set/$unset stages,
 *   $bit and $currentDate are refused although mingo could run them.
 * - CloudBase's limits are reproduced: get() returns 100 by default and 1000 at most, an
 *   aggregation without $limit returns 20, a document is at most 512 KB.
 * - As on CloudBase, a collection must be created (engine option `collections`, or
 *   `db.createCollection()`) before it is read or written: any request on another collection,
 *   inside a transaction or a `$lookup` too, fails with DATABASE_COLLECTION_NOT_EXIST (-502005).
 * - A duplicate `_id` fails with DATABASE_DUPLICATE_WRITE and "E11000 duplicate key error" in the
 *   message. Error messages start with `[CODE]` because wx-server-sdk keeps only the message.
 * - Transactions: snapshot reads; a write locks the document; another transaction's write to it
 *   fails at once with DATABASE_TRANSACTION_CONFLICT (and aborts that transaction), a plain write
 *   waits for the lock; any failed operation aborts its transaction; only doc()/add() run inside.
 * - add() of several documents is not all-or-nothing (CloudBase does not document it so): the
 *   batch is written in order and stops at its first failure, keeping what came before it.
 * - An equality, `eq` or `in` condition is answered from an index of that field, built on first use
 *   and kept up to date on every write; every candidate is still tested against the whole query, so
 *   results and their natural order are exactly those of a scan (test/unit/db/indexes.test.ts).
 * - Every write is committed to SQLite (WAL) before its request resolves. One engine per data
 *   folder: a second process opening it fails.
 */
export { openEngine, type Engine, type EngineOptions } from './engine';
export { installDatabaseSeam, uninstallDatabaseSeam, type SeamStats } from './seam';
export { EngineError, type EngineErrorCode } from './errors';
export { DATABASE_FILE } from './store';
export {
  DEFAULT_AGGREGATE_LIMIT,
  DEFAULT_GET_LIMIT,
  MAX_DOCUMENT_BYTES,
  MAX_GET_LIMIT,
  TRANSACTION_LIFETIME_MS,
} from './limits';
