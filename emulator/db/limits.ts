/**
 * CloudBase's result-size and lifetime limits, reproduced so that code which would silently
 * truncate (or time out) in production does the same locally instead of passing its tests.
 */

/** `get()` without `limit()`: the server SDK asks for 100 documents and the server returns at most that. */
export const DEFAULT_GET_LIMIT = 100;

/** `limit(n)` above 1000 returns 1000. The SDK caps the request; the engine caps too, for other callers. */
export const MAX_GET_LIMIT = 1000;

/** An aggregation without a `$limit` stage returns only 20 documents on CloudBase. */
export const DEFAULT_AGGREGATE_LIMIT = 20;

/** A document larger than 512 KB is rejected on CloudBase (measured here on its stored form). */
export const MAX_DOCUMENT_BYTES = 512 * 1024;

/**
 * A transaction that is neither committed nor rolled back is aborted after this long, releasing
 * its locks; writers waiting on those locks then proceed.
 */
export const TRANSACTION_LIFETIME_MS = 10_000;
