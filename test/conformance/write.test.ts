/**
 * Writes: add, doc(id).get/set/update/remove, where().update/remove, every update command, server
 * dates and duplicate ids, following the examples of the WeChat cloud development docs
 * (云开发 / 数据库 / API: Collection.*, Document.*, Command.* 更新指令, Database.serverDate).
 */
import type { Engine } from '../../emulator/db';
import { type SdkValue, freshEngine, idSet, loadSdk, rejection, seed } from './support';

const { cloud, db, _ } = loadSdk();
/** The collections these tests use; CloudBase needs each created first. */
const COLLECTIONS = ['todos', 'checkins'];
let engine: Engine;

beforeEach(() => {
  ({ engine } = freshEngine(COLLECTIONS));
});
afterEach(() => engine.close());

const todos = () => db.collection('todos');
const read = async (id: string): Promise<Record<string, unknown>> => (await todos().doc(id).get()).data;

describe('adding documents', () => {
  test("docs: Collection.add — add({data: {description, due: new Date('2018-09-01'), tags, done}}) resolves to {_id}", async () => {
    const due = new Date('2018-09-01T00:00:00Z');
    const result = await todos().add({
      data: { description: 'learn cloud database', due, tags: ['cloud', 'database'], done: false },
    });
    expect(result.errMsg).toBe('collection.add:ok');
    expect(result._id).toMatch(/^[0-9a-f]{32}$/);
    const stored = await read(result._id);
    expect(stored).toEqual({
      _id: result._id,
      description: 'learn cloud database',
      due,
      tags: ['cloud', 'database'],
      done: false,
    });
    expect(stored['due']).toBeInstanceOf(Date);
  });

  test('docs: Collection.add — an explicit _id is kept (the project uses deterministic ids such as <activityId>_<memberId>)', async () => {
    const result = await db.collection('checkins').add({ data: { _id: 'act1_m1', at: 1 } });
    expect(result._id).toBe('act1_m1');
    expect((await db.collection('checkins').doc('act1_m1').get()).data).toEqual({ _id: 'act1_m1', at: 1 });
  });

  test('adding an array of documents resolves to {_ids} in order', async () => {
    const result = await todos().add({ data: [{ _id: 'x1', n: 1 }, { n: 2 }] });
    expect(result._ids).toHaveLength(2);
    expect(result._ids[0]).toBe('x1');
    expect((await todos().count()).total).toBe(2);
  });

  test('a duplicate _id fails with E11000 in the message and writes nothing (detect duplicates by the message)', async () => {
    await db.collection('checkins').add({ data: { _id: 'act1_m1', at: 1 } });
    const writes = engine.totalChanges();
    const error = await rejection(db.collection('checkins').add({ data: { _id: 'act1_m1', at: 2 } }));
    expect(error.message).toContain('E11000 duplicate key error');
    expect(error.message).toContain('DATABASE_DUPLICATE_WRITE');
    expect(error.message).toMatch(/^collection\.add:fail /);
    expect(typeof error.errCode).toBe('number');
    expect(engine.totalChanges()).toBe(writes);
    expect((await db.collection('checkins').doc('act1_m1').get()).data.at).toBe(1);
  });

  test('of many concurrent adds of one _id exactly one succeeds', async () => {
    const attempts = Array.from({ length: 50 }, (_unused, n) =>
      db.collection('checkins').add({ data: { _id: 'act1_m2', n } }),
    );
    const outcomes = await Promise.allSettled(attempts);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect((await db.collection('checkins').count()).total).toBe(1);
  });

  // CloudBase documents no all-or-nothing for a batch add (see emulator/db/actions/write.ts), so
  // the engine does not give it: a batch stops at its first failure, keeping what came before.
  test('a batch is not all-or-nothing: it stops at the first duplicate, keeping the documents before it', async () => {
    await todos().add({ data: { _id: 'x1' } });
    const error = await rejection(todos().add({ data: [{ _id: 'x2' }, { _id: 'x1' }, { _id: 'x3' }] }));
    expect(error.message).toContain('E11000 duplicate key error');
    expect(error.message).toContain('the 1 document(s) of the batch before this one were added');
    expect(idSet(await todos().get())).toEqual(['x1', 'x2']);
  });

  test('a batch repeating an _id of its own stops at the repeat', async () => {
    const error = await rejection(todos().add({ data: [{ _id: 'y1' }, { _id: 'y2' }, { _id: 'y1' }] }));
    expect(error.message).toContain('dup key: { _id: "y1" }');
    expect(idSet(await todos().get())).toEqual(['y1', 'y2']);
  });

  test('a batch stops at a document over 512 KB, keeping the documents before it', async () => {
    const error = await rejection(todos().add({ data: [{ _id: 'z1' }, { _id: 'z2', text: 'x'.repeat(600 * 1024) }] }));
    expect(error.message).toContain('larger than 512 KB');
    expect(idSet(await todos().get())).toEqual(['z1']);
  });

  test('a malformed batch is refused whole, before anything is written', async () => {
    await rejection(todos().add({ data: [{ _id: 'm1' }, { nested: { $bad: 1 } }] }));
    expect((await todos().count()).total).toBe(0);
  });

  test('all of a batch or none of it takes a transaction', async () => {
    await todos().add({ data: { _id: 'x1' } });
    const error = await rejection(
      db.runTransaction(async (tx: SdkValue) => {
        await tx.collection('todos').add({ data: { _id: 'x2' } });
        await tx.collection('todos').add({ data: { _id: 'x1' } });
      }),
    );
    expect(error.message).toContain('E11000 duplicate key error');
    expect(idSet(await todos().get())).toEqual(['x1']);
  });

  test('a document larger than 512 KB is refused, as on CloudBase', async () => {
    const error = await rejection(todos().add({ data: { text: 'x'.repeat(600 * 1024) } }));
    expect(error.message).toContain('larger than 512 KB');
    expect((await todos().count()).total).toBe(0);
  });

  test('field names starting with "$" are refused', async () => {
    const error = await rejection(todos().add({ data: { nested: { $bad: 1 } } }));
    expect(error.message).toContain('must not start with "$"');
  });
});

