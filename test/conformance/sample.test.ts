/**
 * Aggregate.sample (云开发 / 数据库 / API: Aggregate.sample): `size` documents chosen at random.
 * As on MongoDB, they are distinct, and an input smaller than `size` comes back whole.
 */
import type { Engine } from '../../emulator/db';
import { freshEngine, loadSdk, rejection, seed } from './support';

const { db, _, $ } = loadSdk();
let engine: Engine;

const items = Array.from({ length: 40 }, (_unused, i) => ({ _id: `q${i}`, kind: i % 2 ? 'odd' : 'even', n: i }));

beforeEach(async () => {
  ({ engine } = freshEngine(['items', 'papers']));
  await seed(db, 'items', items);
  await seed(db, 'papers', [{ _id: 'p1' }]);
});
afterEach(() => engine.close());

const ids = (list: { _id: string }[]) => list.map((d) => d._id);

test('docs: Aggregate.sample — sample({size: 5}) gives 5 distinct documents of the input', async () => {
  for (let round = 0; round < 20; round++) {
    const { list } = await db.collection('items').aggregate().match({ kind: 'odd' }).sample({ size: 5 }).end();
    expect(list).toHaveLength(5);
    expect(new Set(ids(list)).size).toBe(5);
    for (const doc of list) expect(doc.kind).toBe('odd');
  }
});

test('a size larger than the input gives every document once, and an empty input gives nothing', async () => {
  const { list } = await db
    .collection('items')
    .aggregate()
    .match({ n: _.lt(6) })
    .sample({ size: 50 })
    .end();
  expect(ids(list).sort()).toEqual(['q0', 'q1', 'q2', 'q3', 'q4', 'q5']);
  const empty = await db
    .collection('items')
    .aggregate()
    .match({ n: _.gt(100) })
    .sample({ size: 3 })
    .end();
  expect(empty.list).toEqual([]);
});

test('every document can be drawn, and the order is random', async () => {
  const seen = new Set<string>();
  const firsts = new Set<string>();
  for (let round = 0; round < 60; round++) {
    const { list } = await db.collection('items').aggregate().sample({ size: 10 }).end();
    ids(list).forEach((id) => seen.add(id));
    firsts.add(list[0]._id);
  }
  expect(seen.size).toBe(items.length);
  expect(firsts.size).toBeGreaterThan(10);
});

test('sample inside a lookup pipeline draws from the joined collection', async () => {
  const { list } = await db
    .collection('papers')
    .aggregate()
    .match({ _id: 'p1' })
    .lookup({
      from: 'items',
      pipeline: $.pipeline().match({ kind: 'even' }).sample({ size: 4 }).done(),
      as: 'drawn',
    })
    .end();
  expect(list[0].drawn).toHaveLength(4);
  expect(new Set(ids(list[0].drawn)).size).toBe(4);
});

test('sample leaves the stored documents as they were', async () => {
  await db.collection('items').aggregate().sample({ size: 40 }).project({ n: 0 }).end();
  expect((await db.collection('items').doc('q3').get()).data).toEqual(items[3]);
});

test('a size that is not a positive integer is refused', async () => {
  expect(await rejection(db.collection('items').aggregate().sample({ size: 0 }).end())).toHaveProperty(
    'message',
    expect.stringMatching(/sample/),
  );
  expect(await rejection(db.collection('items').aggregate().sample({ size: 2.5 }).end())).toHaveProperty(
    'message',
    expect.stringMatching(/sample/),
  );
});
