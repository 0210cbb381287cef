/**
 * The local engine answers equality and `in` conditions from indexes (as CloudBase answers them
 * from its declared indexes). Through the real wx-server-sdk: results and their natural order are
 * those of a scan, after every kind of write and around transactions.
 */
import type { Engine } from '../../emulator/db';
import { type SdkValue, freshEngine, ids, loadSdk, seed } from './support';

const { cloud, _ } = loadSdk();
const db = cloud.database({ throwOnNotFound: false });
const COLLECTIONS = ['records'];
let engine: Engine;

const records = [
  { _id: 'r1', month: '2024-01', status: 'open', branchId: 'b1', score: 1, at: new Date(5), tags: ['x', 'y'] },
  { _id: 'r2', month: '2024-02', status: 'done', branchId: 'b1', score: '1', at: new Date(6), tags: ['y'] },
  { _id: 'r3', month: '2024-01', status: 'done', branchId: 'b2', score: 2, at: new Date(5), tags: [] },
  { _id: 'r4', month: '2024-03', status: 'open', branchId: 'b2', tags: 'x' },
  { _id: 'r5', month: '2024-02', status: 'open', branchId: 'b3', score: true, nested: { branchId: 'b1' } },
];

beforeEach(async () => {
  ({ engine } = freshEngine(COLLECTIONS));
  await seed(db, 'records', records);
});
afterEach(() => engine.close());

const coll = (): SdkValue => db.collection('records');
const where = async (condition: unknown): Promise<unknown[]> => ids(await coll().where(condition).get());

test('equality, eq and in, alone and together, in natural order', async () => {
  expect(await where({ month: '2024-01' })).toEqual(['r1', 'r3']);
  expect(await where({ status: _.eq('open') })).toEqual(['r1', 'r4', 'r5']);
  expect(await where({ month: _.in(['2024-02', '2024-01']) })).toEqual(['r1', 'r2', 'r3', 'r5']);
  expect(await where({ month: _.in(['2024-02', '2024-01']), status: 'open', branchId: 'b1' })).toEqual(['r1']);
  expect(await where(_.and([{ month: _.in(['2024-01', '2024-03']) }, { status: 'open' }]))).toEqual(['r1', 'r4']);
  expect(await where({ 'nested.branchId': 'b1' })).toEqual(['r5']);
  expect(await where({ nested: { branchId: 'b1' } })).toEqual(['r5']);
  expect((await coll().where({ status: 'open' }).count()).total).toBe(3);
});

test('numbers, strings and booleans are different values; dates compare by time; arrays by element', async () => {
  expect(await where({ score: 1 })).toEqual(['r1']);
  expect(await where({ score: '1' })).toEqual(['r2']);
  expect(await where({ score: true })).toEqual(['r5']);
  expect(await where({ score: _.in([1, '1', 2]) })).toEqual(['r1', 'r2', 'r3']);
  expect(await where({ at: new Date(5) })).toEqual(['r1', 'r3']);
  expect(await where({ at: _.in([new Date(6)]) })).toEqual(['r2']);
  expect(await where({ tags: 'x' })).toEqual(['r1', 'r4']);
  expect(await where({ tags: _.in(['y']) })).toEqual(['r1', 'r2']);
  expect(await where({ score: null })).toEqual(['r4']);
  expect(await where({ score: _.neq(1), status: 'open' })).toEqual(['r4', 'r5']);
});

