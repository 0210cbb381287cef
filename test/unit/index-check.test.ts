import { type IndexDeclaration, createIndexCheck } from '../../emulator/indexes';

/** Requests shaped as wx-server-sdk 4.0.2 sends them. */
const get = (collectionName: string, query: object, order?: Record<string, 1 | -1>) => ({
  collectionName,
  query: JSON.stringify(query),
  ...(order === undefined ? {} : { order: JSON.stringify(order) }),
});

const MEMBERS: IndexDeclaration[] = [
  { collection: 'members', keys: { branchId: 1, active: 1, createdAt: 1, _id: 1 } },
  { collection: 'members', keys: { openid: 1 } },
];

describe('the declared-index check', () => {
  const silence = () => jest.spyOn(console, 'warn').mockImplementation(() => undefined);

  it('accepts queries led by an indexed field or by _id, and reports others once', () => {
    silence();
    const check = createIndexCheck([{ collection: 'members', keys: { branchId: 1, active: 1 } }]);
    check.check('database.getDocument', get('members', { branchId: 'b1', active: true, name: 'x' }));
    check.check('database.getDocument', get('members', { _id: { $in: ['a'] } }));
    check.check('database.calculateDocument', get('members', {}));
    expect(check.warnings).toEqual([]);
    check.check('database.getDocument', get('members', { name: '王' }));
    check.check('database.modifyDocument', get('members', { name: '李' }));
    expect(check.warnings).toHaveLength(1);
    expect(check.warnings[0]).toContain('members: filter name');
    expect(check.warnings[0]).toContain('cloudfunctions/database-indexes.json');
  });

  it('reads the first $match of an aggregation, and a $sort right after it', () => {
    silence();
    const check = createIndexCheck(MEMBERS);
    check.check('database.aggregateDocuments', {
      collectionName: 'members',
      stages: [{ stageKey: '$match', stageValue: JSON.stringify({ status: '正式党员' }) }],
    });
    expect(check.warnings[0]).toContain('members: filter status');
    check.check('database.aggregateDocuments', {
      collectionName: 'members',
      stages: [
        { stageKey: '$match', stageValue: JSON.stringify({ openid: 'o' }) },
        { stageKey: '$sort', stageValue: JSON.stringify({ createdAt: 1 }) },
      ],
    });
    expect(check.warnings[1]).toContain('members: filter openid; sort createdAt asc');
  });

  describe('counts sort keys', () => {
    const ACTIVITIES: IndexDeclaration[] = [{ collection: 'activities', keys: { branchId: 1, startAt: 1 } }];

    it('a filter on branchId sorted by startAt needs an index on branchId then startAt', () => {
      const covered = createIndexCheck(ACTIVITIES, 'fail');
      covered.check('database.getDocument', get('activities', { branchId: 'b1' }, { startAt: 1 }));
      // The whole index reversed serves the reverse order; a range on another field is filtered after.
      covered.check(
        'database.getDocument',
        get('activities', { branchId: 'b1', endAt: { $gte: { $date: '2026-01-01T00:00:00Z' } } }, { startAt: -1 }),
      );
      expect(covered.warnings).toEqual([]);

      const leadingOnly = createIndexCheck([{ collection: 'activities', keys: { branchId: 1, endAt: 1 } }], 'fail');
      expect(() =>
        leadingOnly.check('database.getDocument', get('activities', { branchId: 'b1' }, { startAt: 1 })),
      ).toThrow('activities: filter branchId; sort startAt asc');
    });

    it('the filtered fields before the sort keys must be points (a value or in()), not ranges', () => {
      const check = createIndexCheck([{ collection: 'activities', keys: { endAt: 1, startAt: 1 } }], 'fail');
      expect(() =>
        check.check('database.getDocument', get('activities', { endAt: { $gte: 1 } }, { startAt: 1 })),
      ).toThrow('sort startAt asc');
      check.check('database.getDocument', get('activities', { endAt: { $in: [1, 2] } }, { startAt: 1 }));
      check.check('database.getDocument', get('activities', { endAt: { $gte: 1 } }, { endAt: -1 }));
      expect(check.warnings).toHaveLength(1);
    });

    it('every sort key counts, _id as a tie-breaker too, in the index order or wholly reversed', () => {
      const check = createIndexCheck(MEMBERS, 'fail');
      check.check('database.getDocument', get('members', { branchId: 'b1', active: true }, { createdAt: 1, _id: 1 }));
      check.check('database.getDocument', get('members', { branchId: 'b1', active: true }, { createdAt: -1, _id: -1 }));
      expect(() =>
        check.check(
          'database.getDocument',
          get('members', { branchId: 'b1', active: true }, { createdAt: 1, _id: -1 }),
        ),
      ).toThrow('sort createdAt asc, _id desc');
      expect(() => check.check('database.getDocument', get('members', { branchId: 'b1' }, { createdAt: 1 }))).toThrow(
        'members: filter branchId; sort createdAt asc',
      );
    });

    it('a sort without a filter needs an index that starts with the sort keys; _id is always indexed', () => {
      const check = createIndexCheck(MEMBERS, 'fail');
      check.check('database.getDocument', get('auditLogs', {}, { _id: -1 }));
      check.check('database.getDocument', get('members', {}, { branchId: 1 }));
      expect(() => check.check('database.getDocument', get('members', {}, { createdAt: 1 }))).toThrow(
        'members: no filter; sort createdAt asc',
      );
    });
  });

  it('each branch of an or() needs an index of its own', () => {
    const check = createIndexCheck(MEMBERS, 'fail');
    check.check('database.getDocument', get('members', { $or: [{ branchId: 'b1' }, { openid: 'o' }] }));
    expect(() =>
      check.check('database.getDocument', get('members', { $or: [{ branchId: 'b1' }, { name: '王' }] })),
    ).toThrow('members: filter name');
  });

  it('in fail mode (tests) the request fails with a message naming the query and the index file; in warn mode it only warns', () => {
    const warn = silence();
    warn.mockClear();
    const failing = createIndexCheck(MEMBERS, 'fail');
    expect(() => failing.check('database.calculateDocument', get('members', { status: '预备党员' }))).toThrow(
      expect.objectContaining({
        code: 'LOCAL_RUNTIME_UNINDEXED',
        message: expect.stringContaining(
          'no index declared in cloudfunctions/database-indexes.json serves the query on members: filter status',
        ),
      }),
    );
    expect(failing.warnings).toHaveLength(1);
    expect(warn).not.toHaveBeenCalled();

    const warning = createIndexCheck(MEMBERS, 'warn');
    warning.check('database.calculateDocument', get('members', { status: '预备党员' }));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warning.warnings).toHaveLength(1);
  });

  it('every declared index names a collection the runtime creates', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { indexes } = require('../../cloudfunctions/database-indexes.json') as { indexes: IndexDeclaration[] };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { COLLECTIONS } = require('../../types/records') as { COLLECTIONS: Record<string, string> };
    for (const { collection } of indexes) expect(Object.values(COLLECTIONS)).toContain(collection);
  });
});
