/**
 * Query commands and query options, each following the example on its page of the WeChat cloud
 * development docs (云开发 / 数据库 / API: Command.*, Collection.*), run through the real
 * wx-server-sdk against the local engine.
 */
import type { Engine } from '../../emulator/db';
import { freshEngine, idSet, ids, loadSdk, rejection, seed } from './support';

const { db, _ } = loadSdk();
/** The collections these tests use; CloudBase needs each created first. */
const COLLECTIONS = ['articles', 'cities', 'events', 'scores', 'todos', 'empty'];
let engine: Engine;

const todos = [
  { _id: 't1', description: 'learn cloud database', progress: 0, tags: ['cloud', 'database'], done: false },
  { _id: 't2', description: 'write mini program', progress: 45, tags: ['miniprogram'], done: false },
  { _id: 't3', description: 'Learn MiniProgram', progress: 60, tags: ['cloud', 'miniprogram', 'database'], done: true },
  { _id: 't4', description: 'deploy', progress: 100, tags: [], done: true },
  { _id: 't5', description: 'no progress yet', tags: ['cloud'] },
];

beforeEach(async () => {
  ({ engine } = freshEngine(COLLECTIONS));
  await seed(db, 'todos', todos);
});
afterEach(() => engine.close());

const where = async (condition: unknown): Promise<string[]> =>
  idSet(await db.collection('todos').where(condition).get());

describe('comparison commands', () => {
  test('docs: Command.eq — where({_openid: _.eq(openid)}); _.eq({..}) matches the whole object, a plain object matches its fields', async () => {
    expect(await where({ progress: _.eq(60) })).toEqual(['t3']);
    await seed(db, 'articles', [
      { _id: 'a1', stat: { publishYear: 2018, language: 'zh-CN' } },
      { _id: 'a2', stat: { publishYear: 2018, language: 'zh-CN', pages: 300 } },
    ]);
    const articles = db.collection('articles');
    expect(idSet(await articles.where({ stat: { publishYear: 2018, language: 'zh-CN' } }).get())).toEqual(['a1', 'a2']);
    expect(idSet(await articles.where({ stat: _.eq({ publishYear: 2018, language: 'zh-CN' }) }).get())).toEqual(['a1']);
  });

  test('docs: Command.neq — the opposite of eq; a record without the field also matches', async () => {
    expect(await where({ progress: _.neq(100) })).toEqual(['t1', 't2', 't3', 't5']);
  });

  test('docs: Command.lt / lte / gt / gte — where({progress: _.lt(50)})', async () => {
    expect(await where({ progress: _.lt(50) })).toEqual(['t1', 't2']);
    expect(await where({ progress: _.lte(45) })).toEqual(['t1', 't2']);
    expect(await where({ progress: _.gt(50) })).toEqual(['t3', 't4']);
    expect(await where({ progress: _.gte(60) })).toEqual(['t3', 't4']);
  });

  test('docs: Command.lt — "可以传入 Date 对象用于进行日期比较"', async () => {
    await seed(db, 'events', [
      { _id: 'e1', due: new Date('2018-09-01T00:00:00Z') },
      { _id: 'e2', due: new Date('2019-09-01T00:00:00Z') },
    ]);
    const result = await db
      .collection('events')
      .where({ due: _.lt(new Date('2019-01-01T00:00:00Z')) })
      .get();
    expect(ids(result)).toEqual(['e1']);
    expect(result.data[0].due).toEqual(new Date('2018-09-01T00:00:00Z'));
  });

  test('docs: Command.in — where({progress: _.in([0, 100])})', async () => {
    expect(await where({ progress: _.in([0, 100]) })).toEqual(['t1', 't4']);
  });

  test('docs: Command.nin — where({progress: _.nin([0, 100])}); a record without the field matches', async () => {
    expect(await where({ progress: _.nin([0, 100]) })).toEqual(['t2', 't3', 't5']);
  });
});

