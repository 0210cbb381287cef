/**
 * Transactions, following the WeChat cloud development docs (云开发 / 数据库 / 事务 and the API pages
 * Database.runTransaction / Database.startTransaction): snapshot isolation, writes visible
 * atomically on commit, a transaction lock on written records (another transaction's write fails at
 * once, a plain write waits), single-record operations only.
 */
import type { Engine } from '../../emulator/db';
import { type SdkValue, freshEngine, loadSdk, rejection, seed } from './support';

const { cloud, _ } = loadSdk();
/** The collections these tests use; CloudBase needs each created first. */
const COLLECTIONS = ['account'];
// The docs recommend throwOnNotFound: false for transactions so that doc.get() can return null.
const db = cloud.database({ throwOnNotFound: false });
let engine: Engine;

beforeEach(async () => {
  ({ engine } = freshEngine(COLLECTIONS));
  await seed(db, 'account', [
    { _id: 'aaa', amount: 100 },
    { _id: 'bbb', amount: 0 },
  ]);
});
afterEach(() => engine.close());

const amount = async (id: string): Promise<unknown> => (await db.collection('account').doc(id).get()).data?.amount;

/** The docs' transfer example: moves 10 from aaa to bbb, or rolls back with -100 if either is missing. */
const transfer = async (transaction: SdkValue): Promise<{ aaaAccount: number }> => {
  const aaaRes = await transaction.collection('account').doc('aaa').get();
  const bbbRes = await transaction.collection('account').doc('bbb').get();
  if (aaaRes.data && bbbRes.data) {
    await transaction
      .collection('account')
      .doc('aaa')
      .update({ data: { amount: _.inc(-10) } });
    await transaction
      .collection('account')
      .doc('bbb')
      .update({ data: { amount: _.inc(10) } });
    return { aaaAccount: aaaRes.data.amount - 10 };
  }
  return transaction.rollback(-100);
};

describe('runTransaction', () => {
  test("docs: Database.runTransaction — the transfer example commits and resolves to the callback's value", async () => {
    expect(await db.runTransaction(transfer)).toEqual({ aaaAccount: 90 });
    expect(await amount('aaa')).toBe(90);
    expect(await amount('bbb')).toBe(10);
  });

  test('docs: Database.runTransaction — transaction.rollback(-100) rejects runTransaction with -100 and writes nothing', async () => {
    await db.collection('account').doc('bbb').remove();
    const writes = engine.totalChanges();
    await expect(db.runTransaction(transfer)).rejects.toBe(-100);
    expect(engine.totalChanges()).toBe(writes);
    expect(await amount('aaa')).toBe(100);
  });

  test('docs: Database.runTransaction — an error thrown in the callback rejects runTransaction and discards its writes', async () => {
    const failure = new Error('business rule violated');
    const run = db.runTransaction(async (transaction: SdkValue) => {
      await transaction
        .collection('account')
        .doc('aaa')
        .update({ data: { amount: _.inc(-50) } });
      await transaction.collection('account').add({ data: { _id: 'ccc', amount: 50 } });
      throw failure;
    });
    await expect(run).rejects.toBe(failure);
    expect(await amount('aaa')).toBe(100);
    expect(await amount('ccc')).toBeUndefined();
  });

  test('docs: 事务 / 单记录操作 — add() and doc().set()/remove() inside a transaction, with reads of its own writes', async () => {
    await db.runTransaction(async (transaction: SdkValue) => {
      const added = await transaction.collection('account').add({ data: { _id: 'ccc', amount: 5 } });
      expect(added._id).toBe('ccc');
      expect((await transaction.collection('account').doc('ccc').get()).data).toEqual({ _id: 'ccc', amount: 5 });
      // Not visible outside before the commit.
      expect(await amount('ccc')).toBeUndefined();
      await transaction
        .collection('account')
        .doc('bbb')
        .set({ data: { amount: 7, note: 'replaced' } });
      await transaction.collection('account').doc('aaa').remove();
      expect((await transaction.collection('account').doc('aaa').get()).data).toBeNull();
    });
    expect((await db.collection('account').get()).data).toEqual([
      { _id: 'bbb', amount: 7, note: 'replaced' },
      { _id: 'ccc', amount: 5 },
    ]);
  });

  test('docs: 事务 / 单记录操作 — where() queries are not allowed inside a transaction', async () => {
    const run = db.runTransaction(async (transaction: SdkValue) =>
      transaction
        .collection('account')
        .where({ amount: _.gt(0) })
        .get(),
    );
    expect((await rejection(run)).message).toContain('where() queries cannot run inside a transaction');
  });

  test('wx-server-sdk 4.0.2 sends where().update() on a transaction without its transaction id: it runs at once and is not rolled back', async () => {
    const run = db.runTransaction(async (transaction: SdkValue) => {
      await transaction
        .collection('account')
        .where({ _id: 'bbb' })
        .update({ data: { amount: 1 } });
      throw new Error('roll back');
    });
    await expect(run).rejects.toThrow('roll back');
    expect(await amount('bbb')).toBe(1);
  });

  test('a duplicate _id inside a transaction fails with E11000 and nothing of the transaction is written', async () => {
    const run = db.runTransaction(async (transaction: SdkValue) => {
      await transaction
        .collection('account')
        .doc('bbb')
        .update({ data: { amount: 1 } });
      await transaction.collection('account').add({ data: { _id: 'aaa', amount: 1 } });
    });
    expect((await rejection(run)).message).toContain('E11000 duplicate key error');
    expect(await amount('bbb')).toBe(0);
  });
});

