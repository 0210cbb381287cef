import {
  INSPECTION_RULE_NAMES,
  type InspectionRuleKey,
  ACTIVITY_TYPE_NAMES,
  type ActivityType,
  type ComplianceItem,
  type ComplianceRule,
  type Frequency,
  type Light,
} from '@zhibu/types';

/**
 * The counting rules of the statistics, written once. Every figure the dashboard, the branch page,
 * the compliance calendar, the inspection scores and the export show is computed with these.
 */

const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

// Rule: periods are Beijing months, quarters, half-years and years, written YYYY-MM, YYYY-Qn,
// YYYY-H1/YYYY-H2 and YYYY.
export type PeriodKind = 'month' | 'quarter' | 'half' | 'year';

export interface Period {
  key: string;
  kind: PeriodKind;
  year: number;
  /** Its Beijing months, YYYY-MM, in order. */
  months: string[];
  /** The instant it starts: 00:00 Beijing time on its first day. */
  start: Date;
  /** The instant it ends: 24:00 Beijing time on its last day (exclusive), even though functions run in UTC. */
  end: Date;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 00:00 Beijing time on the first of month `m` (1-based, may overflow into the next year). */
function beijingMonthStart(year: number, m: number): Date {
  return new Date(Date.UTC(year, m - 1, 1) - OFFSET_MS);
}

function span(key: string, kind: PeriodKind, year: number, first: number, count: number): Period {
  const months = Array.from({ length: count }, (_, i) => `${year}-${pad(first + i)}`);
  return {
    key,
    kind,
    year,
    months,
    start: beijingMonthStart(year, first),
    end: beijingMonthStart(year, first + count),
  };
}

export const PERIOD_PATTERN = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4])|-H([12]))?$/;

// Periods are pure functions of their keys and the statistics ask for the same few hundreds of
// times per answer (every branch, every rule, every item of a light): each is built once per
// process and shared, frozen so that no caller can change it for the others.
const periods = new Map<string, Period | null>();

/** The period a key names, or null if it is not one. */
export function parsePeriod(key: string): Period | null {
  let period = periods.get(key);
  if (period === undefined) {
    period = buildPeriod(key);
    if (period) {
      Object.freeze(period.months);
      Object.freeze(period);
    }
    // Only well-formed keys are kept: anything a caller sends would otherwise grow the map.
    if (period) periods.set(key, period);
  }
  return period;
}

function buildPeriod(key: string): Period | null {
  const match = PERIOD_PATTERN.exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2]) return span(key, 'month', year, Number(match[2]), 1);
  if (match[3]) return span(key, 'quarter', year, (Number(match[3]) - 1) * 3 + 1, 3);
  if (match[4]) return span(key, 'half', year, match[4] === '1' ? 1 : 7, 6);
  return span(key, 'year', year, 1, 12);
}

export function periodOrThrow(key: string): Period {
  const period = parsePeriod(key);
  if (!period) throw new Error(`not a period: ${key}`);
  return period;
}

/** YYYY-MM of an instant in Beijing: an activity ending 23:50 on 31 March Beijing time is in March. */
export function beijingMonthOf(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 7);
}

const monthPeriods = new Map<string, Period>();

/** The period of a kind that holds a Beijing month. */
export function periodOfMonth(month: string, kind: PeriodKind): Period {
  const key = `${month}|${kind}`;
  let period = monthPeriods.get(key);
  if (!period) {
    period = buildPeriodOfMonth(month, kind);
    monthPeriods.set(key, period);
  }
  return period;
}

function buildPeriodOfMonth(month: string, kind: PeriodKind): Period {
  const [y, m] = month.split('-').map(Number) as [number, number];
  if (kind === 'month') return periodOrThrow(month);
  if (kind === 'quarter') return periodOrThrow(`${y}-Q${Math.floor((m - 1) / 3) + 1}`);
  if (kind === 'half') return periodOrThrow(`${y}-H${m <= 6 ? 1 : 2}`);
  return periodOrThrow(String(y));
}

/** The period of a kind that holds an instant, in Beijing time. */
export const periodAt = (at: Date, kind: PeriodKind) => periodOfMonth(beijingMonthOf(at), kind);