describe('reading one document', () => {
  test("docs: Document.get — doc('todo-identifiant-aleatoire').get() resolves to {data}", async () => {
    await todos().add({ data: { _id: 'todo-identifiant-aleatoire', description: 'learn cloud database' } });
    const result = await todos().doc('todo-identifiant-aleatoire').get();
    expect(result).toEqual({
      data: { _id: 'todo-identifiant-aleatoire', description: 'learn cloud database' },
      errMsg: 'document.get:ok',
    });
  });

  test('docs: Document.get — a missing document rejects by default', async () => {
    const error = await rejection(todos().doc('missing').get());
    expect(error.message).toBe('document.get:fail document with _id missing does not exist');
  });

  test('docs: Database.runTransaction example — cloud.database({throwOnNotFound: false}) makes a missing doc resolve to {data: null}', async () => {
    const lenient = cloud.database({ throwOnNotFound: false });
    expect(await lenient.collection('todos').doc('missing').get()).toEqual({ data: null, errMsg: 'document.get:ok' });
  });

  test('doc(id) accepts numeric ids, which differ from the same digits as a string', async () => {
    await todos().add({ data: { _id: 1, kind: 'number' } });
    await todos().add({ data: { _id: '1', kind: 'string' } });
    expect((await todos().doc(1).get()).data.kind).toBe('number');
    expect((await todos().doc('1').get()).data.kind).toBe('string');
  });
});

