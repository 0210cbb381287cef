import {
  COLLECTIONS,
  type BranchDoc,
  type ComplianceRule,
  type Inspection,
  type InspectionRow,
  type StatsAdjustmentDoc,
} from '@zhibu/types';
import { audit } from '../org/audit';
import type { Session } from '../member/session';
import { notFound } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { getAllDocs, getDoc } from '../runtime/documents';
import { timeOrderedId } from '../runtime/ids';
import { runTransaction } from '../runtime/transaction';
import { requireBureau } from './access';
import { loadRules, loadScheme } from './config';
import { emptyTotals, type PeriodCounters } from './counters';
import { readCountersWithReviews } from './reviews-held';
import { activeBranches, asOfPeriod, periodOrInvalid } from './dashboard.service';
import { toMetrics } from './metrics';
import { complianceItems, isRateRule, RATE_RULES, type Period } from './rules';

type SchemeItem = Awaited<ReturnType<typeof loadScheme>>[number];

const round1 = (n: number) => Math.round(n * 10) / 10;
const pct = (r: number | null) => (r === null ? '无应参加人员' : `${round1(r * 100)}%`);

function scoreBranch(
  branch: BranchDoc,
  counters: PeriodCounters,
  rules: ComplianceRule[],
  scheme: SchemeItem[],
  period: Period,
  asOf: Date,
): Omit<InspectionRow, 'rank' | 'adjustment' | 'score' | 'adjustments'> {
  const items = complianceItems({
    period,
    rules,
    hasPartyGroups: branch.partyGroups.length > 0,
    months: counters.compliance.get(branch._id) ?? new Map(),
    now: asOf,
  });
  const m = toMetrics(branch, counters.byBranch.get(branch._id) ?? emptyTotals(), { light: 'green', reasons: [] });
  const scored = scheme.map(({ key, name, points }) => {
    if (isRateRule(key)) {
      const r = m[RATE_RULES[key]];
      // Nobody was asked to take part: nothing was missed.
      return { key, name, points, score: round1(points * (r ?? 1)), detail: pct(r) };
    }
    const mine = items.filter((i) => i.item === key && i.status !== 'due');
    if (mine.length === 0) return { key, name, points, score: points, detail: '本期无要求' };
    const done = mine.filter((i) => i.status === 'done').length;
    return { key, name, points, score: round1((points * done) / mine.length), detail: `完成 ${done}/${mine.length}` };
  });
  return {
    branchId: branch._id,
    branchName: branch.name,
    computed: round1(scored.reduce((a, i) => a + i.score, 0)),
    items: scored,
  };
}

async function adjustmentsOf(period: string): Promise<StatsAdjustmentDoc[]> {
  const db = database();
  return getAllDocs<StatsAdjustmentDoc>(() =>
    db.collection(COLLECTIONS.statsAdjustments).where({ period }).orderBy('at', 'asc'),
  );
}

/** 考评 for a period: every branch's score from its records, plus admins' adjustments, ranked. */
export async function inspectionOf(periodKey: string, now = new Date()): Promise<Inspection> {
  const period = periodOrInvalid(periodKey);
  const asOf = asOfPeriod(period, now);
  const [branches, rules, scheme, counters, adjustments] = await Promise.all([
    activeBranches(),
    loadRules(),
    loadScheme(),
    readCountersWithReviews({ months: period.months, complianceMonths: period.months }, now),
    adjustmentsOf(period.key),
  ]);
  const total = scheme.reduce((a, i) => a + i.points, 0);
  const rows = branches.map((b) => {
    const base = scoreBranch(b, counters, rules, scheme, period, asOf);
    const own = adjustments.filter((a) => a.branchId === b._id);
    const adjustment = round1(own.reduce((a, x) => a + x.points, 0));
    return {
      ...base,
      adjustment,
      score: round1(Math.max(0, Math.min(total, base.computed + adjustment))),
      adjustments: own.map((a) => ({
        points: a.points,
        reason: a.reason,
        byName: a.byName,
        at: new Date(a.at).toISOString(),
      })),
      rank: 0,
    };
  });
  rows.sort((a, b) => b.score - a.score || a.branchName.localeCompare(b.branchName, 'zh'));
  rows.forEach((row, i) => {
    row.rank = i > 0 && rows[i - 1]!.score === row.score ? rows[i - 1]!.rank : i + 1;
  });
  return { period: period.key, branches: rows };
}

export async function inspection(session: Session, input: { period: string }, now = new Date()) {
  requireBureau(session);
  return inspectionOf(input.period, now);
}

/** An admin's adjustment of a branch's score, with its reason; written with its audit entry. */
export async function adjust(
  session: Session,
  input: { period: string; branchId: string; points: number; reason: string },
): Promise<{ ok: true }> {
  requireBureau(session);
  const period = periodOrInvalid(input.period);
  const branch = await getDoc<BranchDoc>(COLLECTIONS.branches, input.branchId);
  if (!branch) throw notFound('没有找到该支部');
  const at = new Date();
  const id = timeOrderedId('adj', at);
  const doc: Omit<StatsAdjustmentDoc, '_id'> = {
    period: period.key,
    branchId: branch._id,
    points: input.points,
    reason: input.reason,
    by: session.member._id,
    byName: session.member.name,
    at,
  };
  await runTransaction(async (tx) => {
    await tx.collection(COLLECTIONS.statsAdjustments).doc(id).set({ data: doc });
    await audit(
      tx,
      session,
      {
        action: 'stats.adjust',
        targetType: 'branch',
        targetId: branch._id,
        targetName: branch.name,
        branchId: branch._id,
        before: null,
        after: { period: period.key, points: input.points, reason: input.reason },
      },
      at,
    );
  });
  return { ok: true };
}
