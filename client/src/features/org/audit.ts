import type { AuditEntry, Role } from '@zhibu/types';
import { formatDate, formatDateTime, roleLabels } from '@/features/member';
import { BRANCH_KIND_LABELS, LEAVE_REASON_LABELS, type BranchKind, type LeaveReason } from './labels';

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'member.create': '新增党员',
  'member.update': '修改党员资料',
  'member.deactivate': '办理调出',
  'member.bind': '绑定微信',
  'member.unbind': '解除微信绑定',
  'member.setRoles': '任免职务',
  'member.createInvite': '生成邀请码',
  'member.import': '导入名册',
  'branch.create': '新建支部',
  'branch.rename': '重命名支部',
  'branch.setPartyGroups': '调整党小组',
  'branch.merge': '合并支部',
  'branch.split': '拆分支部',
  'branch.setNoticePosters': '设置通知发布权限',
  'transfer.start': '发出组织关系转接',
  'transfer.accept': '接收组织关系转接',
  'transfer.return': '退回组织关系转接',
  'transfer.out': '组织关系转出本局',
  'transfer.receive': '从局外转入',
};

const FIELD_LABELS: Record<string, string> = {
  name: '名称',
  status: '党员身份',
  gender: '性别',
  phone: '手机号',
  joinedPartyAt: '入党时间',
  partyGroupId: '党小组',
  position: '职务',
  roles: '角色',
  active: '状态',
  reason: '原因',
  effectiveDate: '生效日期',
  note: '备注',
  bound: '微信',
  invite: '邀请码',
  branchId: '所在支部',
  kind: '支部类型',
  schools: '学校',
  partyGroups: '党小组',
  noticePosters: '可发布通知的支委',
  mergedIntoName: '并入',
  toBranchName: '转往支部',
  candidacyClosed: '终止发展程序',
  origin: '原所在党组织',
  letterNo: '介绍信编号',
  destination: '转往单位',
  fromName: '拆分自',
  members: '转入人数',
  created: '导入人数',
  names: '导入名单',
  expiresAt: '有效期至',
};

/** Fields that repeat another one in a more readable form. */
const SKIPPED = new Set(['mergedInto', 'from', 'transferId', 'fromBranchId', 'toBranchId']);

/** What the log needs to know about branches to name them and their party groups. */
export interface BranchDirectory {
  branchName(branchId: string): string | undefined;
  groupName(branchId: string, groupId: string): string | undefined;
}

export const EMPTY_DIRECTORY: BranchDirectory = { branchName: () => undefined, groupName: () => undefined };

const EMPTY = '（空）';

function list(value: unknown[]): string {
  return value.length > 0 ? value.map(String).join('、') : '无';
}

/** One value of a before/after record, as a person reads it. */
export function describeValue(entry: AuditEntry, key: string, value: unknown, directory: BranchDirectory): string {
  if (value === null || value === undefined || value === '') {
    return key === 'partyGroupId' ? '未分组' : EMPTY;
  }
  switch (key) {
    case 'name':
      return String(value);
    case 'roles':
      return Array.isArray(value) ? list(roleLabels(value as Role[])) : String(value);
    case 'active':
      if (entry.targetType === 'branch') return value ? '在用' : '已撤销';
      return value ? '在册' : '已调出';
    case 'reason':
      return LEAVE_REASON_LABELS[value as LeaveReason] ?? String(value);
    case 'joinedPartyAt':
    case 'effectiveDate':
      return formatDate(String(value));
    case 'expiresAt':
      return formatDateTime(String(value));
    case 'bound':
      return value ? '已绑定' : '未绑定';
    case 'kind':
      return BRANCH_KIND_LABELS[value as BranchKind] ?? String(value);
    case 'partyGroupId':
      return directory.groupName(entry.branchId, String(value)) ?? '其他党小组';
    case 'branchId':
      return directory.branchName(String(value)) ?? '其他支部';
    case 'partyGroups':
      return Array.isArray(value)
        ? list(value.map((g) => (typeof g === 'object' && g && 'name' in g ? String(g.name) : String(g))))
        : String(value);
    case 'names': {
      if (!Array.isArray(value)) return String(value);
      const shown = value.slice(0, 10).map(String).join('、');
      return value.length > 10 ? `${shown} 等 ${value.length} 人` : shown;
    }
    case 'members':
    case 'created':
      return `${String(value)} 人`;
    default:
      if (typeof value === 'boolean') return value ? '是' : '否';
      if (Array.isArray(value)) return list(value);
      if (typeof value === 'object') return JSON.stringify(value);
      return String(value);
  }
}

function fieldLabel(entry: AuditEntry, key: string): string {
  if (key === 'name' && entry.targetType === 'member') return '姓名';
  return FIELD_LABELS[key] ?? key;
}

export interface AuditDescription {
  title: string;
  /** Who did it to whom. */
  subject: string;
  /** `手机号：138… → 139…` for a change, `党员身份：正式党员` for what a new record holds. */
  lines: string[];
}

/** An audit entry in Chinese: what was done, by whom, to whom, and each field before → after. */
export function describeAudit(entry: AuditEntry, directory: BranchDirectory = EMPTY_DIRECTORY): AuditDescription {
  const title = AUDIT_ACTION_LABELS[entry.action] ?? entry.action;
  const self = entry.action === 'member.bind' || entry.actorId === entry.targetId;
  const subject = self ? `${entry.actorName} 本人操作` : `操作人：${entry.actorName} · 对象：${entry.targetName}`;
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !SKIPPED.has(key));
  const lines: string[] = [];
  for (const key of keys) {
    const label = fieldLabel(entry, key);
    const hasBefore = key in before;
    const hasAfter = key in after;
    if (hasBefore && hasAfter) {
      lines.push(
        `${label}：${describeValue(entry, key, before[key], directory)} → ${describeValue(entry, key, after[key], directory)}`,
      );
    } else if (hasAfter) {
      // What a new record holds: leave out what was not filled in.
      const value = after[key];
      if (value === null || value === undefined || value === '') continue;
      lines.push(`${label}：${describeValue(entry, key, value, directory)}`);
    } else {
      lines.push(`${label}：${describeValue(entry, key, before[key], directory)} → ${EMPTY}`);
    }
  }
  return { title, subject, lines };
}