describe('logic commands', () => {
  test("docs: Command.and — progress: _.gt(50).and(_.lt(100)), _.and(_.gt(50), _.lt(100)), _.gt(50).lt(100) and the root form _.and([{progress: _.gt(50)}, {tags: 'cloud'}])", async () => {
    expect(await where({ progress: _.gt(50).and(_.lt(100)) })).toEqual(['t3']);
    expect(await where({ progress: _.and(_.gt(50), _.lt(100)) })).toEqual(['t3']);
    expect(await where({ progress: _.gt(50).lt(100) })).toEqual(['t3']);
    expect(await where(_.and([{ progress: _.gt(50) }, { tags: 'cloud' }]))).toEqual(['t3']);
  });

  test('docs: Command.or — field form progress: _.gt(80).or(_.lt(20)) and cross-field _.or([{progress: _.gt(80)}, {done: true}])', async () => {
    expect(await where({ progress: _.gt(80).or(_.lt(20)) })).toEqual(['t1', 't4']);
    expect(await where({ progress: _.or(_.gt(80), _.lt(20)) })).toEqual(['t1', 't4']);
    expect(await where(_.or([{ progress: _.gt(80) }, { done: true }]))).toEqual(['t3', 't4']);
  });

  test('docs: Command.nor — progress: _.nor([_.lt(20), _.gt(80)]) also selects records without progress; _.exists(true).and(_.nor(...)) does not', async () => {
    expect(await where({ progress: _.nor([_.lt(20), _.gt(80)]) })).toEqual(['t2', 't3', 't5']);
    expect(await where({ progress: _.exists(true).and(_.nor([_.lt(20), _.gt(80)])) })).toEqual(['t2', 't3']);
  });

  test("docs: Command.nor — root form _.nor([{progress: _.lt(20)}, {tags: 'miniprogram'}])", async () => {
    expect(await where(_.nor([{ progress: _.lt(20) }, { tags: 'miniprogram' }]))).toEqual(['t4', 't5']);
  });

  test('docs: Command.not — progress: _.not(_.eq(100)) selects every todo whose progress is not 100', async () => {
    expect(await where({ progress: _.not(_.eq(100)) })).toEqual(['t1', 't2', 't3', 't5']);
    expect(await where({ progress: _.not(_.in([0, 100])) })).toEqual(['t2', 't3', 't5']);
    expect(await where({ description: _.not(/learn/i) })).toEqual(['t2', 't4', 't5']);
  });
});

describe('element and array commands', () => {
  test('docs: Command.exists — where({tags: _.exists(true)}), here on progress, which one todo lacks', async () => {
    expect(await where({ progress: _.exists(true) })).toEqual(['t1', 't2', 't3', 't4']);
    expect(await where({ progress: _.exists(false) })).toEqual(['t5']);
  });

  test('docs: Command.size — where({tags: _.size(2)})', async () => {
    expect(await where({ tags: _.size(2) })).toEqual(['t1']);
  });

  test("docs: Command.all — where({tags: _.all(['cloud', 'database'])})", async () => {
    expect(await where({ tags: _.all(['cloud', 'database']) })).toEqual(['t1', 't3']);
  });

  test('docs: Command.elemMatch — places: _.elemMatch({area: _.gt(100), age: _.lt(2)}), unlike the plain object form', async () => {
    await seed(db, 'cities', [
      {
        _id: 'a0',
        city: 'x0',
        places: [
          { type: 'garden', area: 300, age: 1 },
          { type: 'theatre', area: 50, age: 15 },
        ],
      },
      {
        _id: 'a1',
        city: 'x1',
        places: [
          { type: 'garden', area: 300, age: 15 },
          { type: 'theatre', area: 50, age: 1 },
        ],
      },
    ]);
    const cities = db.collection('cities');
    expect(idSet(await cities.where({ places: _.elemMatch({ area: _.gt(100), age: _.lt(2) }) }).get())).toEqual(['a0']);
    // Without elemMatch the two conditions may be met by different elements.
    expect(idSet(await cities.where({ places: { area: _.gt(100), age: _.lt(2) } }).get())).toEqual(['a0', 'a1']);
  });

  test('docs: Command.elemMatch — scores: _.elemMatch(...) on an array of numbers (a single command, or plain operators)', async () => {
    await seed(db, 'scores', [
      { _id: 's0', scores: [60, 80, 90] },
      { _id: 's1', scores: [60, 100] },
    ]);
    const scores = db.collection('scores');
    expect(idSet(await scores.where({ scores: _.elemMatch(_.gt(80)) }).get())).toEqual(['s0', 's1']);
    expect(ids(await scores.where({ scores: _.elemMatch({ $gt: 80, $lt: 100 }) }).get())).toEqual(['s0']);
  });

  test('docs: Command.mod — progress: _.mod(10, 0) selects progress values that are multiples of 10', async () => {
    expect(await where({ progress: _.mod(10, 0) })).toEqual(['t1', 't3', 't4']);
  });
});

