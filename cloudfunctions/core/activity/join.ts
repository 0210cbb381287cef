import { COLLECTIONS, type ActivityDoc, type MemberDoc } from '@zhibu/types';
import { covers, latestExemptionsOf } from '../member/exempt-at';
import { database } from '../runtime/cloud';
import { getDocs } from '../runtime/documents';
import { isCommitteeOnly } from './access';
import { bump } from './counters';

type Joiner = Pick<MemberDoc, '_id' | 'branchId' | 'roles' | 'partyGroupId'>;
type Coming = Pick<ActivityDoc, '_id' | 'branchId' | 'month' | 'type' | 'audience' | 'startAt'>;

/**
 * Whether an activity's audience, as chosen, takes in this member of its branch. A list of named
 * members was a choice of people, not of a group the member now belongs to: it never does.
 */
function audienceTakesIn(activity: Coming, member: Joiner): boolean {
  if (isCommitteeOnly(activity)) return member.roles.some((r) => r === 'secretary' || r === 'committee');
  if (activity.audience.kind === 'group') return activity.audience.partyGroupId === member.partyGroupId;
  return activity.audience.kind === 'branch';
}

/**
 * The member joins their branch's scheduled activities starting after `from` (and before `until`)
 * whose audience takes them in — the opposite of withdraw.ts: a member received by transfer, or one
 * whose exemption ended early. Audiences are fixed at publication as "the branch" (or the
 * committee, a party group), and the member is now one of it; an activity that has started keeps the
 * audience it started with, and one whose start another exemption of theirs covers leaves them out.
 * Each activity: a conditional update, then its counter. Re-runnable (only an activity that does
 * not yet expect the member changes); a counter missed by a stop in between is repaired by the
 * recount job.
 */
export async function joinComingActivities(member: Joiner, from: Date, until?: Date): Promise<number> {
  const db = database();
  const _ = db.command;
  const starting = until ? _.gt(from).and(_.lt(until)) : _.gt(from);
  const coming = await getDocs<Coming>(
    db
      .collection(COLLECTIONS.activities)
      .where({ branchId: member.branchId, startAt: starting, status: 'scheduled' })
      .field({ _id: true, branchId: true, month: true, type: true, audience: true, startAt: true })
      .limit(1000),
  );
  // The member's own exemptions, read once for every activity (not the branch's, per activity).
  const exemptions = coming.length > 0 ? await latestExemptionsOf(member._id) : [];
  let joined = 0;
  for (const activity of coming) {
    if (!audienceTakesIn(activity, member)) continue;
    const start = new Date(activity.startAt);
    if (exemptions.some((e) => e.branchId === member.branchId && covers(e, start))) continue;
    const result = (await db
      .collection(COLLECTIONS.activities)
      .where({ _id: activity._id, expectedIds: _.neq(member._id), startAt: _.gt(from), status: 'scheduled' })
      .update({ data: { expectedIds: _.push(member._id), changedAt: new Date() } })) as { stats: { updated: number } };
    if (result.stats.updated > 0) {
      await bump(activity, { expected: 1 });
      joined++;
    }
  }
  return joined;
}