// Keyed by the period object: a scope built for one answer (lightScope) is shared by every branch.
const subPeriodsOf = new WeakMap<Period, Map<PeriodKind, readonly Period[]>>();

/** The sub-periods of a kind that make up a period (the months of a quarter, the quarters of a year…). */
export function subPeriods(period: Period, kind: PeriodKind): readonly Period[] {
  let byKind = subPeriodsOf.get(period);
  if (!byKind) {
    byKind = new Map();
    subPeriodsOf.set(period, byKind);
  }
  let subs = byKind.get(kind);
  if (!subs) {
    const seen = new Map<string, Period>();
    for (const month of period.months) {
      const sub = periodOfMonth(month, kind);
      if (!seen.has(sub.key)) seen.set(sub.key, sub);
    }
    subs = Object.freeze([...seen.values()]);
    byKind.set(kind, subs);
  }
  return subs;
}

const names = new WeakMap<Period, string>();

/** 2026年3月, 2026年第1季度, 2026年上半年, 2026年. */
export function periodName(period: Period): string {
  let name = names.get(period);
  if (name === undefined) {
    name = buildPeriodName(period);
    names.set(period, name);
  }
  return name;
}

function buildPeriodName(period: Period): string {
  const [, m] = period.months[0]!.split('-').map(Number) as [number, number];
  if (period.kind === 'month') return `${period.year}年${m}月`;
  if (period.kind === 'quarter') return `${period.year}年第${Math.floor((m - 1) / 3) + 1}季度`;
  if (period.kind === 'half') return `${period.year}年${m === 1 ? '上' : '下'}半年`;
  return `${period.year}年`;
}

/** 本月 / 本季度 / 本半年 / 本年度 while the period runs; its name otherwise. */
export function periodLabel(period: Period, now: Date): string {
  const t = now.getTime();
  if (t >= period.start.getTime() && t < period.end.getTime()) {
    return { month: '本月', quarter: '本季度', half: '本半年', year: '本年度' }[period.kind];
  }
  return periodName(period);
}

// Rule: an activity counts as held if it was not cancelled and its end time has passed.
export function isHeld(activity: { status: string; endAt: Date }, now: Date): boolean {
  return activity.status !== 'cancelled' && new Date(activity.endAt).getTime() <= now.getTime();
}

// Rule: for compliance a held activity also needs its evidence: its minutes saved (attendance is
// recorded by the check-in itself). One held without minutes still counts as held, shows as
// 已开展·缺记录 and turns the light yellow. The branch-month counters keep this as `minuted`.
export function hasEvidence(activity: { minutes: unknown }): boolean {
  return Boolean(activity.minutes);
}

// Rule: one meeting may count for more than one item (a 主题党日 that is also the quarter's 党课, a
// 支部党员大会 that is also the 组织生活会): it counts as held, and as evidenced, for its own type and
// for each type the secretary marked in `alsoCountsAs`, each once. Its attendance (应到/实到/请假)
// is counted once per meeting, never once per item.
export function countedTypes(activity: {
  type: ActivityType;
  alsoCountsAs?: readonly ActivityType[] | null;
}): ActivityType[] {
  return [...new Set([activity.type, ...(activity.alsoCountsAs ?? [])])];
}

/** Adds one held meeting to a month's counts, under every item it counts for (see countedTypes). */
export function countHeld(
  month: MonthActivity,
  activity: { type: ActivityType; alsoCountsAs?: readonly ActivityType[] | null },
  evidenced: boolean,
  evidenceDate?: string,
): void {
  for (const type of countedTypes(activity)) {
    month.held[type] = (month.held[type] ?? 0) + 1;
    if (!evidenced) continue;
    month.evidenced[type] = (month.evidenced[type] ?? 0) + 1;
    if (evidenceDate !== undefined) ((month.evidence ??= {})[type] ??= []).push(evidenceDate);
  }
}

// Rule: a rate is a share of its 应X; with nobody expected there is no rate (null), never 0 or 100%.
// It stays within 0–100%: counters that drifted past their 应X (a doubled write, until the hourly
// recount repairs it) must not make the whole dashboard fail its answer's check.
export function rate(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.min(1, Math.max(0, Math.round((part / whole) * 10_000) / 10_000));
}

