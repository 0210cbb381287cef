import type { AuditEntry } from '@zhibu/types';
import { AUDIT_ACTIONS } from '@zhibu/types';
import { AUDIT_ACTION_LABELS, describeAudit, type BranchDirectory } from '@/features/org';

const directory: BranchDirectory = {
  branchName: (id) => ({ 'b-qhyz': '清河县第一中学党支部', 'b-sqlh': '清河县山区学校联合党支部' })[id],
  groupName: (branchId, groupId) =>
    branchId === 'b-qhyz' ? { g1: '高一年级党小组', g2: '高二年级党小组' }[groupId] : undefined,
};

function entry(patch: Partial<AuditEntry>): AuditEntry {
  return {
    id: 'audit_1',
    at: '2025-01-08T06:05:00.000Z',
    actorId: 'b-qhyz-01',
    actorName: '王建国',
    action: 'member.update',
    targetType: 'member',
    targetId: 'b-qhyz-04',
    targetName: '刘洋',
    branchId: 'b-qhyz',
    before: null,
    after: null,
    ...patch,
  };
}

describe('the audit log in Chinese', () => {
  it('names every action the server records', () => {
    for (const action of AUDIT_ACTIONS) expect(AUDIT_ACTION_LABELS[action]).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('shows an edit as each field before → after, party groups and dates by name', () => {
    const described = describeAudit(
      entry({
        before: { phone: '13800001234', partyGroupId: 'g1', joinedPartyAt: null, status: '预备党员' },
        after: { phone: '13900005678', partyGroupId: 'g2', joinedPartyAt: '2016-04-01', status: '正式党员' },
      }),
      directory,
    );
    expect(described.title).toBe('修改党员资料');
    expect(described.subject).toBe('操作人：王建国 · 对象：刘洋');
    expect(described.lines).toEqual([
      '手机号：13800001234 → 13900005678',
      '党小组：高一年级党小组 → 高二年级党小组',
      '入党时间：（空） → 2016年4月1日',
      '党员身份：预备党员 → 正式党员',
    ]);
  });

  it('shows what a new member holds, leaving out what was not filled in', () => {
    const described = describeAudit(
      entry({
        action: 'member.create',
        after: {
          name: '赵六',
          status: '入党积极分子',
          gender: null,
          phone: null,
          partyGroupId: null,
          branchId: 'b-qhyz',
        },
      }),
      directory,
    );
    expect(described.title).toBe('新增党员');
    expect(described.lines).toEqual(['姓名：赵六', '党员身份：入党积极分子', '所在支部：清河县第一中学党支部']);
  });

  it('reads a transfer out with its reason and date', () => {
    const described = describeAudit(
      entry({
        action: 'member.deactivate',
        before: { active: true },
        after: { active: false, reason: 'transfer_out', effectiveDate: '2025-01-08', note: null },
      }),
    );
    expect(described.lines).toEqual(['状态：在册 → 已调出', '原因：组织关系转出', '生效日期：2025年1月8日']);
  });

  it('says a binding was done by the member themselves, and roles by their Chinese names', () => {
    expect(
      describeAudit(
        entry({
          action: 'member.bind',
          actorId: 'b-qhyz-14',
          actorName: '朱光明',
          targetId: 'b-qhyz-14',
          targetName: '朱光明',
          before: { bound: false },
          after: { bound: true, invite: 'ABCD2345' },
        }),
      ),
    ).toEqual({ title: '绑定微信', subject: '朱光明 本人操作', lines: ['微信：未绑定 → 已绑定', '邀请码：ABCD2345'] });

    expect(
      describeAudit(
        entry({
          action: 'member.setRoles',
          before: { roles: ['member'] },
          after: { roles: ['member', 'secretary', 'committee'] },
        }),
      ).lines,
    ).toEqual(['角色：党员 → 支部书记、支委、党员']);
  });

  it('reads branch changes: merge, split, party groups, import', () => {
    const branch = { targetType: 'branch' as const, targetName: '石门乡中心小学党支部', targetId: 'b-x' };
    expect(
      describeAudit(
        entry({
          ...branch,
          action: 'branch.merge',
          before: { active: true },
          after: { active: false, mergedInto: 'b-sqlh', mergedIntoName: '清河县山区学校联合党支部' },
        }),
      ).lines,
    ).toEqual(['状态：在用 → 已撤销', '并入：清河县山区学校联合党支部']);
    expect(
      describeAudit(
        entry({
          ...branch,
          action: 'branch.split',
          after: {
            name: '新支部',
            kind: 'joint',
            schools: ['甲校', '乙校'],
            from: 'b-qhyz',
            fromName: '清河县第一中学党支部',
            members: 3,
          },
        }),
      ).lines,
    ).toEqual([
      '名称：新支部',
      '支部类型：联合党支部',
      '学校：甲校、乙校',
      '拆分自：清河县第一中学党支部',
      '转入人数：3 人',
    ]);
    expect(
      describeAudit(
        entry({
          ...branch,
          action: 'branch.setPartyGroups',
          before: { partyGroups: [{ id: 'g1', name: '一组' }] },
          after: { partyGroups: [] },
        }),
      ).lines,
    ).toEqual(['党小组：一组 → 无']);
    const names = Array.from({ length: 12 }, (_, i) => `党员${i + 1}`);
    expect(describeAudit(entry({ ...branch, action: 'member.import', after: { created: 12, names } })).lines).toEqual([
      '导入人数：12 人',
      '导入名单：党员1、党员2、党员3、党员4、党员5、党员6、党员7、党员8、党员9、党员10 等 12 人',
    ]);
  });

  it('never shows a bare id when it cannot name a branch or group', () => {
    const described = describeAudit(
      entry({
        before: { partyGroupId: 'g_zz9', branchId: 'b_gone' },
        after: { partyGroupId: null, branchId: 'b-qhyz' },
      }),
      directory,
    );
    expect(described.lines).toEqual(['党小组：其他党小组 → 未分组', '所在支部：其他支部 → 清河县第一中学党支部']);
  });
});