/**
 * Documented forms that wx-server-sdk 4.0.2 does not encode: the payload it sends would match
 * nothing on CloudBase, without any error. The local runtime refuses them instead.
 */
describe('documented forms wx-server-sdk 4.0.2 mis-encodes fail loudly', () => {
  test('docs: Command.elemMatch — scores: _.elemMatch(_.gt(80).lt(100)) arrives as {operator, operands}', async () => {
    const error = await rejection(
      db
        .collection('todos')
        .where({ scores: _.elemMatch(_.gt(80).lt(100)) })
        .get(),
    );
    expect(error.message).toContain('[INVALID_PARAM] the command "and" was not encoded by wx-server-sdk 4.0.2');
  });

  test('docs: Command.all — places: _.all([_.elemMatch({area: _.gt(100), age: _.lt(2)}), ...]) arrives as {operator, operands}', async () => {
    const condition = {
      places: _.all([_.elemMatch({ area: _.gt(100), age: _.lt(2) }), _.elemMatch({ type: 'mall', age: _.gt(5) })]),
    };
    const error = await rejection(db.collection('todos').where(condition).get());
    expect(error.message).toContain('the command "gt" was not encoded');
  });

  test('docs: Command.not — progress: _.not(_.or([_.lt(50), _.eq(100)])) arrives as {progress: {}}', async () => {
    const error = await rejection(
      db
        .collection('todos')
        .where({ progress: _.not(_.or([_.lt(50), _.eq(100)])) })
        .get(),
    );
    expect(error.message).toContain('the condition on "progress" arrived empty');
    const regexp = await rejection(
      db
        .collection('todos')
        .where({ description: _.not(db.RegExp({ regexp: 'learn' })) })
        .count(),
    );
    expect(regexp.message).toContain('the condition on "description" arrived empty');
  });

  test('docs: Command.nor — the chained _.exists().nor(...) of the docs is not a function in this SDK', () => {
    expect(typeof _.exists(true).nor).toBe('undefined');
  });
});

describe('regular expressions', () => {
  test("docs: Database.RegExp — where({description: db.RegExp({regexp: 'miniprogram', options: 'i'})})", async () => {
    expect(await where({ description: db.RegExp({ regexp: 'miniprogram', options: 'i' }) })).toEqual(['t3']);
    expect(await where({ description: db.RegExp({ regexp: '^learn', options: 'i' }) })).toEqual(['t1', 't3']);
    expect(await where({ description: db.RegExp({ regexp: '^learn' }) })).toEqual(['t1']);
  });

  test('docs: Database.RegExp — a JS regular expression works too: where({description: /miniprogram/i})', async () => {
    expect(await where({ description: /miniprogram/i })).toEqual(['t3']);
  });

  test('a regex option without a JS equivalent is refused by name', async () => {
    const error = await rejection(
      db
        .collection('todos')
        .where({ description: db.RegExp({ regexp: 'a b', options: 'x' }) })
        .get(),
    );
    expect(error.message).toContain('LOCAL_RUNTIME_UNSUPPORTED');
    expect(error.message).toContain('regular expression option "x"');
  });
});

