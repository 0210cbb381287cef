import fc from 'fast-check';
import { Query } from 'mingo';
import { type Collection, Collections } from '../../../emulator/db/collections';
import { type Doc, keyOf } from '../../../emulator/db/documents';
import { candidates, type Criteria, filterDocuments } from '../../../emulator/db/query';
import { Store } from '../../../emulator/db/store';

/**
 * The equality indexes only narrow candidates: every query must return exactly what testing every
 * document returns, in the same (natural) order.
 */
let store: Store;
let collections: Collections;
beforeEach(() => {
  store = new Store(null);
  collections = new Collections(store);
  collections.createCollection('docs');
});
afterEach(() => store.close());

const docs = (): Collection => collections.get('docs');
const put = (...list: Doc[]) =>
  collections.commit(list.map((doc) => ({ collection: 'docs', key: keyOf(doc._id), doc })));
const remove = (...ids: (string | number)[]) =>
  collections.commit(ids.map((id) => ({ collection: 'docs', key: keyOf(id), doc: null })));

/** What a full scan returns: every document in natural order that mingo matches. */
const scan = (criteria: Criteria) => {
  const query = new Query(criteria);
  return docs()
    .all()
    .filter((doc) => query.test(doc))
    .map((doc) => doc._id);
};
const found = (criteria: Criteria) => filterDocuments(docs(), criteria).map((doc) => doc._id);
/** The indexed result, checked against the scan; the ids are returned for the test's own expectation. */
const query = (criteria: Criteria) => {
  const result = found(criteria);
  expect(result).toEqual(scan(criteria));
  return result;
};
const proposed = (criteria: Criteria) => candidates(docs(), criteria).length;

const sample: Doc[] = [
  { _id: 'a', f: 'x', n: 1, ok: true, at: new Date(5), tags: ['red', 'blue'], o: { g: 'x' } },
  { _id: 'b', f: '1', n: '1', ok: false, at: new Date(6), tags: [], o: { g: 1 } },
  { _id: 'c', f: 1, n: 2, ok: 'true', at: 5, tags: 'red', o: [{ g: 'x' }] },
  { _id: 'd', f: null, tags: ['blue', ['red']], o: { g: { h: 1 } } },
  { _id: 'e', n: -0, at: new Date(5), tags: [{ c: 'red' }, 'green'], o: 'x' },
  { _id: 'f', f: ['x', 1], n: 0, ok: [true], at: [new Date(6)], tags: ['red'], o: { g: ['x', 2] } },
];

