import {
  COLLECTIONS,
  type AppraisalReportDoc,
  type AppraisalRound,
  type AppraisalRoundDoc,
  type AppraisalRow,
  type BranchDoc,
  type MemberDoc,
} from '@zhibu/types';
import type { Session } from '../member/session';
import { audit } from '../org/audit';
import { conflict, invalidArgument } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { isDuplicateKeyError } from '../runtime/db-errors';
import { getAllDocs, getDoc, getDocs } from '../runtime/documents';
import { runTransaction, txGet } from '../runtime/transaction';
import { reportIdOf, requireBureau, roundIdOf, roundOf, roundState } from './access';
import { rowOf, tallyOf } from './tally';

/** Those who rate a secretary: the party members of the branch (预备党员 included). */
const RATING_STATUSES = new Set(['正式党员', '预备党员']);

export function roundView(round: AppraisalRoundDoc, now = new Date()): AppraisalRound {
  const state = roundState(round, now);
  return {
    roundId: round._id,
    year: round.year,
    from: round.from,
    to: round.to,
    open: state.open,
    ended: state.ended,
    secretaries: round.reports.length,
  };
}

type Person = Pick<MemberDoc, '_id' | 'branchId' | 'name' | 'status'>;

/** Every active secretary, and the party members of their branches, as they are now. */
async function whoTakesPart(): Promise<{
  secretaries: Person[];
  raters: Map<string, string[]>;
  names: Map<string, string>;
}> {
  const db = database();
  const fields = { _id: true, branchId: true, name: true, status: true };
  const [secretaries, members, branches] = await Promise.all([
    getAllDocs<Person>(() =>
      db
        .collection(COLLECTIONS.members)
        .where({ roles: 'secretary', active: true })
        .field(fields)
        .orderBy('_id', 'asc'),
    ),
    getAllDocs<Person>(() =>
      db
        .collection(COLLECTIONS.members)
        .where({ active: true })
        .field(fields)
        .orderBy('branchId', 'asc')
        .orderBy('createdAt', 'asc')
        .orderBy('_id', 'asc'),
    ),
    getAllDocs<Pick<BranchDoc, '_id' | 'name'>>(() =>
      db
        .collection(COLLECTIONS.branches)
        .where({ active: true })
        .field({ _id: true, name: true })
        .orderBy('createdAt', 'asc')
        .orderBy('_id', 'asc'),
    ),
  ]);
  const raters = new Map<string, string[]>();
  for (const m of members) {
    if (RATING_STATUSES.has(m.status)) raters.set(m.branchId, [...(raters.get(m.branchId) ?? []), m._id]);
  }
  const names = new Map(branches.map((b) => [b._id, b.name]));
  return { secretaries: secretaries.filter((s) => names.has(s.branchId)), raters, names };
}

/**
 * Opens the year's round. Re-runnable: the reports have deterministic ids and are written first
 * (a duplicate is the same report from an earlier, interrupted try), the round last, in one
 * transaction with its audit entry; a second opening of the year is refused there.
 */
