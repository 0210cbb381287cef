/**
 * The seam itself: the pinned SDK versions, an exact count of requests for a known sequence (so a
 * bypassed seam fails this test), no network access, and swapping or removing the engine.
 */
import net from 'node:net';
import { type Engine, installDatabaseSeam, openEngine, uninstallDatabaseSeam } from '../../emulator/db';
import { freshEngine, loadSdk, rejection } from './support';

// Spied before the SDK loads: cloud.init() starts its network probe right away.
const connect = jest.spyOn(net.Socket.prototype, 'connect');
const { cloud, db, _, $ } = loadSdk();
/** The collections these tests use; CloudBase needs each created first. */
const COLLECTIONS = ['todos'];
let engine: Engine;

beforeEach(() => {
  ({ engine } = freshEngine(COLLECTIONS));
});
afterEach(() => engine.close());

/* eslint-disable @typescript-eslint/no-require-imports */
test('wx-server-sdk is pinned at 4.0.2 and uses @cloudbase/node-sdk 3.17.2, whose transport the seam replaces', () => {
  expect(require('wx-server-sdk/package.json').version).toBe('4.0.2');
  const nodeSdk = require.resolve('@cloudbase/node-sdk/package.json', { paths: [require.resolve('wx-server-sdk')] });
  expect(require(nodeSdk).version).toBe('3.17.2');
  const requester = require.resolve('@cloudbase/node-sdk/dist/utils/tcbdbapirequester', {
    paths: [require.resolve('wx-server-sdk')],
  });
  expect(require(requester).TcbDBApiHttpRequester.name).toBe('LocalDatabaseRequester');
});
/* eslint-enable @typescript-eslint/no-require-imports */

test('every database call of a known sequence passes the seam exactly once', async () => {
  const { stats } = freshEngine(COLLECTIONS);
  const todos = db.collection('todos');
  await todos.add({ data: { _id: 'a', n: 1 } });
  await todos.doc('a').get();
  await todos.where({ n: _.gte(1) }).get();
  await todos.count();
  await todos.doc('a').update({ data: { n: _.inc(1) } });
  await todos.where({ n: 2 }).update({ data: { seen: true } });
  await todos
    .aggregate()
    .group({ _id: null, total: $.sum('$n') })
    .end();
  await db.runTransaction(
    async (transaction: { collection(name: string): { doc(id: string): { get(): Promise<unknown> } } }) => {
      await transaction.collection('todos').doc('a').get();
    },
  );
  await todos.doc('a').remove();
  expect(stats.byAction).toEqual({
    'database.insertDocument': 1,
    'database.getDocument': 3,
    'database.calculateDocument': 1,
    'database.modifyDocument': 2,
    'database.aggregateDocuments': 1,
    'database.startTransaction': 1,
    'database.commitTransaction': 1,
    'database.removeDocument': 1,
  });
  expect(stats.calls).toBe(11);
  stats.reset();
  expect(stats).toMatchObject({ calls: 0, byAction: {} });
});

test('nothing reaches the network: cloud.init() and database calls open no socket', async () => {
  try {
    cloud.init({ env: 'local-env' });
    const fresh = cloud.database();
    await fresh.collection('todos').add({ data: { n: 1 } });
    await fresh.collection('todos').get();
    // cloud.init() probes the cloud platform asynchronously; give it time to try.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(connect).not.toHaveBeenCalled();
  } finally {
    connect.mockRestore();
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  }
});

test('installing again swaps the engine; writes counted by totalChanges stay in their engine', async () => {
  await db.collection('todos').add({ data: { _id: 'in-first' } });
  expect(engine.totalChanges()).toBe(1);
  const second = openEngine({ dir: null, collections: COLLECTIONS });
  try {
    installDatabaseSeam(second);
    expect((await db.collection('todos').get()).data).toEqual([]);
    await db.collection('todos').add({ data: { _id: 'in-second' } });
    expect(second.totalChanges()).toBe(1);
    expect(engine.totalChanges()).toBe(1);
  } finally {
    second.close();
    installDatabaseSeam(engine);
  }
  expect((await db.collection('todos').get()).data).toEqual([{ _id: 'in-first' }]);
});

test('after uninstalling, the SDK transport is its own again; installing restores the seam', async () => {
  uninstallDatabaseSeam();
  try {
    const requester = require.resolve('@cloudbase/node-sdk/dist/utils/tcbdbapirequester', {
      paths: [require.resolve('wx-server-sdk')],
    });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(require(requester).TcbDBApiHttpRequester.name).toBe('TcbDBApiHttpRequester');
  } finally {
    installDatabaseSeam(engine);
  }
  await db.collection('todos').add({ data: { _id: 'back' } });
  expect(engine.totalChanges()).toBe(1);
});

test('an action the runtime does not implement is refused by name', async () => {
  const error = await rejection(engine.handle('database.modifyAndReturnDoc', { collectionName: 'todos' }));
  expect(error.message).toBe(
    '[LOCAL_RUNTIME_UNSUPPORTED] the request action "database.modifyAndReturnDoc" is not supported by the local database runtime',
  );
  expect(error).toMatchObject({ code: 'LOCAL_RUNTIME_UNSUPPORTED' });
});

test('docs: Database.createCollection — creates an empty collection once; a second time fails', async () => {
  expect((await db.createCollection('notices')).errMsg).toBe('createCollection:ok');
  const error = await rejection(db.createCollection('notices'));
  expect(error.message).toContain('DATABASE_COLLECTION_ALREADY_EXIST');
});

test('a closed engine rejects every request', async () => {
  engine.close();
  const error = await rejection(db.collection('todos').get());
  expect(error.message).toContain('LOCAL_RUNTIME_CLOSED');
});