describe('set, update and remove', () => {
  beforeEach(async () => {
    await seed(db, 'todos', [
      {
        _id: 't1',
        description: 'learn',
        progress: 20,
        tags: ['cloud', 'database'],
        style: { color: 'blue', size: 'small' },
        done: false,
      },
      { _id: 't2', description: 'write', progress: 40, tags: ['miniprogram'], done: false },
      { _id: 't3', description: 'ship', progress: 100, tags: [], done: true },
    ]);
  });

  test('docs: Document.set — replaces the whole record: set({data: {description, due, tags, done}})', async () => {
    const result = await todos()
      .doc('t1')
      .set({ data: { description: 'learn cloud database', done: true } });
    expect(result).toEqual({ _id: 't1', errMsg: 'document.set:ok', stats: { updated: 1, created: 0 } });
    expect(await read('t1')).toEqual({ _id: 't1', description: 'learn cloud database', done: true });
  });

  test('docs: Document.set — creates the record when it does not exist', async () => {
    const result = await todos()
      .doc('new-one')
      .set({ data: { description: 'created by set' } });
    expect(result.stats).toEqual({ updated: 0, created: 1 });
    expect(await read('new-one')).toEqual({ _id: 'new-one', description: 'created by set' });
  });

  test('docs: Document.update — update({data: {done: true}}) changes only the given fields', async () => {
    const result = await todos()
      .doc('t1')
      .update({ data: { done: true } });
    expect(result).toEqual({ stats: { updated: 1 }, errMsg: 'document.update:ok' });
    expect(await read('t1')).toMatchObject({ description: 'learn', progress: 20, done: true });
  });

  test('after an update, a where naming a whole array or object still matches the stored value', async () => {
    await todos().add({ data: { _id: 'arr', tags: ['alpha', 'beta'], meta: { a: [1, 2] }, n: 0 } });
    await todos()
      .doc('arr')
      .update({ data: { n: _.inc(1) } });
    expect(
      idSet(
        await todos()
          .where({ tags: ['alpha', 'beta'] })
          .get(),
      ),
    ).toEqual(['arr']);
    expect(
      idSet(
        await todos()
          .where({ meta: _.eq({ a: [1, 2] }) })
          .get(),
      ),
    ).toEqual(['arr']);
    const cas = await todos()
      .where({ _id: 'arr', tags: ['alpha', 'beta'] })
      .update({ data: { n: _.inc(1) } });
    expect(cas.stats.updated).toBe(1);
  });

  test('docs: Document.update — a missing record is not created: {stats: {updated: 0}}', async () => {
    expect(
      (
        await todos()
          .doc('missing')
          .update({ data: { done: true } })
      ).stats,
    ).toEqual({ updated: 0 });
    expect((await todos().count()).total).toBe(3);
  });

  test('updated counts documents actually changed (MongoDB semantics): writing the same value reports 0', async () => {
    const writes = engine.totalChanges();
    expect(
      (
        await todos()
          .doc('t1')
          .update({ data: { progress: 20 } })
      ).stats,
    ).toEqual({ updated: 0 });
    expect(engine.totalChanges()).toBe(writes);
  });

  test('docs: Query.update — where({done: false}).update({data: {progress: _.inc(10)}}) updates every match', async () => {
    const result = await todos()
      .where({ done: false })
      .update({ data: { progress: _.inc(10) } });
    expect(result).toEqual({ stats: { updated: 2 }, errMsg: 'collection.update:ok' });
    expect((await read('t1'))['progress']).toBe(30);
    expect((await read('t2'))['progress']).toBe(50);
    expect((await read('t3'))['progress']).toBe(100);
  });

  test('docs: Query.remove — where({done: true}).remove() removes every match', async () => {
    expect(await todos().where({ done: true }).remove()).toEqual({
      stats: { removed: 1 },
      errMsg: 'collection.remove:ok',
    });
    expect(idSet(await todos().get())).toEqual(['t1', 't2']);
    expect(
      (
        await todos()
          .where({ progress: _.lt(100) })
          .remove()
      ).stats.removed,
    ).toBe(2);
    expect((await todos().count()).total).toBe(0);
  });

  test("docs: Document.remove — doc('t1').remove() resolves to {stats: {removed: 1}}; a missing record to 0", async () => {
    expect(await todos().doc('t1').remove()).toEqual({ stats: { removed: 1 }, errMsg: 'document.remove:ok' });
    expect((await todos().doc('t1').remove()).stats).toEqual({ removed: 0 });
    expect(idSet(await todos().get())).toEqual(['t2', 't3']);
  });

  test('docs: Document.update — _id cannot be updated', async () => {
    const error = await rejection(
      todos()
        .doc('t1')
        .update({ data: { _id: 'other' } }),
    );
    expect(error.message).toContain('不能更新_id的值');
  });
});

