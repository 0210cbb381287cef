import {
  dateOnlySchema,
  genderSchema,
  memberStatusSchema,
  mobileSchema,
  personNameSchema,
  type BranchDoc,
  type MemberDoc,
  type MemberFields,
  type RosterRowError,
} from '@zhibu/types';
import type { z } from 'zod';
import type { RawRow, RosterColumn } from './roster-sheet';

/** 2010/7/1, 2010.07.01 and 2010年7月1日 are how rosters write dates; all mean 2010-07-01. */
export function normalizeDate(text: string): string {
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!match) return text;
  const [, y, m, d] = match;
  return `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
}

function check<T>(
  schema: z.ZodType<T>,
  value: string,
  column: RosterColumn,
  row: number,
  errors: RosterRowError[],
): T | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  errors.push({ row, column, message: parsed.error.issues[0]?.message ?? '内容不正确' });
  return undefined;
}

/** The calendar day in Beijing, as YYYY-MM-DD: what 入党时间 is compared with. */
function beijingToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * A 入党时间 in the future, or before the 18th birthday (the Party constitution's minimum age)
 * when the sheet gives a birth date, is a typing slip: reported on the row, not stored.
 */
function joinDateProblem(joined: string, born: string | undefined, today: string): string | null {
  if (joined > today) return `入党时间 ${joined} 晚于今天`;
  if (born) {
    const eighteen = `${String(Number(born.slice(0, 4)) + 18).padStart(4, '0')}${born.slice(4)}`;
    if (joined < eighteen) return `入党时间 ${joined} 早于 18 周岁（出生日期 ${born}）`;
  }
  return null;
}

export interface ValidatedRows {
  members: MemberFields[];
  errors: RosterRowError[];
}

/**
 * Checks every row before anything is written. A duplicate is a phone number that appears twice
 * (in the file or already in the branch), or a name repeated where neither row has a phone number
 * to tell the two people apart.
 */
export function validateRows(
  rows: RawRow[],
  branch: BranchDoc,
  existing: Pick<MemberDoc, 'name' | 'phone'>[],
  now: Date = new Date(),
): ValidatedRows {
  const today = beijingToday(now);
  const errors: RosterRowError[] = [];
  const members: MemberFields[] = [];
  const phones = new Map(existing.filter((m) => m.phone).map((m) => [m.phone!, '本支部现有党员']));
  const namesWithoutPhone = new Map(existing.filter((m) => !m.phone).map((m) => [m.name, '本支部现有党员']));
  const groupsByName = new Map(branch.partyGroups.map((g) => [g.name, g.id]));

  for (const { row, cells } of rows) {
    const rowErrors: RosterRowError[] = [];
    const name = check(personNameSchema, cells['姓名'] ?? '', '姓名', row, rowErrors);
    const status = cells['党员身份']
      ? check(memberStatusSchema, cells['党员身份'], '党员身份', row, rowErrors)
      : (rowErrors.push({ row, column: '党员身份', message: '请填写党员身份' }), undefined);
    const gender = cells['性别'] ? check(genderSchema, cells['性别'], '性别', row, rowErrors) : null;
    const phone = cells['手机号']
      ? check(mobileSchema, cells['手机号'].replace(/[\s-]/g, ''), '手机号', row, rowErrors)
      : null;
    const joinedPartyAt = cells['入党时间']
      ? check(dateOnlySchema, normalizeDate(cells['入党时间']), '入党时间', row, rowErrors)
      : null;
    const born = cells['出生日期']
      ? check(dateOnlySchema, normalizeDate(cells['出生日期']), '出生日期', row, rowErrors)
      : undefined;
    if (born && born > today) rowErrors.push({ row, column: '出生日期', message: `出生日期 ${born} 晚于今天` });
    const joinProblem = joinedPartyAt ? joinDateProblem(joinedPartyAt, born, today) : null;
    if (joinProblem) rowErrors.push({ row, column: '入党时间', message: joinProblem });
    let partyGroupId: string | null = null;
    if (cells['党小组']) {
      partyGroupId = groupsByName.get(cells['党小组']) ?? null;
      if (!partyGroupId) rowErrors.push({ row, column: '党小组', message: `本支部没有“${cells['党小组']}”` });
    }
    const position = cells['职务'] ?? null;
    if (position && position.length > 40) rowErrors.push({ row, column: '职务', message: '职务不能超过 40 个字' });

    if (phone) {
      const seen = phones.get(phone);
      if (seen) rowErrors.push({ row, column: '手机号', message: `手机号重复（与${seen}相同）` });
      else phones.set(phone, `第 ${row} 行`);
    } else if (name) {
      const seen = namesWithoutPhone.get(name);
      if (seen) rowErrors.push({ row, column: '姓名', message: `姓名重复且无手机号可区分（与${seen}相同）` });
      else namesWithoutPhone.set(name, `第 ${row} 行`);
    }

    if (rowErrors.length > 0 || !name || !status) {
      errors.push(...rowErrors);
      continue;
    }
    members.push({
      name,
      status,
      gender: gender ?? null,
      phone: phone ?? null,
      joinedPartyAt: joinedPartyAt ?? null,
      partyGroupId,
      position,
    });
  }
  return { members, errors };
}
