/**
 * Aggregation stages and `db.command.aggregate` operators, following the examples of the WeChat
 * cloud development docs (云开发 / 数据库 / API: Aggregate.*, AggregateCommand.*).
 */
import type { Engine } from '../../emulator/db';
import { freshEngine, loadSdk, rejection, seed } from './support';

const { db, _, $ } = loadSdk();
/** The collections these tests use; CloudBase needs each created first. */
const COLLECTIONS = ['books', 'orders', 'products', 'scores'];
let engine: Engine;

const books = [
  { _id: 'book1', category: 'novel', title: 'novel 1', author: 'author 1', stock: 10 },
  { _id: 'book2', category: 'novel', title: 'novel 2', author: 'author 2', stock: 20 },
  { _id: 'book3', category: 'science', title: 'science 1', author: 'author 3', stock: 30 },
  { _id: 'book4', category: 'science', title: 'science 2', author: 'author 3', stock: 40 },
  { _id: 'book5', category: 'poetry', title: 'poetry 1', author: 'author 4', stock: 50 },
];

beforeEach(async () => {
  ({ engine } = freshEngine(COLLECTIONS));
  await seed(db, 'books', books);
});
afterEach(() => engine.close());

const aggregate = () => db.collection('books').aggregate();

test("docs: Aggregate.group — group({_id: '$category', num: $.sum(1)}); resolves to {list, errMsg}", async () => {
  const result = await aggregate()
    .group({ _id: '$category', num: $.sum(1) })
    .sort({ _id: 1 })
    .end();
  expect(result).toEqual({
    list: [
      { _id: 'novel', num: 2 },
      { _id: 'poetry', num: 1 },
      { _id: 'science', num: 2 },
    ],
    errMsg: 'collection.aggregate:ok',
  });
});

test("docs: AggregateCommand.avg / max / push — group by author with $.avg('$stock'), $.max('$stock'), $.push('$title')", async () => {
  const { list } = await aggregate()
    .match({ author: 'author 3' })
    .group({ _id: '$author', avgStock: $.avg('$stock'), maxStock: $.max('$stock'), titles: $.push('$title') })
    .end();
  expect(list).toEqual([{ _id: 'author 3', avgStock: 35, maxStock: 40, titles: ['science 1', 'science 2'] }]);
});

test("docs: Aggregate.match — match({category: 'science'}) with query commands: match({stock: _.gt(25)})", async () => {
  const { list } = await aggregate()
    .match({ category: 'science', stock: _.gt(35) })
    .end();
  expect(list.map((doc: { _id: string }) => doc._id)).toEqual(['book4']);
});

test("docs: Aggregate.project — project({_id: 0, book: '$title', stock: 1}) and expression operators such as $.add / $.concat / $.cond", async () => {
  const { list } = await aggregate()
    .match({ _id: 'book1' })
    .project({
      _id: 0,
      book: '$title',
      stock: 1,
      doubled: $.multiply(['$stock', 2]),
      label: $.concat(['$category', ': ', '$title']),
      level: $.cond({ if: $.gte(['$stock', 20]), then: 'high', else: 'low' }),
    })
    .end();
  expect(list).toEqual([{ book: 'novel 1', stock: 10, doubled: 20, label: 'novel: novel 1', level: 'low' }]);
});

test('docs: Aggregate.sort / skip / limit — sort({stock: -1}).skip(1).limit(2)', async () => {
  const { list } = await aggregate().sort({ stock: -1 }).skip(1).limit(2).end();
  expect(list.map((doc: { _id: string }) => doc._id)).toEqual(['book4', 'book3']);
});

test("docs: Aggregate.count — match({stock: _.gt(25)}).count('expensiveCount')", async () => {
  expect(
    (
      await aggregate()
        .match({ stock: _.gt(25) })
        .count('expensiveCount')
        .end()
    ).list,
  ).toEqual([{ expensiveCount: 3 }]);
});

test("docs: Aggregate.sortByCount — sortByCount('$category') counts per value, most frequent first", async () => {
  const { list } = await aggregate().sortByCount('$category').end();
  expect(list.slice(0, 2).map((doc: { count: number }) => doc.count)).toEqual([2, 2]);
  expect(list[2]).toEqual({ _id: 'poetry', count: 1 });
});

test("docs: Aggregate.addFields — addFields({totalHomework: $.sum('$homework'), totalQuiz: $.sum('$quiz')})", async () => {
  await seed(db, 'scores', [{ _id: 1, student: 'Maya', homework: [10, 5, 10], quiz: [10, 8], extraCredit: 0 }]);
  const { list } = await db
    .collection('scores')
    .aggregate()
    .addFields({ totalHomework: $.sum('$homework'), totalQuiz: $.sum('$quiz') })
    .addFields({ totalScore: $.add(['$totalHomework', '$totalQuiz', '$extraCredit']) })
    .end();
  expect(list).toEqual([
    {
      _id: 1,
      student: 'Maya',
      homework: [10, 5, 10],
      quiz: [10, 8],
      extraCredit: 0,
      totalHomework: 25,
      totalQuiz: 18,
      totalScore: 43,
    },
  ]);
});

