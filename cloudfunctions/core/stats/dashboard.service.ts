import { COLLECTIONS, type BranchDoc, type BranchMetrics, type ComplianceRule, type Dashboard } from '@zhibu/types';
import type { Session } from '../member/session';
import { database } from '../runtime/cloud';
import { getAllDocs } from '../runtime/documents';
import { invalidArgument } from '../runtime/app-error';
import { requireBureau } from './access';
import { loadRules } from './config';
import { emptyTotals, type PeriodCounters } from './counters';
import { readCountersWithReviews } from './reviews-held';
import { toMetrics, toTrend } from './metrics';
import { complianceItems, lightOf, parsePeriod, periodOrThrow, type MonthActivity, type Period } from './rules';
import { withTrainingLight } from '../training/compliance';
import { trainingItemsOf } from '../training/terms.service';

export function periodOrInvalid(key: string): Period {
  const period = parsePeriod(key);
  if (!period) throw invalidArgument('统计周期格式应为 2026-03、2026-Q1、2026-H1 或 2026');
  return period;
}

/**
 * The instant a period's figures are judged at: its end once it is over (so its last month, quarter
 * or half is over too, and overdue when nothing was held), now while it runs.
 */
export const asOfPeriod = (period: Period, now: Date) => new Date(Math.min(now.getTime(), period.end.getTime()));

/**
 * The light a period shows: the compliance of the period within the calendar year it ends in, as
 * of its end (or now, while it runs), from the months up to its end: a meeting held later does not
 * count. A two-year period shows its second year's light.
 */
export function lightScope(period: Period, now: Date): { scope: Period; asOf: Date; months: string[] } {
  const last = period.months[period.months.length - 1]!;
  const lastYear = periodOrThrow(last.slice(0, 4));
  const scopeMonths = period.months.filter((m) => lastYear.months.includes(m));
  const first = scopeMonths[0]!;
  const scope: Period = {
    ...periodOrThrow(first),
    key: period.key,
    kind: period.kind,
    months: scopeMonths,
    end: period.end,
  };
  return { scope, asOf: asOfPeriod(period, now), months: lastYear.months.filter((m) => m <= last) };
}

export function branchLight(
  branch: Pick<BranchDoc, 'partyGroups'>,
  months: Map<string, MonthActivity> | undefined,
  rules: ComplianceRule[],
  scope: Period,
  asOf: Date,
): Pick<BranchMetrics, 'light' | 'reasons'> {
  const items = complianceItems({
    period: scope,
    rules,
    hasPartyGroups: branch.partyGroups.length > 0,
    months: months ?? new Map(),
    now: asOf,
  });
  return lightOf(items, asOf);
}

export async function activeBranches(): Promise<BranchDoc[]> {
  const db = database();
  return getAllDocs<BranchDoc>(() =>
    db.collection(COLLECTIONS.branches).where({ active: true }).orderBy('createdAt', 'asc').orderBy('_id', 'asc'),
  );
}

/** The bureau dashboard: every branch side by side. 10 database operations for 200 branches. */
export async function dashboard(session: Session, input: { period: string }, now = new Date()): Promise<Dashboard> {
  requireBureau(session);
  const period = periodOrInvalid(input.period);
  const { scope, asOf, months } = lightScope(period, now);
  const [branches, rules, counters, training] = await Promise.all([
    activeBranches(),
    loadRules(),
    readCountersWithReviews({ months: period.months, complianceMonths: months }, now),
    // 书记培训: one read of every branch's terms (training/terms.service).
    trainingItemsOf(),
  ]);
  return {
    period: period.key,
    branches: branches.map((b) => withTrainingLight(metricsOf(b, counters, rules, scope, asOf), training.get(b._id))),
    trend: toTrend(period.months, counters.byMonth),
  };
}

export function metricsOf(
  branch: BranchDoc,
  counters: PeriodCounters,
  rules: ComplianceRule[],
  scope: Period,
  asOf: Date,
): BranchMetrics {
  return toMetrics(
    branch,
    counters.byBranch.get(branch._id) ?? emptyTotals(),
    branchLight(branch, counters.compliance.get(branch._id), rules, scope, asOf),
  );
}
