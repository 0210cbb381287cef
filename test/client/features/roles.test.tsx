import { roleLabels } from '@/features/member';

describe('role labels', () => {
  it('names every role in Chinese, most responsible first', () => {
    expect(roleLabels(['member', 'committee', 'secretary', 'admin'])).toEqual([
      '局党委管理员',
      '支部书记',
      '支委',
      '党员',
    ]);
    expect(roleLabels(['member'])).toEqual(['党员']);
    expect(roleLabels([])).toEqual([]);
  });
});