describe('startTransaction', () => {
  test('docs: Database.startTransaction — the transfer example with an explicit commit()', async () => {
    const transaction = await db.startTransaction();
    const result = await transfer(transaction);
    // Uncommitted writes are invisible outside the transaction.
    expect(await amount('aaa')).toBe(100);
    await transaction.commit();
    expect(result).toEqual({ aaaAccount: 90 });
    expect(await amount('aaa')).toBe(90);
    expect(await amount('bbb')).toBe(10);
  });

  test('docs: Database.startTransaction — rollback() discards the writes', async () => {
    const transaction = await db.startTransaction();
    await transaction
      .collection('account')
      .doc('aaa')
      .update({ data: { amount: 0 } });
    await transaction.rollback();
    expect(await amount('aaa')).toBe(100);
    const error = await rejection(transaction.commit());
    expect(error.message).toContain('DATABASE_TRANSACTION_FAIL');
  });

  test('docs: 事务 / 快照隔离 — reads return the snapshot taken at the start, not later commits', async () => {
    const transaction = await db.startTransaction();
    expect((await transaction.collection('account').doc('aaa').get()).data.amount).toBe(100);
    await db
      .collection('account')
      .doc('aaa')
      .update({ data: { amount: 1 } });
    await db.collection('account').add({ data: { _id: 'late', amount: 1 } });
    expect((await transaction.collection('account').doc('aaa').get()).data.amount).toBe(100);
    expect((await transaction.collection('account').doc('late').get()).data).toBeNull();
    await transaction.commit();
  });

  test('docs: 事务 / 事务锁 — a write to a record changed after the snapshot conflicts', async () => {
    const transaction = await db.startTransaction();
    await transaction.collection('account').doc('aaa').get();
    await db
      .collection('account')
      .doc('aaa')
      .update({ data: { amount: 1 } });
    const error = await rejection(
      transaction
        .collection('account')
        .doc('aaa')
        .update({ data: { amount: _.inc(-10) } }),
    );
    expect(error.message).toContain('DATABASE_TRANSACTION_CONFLICT');
    expect(await amount('aaa')).toBe(1);
  });

  test("docs: 事务 / 事务锁 — another transaction's write to a locked record fails at once and aborts that transaction", async () => {
    const first = await db.startTransaction();
    const second = await db.startTransaction();
    await first
      .collection('account')
      .doc('aaa')
      .update({ data: { amount: _.inc(-10) } });
    const conflict = await rejection(
      second
        .collection('account')
        .doc('aaa')
        .update({ data: { amount: _.inc(-20) } }),
    );
    expect(conflict.message).toContain('[DATABASE_TRANSACTION_CONFLICT]');
    expect((await rejection(second.commit())).message).toContain('is already aborted');
    await first.commit();
    expect(await amount('aaa')).toBe(90);
  });

  test('docs: 事务 / 事务锁 — a plain (non-transactional) write to a locked record waits until the transaction ends', async () => {
    const transaction = await db.startTransaction();
    await transaction
      .collection('account')
      .doc('aaa')
      .update({ data: { amount: _.inc(-10) } });
    let done = false;
    const plain = db
      .collection('account')
      .doc('aaa')
      .update({ data: { amount: _.inc(1) } })
      .then(() => {
        done = true;
      });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done).toBe(false);
    await transaction.commit();
    await plain;
    expect(await amount('aaa')).toBe(91);
  });

  test('writes of other records are not blocked by a transaction', async () => {
    const transaction = await db.startTransaction();
    await transaction
      .collection('account')
      .doc('aaa')
      .update({ data: { amount: 0 } });
    await db
      .collection('account')
      .doc('bbb')
      .update({ data: { amount: 5 } });
    await db.collection('account').add({ data: { _id: 'ccc' } });
    await transaction.rollback();
    expect(await amount('bbb')).toBe(5);
  });
});

describe('concurrent runTransaction calls', () => {
  test('concurrent transfers never lose an update: every committed transfer is applied exactly once', async () => {
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => db.runTransaction(transfer)));
    const committed = outcomes.filter((outcome) => outcome.status === 'fulfilled').length;
    expect(committed).toBeGreaterThanOrEqual(1);
    expect(await amount('aaa')).toBe(100 - 10 * committed);
    expect(await amount('bbb')).toBe(10 * committed);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected')
        expect(String(outcome.reason?.message)).toContain('DATABASE_TRANSACTION_CONFLICT');
    }
  });
});
