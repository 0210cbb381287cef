import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** Name of the database file inside the data folder. */
export const DATABASE_FILE = 'zhibu.sqlite';

const SCHEMA_VERSION = 1;

/** One document write: `body` is the encoded document, or null to delete it. */
export interface StoredWrite {
  collection: string;
  key: string;
  body: string | null;
}

export interface StoredDocument {
  key: string;
  body: string;
}

/**
 * Durable storage: one SQLite table of encoded documents per (collection, key), in insertion order.
 * WAL with synchronous=NORMAL: a committed transaction survives a killed process (it only risks
 * the last transactions on power loss), and every write batch is one SQLite transaction, so a
 * batch is either fully on disk or not at all.
 */
export class Store {
  private readonly db: Database.Database;
  private readonly selectCollection: Database.Statement<[string], StoredDocument>;
  private readonly selectCollections: Database.Statement<[], { name: string }>;
  private readonly upsertDocument: Database.Statement<[string, string, string]>;
  private readonly deleteDocument: Database.Statement<[string, string]>;
  private readonly insertCollection: Database.Statement<[string]>;
  private readonly applyBatch: (writes: readonly StoredWrite[]) => void;

  /** `dir` null keeps everything in memory (tests). */
  constructor(dir: string | null) {
    if (dir === null) {
      this.db = new Database(':memory:');
    } else {
      mkdirSync(dir, { recursive: true });
      this.db = new Database(join(dir, DATABASE_FILE), { timeout: 200 });
      // The engine caches documents in memory, so a second process writing the same file would
      // go unseen: hold the file exclusively and make a second opener fail instead.
      this.db.pragma('locking_mode = EXCLUSIVE');
      try {
        this.db.pragma('journal_mode = WAL');
      } catch (error) {
        this.db.close();
        throw new Error(`the data folder ${dir} is in use by another process`, { cause: error });
      }
      this.db.pragma('synchronous = NORMAL');
    }
    this.migrate();
    this.selectCollection = this.db.prepare('SELECT key, body FROM documents WHERE collection = ? ORDER BY seq');
    this.selectCollections = this.db.prepare('SELECT name FROM collections ORDER BY name');
    this.upsertDocument = this.db.prepare(
      'INSERT INTO documents (collection, key, body) VALUES (?, ?, ?) ON CONFLICT (collection, key) DO UPDATE SET body = excluded.body',
    );
    this.deleteDocument = this.db.prepare('DELETE FROM documents WHERE collection = ? AND key = ?');
    this.insertCollection = this.db.prepare('INSERT OR IGNORE INTO collections (name) VALUES (?)');
    this.applyBatch = this.db.transaction((writes: readonly StoredWrite[]) => {
      const created = new Set<string>();
      for (const write of writes) {
        if (!created.has(write.collection)) {
          this.insertCollection.run(write.collection);
          created.add(write.collection);
        }
        if (write.body === null) this.deleteDocument.run(write.collection, write.key);
        else this.upsertDocument.run(write.collection, write.key, write.body);
      }
    });
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true });
    if (version === SCHEMA_VERSION) return;
    if (version !== 0) throw new Error(`unknown database schema version ${String(version)}`);
    this.db.exec(`
      CREATE TABLE collections (name TEXT PRIMARY KEY) WITHOUT ROWID;
      CREATE TABLE documents (
        seq INTEGER PRIMARY KEY,
        collection TEXT NOT NULL,
        key TEXT NOT NULL,
        body TEXT NOT NULL,
        UNIQUE (collection, key)
      );
      PRAGMA user_version = ${SCHEMA_VERSION};
    `);
  }

  /** The documents of a collection in insertion order (its natural order). */
  load(collection: string): StoredDocument[] {
    return this.selectCollection.all(collection);
  }

  collections(): string[] {
    return this.selectCollections.all().map((row) => row.name);
  }

  createCollection(name: string): void {
    this.insertCollection.run(name);
  }

  /** Writes a batch atomically; returns once SQLite has committed it. */
  apply(writes: readonly StoredWrite[]): void {
    if (writes.length > 0) this.applyBatch(writes);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
