import { COLLECTIONS, type DuesBaseDoc, type DuesBaseItem, type DuesMonthDoc, type MemberDoc } from '@zhibu/types';
import type { Session } from '../member/session';
import { database } from '../runtime/cloud';
import { getDocs, pageOf } from '../runtime/documents';
import { beijingMonth } from '../runtime/time';
import { branchInView, PAYING_STATUSES } from './access';
import { baseDocId } from './base.service';
import { monthsOfYear } from './months';

/**
 * A page of the branch's paying members with their base for the year and how many months are paid
 * and overdue: four reads whatever the branch's size (members, their count, their bases, their
 * paid months).
 */
export async function listBases(
  session: Session,
  input: { year: number; page: number; pageSize: number; branchId?: string },
): Promise<{ items: DuesBaseItem[]; total: number }> {
  const branch = await branchInView(session, input.branchId);
  const db = database();
  const _ = db.command;
  const where = { branchId: branch._id, active: true, status: _.in([...PAYING_STATUSES]) };
  const { docs: members, total } = await pageOf<Pick<MemberDoc, '_id' | 'name' | 'status'>>(
    COLLECTIONS.members,
    where,
    [
      ['createdAt', 'asc'],
      ['_id', 'asc'],
    ],
    input,
    { _id: true, name: true, status: true },
  );
  if (members.length === 0) return { items: [], total };
  const ids = members.map((m) => m._id);
  const [bases, paid] = await Promise.all([
    getDocs<DuesBaseDoc>(
      db
        .collection(COLLECTIONS.duesBases)
        .where({ _id: _.in(ids.map((id) => baseDocId(id, input.year))) })
        .limit(ids.length),
    ),
    getDocs<Pick<DuesMonthDoc, 'memberId' | 'month'>>(
      db
        .collection(COLLECTIONS.duesMonths)
        .where({ memberId: _.in(ids), month: _.gte(`${input.year}-01`).and(_.lte(`${input.year}-12`)) })
        .field({ memberId: true, month: true })
        .limit(ids.length * 12),
    ),
  ]);
  const baseOf = new Map(bases.map((b) => [b.memberId, b]));
  const paidOf = new Map<string, Set<string>>();
  for (const p of paid) paidOf.set(p.memberId, (paidOf.get(p.memberId) ?? new Set()).add(p.month));
  const current = beijingMonth(new Date());
  const items = members.map((m): DuesBaseItem => {
    const doc = baseOf.get(m._id);
    const latest = doc?.entries.filter((e) => e.fromMonth <= current).at(-1) ?? doc?.entries[0];
    const months = paidOf.get(m._id) ?? new Set<string>();
    const overdue = monthsOfYear(input.year).filter(
      (month, i) => month < current && !months.has(month) && (doc?.dues[i] ?? 0) > 0,
    );
    return {
      memberId: m._id,
      name: m.name,
      status: m.status,
      category: latest?.category ?? null,
      base: latest?.base ?? null,
      monthly: latest?.monthly ?? null,
      fromMonth: latest?.fromMonth ?? null,
      paidMonths: months.size,
      overdueMonths: overdue.length,
    };
  });
  return { items, total };
}