describe('an indexed query returns exactly what a scan returns, in the same order', () => {
  beforeEach(() => put(...sample));

  test('strings, numbers and booleans are told apart by type', () => {
    expect(query({ f: 'x' })).toEqual(['a', 'f']);
    expect(query({ f: '1' })).toEqual(['b']);
    expect(query({ f: 1 })).toEqual(['c', 'f']);
    expect(query({ n: 1 })).toEqual(['a']);
    expect(query({ n: 0 })).toEqual(['e', 'f']);
    expect(query({ n: -0 })).toEqual(['e', 'f']);
    expect(query({ ok: true })).toEqual(['a', 'f']);
    expect(query({ ok: 'true' })).toEqual(['c']);
    expect(query({ ok: false })).toEqual(['b']);
    // Each answered from the index: fewer candidates than documents.
    expect(proposed({ f: '1' })).toBe(1);
    expect(proposed({ ok: true })).toBe(2);
  });

  test('dates by their time, not by identity, and never equal to a number', () => {
    expect(query({ at: new Date(5) })).toEqual(['a', 'e']);
    expect(query({ at: { $eq: new Date(6) } })).toEqual(['b', 'f']);
    expect(query({ at: 5 })).toEqual(['c']);
    expect(query({ at: { $in: [new Date(5), 6] } })).toEqual(['a', 'e']);
    expect(proposed({ at: new Date(5) })).toBe(2);
  });

  test('arrays match by element; nested arrays and objects in arrays are always candidates', () => {
    expect(query({ tags: 'red' })).toEqual(['a', 'c', 'f']);
    expect(query({ tags: 'blue' })).toEqual(['a', 'd']);
    expect(query({ tags: 'green' })).toEqual(['e']);
    expect(query({ tags: { $in: ['green', 'blue'] } })).toEqual(['a', 'd', 'e']);
    // d ([..., ['red']]) and e ([{c}, ...]) hold values the index cannot key: always proposed, then tested.
    expect(proposed({ tags: 'green' })).toBe(2);
    expect(proposed({ tags: 'red' })).toBe(5);
  });

  test('dotted paths: through objects from the index, through arrays always proposed', () => {
    expect(query({ 'o.g': 'x' })).toEqual(['a', 'c', 'f']);
    expect(query({ 'o.g': 1 })).toEqual(['b']);
    expect(query({ 'o.g': 2 })).toEqual(['f']);
    expect(query({ 'o.g.h': 1 })).toEqual(['d']);
  });

  test('missing fields and null are not served by an index, and still match null', () => {
    expect(query({ f: null })).toEqual(['d', 'e']);
    expect(query({ f: { $in: [null, 'x'] } })).toEqual(['a', 'd', 'e', 'f']);
    expect(query({ ok: { $exists: false } })).toEqual(['d', 'e']);
    expect(proposed({ f: null })).toBe(sample.length);
    expect(query({ nowhere: 'x' })).toEqual([]);
  });

  test('$in of mixed types, an empty $in, and $eq beside other operators', () => {
    expect(query({ f: { $in: ['1', 1, true, new Date(5)] } })).toEqual(['b', 'c', 'f']);
    expect(query({ f: { $in: [] } })).toEqual([]);
    expect(proposed({ f: { $in: [] } })).toBe(0);
    expect(query({ n: { $in: [0, 1, 2], $ne: 2 } })).toEqual(['a', 'e', 'f']);
    expect(query({ n: { $eq: 2, $gt: 1 } })).toEqual(['c']);
  });

  test('several equalities: the smallest candidate set is used and the whole query still applies', () => {
    expect(query({ tags: 'red', f: 1 })).toEqual(['c', 'f']);
    expect(proposed({ tags: 'red', f: '1' })).toBe(1);
    expect(query({ tags: 'red', f: '1' })).toEqual([]);
    expect(query({ $and: [{ f: { $in: ['x', 1] } }, { n: 0 }] })).toEqual(['f']);
    expect(proposed({ $and: [{ f: { $in: ['x', 1] } }, { n: 0 }] })).toBe(2);
    expect(query({ $or: [{ f: 'x' }, { n: 2 }] })).toEqual(['a', 'c', 'f']);
  });

  test('an object equality and operators an index cannot answer scan as before', () => {
    expect(query({ o: { g: 'x' } })).toEqual(['a', 'c']);
    expect(query({ o: { $eq: { g: 1 } } })).toEqual(['b']);
    expect(query({ f: { $regex: '^x' } })).toEqual(['a', 'f']);
    expect(query({ n: { $in: [/1/] } })).toEqual(['b']);
    expect(proposed({ o: { g: 'x' } })).toBe(sample.length);
  });

  test('a limit takes the first matches in natural order', () => {
    expect(filterDocuments(docs(), { tags: 'red' }, 2).map((doc) => doc._id)).toEqual(['a', 'c']);
  });
});

