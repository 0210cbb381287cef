/**
 * Errors the engine raises. `send` rejects with them the way @cloudbase/node-sdk rejects with its
 * TcbError (an Error with a string `code`, `message` and `requestId`), so the SDK code above the
 * seam takes exactly the path it takes in production.
 *
 * wx-server-sdk rewraps every such error as `<api>:fail <numeric errCode> ... . <message>` and drops
 * the string code, so each message starts with `[CODE]` to keep the code visible to function code.
 */
export type EngineErrorCode =
  /** a malformed request payload or an invalid argument */
  | 'INVALID_PARAM'
  /** a write that repeats an existing `_id` */
  | 'DATABASE_DUPLICATE_WRITE'
  /** a transactional write to a document another transaction holds or changed after the snapshot */
  | 'DATABASE_TRANSACTION_CONFLICT'
  /** a request on a transaction that is not active (committed, aborted or expired) */
  | 'DATABASE_TRANSACTION_FAIL'
  | 'DATABASE_COLLECTION_ALREADY_EXIST'
  /** a request on a collection that was never created (wx-server-sdk reports it as errCode -502005) */
  | 'DATABASE_COLLECTION_NOT_EXIST'
  /** any other failure of a request, including errors from the query engine */
  | 'DATABASE_REQUEST_FAILED'
  /** valid on CloudBase but not provided by the local runtime; never ignored silently */
  | 'LOCAL_RUNTIME_UNSUPPORTED'
  /** a query no declared index serves, refused by test runtimes (emulator/indexes.ts) */
  | 'LOCAL_RUNTIME_UNINDEXED'
  /** the engine was closed */
  | 'LOCAL_RUNTIME_CLOSED';

export class EngineError extends Error {
  readonly code: EngineErrorCode;
  requestId: string;

  constructor(code: EngineErrorCode, detail: string, options?: { cause?: unknown }) {
    super(`[${code}] ${detail}`, options);
    this.name = 'EngineError';
    this.code = code;
    this.requestId = '';
  }
}

export const invalidParam = (detail: string): EngineError => new EngineError('INVALID_PARAM', detail);

export const unsupported = (what: string): EngineError =>
  new EngineError('LOCAL_RUNTIME_UNSUPPORTED', `${what} is not supported by the local database runtime`);

/** Something MongoDB (and mingo) has but CloudBase does not document: code relying on it would fail or misbehave in production. */
export const undocumented = (what: string): EngineError =>
  new EngineError(
    'LOCAL_RUNTIME_UNSUPPORTED',
    `${what} is not documented by CloudBase, so the local database runtime refuses it`,
  );

export const duplicateKey = (collection: string, id: string | number): EngineError =>
  new EngineError(
    'DATABASE_DUPLICATE_WRITE',
    `E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: ${JSON.stringify(id)} }`,
  );

/**
 * CloudBase refuses every read and write of a collection that was not created first (error code
 * DATABASE_COLLECTION_NOT_EXIST, 操作集合不存在: docs.cloudbase.net/error-code/basic); wx-server-sdk
 * turns it into errCode -502005 "database collection not exists", and the server's own text is
 * "[ResourceNotFound] Db or Table not exist: <name>".
 */
export const collectionNotExist = (collection: string): EngineError =>
  new EngineError('DATABASE_COLLECTION_NOT_EXIST', `[ResourceNotFound] Db or Table not exist: ${collection}`);

export const transactionConflict = (collection: string, id: string | number): EngineError =>
  new EngineError(
    'DATABASE_TRANSACTION_CONFLICT',
    `write conflict on ${collection}/${JSON.stringify(id)}: another transaction holds it or changed it after this transaction started; the transaction was aborted`,
  );

/** Wraps anything thrown while serving a request so that `send` always rejects with an EngineError. */
export function toEngineError(error: unknown): EngineError {
  if (error instanceof EngineError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new EngineError('DATABASE_REQUEST_FAILED', detail, { cause: error });
}
