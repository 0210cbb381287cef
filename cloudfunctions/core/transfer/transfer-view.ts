import type { TransferDoc, TransferItem } from '@zhibu/types';
import type { Session } from '../member/session';
import { mayDecide } from './access';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from `from` to `to`: a transfer started this morning has waited 0 days. */
export function daysBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / DAY_MS));
}

export function toItem(
  session: Session,
  doc: TransferDoc,
  branchNames: ReadonlyMap<string, string>,
  now = new Date(),
): TransferItem {
  const startedAt = new Date(doc.startedAt);
  const decidedAt = doc.decidedAt ? new Date(doc.decidedAt) : null;
  const name = (id: string | null) => (id ? (branchNames.get(id) ?? '已撤销的支部') : null);
  return {
    transferId: doc._id,
    kind: doc.kind,
    status: doc.status,
    memberId: doc.memberId,
    memberName: doc.memberName,
    memberStatus: doc.memberStatus,
    fromBranchId: doc.fromBranchId,
    fromBranchName: name(doc.fromBranchId),
    toBranchId: doc.toBranchId,
    toBranchName: name(doc.toBranchId),
    place: doc.place,
    letterNo: doc.letterNo,
    date: doc.date,
    startedAt: startedAt.toISOString(),
    startedByName: doc.startedByName,
    decidedAt: decidedAt?.toISOString() ?? null,
    decidedByName: doc.decidedByName,
    reason: doc.reason,
    waitingDays: daysBetween(startedAt, decidedAt ?? now),
    canDecide: mayDecide(session, doc),
  };
}
