import { database } from './cloud';

/**
 * The part of a CloudBase transaction this code uses. Transactions on CloudBase work on single
 * documents by id (no queries), with snapshot isolation; the SDK retries a conflicting one up to
 * three times and then throws the conflict, which the caller sees as INTERNAL unless handled.
 */
export interface TxDocument {
  get(): Promise<unknown>;
  set(options: { data: object }): Promise<unknown>;
  update(options: { data: object }): Promise<unknown>;
  remove(): Promise<unknown>;
}
export interface Transaction {
  collection(name: string): { doc(id: string): TxDocument };
}

const ATTEMPTS = 3;

/**
 * Runs `work` in a transaction, again from the start if another transaction wrote the same
 * document first. The SDK's own retry never fires here: wx-server-sdk rewraps the conflict as
 * `{ errCode, errMsg }`, and the retry looks for the original `code`.
 */
export async function runTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
  const db = database() as unknown as {
    runTransaction(fn: (tx: Transaction) => Promise<T>, times?: number): Promise<T>;
  };
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.runTransaction(work, 0);
    } catch (error) {
      if (attempt >= ATTEMPTS || !isTransactionConflict(error)) throw error;
    }
  }
}

export function isTransactionConflict(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, errMsg, message } = error as { code?: unknown; errMsg?: unknown; message?: unknown };
  return (
    code === 'DATABASE_TRANSACTION_CONFLICT' ||
    [errMsg, message].some((text) => typeof text === 'string' && text.includes('DATABASE_TRANSACTION_CONFLICT'))
  );
}

/** A document read inside a transaction; a missing one is `null`, as outside. */
export async function txGet<T>(tx: Transaction, collection: string, id: string): Promise<T | null> {
  try {
    const { data } = (await tx.collection(collection).doc(id).get()) as { data: T | null | undefined };
    return data ?? null;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

function isNotFound(error: unknown): boolean {
  const text = error instanceof Error ? error.message : JSON.stringify(error);
  return /not ?exist|not ?found|不存在/i.test(text ?? '');
}
