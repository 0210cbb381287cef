import type { Audience } from '@zhibu/types';

/** Who a post goes to, as the form holds it: a branch audience, or for the bureau whole branches. */
export type AudienceKind = Audience['kind'] | 'allBranches' | 'branches';

export interface AudienceValue {
  kind: AudienceKind;
  /** With `group`. */
  partyGroupId: string;
  /** With `members`. */
  memberIds: string[];
  /** With `branches`. */
  branchIds: string[];
}

export const AUDIENCE_LABELS: Record<AudienceKind, string> = {
  allBranches: '全部支部',
  branches: '指定支部',
  branch: '本支部全体党员',
  committee: '支部委员会',
  group: '一个党小组',
  members: '指定党员',
};

/** What a branch form offers; the bureau's two come first for an admin posting for the bureau. */
export const BRANCH_KINDS: readonly AudienceKind[] = ['branch', 'committee', 'group', 'members'];
export const BUREAU_KINDS: readonly AudienceKind[] = ['allBranches', 'branches'];

export function audienceValue(audience: Audience | null | undefined): AudienceValue {
  const a = audience ?? { kind: 'branch' as const };
  return {
    kind: a.kind,
    partyGroupId: a.kind === 'group' ? a.partyGroupId : '',
    memberIds: a.kind === 'members' ? [...a.memberIds] : [],
    branchIds: [],
  };
}

export const isBureauKind = (kind: AudienceKind) => kind === 'allBranches' || kind === 'branches';

/** The branch audience the contracts take; null for the bureau's kinds or an unfinished choice. */
export function audienceOf(value: AudienceValue): Audience | null {
  switch (value.kind) {
    case 'branch':
    case 'committee':
      return { kind: value.kind };
    case 'group':
      return value.partyGroupId ? { kind: 'group', partyGroupId: value.partyGroupId } : null;
    case 'members':
      return value.memberIds.length > 0 ? { kind: 'members', memberIds: [...new Set(value.memberIds)] } : null;
    default:
      return null;
  }
}

/** What is still to choose, in words for the form; null when the choice is complete. */
export function audienceProblem(value: AudienceValue): string | null {
  if (value.kind === 'group' && !value.partyGroupId) return '请选择党小组';
  if (value.kind === 'members' && value.memberIds.length === 0) return '请选择党员';
  if (value.kind === 'branches' && value.branchIds.length === 0) return '请选择支部';
  return null;
}

/** `王建国、李秀英、张伟 等 5 人` for the row that opens a picker. */
export function chosenSummary(ids: readonly string[], names: ReadonlyMap<string, string>, unit: string): string {
  if (ids.length === 0) return '请选择';
  const known = ids.map((id) => names.get(id)).filter((n): n is string => Boolean(n));
  if (known.length === 0) return `已选 ${ids.length} ${unit}`;
  return `${known.slice(0, 3).join('、')}${ids.length > 3 ? ` 等 ${ids.length} ${unit}` : ''}`;
}
