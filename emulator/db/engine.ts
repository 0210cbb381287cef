import { randomBytes } from 'node:crypto';
import { ACTIONS, type EngineContext } from './actions';
import { Collections, validateCollectionName } from './collections';
import { isPlainObject } from './documents';
import { EngineError, toEngineError, unsupported } from './errors';
import { TRANSACTION_LIFETIME_MS } from './limits';
import { Payload } from './payload';
import { Store } from './store';
import { Transactions } from './transactions';

export interface Engine {
  /** Answers one `TcbDBApiHttpRequester.send(action, data)`: resolves to its response, or rejects with an EngineError. */
  handle(action: string, data: unknown): Promise<unknown>;
  /** Monotonically increasing count of committed document writes (insert, update, remove). */
  totalChanges(): number;
  close(): void;
}

export interface EngineOptions {
  /** Folder for `zhibu.sqlite` (created if missing); null keeps the database in memory. */
  dir: string | null;
  /**
   * Collections to create when they do not exist yet, as an operator creates them in the CloudBase
   * console before go-live. Every other collection is refused until `db.createCollection()`.
   */
  collections?: readonly string[];
}

const END_ACTIONS = new Set(['database.commitTransaction', 'database.abortTransaction']);

function transactionOf(data: unknown): string | undefined {
  const id = isPlainObject(data) ? data['transactionId'] : undefined;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

export function openEngine(opts: EngineOptions): Engine {
  const store = new Store(opts.dir);
  const collections = new Collections(store);
  for (const name of opts.collections ?? []) {
    if (!collections.exists(name)) collections.createCollection(validateCollectionName(name));
  }
  const transactions = new Transactions(collections, TRANSACTION_LIFETIME_MS);
  const ctx: EngineContext = { collections, transactions };
  const requestPrefix = randomBytes(4).toString('hex');
  let requests = 0;
  let closed = false;

  return {
    async handle(action, data) {
      requests += 1;
      const requestId = `local-${requestPrefix}-${requests}`;
      try {
        if (closed) throw new EngineError('LOCAL_RUNTIME_CLOSED', 'the database engine is closed');
        const run = Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
        if (run === undefined) throw unsupported(`the request action "${action}"`);
        const result = await run(ctx, new Payload(action, data, Date.now()));
        return { requestId, ...result };
      } catch (error) {
        const failure = toEngineError(error);
        failure.requestId = requestId;
        // As in MongoDB, a failed operation aborts its transaction, so a later commit cannot succeed.
        const transactionId = transactionOf(data);
        if (transactionId !== undefined && !END_ACTIONS.has(action) && transactions.isActive(transactionId)) {
          transactions.abort(transactionId);
        }
        throw failure;
      }
    },
    totalChanges: () => collections.totalChanges(),
    close() {
      if (closed) return;
      closed = true;
      transactions.abortAll();
      store.close();
    },
  };
}
