import { COLLECTIONS, type MemberDoc, type TransferDoc } from '@zhibu/types';
import { joinComingActivities } from '../activity/join';
import { withdrawFromActivities } from '../activity/withdraw';
import { database } from '../runtime/cloud';
import { getDoc, getDocs } from '../runtime/documents';

/**
 * What follows an accepted transfer within the bureau, after the transaction that moved the member:
 * they leave the old branch's coming activities and join the new branch's coming whole-branch ones.
 * Past meetings, check-ins, study, quiz and dues records stay where they happened. Study tasks and
 * quizzes fix their audience when they start, so those still to start follow the new branch by
 * themselves. Re-runnable; `followedAt` is set last, and the hourly job runs it again for any
 * accepted transfer still without it (a function that stopped in between).
 */
export async function followMember(
  transfer: Pick<TransferDoc, '_id' | 'memberId' | 'fromBranchId' | 'toBranchId' | 'decidedAt'>,
): Promise<void> {
  if (!transfer.fromBranchId || !transfer.toBranchId || !transfer.decidedAt) return;
  const at = new Date(transfer.decidedAt);
  await withdrawFromActivities(transfer.memberId, at, undefined, transfer.fromBranchId);
  const member = await getDoc<MemberDoc>(COLLECTIONS.members, transfer.memberId);
  // Only while the member is still in the branch that received them (not moved on since).
  if (member && member.branchId === transfer.toBranchId) await joinComingActivities(member, at);
  await database()
    .collection(COLLECTIONS.transfers)
    .doc(transfer._id)
    .update({ data: { followedAt: new Date() } });
}

/** The hourly job: finishes the follow-up of accepted transfers whose function stopped before it. */
export async function finishTransfers(): Promise<{ transfers: number }> {
  const db = database();
  const pending = await getDocs<TransferDoc>(
    db
      .collection(COLLECTIONS.transfers)
      .where({ status: 'accepted', followedAt: null })
      .orderBy('decidedAt', 'asc')
      .limit(100),
  );
  for (const transfer of pending) await followMember(transfer);
  return { transfers: pending.length };
}
