import { randomBytes } from 'node:crypto';
import type { Collections, Write } from './collections';
import type { Doc, DocId } from './documents';
import { EngineError, transactionConflict } from './errors';

interface Transaction {
  readonly id: string;
  /** Staged writes by lock key; they become visible to others only on commit. */
  readonly writes: Map<string, Write>;
  /**
   * For each document committed by someone else after this transaction started: its value as of
   * the start. Reads use it (snapshot isolation) and a write to such a document is a conflict.
   */
  readonly snapshot: Map<string, Doc | null>;
  /** Lock keys this transaction holds (a lock may be held without a staged write, e.g. a no-op update). */
  readonly held: Set<string>;
  readonly finished: Promise<void>;
  readonly finish: () => void;
  readonly timer: NodeJS.Timeout;
}

const lockKey = (collection: string, key: string): string => `${collection}\u0000${key}`;

/** How many finished transaction ids are remembered, to tell "finished" from "never existed". */
const ENDED_MEMORY = 10_000;

/**
 * CloudBase transactions (documented): reads see a snapshot taken at the start; a write puts a
 * transaction lock on the document; a write by another transaction to a locked document fails at
 * once, while a non-transactional write waits until the lock is released; the writes become
 * visible atomically on commit. Only single-document operations run inside a transaction.
 */
export class Transactions {
  private readonly active = new Map<string, Transaction>();
  private readonly locks = new Map<string, Transaction>();
  private readonly ended = new Map<string, 'committed' | 'aborted'>();

  constructor(
    private readonly collections: Collections,
    private readonly lifetimeMs: number,
  ) {
    collections.beforeApply = (writes, current) => this.preserveSnapshots(writes, current);
  }

  start(): string {
    const id = randomBytes(12).toString('hex');
    let finish = (): void => {};
    const finished = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const timer = setTimeout(() => this.abort(id), this.lifetimeMs);
    timer.unref();
    this.active.set(id, { id, writes: new Map(), snapshot: new Map(), held: new Set(), finished, finish, timer });
    return id;
  }

  isActive(id: string): boolean {
    return this.active.has(id);
  }

  private require(id: string): Transaction {
    const tx = this.active.get(id);
    if (tx !== undefined) return tx;
    const state = this.ended.get(id);
    throw new EngineError(
      'DATABASE_TRANSACTION_FAIL',
      state === undefined
        ? `transaction ${id} does not exist`
        : `transaction ${id} is already ${state === 'committed' ? 'committed' : 'aborted (rolled back, failed or expired)'}`,
    );
  }

  /** The document as this transaction sees it: its own staged write, else the snapshot value. */
  read(id: string, collection: string, key: string): Doc | null {
    const tx = this.require(id);
    const lk = lockKey(collection, key);
    const staged = tx.writes.get(lk);
    if (staged !== undefined) return staged.doc;
    if (tx.snapshot.has(lk)) return tx.snapshot.get(lk) ?? null;
    return this.collections.get(collection).docs.get(key) ?? null;
  }

  /**
   * Takes the write lock on a document for this transaction. A conflict aborts the transaction
   * (as MongoDB does), so its other locks are released at once.
   */
  lock(id: string, collection: string, key: string, docId: DocId): void {
    const tx = this.require(id);
    const lk = lockKey(collection, key);
    const owner = this.locks.get(lk);
    if ((owner !== undefined && owner !== tx) || tx.snapshot.has(lk)) {
      this.end(tx, 'aborted');
      throw transactionConflict(collection, docId);
    }
    this.locks.set(lk, tx);
    tx.held.add(lk);
  }

  /** Stages a write on a document this transaction has locked. */
  stage(id: string, write: Write): void {
    const tx = this.require(id);
    tx.writes.set(lockKey(write.collection, write.key), write);
  }

  commit(id: string): void {
    const tx = this.require(id);
    this.active.delete(id);
    let outcome: 'committed' | 'aborted' = 'aborted';
    try {
      this.collections.commit(Array.from(tx.writes.values()));
      outcome = 'committed';
    } finally {
      this.end(tx, outcome);
    }
  }

  /** Rolls back. Rolling back a transaction that a conflict or a failure already aborted is a no-op. */
  abort(id: string): void {
    const tx = this.active.get(id);
    if (tx !== undefined) {
      this.end(tx, 'aborted');
      return;
    }
    if (this.ended.get(id) !== 'aborted') this.require(id);
  }

  /**
   * Resolves when none of the given documents is locked any more, or null at once when none is.
   * Callers re-check after waiting, since another transaction may have locked them meanwhile.
   */
  whenUnlocked(collection: string, keys: Iterable<string>): Promise<void> | null {
    for (const key of keys) {
      const owner = this.locks.get(lockKey(collection, key));
      if (owner !== undefined) return owner.finished;
    }
    return null;
  }

  abortAll(): void {
    for (const tx of Array.from(this.active.values())) this.end(tx, 'aborted');
  }

  private end(tx: Transaction, outcome: 'committed' | 'aborted'): void {
    this.active.delete(tx.id);
    clearTimeout(tx.timer);
    for (const lk of tx.held) if (this.locks.get(lk) === tx) this.locks.delete(lk);
    this.ended.set(tx.id, outcome);
    if (this.ended.size > ENDED_MEMORY) {
      const oldest = this.ended.keys().next();
      if (oldest.done !== true) this.ended.delete(oldest.value);
    }
    tx.finish();
  }

  private preserveSnapshots(writes: readonly Write[], current: (write: Write) => Doc | null): void {
    if (this.active.size === 0) return;
    for (const write of writes) {
      const lk = lockKey(write.collection, write.key);
      for (const tx of this.active.values()) {
        if (!tx.snapshot.has(lk) && !tx.writes.has(lk)) tx.snapshot.set(lk, current(write));
      }
    }
  }
}
