/**
 * Collections must be created before use. CloudBase answers any read or write of a collection that
 * was not created with DATABASE_COLLECTION_NOT_EXIST (操作集合不存在, docs.cloudbase.net/error-code/basic),
 * which wx-server-sdk reports as `<api>:fail -502005 database collection not exists`. The local
 * runtime creates the declared collections (COLLECTIONS in types/records.ts) at start and no other.
 */
import { COLLECTIONS } from '@zhibu/types';
import type { Engine } from '../../emulator/db';
import { type LocalRuntime, startRuntime } from '../../emulator/runtime';
import { freshEngine, loadSdk, rejection } from './support';

const { db, _, $ } = loadSdk();
let engine: Engine;

beforeEach(() => {
  ({ engine } = freshEngine(['todos']));
});
afterEach(() => engine.close());

/** The request fails as CloudBase fails it, naming the collection, and nothing is written. */
async function expectNotExist(request: Promise<unknown>, api: string, collection = 'missing'): Promise<void> {
  const writes = engine.totalChanges();
  const error = await rejection(request);
  expect(error.errCode).toBe(-502005);
  expect(error.message).toMatch(new RegExp(`^${api.replace('.', '\\.')}:fail -502005 `));
  expect(error.message).toContain('DATABASE_COLLECTION_NOT_EXIST');
  expect(error.message).toContain(`Db or Table not exist: ${collection}`);
  expect(engine.totalChanges()).toBe(writes);
}

const missing = () => db.collection('missing');

test('reads of a collection that was not created fail with -502005: get, doc().get, count, aggregate', async () => {
  await expectNotExist(missing().get(), 'collection.get');
  await expectNotExist(missing().where({ n: 1 }).get(), 'collection.get');
  await expectNotExist(missing().doc('a').get(), 'document.get');
  await expectNotExist(missing().count(), 'collection.count');
  // wx-server-sdk's aggregate wrapper keeps the message but not the numeric code (errCode -1).
  const aggregate = await rejection(missing().aggregate().match({ n: 1 }).end());
  expect(aggregate.message).toMatch(/^collection\.aggregate:fail \[DATABASE_COLLECTION_NOT_EXIST\] /);
  expect(aggregate.message).toContain('Db or Table not exist: missing');
});

test('writes to a collection that was not created fail with -502005 and create nothing: add, set, update, remove', async () => {
  await expectNotExist(missing().add({ data: { n: 1 } }), 'collection.add');
  await expectNotExist(missing().add({ data: [{ n: 1 }, { n: 2 }] }), 'collection.add');
  await expectNotExist(
    missing()
      .doc('a')
      .set({ data: { n: 1 } }),
    'document.set',
  );
  await expectNotExist(
    missing()
      .doc('a')
      .update({ data: { n: _.inc(1) } }),
    'document.update',
  );
  await expectNotExist(
    missing()
      .where({ n: 1 })
      .update({ data: { n: 2 } }),
    'collection.update',
  );
  await expectNotExist(missing().doc('a').remove(), 'document.remove');
  await expectNotExist(missing().where({ n: 1 }).remove(), 'collection.remove');
  // A failed write does not bring the collection into being.
  await expectNotExist(missing().get(), 'collection.get');
});

test('inside a transaction, a read or write of a collection that was not created fails the transaction', async () => {
  await db.collection('todos').add({ data: { _id: 't1', n: 1 } });
  const error = await rejection(
    db.runTransaction(
      async (tx: {
        collection(name: string): {
          doc(id: string): { set(o: unknown): Promise<unknown> };
          add(o: unknown): Promise<unknown>;
        };
      }) => {
        await tx
          .collection('todos')
          .doc('t1')
          .set({ data: { n: 2 } });
        await tx.collection('missing').add({ data: { _id: 'm1' } });
      },
    ),
  );
  expect(error.message).toContain('DATABASE_COLLECTION_NOT_EXIST');
  // Nothing of the transaction is visible.
  expect((await db.collection('todos').doc('t1').get()).data.n).toBe(1);

  const transaction = await db.startTransaction();
  const read = await rejection(transaction.collection('missing').doc('m1').get());
  expect(read.message).toContain('Db or Table not exist: missing');
});

test('a $lookup from a collection that was not created fails rather than joining nothing', async () => {
  await db.collection('todos').add({ data: { _id: 't1', ownerId: 'u1' } });
  const request = db
    .collection('todos')
    .aggregate()
    .lookup({ from: 'owners', localField: 'ownerId', foreignField: '_id', as: 'owner' })
    .project({ owner: $.arrayElemAt(['$owner', 0]) })
    .end();
  const error = await rejection(request);
  expect(error.message).toContain('Db or Table not exist: owners');
});

test('once created with db.createCollection() the collection is usable, and it stays created when empty', async () => {
  expect((await db.createCollection('missing')).errMsg).toBe('createCollection:ok');
  expect((await missing().get()).data).toEqual([]);
  await missing().add({ data: { _id: 'a', n: 1 } });
  await missing().doc('a').remove();
  expect((await missing().count()).total).toBe(0);
});

describe('the local runtime', () => {
  let runtime: LocalRuntime;
  beforeAll(async () => {
    runtime = await startRuntime({ dataDir: null });
  });
  afterAll(() => runtime.close());

  test('creates every declared collection at start, and refuses any other', async () => {
    for (const name of Object.values(COLLECTIONS)) {
      expect(await runtime.engine.handle('database.calculateDocument', { collectionName: name })).toMatchObject({
        data: { total: 0 },
      });
    }
    await expect(
      runtime.engine.handle('database.insertDocument', { collectionName: 'memberz', data: ['{"n":1}'] }),
    ).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' });
  });
});
