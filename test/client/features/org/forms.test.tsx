import { BRANCH_KINDS, GENDERS, LEAVE_REASONS, MEMBER_STATUSES } from '@zhibu/types';
import {
  BRANCH_KIND_LABELS,
  branchFormProblem,
  GENDER_OPTIONS,
  LEAVE_REASON_OPTIONS,
  MEMBER_STATUS_OPTIONS,
  memberFormProblem,
  memberPatch,
  newGroupId,
  officeLabels,
  partyGroupsProblem,
  toggledRoles,
  toggleSelection,
} from '@/features/org';

const filled = {
  name: '赵六',
  status: '正式党员' as const,
  gender: '' as const,
  phone: '',
  joinedPartyAt: '',
  partyGroupId: '',
  position: '',
};

describe('the form choices follow the contract', () => {
  it('offers exactly the statuses, genders, kinds and leave reasons the server accepts', () => {
    expect([...MEMBER_STATUS_OPTIONS]).toEqual([...MEMBER_STATUSES]);
    expect([...GENDER_OPTIONS]).toEqual([...GENDERS]);
    expect(Object.keys(BRANCH_KIND_LABELS).sort()).toEqual([...BRANCH_KINDS].sort());
    expect([...LEAVE_REASON_OPTIONS].sort()).toEqual([...LEAVE_REASONS].sort());
  });
});

describe('the member editor', () => {
  it('catches the usual slips in the server’s words', () => {
    expect(memberFormProblem(filled)).toBeNull();
    expect(memberFormProblem({ ...filled, name: '  ' })).toBe('请填写姓名');
    expect(memberFormProblem({ ...filled, name: '赵六1' })).toBe('姓名只能包含汉字、字母和间隔号');
    expect(memberFormProblem({ ...filled, name: '阿卜杜·热合曼' })).toBeNull();
    expect(memberFormProblem({ ...filled, status: '' })).toBe('请选择党员身份');
    expect(memberFormProblem({ ...filled, phone: '1380000123' })).toBe('手机号应为 11 位数字');
    expect(memberFormProblem({ ...filled, phone: '13800001234' })).toBeNull();
    expect(memberFormProblem({ ...filled, position: '长'.repeat(41) })).toBe('职务不能超过 40 个字');
  });

  it('sends only what changed, with cleared fields as null', () => {
    const original = { ...filled, phone: '13800001234', position: '语文教师', partyGroupId: 'g1' };
    expect(memberPatch(original, original)).toEqual({});
    expect(memberPatch(original, { ...original, phone: '', position: ' 语文教师 ', partyGroupId: 'g2' })).toEqual({
      phone: null,
      partyGroupId: 'g2',
    });
  });
});

describe('appointments', () => {
  it('toggles one role, and a new secretary sits on the committee too', () => {
    expect(toggledRoles(['member'], 'committee')).toEqual(['committee']);
    expect(toggledRoles(['member'], 'secretary')).toEqual(['secretary', 'committee']);
    expect(toggledRoles(['member', 'secretary', 'committee'], 'secretary')).toEqual(['committee']);
    expect(toggledRoles(['member', 'admin', 'committee'], 'admin')).toEqual(['committee']);
  });

  it('tags offices in a roster, without 党员 and without a secretary’s committee seat', () => {
    expect(officeLabels({ roles: ['member', 'secretary', 'committee'] })).toEqual(['支部书记']);
    expect(officeLabels({ roles: ['member', 'committee', 'admin'] })).toEqual(['局党委管理员', '支委']);
    expect(officeLabels({ roles: null })).toEqual([]);
  });
});

describe('branch forms', () => {
  const branch = { name: '清河县第二中学党支部', kind: 'school' as const, schools: ['清河县第二中学', ''] };

  it('needs a name and at least one school, blanks ignored', () => {
    expect(branchFormProblem(branch)).toBeNull();
    expect(branchFormProblem({ ...branch, name: '支' })).toBe('支部名称至少 2 个字');
    expect(branchFormProblem({ ...branch, schools: ['', ' '] })).toBe('至少填写一所学校');
    expect(branchFormProblem({ ...branch, schools: ['甲校', '甲校'] })).toBe('学校名称有重复');
  });

  it('checks party groups and gives new ones fresh ids', () => {
    expect(partyGroupsProblem([{ id: 'g1', name: '一组' }])).toBeNull();
    expect(partyGroupsProblem([{ id: 'g1', name: '一' }])).toBe('第 1 个党小组的名称至少 2 个字');
    expect(
      partyGroupsProblem([
        { id: 'g1', name: '一组' },
        { id: 'g2', name: ' 一组' },
      ]),
    ).toBe('党小组名称有重复');
    let calls = 0;
    const id = newGroupId([{ id: 'g_aaaaaa', name: '一组' }], () => (calls++ < 6 ? 0 : 0.5));
    expect(id).toMatch(/^g_[a-z2-9]{6}$/);
    expect(id).not.toBe('g_aaaaaa');
  });

  it('chooses at most the allowed number of branches or members', () => {
    expect(toggleSelection(['a'], 'b', 2)).toEqual(['a', 'b']);
    expect(toggleSelection(['a', 'b'], 'c', 2)).toEqual(['a', 'b']);
    expect(toggleSelection(['a', 'b'], 'a', 2)).toEqual(['b']);
  });
});
