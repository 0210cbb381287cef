import type { BranchKind } from './labels';

export interface BranchFormValues {
  name: string;
  kind: BranchKind;
  /** One entry per school field on the form; blank ones are ignored. */
  schools: string[];
}

export const EMPTY_BRANCH_FORM: BranchFormValues = { name: '', kind: 'school', schools: [''] };

export function branchNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed.length < 2) return '支部名称至少 2 个字';
  if (trimmed.length > 40) return '支部名称不能超过 40 个字';
  return null;
}

/** The schools as the server takes them: trimmed, blanks dropped. */
export function schoolList(values: BranchFormValues): string[] {
  return values.schools.map((s) => s.trim()).filter((s) => s !== '');
}

/** The first thing wrong with a new branch, in the server's words, or null. */
export function branchFormProblem(values: BranchFormValues): string | null {
  const nameProblem = branchNameProblem(values.name);
  if (nameProblem) return nameProblem;
  const schools = schoolList(values);
  if (schools.length === 0) return '至少填写一所学校';
  if (schools.length > 20) return '一个支部最多覆盖 20 所学校';
  if (schools.some((s) => s.length < 2)) return '学校名称至少 2 个字';
  if (schools.some((s) => s.length > 40)) return '学校名称不能超过 40 个字';
  if (new Set(schools).size !== schools.length) return '学校名称有重复';
  return null;
}

export function branchInput(values: BranchFormValues) {
  return { name: values.name.trim(), kind: values.kind, schools: schoolList(values) };
}

export interface PartyGroup {
  id: string;
  name: string;
}

const ID_LETTERS = 'abcdefghijkmnpqrstuvwxyz23456789';

/** An id for a new party group, unlike any the branch has (ids, not names, tie members to groups). */
export function newGroupId(existing: readonly PartyGroup[], random: () => number = Math.random): string {
  for (;;) {
    let id = 'g_';
    for (let i = 0; i < 6; i++) id += ID_LETTERS[Math.floor(random() * ID_LETTERS.length)] ?? 'a';
    if (!existing.some((g) => g.id === id)) return id;
  }
}

/** The first thing wrong with a branch's party groups, or null. */
export function partyGroupsProblem(groups: readonly PartyGroup[]): string | null {
  if (groups.length > 30) return '一个支部最多设 30 个党小组';
  const names = groups.map((g) => g.name.trim());
  const short = names.findIndex((n) => n.length < 2);
  if (short >= 0) return `第 ${short + 1} 个党小组的名称至少 2 个字`;
  const long = names.findIndex((n) => n.length > 30);
  if (long >= 0) return `第 ${long + 1} 个党小组的名称不能超过 30 个字`;
  if (new Set(names).size !== names.length) return '党小组名称有重复';
  return null;
}
