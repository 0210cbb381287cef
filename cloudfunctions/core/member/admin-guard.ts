import { COLLECTIONS, type MemberDoc } from '@zhibu/types';
import { failedPrecondition } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { getDocs, MAX_PAGE } from '../runtime/documents';
import { txGet, type Transaction } from '../runtime/transaction';

/** An admin who can act: still in post, bound to a WeChat user, holding the admin role. */
export const canActAsAdmin = (m: Pick<MemberDoc, 'active' | 'openid' | 'roles'>) =>
  m.active && m.openid !== null && m.roles.includes('admin');

/** A document in `bureaus` that every change removing an admin writes, so such changes serialize. */
const GUARD_ID = 'admin-guard';

/**
 * The bureau's admins, read before the transaction that may remove one: a transaction on CloudBase
 * runs single-document operations only, so the query cannot run inside it.
 */
export async function adminCandidates(): Promise<string[]> {
  const admins = await getDocs<Pick<MemberDoc, '_id'>>(
    database()
      .collection(COLLECTIONS.members)
      .where({ roles: 'admin', active: true })
      .field({ _id: true })
      .limit(MAX_PAGE),
  );
  return admins.map((m) => m._id);
}

/**
 * Called inside the transaction that turns `current` into `next`: refuses a change that would
 * leave the bureau without an admin who can act (deactivate, unbind, setRoles).
 *
 * Race safety is by transaction: the remaining admins' records are re-read inside the transaction,
 * and every such change also writes the guard document. Two changes racing (two admins removing
 * each other at once) therefore both write the guard; CloudBase lets only one commit, the other
 * fails with a write conflict and `runTransaction` runs it again, and the re-run reads the first
 * change and refuses. An admin appointed between the query and the transaction is only missed on
 * the side of caution (a refusal, never a bureau with no admin).
 */
export async function keepOneAdmin(
  tx: Transaction,
  candidates: readonly string[],
  current: MemberDoc,
  next: Pick<MemberDoc, 'active' | 'openid' | 'roles'>,
): Promise<void> {
  if (!canActAsAdmin(current) || canActAsAdmin(next)) return;
  let another = false;
  for (const id of candidates) {
    if (id === current._id) continue;
    const other = await txGet<MemberDoc>(tx, COLLECTIONS.members, id);
    if (other && canActAsAdmin(other)) {
      another = true;
      break;
    }
  }
  if (!another) {
    throw failedPrecondition('局党委至少要保留一名已绑定微信的管理员，请先任命另一名管理员后再操作');
  }
  await tx
    .collection(COLLECTIONS.bureaus)
    .doc(GUARD_ID)
    .set({ data: { lastChangeOf: current._id, at: new Date() } });
}
