import { decodeStored, encodeDocument } from './ejson';
import { type Doc, isPlainObject, requireDocId } from './documents';
import { EngineError, collectionNotExist, invalidParam } from './errors';
import { MAX_DOCUMENT_BYTES } from './limits';
import { FieldIndex } from './indexes';
import type { Store, StoredWrite } from './store';

/** A committed change to one document: the new document, or null when it is removed. */
export interface Write {
  collection: string;
  key: string;
  doc: Doc | null;
}

/** How many fields of one collection get an index; queries on further fields scan. */
const MAX_INDEXES = 32;

/**
 * The committed documents of one collection, parsed once and kept in memory, with equality indexes
 * built on first use for the fields queries name and kept up to date on every write.
 */
export class Collection {
  private list: Doc[] | null = null;
  private readonly indexes = new Map<string, FieldIndex>();
  /** Each key's place in natural order (the Map's insertion order); built with the first index. */
  private positions: Map<string, number> | null = null;
  private nextPosition = 0;

  constructor(
    readonly name: string,
    readonly docs: Map<string, Doc>,
  ) {}

  /** All documents in natural (insertion) order; the array is shared and must not be changed. */
  all(): readonly Doc[] {
    this.list ??= Array.from(this.docs.values());
    return this.list;
  }

  /** The equality index of a field path, built on first use; undefined past {@link MAX_INDEXES}. */
  index(field: string): FieldIndex | undefined {
    let index = this.indexes.get(field);
    if (index === undefined) {
      if (this.indexes.size >= MAX_INDEXES) return undefined;
      index = new FieldIndex(field);
      for (const [key, doc] of this.docs) index.add(key, doc);
      this.indexes.set(field, index);
    }
    return index;
  }

  /** The documents of these keys in natural order, each once; keys of no document are skipped. */
  inOrder(keys: Iterable<string>): Doc[] {
    if (this.positions === null) {
      this.positions = new Map();
      for (const key of this.docs.keys()) this.positions.set(key, this.nextPosition++);
    }
    const positions = this.positions;
    const placed: { at: number; doc: Doc }[] = [];
    const seen = new Set<string>();
    for (const key of keys) {
      if (seen.has(key)) continue;
      seen.add(key);
      const doc = this.docs.get(key);
      const at = positions.get(key);
      if (doc !== undefined && at !== undefined) placed.push({ at, doc });
    }
    placed.sort((a, b) => a.at - b.at);
    return placed.map((entry) => entry.doc);
  }

  /** @internal used by {@link Collections.commit} only */
  put(key: string, doc: Doc | null): void {
    const old = this.docs.get(key);
    for (const index of this.indexes.values()) {
      if (old !== undefined) index.remove(key, old);
      if (doc !== null) index.add(key, doc);
    }
    // As in the Map: a changed document keeps its place, a removed one that comes back goes last.
    if (this.positions !== null) {
      if (doc === null) this.positions.delete(key);
      else if (!this.positions.has(key)) this.positions.set(key, this.nextPosition++);
    }
    if (doc === null) this.docs.delete(key);
    else this.docs.set(key, doc);
    this.list = null;
  }
}

/** Called with each batch just before it becomes visible, while `current` still gives the old state. */
export type BeforeApply = (writes: readonly Write[], current: (write: Write) => Doc | null) => void;

export function validateCollectionName(name: string): string {
  // CloudBase collection names use letters, digits, "_" and "-"; anything else is refused, as there.
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(name)) throw invalidParam(`invalid collection name "${name}"`);
  return name;
}

/**
 * The committed state of every collection: loaded lazily from the store on first touch, then kept
 * in memory with write-through, so `_id` lookups are map lookups and queries scan parsed objects.
 */
export class Collections {
  private readonly cache = new Map<string, Collection>();
  /** Collections that were created; as on CloudBase, no other collection can be read or written. */
  private readonly created: Set<string>;
  private changes = 0;
  beforeApply: BeforeApply | null = null;

  constructor(private readonly store: Store) {
    this.created = new Set(store.collections());
  }

  /** A created collection; any other name fails with DATABASE_COLLECTION_NOT_EXIST, as on CloudBase. */
  get(name: string): Collection {
    let collection = this.cache.get(name);
    if (collection === undefined) {
      if (!this.created.has(name)) throw collectionNotExist(name);
      const docs = new Map<string, Doc>();
      for (const row of this.store.load(name)) {
        const doc = decodeStored(row.body);
        if (!isPlainObject(doc))
          throw new EngineError('DATABASE_REQUEST_FAILED', `corrupt document ${name}/${row.key}`);
        docs.set(row.key, { ...doc, _id: requireDocId(doc['_id'], `stored document ${name}/${row.key}`) });
      }
      collection = new Collection(name, docs);
      this.cache.set(name, collection);
    }
    return collection;
  }

  exists(name: string): boolean {
    return this.created.has(name);
  }

  /** Fails with DATABASE_COLLECTION_NOT_EXIST unless the collection was created. */
  require(name: string): string {
    if (!this.created.has(name)) throw collectionNotExist(name);
    return name;
  }

  createCollection(name: string): void {
    this.store.createCollection(name);
    this.created.add(name);
  }

  /** Count of committed document writes since the engine opened. */
  totalChanges(): number {
    return this.changes;
  }

  /**
   * Commits a batch: persisted in one SQLite transaction first, then made visible in memory.
   * Nothing is visible (or counted) if persisting fails.
   */
  commit(writes: readonly Write[]): void {
    if (writes.length === 0) return;
    const stored: StoredWrite[] = writes.map((write) => {
      this.get(write.collection);
      if (write.doc === null) return { collection: write.collection, key: write.key, body: null };
      const body = encodeDocument(write.doc);
      if (Buffer.byteLength(body) > MAX_DOCUMENT_BYTES) {
        throw invalidParam(`document ${write.collection}/${JSON.stringify(write.doc._id)} is larger than 512 KB`);
      }
      return { collection: write.collection, key: write.key, body };
    });
    this.store.apply(stored);
    this.beforeApply?.(writes, (write) => this.get(write.collection).docs.get(write.key) ?? null);
    for (const write of writes) this.get(write.collection).put(write.key, write.doc);
    this.changes += writes.length;
  }
}