test("docs: Aggregate.unwind — unwind('$size') emits one record per array element", async () => {
  await seed(db, 'products', [
    { _id: 'p1', product: 'tshirt', size: ['S', 'M', 'L'] },
    { _id: 'p2', product: 'pants', size: [] },
  ]);
  const { list } = await db.collection('products').aggregate().unwind('$size').end();
  expect(list).toEqual([
    { _id: 'p1', product: 'tshirt', size: 'S' },
    { _id: 'p1', product: 'tshirt', size: 'M' },
    { _id: 'p1', product: 'tshirt', size: 'L' },
  ]);
});

describe('lookup', () => {
  beforeEach(async () => {
    await seed(db, 'orders', [
      { _id: 4, book: 'novel 1', price: 30, quantity: 2 },
      { _id: 5, book: 'science 1', price: 20, quantity: 1 },
      { _id: 6 },
    ]);
  });

  test("docs: Aggregate.lookup — lookup({from: 'books', localField: 'book', foreignField: 'title', as: 'bookList'})", async () => {
    const { list } = await db
      .collection('orders')
      .aggregate()
      .lookup({ from: 'books', localField: 'book', foreignField: 'title', as: 'bookList' })
      .end();
    expect(list).toEqual([
      { _id: 4, book: 'novel 1', price: 30, quantity: 2, bookList: [books[0]] },
      { _id: 5, book: 'science 1', price: 20, quantity: 1, bookList: [books[2]] },
      { _id: 6, bookList: [] },
    ]);
  });

  test('docs: Aggregate.lookup — let/pipeline form with _.expr($.eq([...])) and $.pipeline()', async () => {
    const { list } = await db
      .collection('orders')
      .aggregate()
      .match({ _id: 4 })
      .lookup({
        from: 'books',
        let: { orderBook: '$book', orderQuantity: '$quantity' },
        pipeline: $.pipeline()
          .match(_.expr($.and([$.eq(['$title', '$$orderBook']), $.gte(['$stock', '$$orderQuantity'])])))
          .project({ _id: 0, title: 1, stock: 1 })
          .done(),
        as: 'bookList',
      })
      .end();
    expect(list).toEqual([
      { _id: 4, book: 'novel 1', price: 30, quantity: 2, bookList: [{ title: 'novel 1', stock: 10 }] },
    ]);
  });

  test('lookup and later stages never change the stored documents', async () => {
    await db
      .collection('orders')
      .aggregate()
      .lookup({ from: 'books', localField: 'book', foreignField: 'title', as: 'bookList' })
      .unwind('$bookList')
      .addFields({ 'bookList.stock': 0, extra: 1 })
      .end();
    expect((await db.collection('books').doc('book1').get()).data).toEqual(books[0]);
    expect((await db.collection('orders').doc(4).get()).data).toEqual({
      _id: 4,
      book: 'novel 1',
      price: 30,
      quantity: 2,
    });
  });
});

test('sorting in a pipeline leaves the natural order of get() alone', async () => {
  await aggregate().sort({ stock: -1 }).end();
  expect((await db.collection('books').get()).data.map((doc: { _id: string }) => doc._id)).toEqual(
    books.map((book) => book._id),
  );
});

test('docs: Aggregate.geoNear is refused by name', async () => {
  const near = await rejection(
    aggregate()
      .geoNear({ distanceField: 'distance', near: db.Geo.Point(113.3, 23.1) })
      .end(),
  );
  expect(near.message).toContain('[LOCAL_RUNTIME_UNSUPPORTED] the geo aggregation stage $geoNear');
});

test('stages the SDK cannot send but a raw request could ($out, $merge) are refused by name', async () => {
  // wx-server-sdk lists out() but @cloudbase/database has no such stage, so this goes to the engine directly.
  const out = await rejection(
    engine.handle('database.aggregateDocuments', {
      collectionName: 'books',
      stages: [{ stageKey: '$out', stageValue: '"copies"' }],
    }),
  );
  expect(out.message).toBe(
    '[LOCAL_RUNTIME_UNSUPPORTED] the aggregation stage $out is not supported by the local database runtime',
  );
});

test.each([
  ['$facet', '{"byGenre":[{"$group":{"_id":"$category"}}]}'],
  [
    '$graphLookup',
    '{"from":"books","startWith":"$author","connectFromField":"author","connectToField":"title","as":"chain"}',
  ],
  ['$redact', '"$$KEEP"'],
  ['$replaceWith', '"$author"'],
  ['$set', '{"x":1}'],
  ['$unset', '"title"'],
])(
  'the stage %s, which CloudBase does not document (the SDK has no method that sends it), is refused by name in a raw request',
  async (stage, value) => {
    const error = await rejection(
      engine.handle('database.aggregateDocuments', {
        collectionName: 'books',
        stages: [{ stageKey: stage, stageValue: value }],
      }),
    );
    expect(error.message).toBe(
      `[LOCAL_RUNTIME_UNSUPPORTED] the aggregation stage ${stage} is not documented by CloudBase, so the local database runtime refuses it`,
    );
  },
);

test('an undocumented stage is refused inside a $lookup pipeline too', async () => {
  const error = await rejection(
    engine.handle('database.aggregateDocuments', {
      collectionName: 'books',
      stages: [
        {
          stageKey: '$lookup',
          stageValue: '{"from":"books","pipeline":[{"$facet":{"all":[{"$match":{}}]}}],"as":"same"}',
        },
      ],
    }),
  );
  expect(error.message).toContain('the aggregation stage $facet is not documented by CloudBase');
});
