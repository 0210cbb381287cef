import {
  COLLECTIONS,
  type DuesBaseDoc,
  type DuesBaseEntryDoc,
  type DuesCategory,
  type DuesMonthDoc,
  type DuesReliefDoc,
  type DuesSettings,
  type MemberDoc,
  type MemberDues,
  type setReliefInput,
} from '@zhibu/types';
import type { z } from 'zod';
import type { Session } from '../member/session';
import { audit } from '../org/audit';
import { failedPrecondition } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { getDoc, getDocs } from '../runtime/documents';
import { timeOrderedId } from '../runtime/ids';
import { beijingMonth } from '../runtime/time';
import { txGet } from '../runtime/transaction';
import { managedMember, PAYING_STATUSES, requireReliefApprover } from './access';
import { counterTransaction, moveCounters, type CounterDelta } from './counters';
import { duesOfYear, monthsOfYear } from './months';
import { monthlyDues } from './rates';
import { loadDuesSettings } from './settings';
import { startMonthOf } from './start-month';

export const baseDocId = (memberId: string, year: number) => `${memberId}_${year}`;

export interface BaseFields {
  year: number;
  base: number;
  category: DuesCategory;
  deductions: number;
  fromMonth: string;
  importId: string | null;
}

function requirePaying(member: MemberDoc): void {
  if (!PAYING_STATUSES.includes(member.status)) {
    throw failedPrecondition(`${member.name}为${member.status}，尚不缴纳党费`);
  }
}

/** The counters' change when a year's dues go from `before` to `after`. */
function dueDeltas(year: number, before: readonly number[], after: readonly number[]): Map<string, CounterDelta> {
  const out = new Map<string, CounterDelta>();
  monthsOfYear(year).forEach((month, i) => {
    const delta = (after[i] ?? 0) - (before[i] ?? 0);
    if (delta !== 0) out.set(month, { due: delta });
  });
  return out;
}

/**
 * Writes a base in one transaction with its audit entry and the branch counters' `due`: a base set
 * again from the same month replaces that month's entry, one from a later month is added to the
 * history. The members' own dues of the year (`dues`) are recomputed, and the counters move by the
 * difference. An entry the same import already wrote is left as it is (re-runnable import).
 */
export async function writeBase(
  session: Session,
  member: MemberDoc,
  fields: BaseFields,
  settings: DuesSettings,
  startMonth: string | null,
): Promise<{ monthly: number; written: boolean }> {
  requirePaying(member);
  const monthly = monthlyDues(fields.category, fields.base, fields.deductions, settings);
  const id = baseDocId(member._id, fields.year);
  const now = new Date();
  return counterTransaction(async (tx) => {
    const existing = await txGet<DuesBaseDoc>(tx, COLLECTIONS.duesBases, id);
    if (fields.importId && existing?.entries.some((e) => e.importId === fields.importId)) {
      return { monthly, written: false };
    }
    const entry: DuesBaseEntryDoc = {
      fromMonth: fields.fromMonth,
      base: fields.base,
      deductions: fields.deductions,
      category: fields.category,
      monthly,
      setBy: session.member._id,
      setByName: session.member.name,
      setAt: now,
      importId: fields.importId,
    };
    const entries = [...(existing?.entries ?? []).filter((e) => e.fromMonth !== fields.fromMonth), entry].sort((a, b) =>
      a.fromMonth.localeCompare(b.fromMonth),
    );
    const reliefs = existing?.reliefs ?? [];
    const dues = duesOfYear(fields.year, startMonth, entries, reliefs);
    const doc: Omit<DuesBaseDoc, '_id'> = {
      memberId: member._id,
      branchId: existing?.branchId ?? member.branchId,
      name: member.name,
      year: fields.year,
      startMonth,
      entries,
      reliefs,
      dues,
      updatedAt: now,
    };
    await tx.collection(COLLECTIONS.duesBases).doc(id).set({ data: doc });
    await moveCounters(tx, doc.branchId, dueDeltas(fields.year, existing?.dues ?? [], dues));
    await audit(tx, session, {
      action: 'dues.setBase',
      targetType: 'member',
      targetId: member._id,
      targetName: member.name,
      branchId: member.branchId,
      before: existing ? { entries: existing.entries.length, dues: existing.dues } : null,
      after: { year: fields.year, fromMonth: fields.fromMonth, base: fields.base, category: fields.category, monthly },
    });
    return { monthly, written: true };
  });
}

export async function setBase(
  session: Session,
  input: {
    memberId: string;
    year: number;
    base: number;
    category: DuesCategory;
    deductions?: number;
    fromMonth?: string;
  },
): Promise<{ monthly: number }> {
  const member = await managedMember(session, input.memberId);
  const [settings, startMonth] = await Promise.all([loadDuesSettings(), startMonthOf(member)]);
  const { monthly } = await writeBase(
    session,
    member,
    {
      year: input.year,
      base: input.base,
      category: input.category,
      deductions: input.deductions ?? 0,
      fromMonth: input.fromMonth ?? `${input.year}-01`,
      importId: null,
    },
    settings,
    startMonth,
  );
  return { monthly };
}

