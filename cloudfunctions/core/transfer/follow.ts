import { COLLECTIONS, type ActivityDoc, type TransferDoc } from '@zhibu/types';
import { bump } from '../activity/counters';
import { withdrawFromActivities } from '../activity/withdraw';
import { database } from '../runtime/cloud';
import { getDocs } from '../runtime/documents';

/**
 * The new branch's coming meetings the member joins: those for the whole branch (not a committee,
 * a party group or a named list), not yet started. Their audience was fixed at publication to "the
 * branch", and a member received into it is now one of the branch; a meeting that already started
 * keeps the audience it started with.
 */
async function joinComingActivities(memberId: string, branchId: string, from: Date): Promise<number> {
  const db = database();
  const _ = db.command;
  const coming = await getDocs<Pick<ActivityDoc, '_id' | 'branchId' | 'month' | 'type' | 'audience'>>(
    db
      .collection(COLLECTIONS.activities)
      .where({ branchId, startAt: _.gt(from), status: 'scheduled' })
      .field({ _id: true, branchId: true, month: true, type: true, audience: true })
      .limit(1000),
  );
  let joined = 0;
  for (const activity of coming) {
    if (activity.audience.kind !== 'branch' || activity.type === 'committee') continue;
    // A conditional update, then its counter: re-runnable, as only an activity that does not yet
    // expect the member changes; a counter missed by a stop in between is repaired by the recount.
    const result = (await db
      .collection(COLLECTIONS.activities)
      .where({ _id: activity._id, expectedIds: _.neq(memberId), startAt: _.gt(from), status: 'scheduled' })
      .update({ data: { expectedIds: _.push(memberId), changedAt: new Date() } })) as { stats: { updated: number } };
    if (result.stats.updated > 0) {
      await bump(activity, { expected: 1 });
      joined++;
    }
  }
  return joined;
}

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
  await joinComingActivities(transfer.memberId, transfer.toBranchId, at);
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