export async function openRound(
  session: Session,
  input: { year: number; from: string; to: string },
  now = new Date(),
): Promise<{ roundId: string; secretaries: number }> {
  requireBureau(session);
  if (Number(input.from.slice(0, 4)) < input.year) throw invalidArgument('评议时间不能早于评议年度');
  const roundId = roundIdOf(input.year);
  if (await getDoc<AppraisalRoundDoc>(COLLECTIONS.appraisalRounds, roundId)) {
    throw conflict(`${input.year} 年度的述职评议已经开启`);
  }
  const { secretaries, raters, names } = await whoTakesPart();
  const reports = secretaries.map((s) => ({
    reportId: reportIdOf(roundId, s._id),
    secretaryId: s._id,
    branchId: s.branchId,
  }));
  const collection = database().collection(COLLECTIONS.appraisalReports);
  for (let i = 0; i < secretaries.length; i += 20) {
    await Promise.all(
      secretaries.slice(i, i + 20).map(async (s) => {
        const doc: Omit<AppraisalReportDoc, '_id'> = {
          roundId,
          year: input.year,
          secretaryId: s._id,
          secretaryName: s.name,
          branchId: s.branchId,
          branchName: names.get(s.branchId) ?? '',
          raterIds: (raters.get(s.branchId) ?? []).filter((id) => id !== s._id),
          text: '',
          attachments: [],
          submittedAt: null,
        };
        try {
          await collection.add({ data: { _id: reportIdOf(roundId, s._id), ...doc } });
        } catch (error) {
          if (!isDuplicateKeyError(error)) throw error;
        }
      }),
    );
  }
  await runTransaction(async (tx) => {
    if (await txGet<AppraisalRoundDoc>(tx, COLLECTIONS.appraisalRounds, roundId)) {
      throw conflict(`${input.year} 年度的述职评议已经开启`);
    }
    const round: Omit<AppraisalRoundDoc, '_id'> = {
      year: input.year,
      from: input.from,
      to: input.to,
      reports,
      closedAt: null,
      openedBy: session.member._id,
      openedAt: now,
    };
    await tx.collection(COLLECTIONS.appraisalRounds).doc(roundId).set({ data: round });
    await audit(tx, session, {
      action: 'appraisal.open',
      targetType: 'appraisal',
      targetId: roundId,
      targetName: `${input.year} 年度述职评议`,
      branchId: session.member.branchId,
      before: null,
      after: { from: input.from, to: input.to, secretaries: reports.length },
    });
  });
  return { roundId, secretaries: reports.length };
}

/** Ends rating before the window does, so the results can be read. */
export async function closeRound(session: Session, roundId: string): Promise<{ roundId: string; ended: boolean }> {
  requireBureau(session);
  await roundOf(roundId);
  await runTransaction(async (tx) => {
    const round = await txGet<AppraisalRoundDoc>(tx, COLLECTIONS.appraisalRounds, roundId);
    if (!round || round.closedAt) return;
    await tx
      .collection(COLLECTIONS.appraisalRounds)
      .doc(roundId)
      .update({ data: { closedAt: new Date() } });
    await audit(tx, session, {
      action: 'appraisal.close',
      targetType: 'appraisal',
      targetId: roundId,
      targetName: `${round.year} 年度述职评议`,
      branchId: session.member.branchId,
      before: null,
      after: { closed: true },
    });
  });
  return { roundId, ended: true };
}

/** Reports by id, in the order asked. */
export async function reportsByIds(ids: string[]): Promise<AppraisalReportDoc[]> {
  if (ids.length === 0) return [];
  const _ = database().command;
  const docs = await getDocs<AppraisalReportDoc>(
    database()
      .collection(COLLECTIONS.appraisalReports)
      .where({ _id: _.in(ids) })
      .limit(ids.length),
  );
  const byId = new Map(docs.map((d) => [d._id, d]));
  return ids.map((id) => byId.get(id)).filter((d): d is AppraisalReportDoc => !!d);
}

/** The bureau's table: each secretary's progress, and their result once the round has ended. */
export async function overview(
  session: Session,
  input: { year: number; page: number; pageSize: number },
  now = new Date(),
): Promise<{ round: AppraisalRound | null; items: AppraisalRow[]; total: number }> {
  requireBureau(session);
  const round = await getDoc<AppraisalRoundDoc>(COLLECTIONS.appraisalRounds, roundIdOf(input.year));
  if (!round) return { round: null, items: [], total: 0 };
  const view = roundView(round, now);
  const start = (input.page - 1) * input.pageSize;
  const ids = round.reports.slice(start, start + input.pageSize).map((r) => r.reportId);
  const [reports, tallies] = await Promise.all([reportsByIds(ids), tallyOf(ids)]);
  return {
    round: view,
    items: reports.map((r) => rowOf(r, tallies.get(r._id), view.ended)),
    total: round.reports.length,
  };
}
