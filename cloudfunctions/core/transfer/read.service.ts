import { COLLECTIONS, type TransferDoc, type TransferItem, type transferContract } from '@zhibu/types';
import type { z } from 'zod';
import { isAdmin } from '../member/policy';
import type { Session } from '../member/session';
import { forbidden } from '../runtime/app-error';
import { activeBranchNames } from '../org/branch-pages';
import { namesById, pageOf } from '../runtime/documents';
import { requireSomeManager, visibleTransfer } from './access';
import { daysBetween, toItem } from './transfer-view';

type ListInput = z.infer<(typeof transferContract)['list']['input']>;

/** The names of the branches the transfers name: one read whatever their number. */
const branchNames = (transfers: readonly TransferDoc[]) =>
  namesById(
    COLLECTIONS.branches,
    transfers.flatMap((t) => t.branchIds),
  );

export async function itemOf(session: Session, doc: TransferDoc, now = new Date()): Promise<TransferItem> {
  return toItem(session, doc, await branchNames([doc]), now);
}

export async function getTransfer(session: Session, transferId: string): Promise<TransferItem> {
  requireSomeManager(session);
  return itemOf(session, await visibleTransfer(session, transferId));
}

/**
 * The transfers the caller's branch sends or receives (the bureau: every branch's), newest first.
 * `direction` narrows a branch's list to what it receives or sends; the bureau decides on every
 * transfer, so for it the direction narrows nothing.
 */
export async function listTransfers(
  session: Session,
  input: ListInput,
  now = new Date(),
): Promise<{ items: TransferItem[]; total: number }> {
  requireSomeManager(session);
  const own = session.member.branchId;
  const where: Record<string, unknown> = {};
  if (!isAdmin(session)) {
    if (input.direction === 'incoming') where.toBranchId = own;
    else if (input.direction === 'outgoing') where.fromBranchId = own;
    else where.branchIds = own;
  }
  if (input.status) where.open = input.status === 'open';
  const { docs, total } = await pageOf<TransferDoc>(
    COLLECTIONS.transfers,
    where,
    [
      ['startedAt', 'desc'],
      ['_id', 'desc'],
    ],
    input,
  );
  const names = await branchNames(docs);
  return { items: docs.map((d) => toItem(session, d, names, now)), total };
}

/** What waits for the caller's decision: for 首页. A receiving secretary's branch, or the bureau's all. */
export async function waitingTransfers(
  session: Session,
  now = new Date(),
): Promise<{ count: number; oldestDays: number }> {
  requireSomeManager(session);
  const admin = isAdmin(session);
  if (!admin && !session.member.roles.includes('secretary')) {
    throw forbidden('只有支部书记或局党委管理员可以接收组织关系转接');
  }
  const where: Record<string, unknown> = admin ? { open: true } : { toBranchId: session.member.branchId, open: true };
  // The first page of one, oldest first: the longest wait and how many wait.
  const { docs: oldest, total: count } = await pageOf<Pick<TransferDoc, 'startedAt'>>(
    COLLECTIONS.transfers,
    where,
    [
      ['startedAt', 'asc'],
      ['_id', 'asc'],
    ],
    { page: 1, pageSize: 1 },
    { startedAt: true },
  );
  return { count, oldestDays: oldest[0] ? daysBetween(new Date(oldest[0].startedAt), now) : 0 };
}

/**
 * The bureau's active branches, names only, in the order they were created: where a transfer can
 * go. Every branch committee may read them (a branch's name is no secret within the bureau).
 */
export async function transferBranches(
  session: Session,
  input: { page: number; pageSize: number },
): Promise<{ items: { branchId: string; name: string }[]; total: number }> {
  requireSomeManager(session);
  const { docs: branches, total } = await activeBranchNames(input);
  return { items: branches.map((b) => ({ branchId: b._id, name: b.name })), total };
}
