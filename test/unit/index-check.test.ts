import { createIndexCheck } from '../../emulator/indexes';

const query = (collectionName: string, q: object) => ({ collectionName, query: JSON.stringify(q) });

describe('the declared-index check', () => {
  const silence = () => jest.spyOn(console, 'warn').mockImplementation(() => undefined);

  it('accepts queries led by an indexed field or by _id, and reports others once', () => {
    silence();
    const check = createIndexCheck([{ collection: 'members', keys: { branchId: 1, active: 1 } }]);
    check.check('database.getDocument', query('members', { branchId: 'b1', active: true, name: 'x' }));
    check.check('database.getDocument', query('members', { _id: { $in: ['a'] } }));
    check.check('database.calculateDocument', query('members', {}));
    expect(check.warnings).toEqual([]);
    check.check('database.getDocument', query('members', { name: '王' }));
    check.check('database.modifyDocument', query('members', { name: '李' }));
    expect(check.warnings).toHaveLength(1);
    expect(check.warnings[0]).toContain('members: name');
  });

  it('reads the first $match of an aggregation', () => {
    silence();
    const check = createIndexCheck([{ collection: 'members', keys: { branchId: 1 } }]);
    check.check('database.aggregateDocuments', {
      collectionName: 'members',
      stages: [{ stageKey: '$match', stageValue: JSON.stringify({ status: '正式党员' }) }],
    });
    expect(check.warnings[0]).toContain('members: status');
  });
});
