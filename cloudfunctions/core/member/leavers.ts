import { COLLECTIONS, type MemberDoc } from '@zhibu/types';
import { withdrawFromActivities } from '../activity/withdraw';
import { database } from '../runtime/cloud';
import { getAllDocs } from '../runtime/documents';

/** How far back the job looks for deactivations to finish: well past any missed hourly run. */
const LOOKBACK_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Deactivating a member is two steps: the member's own record (one transaction with its audit
 * entry), then withdrawing them from activities. The second is re-runnable, so this job repairs a
 * deactivation that stopped in between by running it again for every recent leaver.
 */
export async function finishWithdrawals(now = new Date()): Promise<{ members: number; activities: number }> {
  const db = database();
  const leavers = await getAllDocs<Pick<MemberDoc, '_id' | 'leftAt'>>(() =>
    db
      .collection(COLLECTIONS.members)
      .where({ active: false, leftAt: db.command.gte(new Date(now.getTime() - LOOKBACK_MS)) })
      .field({ _id: true, leftAt: true })
      .orderBy('_id', 'asc'),
  );
  let activities = 0;
  for (const member of leavers) {
    if (member.leftAt) activities += await withdrawFromActivities(member._id, new Date(member.leftAt));
  }
  return { members: leavers.length, activities };
}
