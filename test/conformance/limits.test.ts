/**
 * CloudBase's result-size limits, reproduced so that code which would silently truncate in
 * production truncates locally too. docs: 云开发 / 数据库 / 查询数据 — a server-side get() returns
 * 100 records by default; wx-server-sdk sends limit(n) above 1000 as 1000; an aggregation without
 * limit() returns 20 (reported and confirmed in the WeChat developer community).
 */
import type { Engine } from '../../emulator/db';
import { freshEngine, loadSdk } from './support';

const { db } = loadSdk();
/** The collections these tests use; CloudBase needs each created first. */
const COLLECTIONS = ['records'];
let engine: Engine;
const TOTAL = 1200;

beforeAll(async () => {
  ({ engine } = freshEngine(COLLECTIONS));
  const data = Array.from({ length: TOTAL }, (_unused, n) => ({ _id: `r${String(n).padStart(4, '0')}`, n }));
  await db.collection('records').add({ data });
});
afterAll(() => engine.close());

const records = () => db.collection('records');

test('docs: Collection.get — without limit() a server-side get() returns 100 records', async () => {
  expect((await records().get()).data).toHaveLength(100);
  expect(
    (
      await records()
        .where({ n: db.command.gte(0) })
        .get()
    ).data,
  ).toHaveLength(100);
});

test('docs: Collection.limit — on the server at most 1000: limit(5000) returns 1000, limit(1000) returns 1000', async () => {
  expect((await records().limit(5000).get()).data).toHaveLength(1000);
  expect((await records().limit(1000).get()).data).toHaveLength(1000);
  expect((await records().limit(7).get()).data).toHaveLength(7);
});

test('paging with skip() reaches the rest: skip(1000).limit(1000) returns the last 200', async () => {
  const page = await records().orderBy('n', 'asc').skip(1000).limit(1000).get();
  expect(page.data).toHaveLength(200);
  expect(page.data[0].n).toBe(1000);
});

test('docs: Collection.count — count() is not limited', async () => {
  expect((await records().count()).total).toBe(TOTAL);
});

test('the engine caps a request that asks for more than 1000 even when the SDK did not', async () => {
  const response = (await engine.handle('database.getDocument', {
    collectionName: 'records',
    queryType: 'WHERE',
    limit: 5000,
  })) as { data: { list: unknown[]; limit: number } };
  expect(response.data.list).toHaveLength(1000);
  expect(response.data.limit).toBe(1000);
});

test('aggregate() without a limit stage returns 20 records; with limit(n) it returns n', async () => {
  expect(
    (
      await records()
        .aggregate()
        .match({ n: db.command.gte(0) })
        .end()
    ).list,
  ).toHaveLength(20);
  expect((await records().aggregate().project({ n: 1 }).end()).list).toHaveLength(20);
  expect(
    (
      await records()
        .aggregate()
        .match({ n: db.command.gte(0) })
        .limit(500)
        .end()
    ).list,
  ).toHaveLength(500);
});