test('updates, where().update, removes and re-adds move documents between values and keep the order of a scan', async () => {
  expect(await where({ status: 'open' })).toEqual(['r1', 'r4', 'r5']);
  await coll()
    .doc('r3')
    .update({ data: { status: 'open' } });
  await coll()
    .doc('r1')
    .update({ data: { status: 'closed' } });
  expect(await where({ status: 'open' })).toEqual(['r3', 'r4', 'r5']);
  expect(await where({ status: 'closed' })).toEqual(['r1']);
  expect(
    (
      await coll()
        .where({ month: '2024-02' })
        .update({ data: { status: 'closed' } })
    ).stats.updated,
  ).toBe(2);
  expect(await where({ status: 'closed' })).toEqual(['r1', 'r2', 'r5']);
  expect(await where({ status: 'open' })).toEqual(['r3', 'r4']);
  await coll().doc('r3').remove();
  expect(await where({ status: 'open' })).toEqual(['r4']);
  await coll().add({ data: { _id: 'r3', month: '2024-01', status: 'open' } });
  expect(await where({ status: 'open' })).toEqual(['r4', 'r3']);
  await coll()
    .doc('r1')
    .set({ data: { month: '2024-09', status: 'open' } });
  expect(await where({ status: 'open' })).toEqual(['r1', 'r4', 'r3']);
  expect(await where({ month: '2024-01' })).toEqual(['r3']);
  expect((await coll().where({ status: 'closed' }).remove()).stats.removed).toBe(2);
  expect(await where({ status: _.in(['open', 'closed']) })).toEqual(['r1', 'r4', 'r3']);
});

test('an aggregation that starts with $match of an indexed field', async () => {
  const { list } = await coll()
    .aggregate()
    .match({ month: _.in(['2024-01', '2024-02']), status: 'done' })
    .group({ _id: '$branchId', n: cloud.database().command.aggregate.sum(1) })
    .sort({ _id: 1 })
    .end();
  expect(list).toEqual([
    { _id: 'b1', n: 1 },
    { _id: 'b2', n: 1 },
  ]);
});

describe('transactions', () => {
  test('uncommitted writes are not seen by queries; committed ones are, through the indexes', async () => {
    // The indexes exist before the transaction writes.
    expect(await where({ status: 'open' })).toEqual(['r1', 'r4', 'r5']);
    expect(await where({ month: '2024-04' })).toEqual([]);
    const transaction = await db.startTransaction();
    await transaction.collection('records').add({ data: { _id: 'r6', month: '2024-04', status: 'open' } });
    await transaction
      .collection('records')
      .doc('r1')
      .update({ data: { status: 'done' } });
    await transaction.collection('records').doc('r4').remove();
    // The transaction reads its own writes; queries outside it still see the committed state.
    expect((await transaction.collection('records').doc('r1').get()).data.status).toBe('done');
    expect((await transaction.collection('records').doc('r6').get()).data.month).toBe('2024-04');
    expect(await where({ status: 'open' })).toEqual(['r1', 'r4', 'r5']);
    expect(await where({ month: '2024-04' })).toEqual([]);
    await transaction.commit();
    expect(await where({ status: 'open' })).toEqual(['r5', 'r6']);
    expect(await where({ status: 'done' })).toEqual(['r1', 'r2', 'r3']);
    expect(await where({ month: '2024-04' })).toEqual(['r6']);
    expect(await where({ month: '2024-03' })).toEqual([]);
  });

  test('a rolled-back transaction leaves the indexes as they were', async () => {
    expect(await where({ status: 'done' })).toEqual(['r2', 'r3']);
    const run = db.runTransaction(async (transaction: SdkValue) => {
      await transaction
        .collection('records')
        .doc('r5')
        .update({ data: { status: 'done' } });
      await transaction.collection('records').doc('r2').remove();
      await transaction.rollback('no');
    });
    await expect(run).rejects.toBe('no');
    expect(await where({ status: 'done' })).toEqual(['r2', 'r3']);
    expect(await where({ status: 'open' })).toEqual(['r1', 'r4', 'r5']);
  });

  test('a plain write committed while a transaction runs is seen by queries and not by its snapshot', async () => {
    expect(await where({ branchId: 'b3' })).toEqual(['r5']);
    const transaction = await db.startTransaction();
    expect((await transaction.collection('records').doc('r1').get()).data.branchId).toBe('b1');
    await coll()
      .doc('r1')
      .update({ data: { branchId: 'b3' } });
    expect((await transaction.collection('records').doc('r1').get()).data.branchId).toBe('b1');
    expect(await where({ branchId: 'b3' })).toEqual(['r1', 'r5']);
    await transaction.rollback();
    expect(await where({ branchId: _.in(['b1', 'b3']) })).toEqual(['r1', 'r2', 'r5']);
  });
});
