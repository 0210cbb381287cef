import fc from 'fast-check';
import { Aggregator } from 'mingo';
import { encodeDocument } from '../../../emulator/db/ejson';
import { groupDirectly } from '../../../emulator/db/fast-group';
import { engineAggregator } from '../../../emulator/db/sample';

/**
 * The engine computes `$group` stages of the shapes the statistics use directly (fast-group.ts)
 * instead of through mingo. Whatever the data, the answer must be the one mingo gives — the same
 * groups in the same order, the same sums and pushed rows — as the SDK receives it (encoded).
 */
const KEYS = ['a', 'b', 'c', 'toString'] as const;
const PATHS = ['$a', '$b', '$c', '$a.b', '$a.c', '$b.a', '$b.a.c', '$c.c', '$toString', '$a.toString'];
/** Keys of groups: a few strings so that groups repeat. */
const word = fc.constantFrom('x', 'y', 'z', '');

const scalar = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.double({ min: -1e6, max: 1e6 }),
  fc.constantFrom(Number.NaN, -0, 0.1, 0.2),
  word,
  fc.constant(null),
  fc.boolean(),
  fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }),
);

/** A document's values: scalars and objects of the same keys, with arrays only where `arrays`. */
const value = (arrays: boolean) =>
  fc.letrec<{ value: unknown; object: Record<string, unknown> }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      scalar,
      tie('object'),
      ...(arrays ? [fc.array(fc.oneof(scalar, tie('object')), { maxLength: 3 })] : []),
    ),
    object: fc.record(Object.fromEntries(KEYS.map((k) => [k, tie('value')])), {
      requiredKeys: [],
      noNullPrototype: true,
    }),
  })).value;

const documents = (arrays: boolean) =>
  fc.array(
    fc.record(Object.fromEntries(KEYS.map((k) => [k, value(arrays)])), { requiredKeys: [], noNullPrototype: true }),
    {
      maxLength: 25,
    },
  );

/** Keys the direct path groups by itself: strings, null or missing (anything else goes to mingo). */
const keyedDocuments = (arrays: boolean) =>
  fc.array(
    fc.record(
      {
        k: fc.oneof(word, fc.constant(null)),
        g: fc.record({ k: fc.oneof(word, fc.constant(null)) }, { requiredKeys: [], noNullPrototype: true }),
        ...Object.fromEntries(KEYS.map((k) => [k, value(arrays)])),
      },
      { requiredKeys: [], noNullPrototype: true },
    ),
    { maxLength: 25 },
  );

const accumulator = fc.oneof(
  fc.constantFrom(...PATHS).map((path) => ({ $sum: path })),
  fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(0.1, 0.7, -2.5)).map((n) => ({ $sum: n })),
  fc.array(fc.constantFrom(...PATHS), { minLength: 1, maxLength: 4 }).map((paths) => ({ $push: paths })),
  fc.array(fc.constantFrom(...PATHS), { minLength: 1, maxLength: 4 }).map((paths) => ({ $sum: { $sum: paths } })),
  fc.constantFrom(...PATHS).map((path) => ({ $mergeObjects: path })),
);

const groupStage = (keys: string[]) =>
  fc
    .record({
      _id: fc.constantFrom(null, ...keys),
      fields: fc.uniqueArray(fc.tuple(fc.constantFrom('n', 's', 'rows', 'total', 'x1'), accumulator), {
        maxLength: 4,
        selector: ([name]) => name,
      }),
    })
    .map(({ _id, fields }) => ({ _id, ...Object.fromEntries(fields) }) as Record<string, unknown>);

/** What mingo's own `$group` answers, encoded as the SDK receives it. */
const byMingo = (docs: unknown[], stage: Record<string, unknown>) =>
  new Aggregator([{ $group: stage }]).run(docs as Record<string, unknown>[]).map(encodeDocument);

const byEngine = (docs: unknown[], stage: Record<string, unknown>) =>
  engineAggregator([{ $group: stage }], { collectionResolver: () => [] })
    .run(docs as Record<string, unknown>[])
    .map(encodeDocument);

