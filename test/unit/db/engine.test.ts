import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Engine, openEngine } from '../../../emulator/db';

/** Requests shaped exactly as wx-server-sdk 4.0.2 sends them. */
const insert = (id: string, body: string) => ({ collectionName: 'docs', data: [`{"_id":"${id}",${body}}`] });
const update = (id: string, data: string) => ({
  collectionName: 'docs',
  queryType: 'DOC',
  query: `{"_id":"${id}"}`,
  data,
  multi: false,
  merge: true,
  upsert: false,
});
const list = async (engine: Engine): Promise<string[]> => {
  const response = (await engine.handle('database.getDocument', {
    collectionName: 'docs',
    queryType: 'WHERE',
    limit: 1000,
  })) as { data: { list: string[] } };
  return response.data.list;
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zhibu-engine-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('documents persist across reopening, in insertion order, with dates intact', async () => {
  const first = openEngine({ dir, collections: ['docs'] });
  await first.handle('database.insertDocument', insert('b', '"at":{"$date":{"$numberLong":"5"}}'));
  await first.handle('database.insertDocument', insert('a', '"n":{"$numberInt":"1"}'));
  await first.handle('database.modifyDocument', update('b', '{"$set":{"seen":true}}'));
  await first.handle('database.insertDocument', insert('c', '"n":{"$numberInt":"3"}'));
  await first.handle('database.removeDocument', {
    collectionName: 'docs',
    queryType: 'DOC',
    query: '{"_id":"c"}',
    multi: false,
  });
  expect(first.totalChanges()).toBe(5);
  first.close();

  const second = openEngine({ dir });
  expect(await list(second)).toEqual([
    '{"_id":"b","at":{"$date":"1970-01-01T00:00:00.005Z"},"seen":true}',
    '{"_id":"a","n":1}',
  ]);
  expect(second.totalChanges()).toBe(0);
  second.close();
});

test('every response carries a requestId; failures carry a code and the requestId', async () => {
  const engine = openEngine({ dir: null, collections: ['docs'] });
  const ok = (await engine.handle('database.insertDocument', insert('a', '"n":1'))) as { requestId: string };
  expect(ok.requestId).toMatch(/^local-/);
  await expect(engine.handle('database.insertDocument', insert('a', '"n":2'))).rejects.toMatchObject({
    code: 'DATABASE_DUPLICATE_WRITE',
    requestId: expect.stringMatching(/^local-/),
  });
  engine.close();
});

test('malformed payloads are refused with INVALID_PARAM and write nothing', async () => {
  const engine = openEngine({ dir: null, collections: ['docs'] });
  await expect(
    engine.handle('database.insertDocument', { collectionName: 'docs', data: 'not-an-array' }),
  ).rejects.toMatchObject({ code: 'INVALID_PARAM' });
  await expect(engine.handle('database.getDocument', { collectionName: 'bad name!' })).rejects.toMatchObject({
    code: 'INVALID_PARAM',
  });
  await expect(engine.handle('database.modifyDocument', update('a', '{"a":1,"$set":{"b":1}}'))).rejects.toMatchObject({
    code: 'INVALID_PARAM',
  });
  expect(engine.totalChanges()).toBe(0);
  engine.close();
});

test('a data folder is used by one engine at a time: a second opener fails instead of missing writes', async () => {
  const first = openEngine({ dir });
  expect(() => openEngine({ dir })).toThrow('is in use by another process');
  first.close();
  openEngine({ dir }).close();
});

test('collections exist only once created; a created collection survives reopening even when empty', async () => {
  const first = openEngine({ dir, collections: ['declared'] });
  await expect(
    first.handle('database.getDocument', { collectionName: 'docs', queryType: 'WHERE' }),
  ).rejects.toMatchObject({
    code: 'DATABASE_COLLECTION_NOT_EXIST',
    message: '[DATABASE_COLLECTION_NOT_EXIST] [ResourceNotFound] Db or Table not exist: docs',
  });
  await first.handle('database.addCollection', { collectionName: 'docs' });
  first.close();

  const second = openEngine({ dir });
  for (const collectionName of ['declared', 'docs']) {
    expect(await second.handle('database.calculateDocument', { collectionName })).toMatchObject({ data: { total: 0 } });
  }
  second.close();
});