/**
 * Records a hardship reduction or exemption the branch approved (its secretary, or the bureau), with
 * its audit entry and the counters' change, in one transaction. Months already paid keep what was
 * paid; the relief changes what the unpaid ones cost.
 */
export async function setRelief(
  session: Session,
  input: z.infer<typeof setReliefInput>,
): Promise<{ reliefId: string }> {
  const member = await managedMember(session, input.memberId);
  requireReliefApprover(session, member.branchId);
  const id = baseDocId(member._id, input.year);
  const reliefId = timeOrderedId('relief');
  const now = new Date();
  await counterTransaction(async (tx) => {
    const existing = await txGet<DuesBaseDoc>(tx, COLLECTIONS.duesBases, id);
    if (!existing || existing.entries.length === 0)
      throw failedPrecondition(`请先设置${member.name}${input.year}年的党费基数`);
    const relief: DuesReliefDoc = {
      reliefId,
      kind: input.kind,
      fromMonth: input.fromMonth,
      toMonth: input.toMonth,
      monthly: input.kind === 'exempt' ? 0 : input.monthly!,
      reason: input.reason,
      approvedBy: session.member._id,
      approvedByName: session.member.name,
      at: now,
    };
    const reliefs = [...existing.reliefs, relief];
    const dues = duesOfYear(input.year, existing.startMonth, existing.entries, reliefs);
    await tx
      .collection(COLLECTIONS.duesBases)
      .doc(id)
      .update({ data: { reliefs, dues, updatedAt: now } });
    await moveCounters(tx, existing.branchId, dueDeltas(input.year, existing.dues, dues));
    await audit(tx, session, {
      action: input.kind === 'exempt' ? 'dues.exempt' : 'dues.reduce',
      targetType: 'member',
      targetId: member._id,
      targetName: member.name,
      branchId: member.branchId,
      before: { dues: existing.dues },
      after: {
        reliefId,
        fromMonth: input.fromMonth,
        toMonth: input.toMonth,
        monthly: relief.monthly,
        reason: input.reason,
      },
    });
  });
  return { reliefId };
}

/** The member's paid months of a year, by month. */
export async function paidMonthsOf(memberId: string, year: number): Promise<Map<string, DuesMonthDoc>> {
  const db = database();
  const _ = db.command;
  const docs = await getDocs<DuesMonthDoc>(
    db
      .collection(COLLECTIONS.duesMonths)
      .where({ memberId, month: _.gte(`${year}-01`).and(_.lte(`${year}-12`)) })
      .orderBy('month', 'asc')
      .limit(12),
  );
  return new Map(docs.map((d) => [d.month, d]));
}

/** Paid, due (this month or later), overdue (an earlier month unpaid), none (nothing owed). */
export function monthsView(year: number, doc: DuesBaseDoc | null, paid: Map<string, DuesMonthDoc>, now = new Date()) {
  const current = beijingMonth(now);
  return monthsOfYear(year).map((month, i) => {
    const payment = paid.get(month);
    const due = payment ? payment.due : (doc?.dues[i] ?? 0);
    if (payment) return { month, due, paid: payment.paid, state: 'paid' as const };
    if (due === 0) return { month, due, paid: 0, state: 'none' as const };
    return { month, due, paid: 0, state: month < current ? ('overdue' as const) : ('due' as const) };
  });
}

/** A member's own months of a year: two reads besides the session. */
export async function myDues(session: Session, year: number) {
  const [doc, paid] = await Promise.all([
    getDoc<DuesBaseDoc>(COLLECTIONS.duesBases, baseDocId(session.member._id, year)),
    paidMonthsOf(session.member._id, year),
  ]);
  return { months: monthsView(year, doc, paid), startMonth: doc?.startMonth ?? null };
}

/** One member's year as their branch committee (or the bureau) sees it; the member may see their own. */
export async function memberDues(session: Session, memberId: string, year: number): Promise<MemberDues> {
  const member = memberId === session.member._id ? session.member : await managedMember(session, memberId);
  const [doc, paid] = await Promise.all([
    getDoc<DuesBaseDoc>(COLLECTIONS.duesBases, baseDocId(member._id, year)),
    paidMonthsOf(member._id, year),
  ]);
  return {
    memberId: member._id,
    name: member.name,
    year,
    startMonth: doc?.startMonth ?? (await startMonthOf(member)),
    entries: (doc?.entries ?? []).map((e) => ({
      fromMonth: e.fromMonth,
      base: e.base,
      deductions: e.deductions,
      category: e.category,
      monthly: e.monthly,
      setByName: e.setByName,
      setAt: new Date(e.setAt).toISOString(),
    })),
    reliefs: (doc?.reliefs ?? []).map((r) => ({
      reliefId: r.reliefId,
      kind: r.kind,
      fromMonth: r.fromMonth,
      toMonth: r.toMonth,
      monthly: r.monthly,
      reason: r.reason,
      approvedByName: r.approvedByName,
      at: new Date(r.at).toISOString(),
    })),
    months: monthsView(year, doc, paid),
  };
}
