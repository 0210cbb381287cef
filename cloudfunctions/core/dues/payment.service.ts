import {
  COLLECTIONS,
  type DuesBaseDoc,
  type DuesMonthDoc,
  type DuesPaymentDoc,
  type recordPaymentInput,
} from '@zhibu/types';
import type { z } from 'zod';
import type { Session } from '../member/session';
import { audit } from '../org/audit';
import { conflict, failedPrecondition, invalidArgument } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { getDocs } from '../runtime/documents';
import { timeOrderedId } from '../runtime/ids';
import { beijingDate, beijingMonth } from '../runtime/time';
import { txGet } from '../runtime/transaction';
import { managedMember } from './access';
import { baseDocId } from './base.service';
import { counterTransaction, moveCounters, type CounterDelta } from './counters';
import { addMonths, hasBase, shareOut } from './months';
import { yuan } from './rates';

/** Advance payment is allowed up to 12 months after the current one. */
const MAX_AHEAD = 12;

export const monthDocId = (memberId: string, month: string) => `${memberId}_${month}`;

/**
 * Records a payment for some months. Each month is owned by one document, `<memberId>_<YYYY-MM>`,
 * written in the same transaction as the payment and the branch counters: the transaction reads
 * each month first and refuses a paid one (CONFLICT); two payments of the same month at once write
 * the same document, so one of the two transactions conflicts, runs again, finds the month paid and
 * is refused. Exactly one payment can own a month, however many arrive together.
 */
export async function recordPayment(session: Session, input: z.infer<typeof recordPaymentInput>, now = new Date()) {
  const member = await managedMember(session, input.memberId);
  const months = [...input.months].sort();
  const current = beijingMonth(now);
  const last = addMonths(current, MAX_AHEAD);
  if (months.at(-1)! > last) throw invalidArgument(`最多可预缴 ${MAX_AHEAD} 个月（至 ${last}）`);
  if (input.paidAt > beijingDate(now)) throw invalidArgument('缴纳日期不能晚于今天');

  const years = [...new Set(months.map((m) => Number(m.slice(0, 4))))];
  const db = database();
  const bases = await getDocs<DuesBaseDoc>(
    db
      .collection(COLLECTIONS.duesBases)
      .where({ _id: db.command.in(years.map((y) => baseDocId(member._id, y))) })
      .limit(years.length),
  );
  const baseOfYear = new Map(bases.map((b) => [b.year, b]));
  const dues = months.map((month) => {
    const doc = baseOfYear.get(Number(month.slice(0, 4)));
    if (!doc || !hasBase(doc.entries, month)) throw failedPrecondition(`尚未设置${member.name}${month}的党费基数`);
    const due = doc.dues[Number(month.slice(5)) - 1] ?? 0;
    if (due === 0) throw failedPrecondition(`${member.name}${month}无需缴纳党费（未到缴纳起始月份或已免缴）`);
    return due;
  });
  const due = dues.reduce((a, b) => a + b, 0);
  const reason = input.reason?.trim() || null;
  if (input.amount !== due && !reason) {
    throw invalidArgument(`金额 ${yuan(input.amount)} 元与应缴 ${yuan(due)} 元不符，请填写说明`);
  }
  const voluntary = Math.max(0, input.amount - due);
  const shares = shareOut(dues, input.amount);

  const paymentId = timeOrderedId('pay', now);
  const payment: Omit<DuesPaymentDoc, '_id'> = {
    memberId: member._id,
    branchId: member.branchId,
    name: member.name,
    months,
    amount: input.amount,
    due,
    voluntary,
    method: input.method,
    paidAt: input.paidAt,
    reason,
    recordedBy: session.member._id,
    recordedByName: session.member.name,
    createdAt: now,
  };
  await counterTransaction(async (tx) => {
    for (const month of months) {
      if (await txGet<DuesMonthDoc>(tx, COLLECTIONS.duesMonths, monthDocId(member._id, month))) {
        throw conflict(`${member.name}${month}的党费已缴纳，请勿重复登记`);
      }
    }
    const deltas = new Map<string, CounterDelta>();
    for (const [i, month] of months.entries()) {
      const monthDoc: Omit<DuesMonthDoc, '_id'> = {
        memberId: member._id,
        branchId: member.branchId,
        month,
        paymentId,
        due: dues[i]!,
        paid: shares[i]!,
        createdAt: now,
      };
      await tx.collection(COLLECTIONS.duesMonths).doc(monthDocId(member._id, month)).set({ data: monthDoc });
      deltas.set(month, { settled: dues[i]!, collected: shares[i]! });
    }
    await tx.collection(COLLECTIONS.duesPayments).doc(paymentId).set({ data: payment });
    await moveCounters(tx, member.branchId, deltas);
    await audit(tx, session, {
      action: 'dues.payment',
      targetType: 'member',
      targetId: member._id,
      targetName: member.name,
      branchId: member.branchId,
      before: null,
      after: { paymentId, months, amount: input.amount, due, voluntary, method: input.method, reason },
    });
  });
  return { paymentId, due, voluntary };
}