test('the direct $group answers what mingo answers, on documents without arrays (it never steps aside)', () => {
  fc.assert(
    fc.property(keyedDocuments(false), groupStage(['$k', '$g.k']), (docs, stage) => {
      const direct = groupDirectly(docs, stage);
      expect(direct).not.toBeNull();
      expect(direct!.map(encodeDocument)).toEqual(byMingo(docs, stage));
      expect(byEngine(docs, stage)).toEqual(byMingo(docs, stage));
    }),
    { numRuns: 400 },
  );
});

test('the engine answers what mingo answers on any documents: arrays, keys of any type, nested and missing paths', () => {
  fc.assert(
    fc.property(documents(true), groupStage(PATHS), (docs, stage) => {
      expect(byEngine(docs, stage)).toEqual(byMingo(docs, stage));
    }),
    { numRuns: 400 },
  );
});

test('keyed documents with arrays: the direct path steps aside where an array is met, and the answer stays the same', () => {
  fc.assert(
    fc.property(keyedDocuments(true), groupStage(['$k', '$g.k']), (docs, stage) => {
      const direct = groupDirectly(docs, stage);
      if (direct) expect(direct.map(encodeDocument)).toEqual(byMingo(docs, stage));
      expect(byEngine(docs, stage)).toEqual(byMingo(docs, stage));
    }),
    { numRuns: 400 },
  );
});

test('examples: missing and null keys are one group, in the order groups first came; NaN and non-numbers are not summed', () => {
  const docs = [
    { k: 'y', n: 1, o: { p: 2 } },
    { n: Number.NaN, o: { p: 'x' } },
    { k: null, n: 2, o: null },
    { k: 'x', n: true },
    { k: 'y', n: 0.5, o: { p: 3 } },
  ];
  const stage = {
    _id: '$k',
    s: { $sum: '$n' },
    c: { $sum: 0.1 },
    rows: { $push: ['$o.p', '$missing'] },
    both: { $sum: { $sum: ['$n', '$o.p', '$missing'] } },
  };
  expect(groupDirectly(docs, stage)).toEqual([
    {
      _id: 'y',
      s: 1.5,
      c: 0.2,
      rows: [
        [2, null],
        [3, null],
      ],
      both: 6.5,
    },
    {
      _id: null,
      s: 2,
      c: 0.2,
      rows: [
        ['x', null],
        [null, null],
      ],
      both: 2,
    },
    { _id: 'x', s: 0, c: 0.1, rows: [[null, null]], both: 0 },
  ]);
  expect(byEngine(docs, stage)).toEqual(byMingo(docs, stage));
});

test("examples: $mergeObjects takes each document's keys in turn and skips a missing or null value", () => {
  const docs = [
    { k: 'x', o: { a: 1, b: 2 } },
    { k: 'x', o: null },
    { k: 'x' },
    { k: 'x', o: { b: 3, c: undefined } },
    { k: 'y', o: 5 },
  ];
  const stage = { _id: '$k', o: { $mergeObjects: '$o' } };
  expect(groupDirectly(docs, stage)).toEqual([
    { _id: 'x', o: { a: 1, b: 3 } },
    { _id: 'y', o: {} },
  ]);
  expect(byEngine(docs, stage)).toEqual(byMingo(docs, stage));
});

test('shapes it does not compute are left to mingo', () => {
  expect(groupDirectly([{ a: 1 }], { _id: '$a', n: { $sum: 1 } })).toBeNull(); // a number key
  expect(groupDirectly([{ a: [1] }], { _id: null, n: { $sum: '$a' } })).toBeNull(); // an array on the path
  expect(groupDirectly([{ a: 1 }], { _id: null, n: { $avg: '$a' } })).toBeNull();
  expect(groupDirectly([{ a: 1 }], { _id: null, n: { $push: '$a' } })).toBeNull(); // only arrays of paths
  expect(groupDirectly([{ a: 1 }], { _id: { a: '$a' }, n: { $sum: 1 } })).toBeNull();
  expect(groupDirectly([{ a: 1 }], { _id: null, n: { $sum: { $add: ['$a', '$a'] } } })).toBeNull();
  expect(groupDirectly([{ a: 1 }], { _id: null, n: { $sum: { $sum: [] } } })).toBeNull();
  expect(groupDirectly([{ a: 1 }], { _id: null, n: { $mergeObjects: ['$a', '$a'] } })).toBeNull();
});