describe('writes keep the indexes and the natural order', () => {
  test('updates move a document between values and keep its place; a removed one re-added goes last', () => {
    put(...sample);
    expect(query({ f: 'x' })).toEqual(['a', 'f']);
    put({ _id: 'f', f: 'y' }, { _id: 'c', f: 'x' });
    expect(query({ f: 'x' })).toEqual(['a', 'c']);
    expect(query({ f: 'y' })).toEqual(['f']);
    expect(query({ f: { $in: ['y', 'x'] } })).toEqual(['a', 'c', 'f']);
    remove('a');
    expect(query({ f: 'x' })).toEqual(['c']);
    put({ _id: 'a', f: 'x' });
    expect(query({ f: 'x' })).toEqual(['c', 'a']);
    expect(query({ f: { $in: ['x', 'y'] } })).toEqual(['c', 'f', 'a']);
    // A removed document leaves no candidate behind.
    remove('c', 'a');
    expect(query({ f: 'x' })).toEqual([]);
    expect(proposed({ f: 'x' })).toBe(0);
  });

  test('an index built after writes and one built before them agree', () => {
    put(...sample);
    expect(query({ n: 0 })).toEqual(['e', 'f']);
    remove('e');
    put({ _id: 'e', n: 0 }, { _id: 'z', n: 0 }, { _id: 'b', n: 0 });
    expect(query({ n: 0 })).toEqual(['b', 'f', 'e', 'z']);
    // A field first queried only now is indexed from the current documents.
    expect(query({ ok: false })).toEqual([]);
    expect(query({ ok: true })).toEqual(['a', 'f']);
  });

  test('numeric ids and string ids are different documents', () => {
    put({ _id: 1, f: 'x' }, { _id: '1', f: 'x' });
    expect(query({ f: 'x' })).toEqual([1, '1']);
    remove(1);
    expect(query({ f: 'x' })).toEqual(['1']);
  });
});

describe('randomized: indexed results equal scan results over random documents and writes', () => {
  const scalar = fc.oneof(
    fc.constantFrom('x', 'y', '1', '', 'true'),
    fc.constantFrom(0, -0, 1, 2, 1.5, Number.NaN),
    fc.boolean(),
    fc.constantFrom(5, 6).map((t) => new Date(t)),
  );
  const leaf = fc.oneof({ weight: 6, arbitrary: scalar }, { weight: 1, arbitrary: fc.constant(null) });
  const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    value: fc.oneof(
      { weight: 6, arbitrary: leaf },
      { weight: 2, arbitrary: fc.array(tie('value'), { maxLength: 3 }) },
      {
        weight: 1,
        arbitrary: fc.dictionary(fc.constantFrom('g', 'h'), tie('value'), { maxKeys: 2, noNullPrototype: true }),
      },
    ),
  })).value;
  const fields = fc.dictionary(fc.constantFrom('f', 'n', 'o'), value, { maxKeys: 3, noNullPrototype: true });
  const id = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 1, 2);
  const write = fc.oneof(
    { weight: 3, arbitrary: fc.record({ id, fields }).map(({ id, fields }) => ({ id, doc: fields })) },
    { weight: 1, arbitrary: id.map((id) => ({ id, doc: null })) },
  );
  const path = fc.constantFrom('f', 'n', 'o', 'o.g', 'o.h', 'o.g.h');
  const condition = fc.oneof(
    scalar,
    scalar.map((v) => ({ $eq: v })),
    fc.array(fc.oneof(scalar, fc.constant(null)), { maxLength: 3 }).map((list) => ({ $in: list })),
    scalar.map((v) => ({ $ne: v })),
    fc.constant(null),
  );
  const criteria = fc.dictionary(path, condition, { minKeys: 1, maxKeys: 3, noNullPrototype: true });

  test('any sequence of writes and queries', () => {
    // Queries the index narrowed, so that the property is known to exercise the indexes at all.
    let narrowed = 0;
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            write.map((w) => ({ write: w })),
            criteria.map((c) => ({ query: c })),
          ),
          {
            minLength: 1,
            maxLength: 40,
          },
        ),
        (steps) => {
          const local = new Store(null);
          try {
            const all = new Collections(local);
            all.createCollection('docs');
            for (const step of steps) {
              if ('write' in step) {
                const { id: docId, doc } = step.write;
                all.commit([
                  { collection: 'docs', key: keyOf(docId), doc: doc === null ? null : { ...doc, _id: docId } },
                ]);
                continue;
              }
              const collection = all.get('docs');
              const test = new Query(step.query);
              const expected = collection
                .all()
                .filter((doc) => test.test(doc))
                .map((doc) => doc._id);
              const actual = filterDocuments(collection, step.query).map((doc) => doc._id);
              if (candidates(collection, step.query).length < collection.docs.size) narrowed++;
              if (JSON.stringify(actual) !== JSON.stringify(expected)) {
                throw new Error(
                  `${JSON.stringify(step.query)}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`,
                );
              }
            }
          } finally {
            local.close();
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(narrowed).toBeGreaterThan(300);
  });
});