// Rule: 到会率 = 实到 / 应到, counted over held activities only (a meeting still to come has nobody
// present yet). 请假 is reported beside it, never dropped: a member on leave is in 应到 and not in 实到.
export function attendanceRate(c: { expected: number; present: number }): number | null {
  return rate(c.present, c.expected);
}

// Rule: study completion = completions by the due date / 应学; late completions are shown on their own.
export function studyCompletionRate(c: { expected: number; done: number; late: number }): number | null {
  return rate(c.done - c.late, c.expected);
}

// Rule: quiz participation = attempts / 应考; pass rate = passed / 应考.
export const quizParticipationRate = (c: { expected: number; taken: number }) => rate(c.taken, c.expected);
export const quizPassRate = (c: { expected: number; passed: number }) => rate(c.passed, c.expected);

// Rule: notice read rate = read / 应读; confirmation rate = confirmed / 应读 of notices that need it.
export const noticeReadRate = (c: { expected: number; read: number }) => rate(c.read, c.expected);
export const noticeConfirmRate = (c: { confirmExpected: number; confirmed: number }) =>
  rate(c.confirmed, c.confirmExpected);

/**
 * The default rules table, from the 支部工作条例 (SPEC.md). A bureau's admins may change it; the
 * party-group rule applies only to branches that have party groups.
 */
export const DEFAULT_RULES: ComplianceRule[] = [
  { type: 'party_congress', every: 'quarter', min: 1 },
  { type: 'committee', every: 'month', min: 1 },
  { type: 'group', every: 'month', min: 1 },
  { type: 'lecture', every: 'quarter', min: 1 },
  { type: 'theme_day', every: 'month', min: 1 },
  { type: 'life_meeting', every: 'year', min: 1 },
  { type: 'review', every: 'year', min: 1 },
];

const EVERY_NAME: Record<Frequency, string> = { month: '每月', quarter: '每季度', half: '每半年', year: '每年' };

/** （应每季度至少 1 次）: the rule as a light's reason names it. */
export const ruleText = (rule: ComplianceRule) => `应${EVERY_NAME[rule.every]}至少 ${rule.min} 次`;

/** Held and held-with-evidence activities of one branch in one Beijing month, by type. */
export interface MonthActivity {
  held: Partial<Record<ActivityType, number>>;
  evidenced: Partial<Record<ActivityType, number>>;
  /** The end dates (ISO) of the held activities with their evidence, by type: what 已完成 links to. */
  evidence?: Partial<Record<ActivityType, string[]>>;
}

export interface ComplianceInput {
  /** The period the calendar covers (a year for the calendar, any period for the dashboard). */
  period: Period;
  rules: ComplianceRule[];
  hasPartyGroups: boolean;
  months: Map<string, MonthActivity>;
  now: Date;
}

/** Days from `now` to a period's end, rounded up: a period ending tonight has 1 day left. */
const daysLeft = (period: Period, now: Date) => Math.max(0, Math.ceil((period.end.getTime() - now.getTime()) / DAY_MS));

// Rule: for each branch and each sub-period of a rule that has begun, the item is 已完成 when
// enough activities of its type were held in it, 已逾期 when the sub-period ended without them,
// and 进行中/待开展 (due, with days left) while it runs. Sub-periods yet to begin are not listed.
export function complianceItems(input: ComplianceInput): ComplianceItem[] {
  const items: ComplianceItem[] = [];
  const now = input.now.getTime();
  for (const rule of input.rules) {
    if (rule.type === 'group' && !input.hasPartyGroups) continue;
    for (const sub of subPeriods(input.period, rule.every)) {
      if (sub.start.getTime() > now) continue;
      let held = 0;
      let evidenced = 0;
      const evidence: string[] = [];
      for (const month of sub.months) {
        const counts = input.months.get(month);
        held += counts?.held[rule.type] ?? 0;
        evidenced += counts?.evidenced[rule.type] ?? 0;
        evidence.push(...(counts?.evidence?.[rule.type] ?? []));
      }
      const ended = sub.end.getTime() <= now;
      const status = held >= rule.min ? 'done' : ended ? 'overdue' : 'due';
      items.push({
        item: rule.type,
        itemName: ACTIVITY_TYPE_NAMES[rule.type],
        period: sub.key,
        periodName: periodName(sub),
        status,
        held,
        missingMinutes: held - evidenced,
        daysLeft: status === 'due' ? daysLeft(sub, input.now) : null,
        evidence,
        rule: ruleText(rule),
      });
    }
  }
  return items;
}