describe('geo commands are not supported locally and fail loudly', () => {
  test('docs: Command.geoNear — location: _.geoNear({geometry: db.Geo.Point(113.3238, 23.0977), maxDistance: 1000})', async () => {
    const query = {
      location: _.geoNear({ geometry: db.Geo.Point(113.323809, 23.097732), minDistance: 1000, maxDistance: 5000 }),
    };
    const error = await rejection(db.collection('todos').where(query).get());
    expect(error.message).toContain('[LOCAL_RUNTIME_UNSUPPORTED] the geo query operator $nearSphere');
  });

  test('docs: Command.geoWithin / geoIntersects are refused by name too', async () => {
    const area = db.Geo.Polygon([
      db.Geo.LineString([db.Geo.Point(0, 0), db.Geo.Point(3, 2), db.Geo.Point(2, 3), db.Geo.Point(0, 0)]),
    ]);
    const within = await rejection(
      db
        .collection('todos')
        .where({ location: _.geoWithin({ geometry: area }) })
        .get(),
    );
    expect(within.message).toContain('$geoWithin');
    const intersects = await rejection(
      db
        .collection('todos')
        .where({ location: _.geoIntersects({ geometry: area }) })
        .count(),
    );
    expect(intersects.message).toContain('$geoIntersects');
  });
});

test('docs: Command.jsonSchema — other operators the local runtime lacks are refused by name', async () => {
  const error = await rejection(
    db
      .collection('todos')
      .where(_.jsonSchema({ required: ['progress'] }))
      .get(),
  );
  expect(error.message).toContain('[LOCAL_RUNTIME_UNSUPPORTED] the query operator $jsonSchema');
});

describe('query options', () => {
  test("docs: Collection.orderBy — orderBy('progress', 'desc'); a missing field sorts as null, below every number", async () => {
    expect(ids(await db.collection('todos').orderBy('progress', 'desc').get())).toEqual(['t4', 't3', 't2', 't1', 't5']);
    expect(ids(await db.collection('todos').orderBy('progress', 'asc').get())).toEqual(['t5', 't1', 't2', 't3', 't4']);
  });

  test("docs: Collection.orderBy — several orderBy calls sort by each field in turn: orderBy('done', 'desc').orderBy('progress', 'asc')", async () => {
    const result = await db
      .collection('todos')
      .where({ done: _.exists(true) })
      .orderBy('done', 'desc')
      .orderBy('progress', 'asc')
      .get();
    expect(ids(result)).toEqual(['t3', 't4', 't1', 't2']);
  });

  test('docs: Collection.skip / Collection.limit — paging after sorting', async () => {
    const page = await db.collection('todos').orderBy('progress', 'desc').skip(1).limit(2).get();
    expect(ids(page)).toEqual(['t3', 't2']);
  });

  test('docs: Collection.field — field({description: true, done: true, progress: true}) returns only those fields and _id', async () => {
    const result = await db
      .collection('todos')
      .where({ _id: 't3' })
      .field({ description: true, done: true, progress: true })
      .get();
    expect(result.data).toEqual([{ _id: 't3', description: 'Learn MiniProgram', progress: 60, done: true }]);
    expect(Object.keys(result.data[0])[0]).toBe('_id');
  });

  test('docs: Collection.field — false excludes a field; it also applies to doc(id).get()', async () => {
    const listed = await db.collection('todos').where({ _id: 't1' }).field({ tags: false, description: false }).get();
    expect(listed.data).toEqual([{ _id: 't1', progress: 0, done: false }]);
    const single = await db.collection('todos').doc('t1').field({ progress: true }).get();
    expect(single.data).toEqual({ _id: 't1', progress: 0 });
  });

  test('docs: Command.project.slice — field({tags: _.project.slice(1)}) returns the first array element only', async () => {
    const result = await db
      .collection('todos')
      .where({ _id: 't3' })
      .field({ tags: _.project.slice(1) })
      .get();
    expect(result.data[0].tags).toEqual(['cloud']);
  });

  test('docs: Collection.count — where({done: true}).count() resolves to {total}', async () => {
    const result = await db.collection('todos').where({ done: true }).count();
    expect(result).toEqual({ total: 2, errMsg: 'collection.count:ok' });
    expect((await db.collection('todos').count()).total).toBe(5);
  });

  test('docs: Collection.get — resolves to {data, errMsg: "collection.get:ok"}', async () => {
    const result = await db.collection('todos').where({ _id: 't4' }).get();
    expect(result).toEqual({ data: [todos[3]], errMsg: 'collection.get:ok' });
  });

  test('a collection that was created but never written reads as empty', async () => {
    expect(await db.collection('empty').get()).toEqual({ data: [], errMsg: 'collection.get:ok' });
    expect((await db.collection('empty').count()).total).toBe(0);
  });
});