describe('update commands', () => {
  beforeEach(async () => {
    await seed(db, 'todos', [
      {
        _id: 'doc-id',
        progress: 20,
        price: 5,
        tags: ['database', 'cloud', 'frontend'],
        style: { color: 'blue', size: 'small' },
        places: [
          { area: 300, age: 1 },
          { area: 50, age: 15 },
        ],
        scores: [5, 1, 4],
      },
    ]);
  });

  const update = async (data: Record<string, unknown>): Promise<Record<string, unknown>> => {
    await todos().doc('doc-id').update({ data });
    return read('doc-id');
  };

  test("docs: Command.set — style: _.set({color: 'red', size: 'large'}) replaces the object, a plain object only sets its fields", async () => {
    expect((await update({ style: { color: 'red' } }))['style']).toEqual({ color: 'red', size: 'small' });
    expect((await update({ style: _.set({ color: 'green' }) }))['style']).toEqual({ color: 'green' });
  });

  test('docs: Command.remove — style: _.remove() deletes the field', async () => {
    expect(await update({ style: _.remove() })).not.toHaveProperty('style');
  });

  test('docs: Command.inc — progress: _.inc(10), atomic under concurrency', async () => {
    expect((await update({ progress: _.inc(10) }))['progress']).toBe(30);
    await Promise.all(
      Array.from({ length: 100 }, () =>
        todos()
          .doc('doc-id')
          .update({ data: { progress: _.inc(1) } }),
      ),
    );
    expect((await read('doc-id'))['progress']).toBe(130);
  });

  test('docs: Command.mul — price: _.mul(10)', async () => {
    expect((await update({ price: _.mul(10) }))['price']).toBe(50);
  });

  test('docs: Command.min / Command.max — progress: _.min(10) lowers, _.max(80) raises, never the other way', async () => {
    expect((await update({ progress: _.min(50) }))['progress']).toBe(20);
    expect((await update({ progress: _.min(10) }))['progress']).toBe(10);
    expect((await update({ progress: _.max(5) }))['progress']).toBe(10);
    expect((await update({ progress: _.max(80) }))['progress']).toBe(80);
  });

  test("docs: Command.rename — progress: _.rename('totalProgress')", async () => {
    const doc = await update({ progress: _.rename('totalProgress') });
    expect(doc).not.toHaveProperty('progress');
    expect(doc['totalProgress']).toBe(20);
  });

  test("docs: Command.push — tags: _.push(['mini-program', 'cloud']) appends; {each, position} inserts; {each, sort, slice} sorts and trims", async () => {
    expect((await update({ tags: _.push(['mini-program', 'cloud']) }))['tags']).toEqual([
      'database',
      'cloud',
      'frontend',
      'mini-program',
      'cloud',
    ]);
    expect((await update({ tags: _.push({ each: ['x'], position: 1 }) }))['tags']).toEqual([
      'database',
      'x',
      'cloud',
      'frontend',
      'mini-program',
      'cloud',
    ]);
    expect((await update({ scores: _.push({ each: [3], sort: -1, slice: 3 }) }))['scores']).toEqual([5, 4, 3]);
  });

  test('docs: Command.pop / Command.shift — remove the last / the first element', async () => {
    expect((await update({ tags: _.pop() }))['tags']).toEqual(['database', 'cloud']);
    expect((await update({ tags: _.shift() }))['tags']).toEqual(['cloud']);
  });

  test("docs: Command.unshift — tags: _.unshift(['mini-program', 'cloud']) prepends", async () => {
    expect((await update({ tags: _.unshift(['mini-program', 'cloud']) }))['tags']).toEqual([
      'mini-program',
      'cloud',
      'database',
      'cloud',
      'frontend',
    ]);
  });

  test("docs: Command.pull — tags: _.pull('database'), _.pull(_.in([...])) and places: _.pull({area: _.gt(100), age: _.lt(2)})", async () => {
    expect((await update({ tags: _.pull('database') }))['tags']).toEqual(['cloud', 'frontend']);
    expect((await update({ tags: _.pull(_.in(['cloud', 'frontend'])) }))['tags']).toEqual([]);
    expect((await update({ places: _.pull({ area: _.gt(100), age: _.lt(2) }) }))['places']).toEqual([
      { area: 50, age: 15 },
    ]);
  });

  test("docs: Command.pullAll — tags: _.pullAll(['database', 'cloud'])", async () => {
    expect((await update({ tags: _.pullAll(['database', 'cloud']) }))['tags']).toEqual(['frontend']);
  });

  test("docs: Command.addToSet — tags: _.addToSet('database') adds nothing twice; _.addToSet({$each: [...]}) adds several", async () => {
    const before = engine.totalChanges();
    expect((await update({ tags: _.addToSet('database') }))['tags']).toEqual(['database', 'cloud', 'frontend']);
    expect(engine.totalChanges()).toBe(before);
    expect((await update({ tags: _.addToSet({ $each: ['cloud', 'mini-program'] }) }))['tags']).toEqual([
      'database',
      'cloud',
      'frontend',
      'mini-program',
    ]);
  });

  test.each([
    ['$bit', '{"$bit":{"n":{"and":{"$numberInt":"1"}}}}'],
    ['$currentDate', '{"$currentDate":{"at":true}}'],
    ['$setOnInsert', '{"$setOnInsert":{"a":1}}'],
  ])(
    'the update operator %s, which CloudBase does not document among its update commands, is refused by name and changes nothing',
    async (operator, data) => {
      const before = await read('doc-id');
      const request = (queryType: 'DOC' | 'WHERE') =>
        engine.handle('database.modifyDocument', {
          collectionName: 'todos',
          queryType,
          query: '{"_id":"doc-id"}',
          data,
          multi: queryType === 'WHERE',
          merge: true,
          upsert: false,
        });
      for (const queryType of ['DOC', 'WHERE'] as const) {
        const error = await rejection(request(queryType));
        expect(error.message).toBe(
          `[LOCAL_RUNTIME_UNSUPPORTED] the update operator ${operator} is not documented by CloudBase, so the local database runtime refuses it`,
        );
      }
      expect(await read('doc-id')).toEqual(before);
    },
  );

  test('an update operator nobody knows is refused by name', async () => {
    const error = await rejection(
      engine.handle('database.modifyDocument', {
        collectionName: 'todos',
        queryType: 'DOC',
        query: '{"_id":"doc-id"}',
        data: '{"$frobnicate":{"a":1}}',
        multi: false,
        merge: true,
        upsert: false,
      }),
    );
    expect(error.message).toBe(
      '[LOCAL_RUNTIME_UNSUPPORTED] the update operator $frobnicate is not supported by the local database runtime',
    );
  });
});

