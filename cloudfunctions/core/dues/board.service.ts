import { COLLECTIONS, type DuesBoard, type DuesBoardDoc, type DuesMonthDoc, type MemberDoc } from '@zhibu/types';
import { activeBranchOrFail } from '../member/member.repository';
import { isAdmin } from '../member/policy';
import type { Session } from '../member/session';
import { audit } from '../org/audit';
import { conflict, invalidArgument, notFound } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { getAllDocs, getDoc, getDocs, MAX_PAGE } from '../runtime/documents';
import { beijingMonth } from '../runtime/time';
import { runTransaction, txGet } from '../runtime/transaction';
import { PAYING_STATUSES, requireDuesManager } from './access';
import { monthsOfQuarter } from './months';

export const boardDocId = (branchId: string, quarter: string, version: number) => `${branchId}_${quarter}_v${version}`;

async function versionsOf(branchId: string, quarter: string) {
  return getDocs<Pick<DuesBoardDoc, '_id' | 'version' | 'publishedAt'>>(
    database()
      .collection(COLLECTIONS.duesBoards)
      .where({ branchId, quarter })
      .orderBy('version', 'asc')
      .field({ _id: true, version: true, publishedAt: true })
      .limit(100),
  );
}

/** Each paying member of the branch, and anyone else paid for in the quarter, with the months paid and the sum. */
async function boardRows(branchId: string, quarter: string): Promise<DuesBoardDoc['rows']> {
  const db = database();
  const _ = db.command;
  const months = monthsOfQuarter(quarter);
  const [members, paid] = await Promise.all([
    getAllDocs<Pick<MemberDoc, '_id' | 'name'>>(() =>
      db
        .collection(COLLECTIONS.members)
        .where({ branchId, active: true, status: _.in([...PAYING_STATUSES]) })
        .orderBy('createdAt', 'asc')
        .orderBy('_id', 'asc')
        .field({ _id: true, name: true }),
    ),
    getAllDocs<Pick<DuesMonthDoc, 'memberId' | 'month' | 'paid'>>(() =>
      db
        .collection(COLLECTIONS.duesMonths)
        .where({ branchId, month: _.in(months) })
        .orderBy('_id', 'asc')
        .field({ memberId: true, month: true, paid: true }),
    ),
  ]);
  const names = new Map(members.map((m) => [m._id, m.name]));
  const others = [...new Set(paid.map((p) => p.memberId))].filter((id) => !names.has(id));
  for (let i = 0; i < others.length; i += MAX_PAGE) {
    const ids = others.slice(i, i + MAX_PAGE);
    const found = await getDocs<Pick<MemberDoc, '_id' | 'name'>>(
      db
        .collection(COLLECTIONS.members)
        .where({ _id: _.in(ids) })
        .field({ _id: true, name: true })
        .limit(ids.length),
    );
    for (const m of found) names.set(m._id, m.name);
  }
  const rows = new Map(
    [...names].map(([memberId, name]) => [memberId, { memberId, name, months: [] as string[], amount: 0 }]),
  );
  for (const p of paid) {
    const row = rows.get(p.memberId);
    if (!row) continue;
    row.months.push(p.month);
    row.amount += p.paid;
  }
  for (const row of rows.values()) row.months.sort();
  return [...rows.values()];
}

/**
 * Publishes the branch's board for a quarter as a new, frozen version. The first publication is
 * version 1; publishing again is a correction: version n+1 naming version n, with its reason. The
 * version's `_id` is deterministic and written in a transaction that first checks it is free, so
 * two publications at once make one version and the other is told to look again; a written version
 * is never changed. Both publication and correction are in the audit log.
 */
export async function publishBoard(session: Session, input: { quarter: string; reason?: string }, now = new Date()) {
  requireDuesManager(session);
  const branch = await activeBranchOrFail(session.member.branchId);
  if (monthsOfQuarter(input.quarter)[0]! > beijingMonth(now)) throw invalidArgument('该季度尚未开始，不能公示');
  const versions = await versionsOf(branch._id, input.quarter);
  const previous = versions.at(-1) ?? null;
  if (previous && !input.reason) throw invalidArgument('本季度已公示，更正须填写更正原因');
  const version = (previous?.version ?? 0) + 1;
  const rows = await boardRows(branch._id, input.quarter);
  const boardId = boardDocId(branch._id, input.quarter, version);
  const doc: Omit<DuesBoardDoc, '_id'> = {
    branchId: branch._id,
    branchName: branch.name,
    quarter: input.quarter,
    version,
    corrects: previous?._id ?? null,
    reason: previous ? input.reason! : null,
    rows,
    total: rows.reduce((a, r) => a + r.amount, 0),
    publishedBy: session.member._id,
    publishedByName: session.member.name,
    publishedAt: now,
  };
  await runTransaction(async (tx) => {
    if (await txGet(tx, COLLECTIONS.duesBoards, boardId)) throw conflict('公示刚刚已由他人发布，请刷新后查看');
    await tx.collection(COLLECTIONS.duesBoards).doc(boardId).set({ data: doc });
    await audit(tx, session, {
      action: previous ? 'dues.board.correct' : 'dues.board.publish',
      targetType: 'branch',
      targetId: branch._id,
      targetName: branch.name,
      branchId: branch._id,
      before: previous ? { boardId: previous._id, version: previous.version } : null,
      after: { boardId, quarter: input.quarter, version, members: rows.length, total: doc.total, reason: doc.reason },
    });
  });
  return { boardId, version };
}

/**
 * A published board: the latest version, or the one named. Members of the branch and the bureau see
 * it; for anyone else a board of another branch is NOT_FOUND, like one never published.
 */
export async function readBoard(
  session: Session,
  input: { quarter: string; branchId?: string; boardId?: string },
): Promise<DuesBoard> {
  const branchId = input.branchId ?? session.member.branchId;
  const missing = () => notFound('本季度尚未公示');
  if (branchId !== session.member.branchId && !isAdmin(session)) throw missing();
  const versions = await versionsOf(branchId, input.quarter);
  const wanted = input.boardId ?? versions.at(-1)?._id;
  if (!wanted || !versions.some((v) => v._id === wanted)) throw missing();
  const doc = await getDoc<DuesBoardDoc>(COLLECTIONS.duesBoards, wanted);
  if (!doc) throw missing();
  return {
    boardId: doc._id,
    branchId: doc.branchId,
    branchName: doc.branchName,
    quarter: doc.quarter,
    version: doc.version,
    corrects: doc.corrects,
    reason: doc.reason,
    publishedAt: new Date(doc.publishedAt).toISOString(),
    publishedByName: doc.publishedByName,
    rows: doc.rows,
    total: doc.total,
    versions: versions.map((v) => ({
      boardId: v._id,
      version: v.version,
      publishedAt: new Date(v.publishedAt).toISOString(),
    })),
  };
}