/** How close a due item must be for the light to turn yellow. */
export const DUE_SOON_DAYS = 7;

// Rule: the light is red when something is overdue; yellow when something is due within 7 days
// or was held without minutes; green otherwise. It always says why, naming the rule.
export function lightOf(items: ComplianceItem[], now: Date): { light: Light; reasons: string[] } {
  const red: string[] = [];
  const yellow: string[] = [];
  for (const item of items) {
    const label = periodLabel(periodOrThrow(item.period), now);
    if (item.status === 'overdue') {
      const verb = item.held > 0 ? `只召开${item.itemName} ${item.held} 次` : `未召开${item.itemName}`;
      red.push(`红：${label}${verb}（${item.rule}）`);
    } else if (item.status === 'due' && item.daysLeft !== null && item.daysLeft <= DUE_SOON_DAYS) {
      yellow.push(`黄：${label}${item.itemName}尚未召开，还剩 ${item.daysLeft} 天（${item.rule}）`);
    }
    if (item.missingMinutes > 0) {
      yellow.push(`黄：${label}${item.itemName}已开展·缺记录 ${item.missingMinutes} 次（请补会议记录和签到）`);
    }
  }
  if (red.length > 0) return { light: 'red', reasons: [...red, ...yellow] };
  if (yellow.length > 0) return { light: 'yellow', reasons: yellow };
  return { light: 'green', reasons: ['绿：各项组织生活按要求开展'] };
}

/** What a secretary still has to hold in the running sub-periods: 本月还需：支委会 1 次、主题党日 1 次. */
export function stillNeeded(
  items: ComplianceItem[],
  rules: ComplianceRule[],
): { type: ActivityType; name: string; count: number; daysLeft: number }[] {
  const out: { type: ActivityType; name: string; count: number; daysLeft: number }[] = [];
  for (const item of items) {
    if (item.status !== 'due') continue;
    const rule = rules.find((r) => r.type === item.item);
    if (!rule) continue;
    out.push({ type: item.item, name: item.itemName, count: rule.min - item.held, daysLeft: item.daysLeft ?? 0 });
  }
  return out.sort((a, b) => a.daysLeft - b.daysLeft);
}

/**
 * The default 100-point inspection scheme: 65 points for holding the organisational life the rules
 * table asks for, 35 for participation. A bureau's admins may replace it (stats.setScheme).
 */
export const DEFAULT_SCHEME: { key: InspectionRuleKey; name: string; points: number }[] = (
  [
    ['party_congress', 10],
    ['committee', 15],
    ['group', 5],
    ['lecture', 10],
    ['theme_day', 15],
    ['life_meeting', 5],
    ['review', 5],
    ['attendance', 15],
    ['study', 10],
    ['quiz', 5],
    ['notice', 5],
  ] as const
).map(([key, points]) => ({ key, name: INSPECTION_RULE_NAMES[key], points }));

/** The inspection rates: the key and the rate of a branch's metrics it reads. */
export const RATE_RULES = {
  attendance: 'attendanceRate',
  study: 'studyCompletionRate',
  quiz: 'quizParticipationRate',
  notice: 'noticeReadRate',
} as const;

export const isRateRule = (key: InspectionRuleKey): key is keyof typeof RATE_RULES => key in RATE_RULES;

// Rule: an inspection item scores its points × the share of the rules table's sub-periods of the
// inspected period done (a compliance item; nothing asked in the period scores in full), or its
// points × the rate (the four rates; nobody asked to take part scores in full).
export function schemeRuleText(key: InspectionRuleKey): string {
  if (isRateRule(key)) return `分值 × ${INSPECTION_RULE_NAMES[key]}`;
  return `分值 × ${INSPECTION_RULE_NAMES[key]}按期完成的比例`;
}