describe('server dates', () => {
  test("docs: Database.serverDate — add({data: {description: 'eat an apple', createTime: db.serverDate()}}) stores the server's time", async () => {
    const before = Date.now();
    const { _id } = await todos().add({ data: { description: 'eat an apple', createTime: db.serverDate() } });
    const after = Date.now();
    const createTime = (await read(_id))['createTime'];
    expect(createTime).toBeInstanceOf(Date);
    expect((createTime as Date).getTime()).toBeGreaterThanOrEqual(before);
    expect((createTime as Date).getTime()).toBeLessThanOrEqual(after);
  });

  test('docs: Database.serverDate — db.serverDate({offset: 60 * 60 * 1000}) is one hour ahead', async () => {
    const before = Date.now();
    const { _id } = await todos().add({ data: { due: db.serverDate({ offset: 60 * 60 * 1000 }) } });
    const due = (await read(_id))['due'] as Date;
    expect(due.getTime() - before).toBeGreaterThanOrEqual(60 * 60 * 1000);
    expect(due.getTime() - before).toBeLessThan(60 * 60 * 1000 + 5_000);
  });

  test('serverDate also works in updates and in query conditions', async () => {
    await todos().add({ data: { _id: 'a', due: new Date(Date.now() - 60_000) } });
    await todos().add({ data: { _id: 'b', due: new Date(Date.now() + 60 * 60_000) } });
    await todos()
      .doc('a')
      .update({ data: { seenAt: db.serverDate() } });
    expect((await read('a'))['seenAt']).toBeInstanceOf(Date);
    expect(
      idSet(
        await todos()
          .where({ due: _.lt(db.serverDate()) })
          .get(),
      ),
    ).toEqual(['a']);
  });
});
