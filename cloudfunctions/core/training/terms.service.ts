import {
  COLLECTIONS,
  type BranchDoc,
  type BranchTerms,
  type SecretaryTermsDoc,
  type SecretaryTrainingItem,
  type StoredTerm,
  type TermEntry,
  type TrainingDoc,
} from '@zhibu/types';
import { activeBranchOrFail, memberRepository } from '../member/member.repository';
import { isAdmin } from '../member/policy';
import type { Session } from '../member/session';
import { audit } from '../org/audit';
import { activeBranchNames } from '../org/branch-pages';
import { failedPrecondition, invalidArgument, notFound } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { getAllDocs, getDoc } from '../runtime/documents';
import { beijingDate } from '../runtime/time';
import { runTransaction, txGet } from '../runtime/transaction';
import { requireTermsReader, requireTrainingManager } from './access';
import { loadRule } from './rule.service';
import { countInTerm, dayBefore, trainedEntry, trainingItem } from './rules';

export const termsOf = (branchId: string) => getDoc<SecretaryTermsDoc>(COLLECTIONS.secretaryTerms, branchId);

/** The trainings `memberIds` attended from `since` on, as term entries, by member. One read (paged). */
async function attendedSince(memberIds: string[], since: string): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (memberIds.length === 0) return out;
  const db = database();
  const _ = db.command;
  const trainings = await getAllDocs<Pick<TrainingDoc, '_id' | 'startDate' | 'attendeeIds'>>(() =>
    db
      .collection(COLLECTIONS.trainings)
      .where({ attendeeIds: _.in(memberIds), startDate: _.gte(since) })
      .field({ _id: true, startDate: true, attendeeIds: true })
      .orderBy('startDate', 'asc')
      .orderBy('_id', 'asc'),
  );
  for (const t of trainings) {
    for (const id of t.attendeeIds) {
      if (memberIds.includes(id)) out.set(id, [...(out.get(id) ?? []), trainedEntry(t.startDate, t._id)]);
    }
  }
  return out;
}

/** The latest term's item: its stored entries counted within its dates. */
export function latestItem(doc: SecretaryTermsDoc | null): SecretaryTrainingItem | null {
  if (!doc?.latest) return null;
  return trainingItem(doc.latest, countInTerm(doc.latest.trained, doc.latest));
}

/** A branch's terms with their counts: the latest from its stored entries, earlier ones from the trainings. */
export async function branchTermsView(session: Session, branch: BranchDoc): Promise<BranchTerms> {
  const doc = await termsOf(branch._id);
  const history = doc?.history ?? [];
  const earliest = history.reduce<string | null>((m, t) => (m === null || t.startDate < m ? t.startDate : m), null);
  const past = earliest ? await attendedSince([...new Set(history.map((t) => t.secretaryId))], earliest) : new Map();
  const entry = (term: StoredTerm, trained: number): TermEntry => ({
    termId: term.termId,
    secretaryId: term.secretaryId,
    secretaryName: term.secretaryName,
    startDate: term.startDate,
    endDate: term.endDate,
    required: term.required,
    trained,
  });
  const terms = history.map((t) => entry(t, countInTerm(past.get(t.secretaryId) ?? [], t)));
  const item = latestItem(doc);
  if (doc?.latest && item) terms.push(entry(doc.latest, item.trained));
  return { branchId: branch._id, branchName: branch.name, terms, item, canManage: isAdmin(session) };
}

export async function branchTerms(session: Session, branchId: string | undefined): Promise<BranchTerms> {
  const id = branchId ?? session.member.branchId;
  requireTermsReader(session, id);
  const branch = await memberRepository.branch(id);
  if (!branch) throw notFound('没有找到该支部');
  return branchTermsView(session, branch);
}

/**
 * A new term of a branch's secretary; the previous term, if still running, ends the day before.
 * One transaction on the branch's document (two bureau admins starting terms at once make one
 * history), the audit entry in it.
 */
export async function startTerm(
  session: Session,
  input: { branchId: string; secretaryId: string; startDate: string },
): Promise<BranchTerms> {
  requireTrainingManager(session);
  const branch = await activeBranchOrFail(input.branchId);
  const member = await memberRepository.member(input.secretaryId);
  if (!member || !member.active || member.branchId !== branch._id) throw invalidArgument('所选人员不在该支部');
  if (!member.roles.includes('secretary')) {
    throw failedPrecondition('所选人员不是该支部的支部书记，请先在名册中任命为支部书记');
  }
  if (input.startDate > beijingDate(new Date())) throw failedPrecondition('任期开始日期不能晚于今天');
  const required = (await loadRule()).minPerTerm;
  const first = await attendedSince([member._id], input.startDate);
  const termId = input.startDate.replace(/-/g, '');
  const term: StoredTerm = {
    termId,
    secretaryId: member._id,
    secretaryName: member.name,
    startDate: input.startDate,
    endDate: null,
    required,
    recordedBy: session.member._id,
    recordedAt: new Date(),
  };
  await runTransaction(async (tx) => {
    const doc = await txGet<SecretaryTermsDoc>(tx, COLLECTIONS.secretaryTerms, branch._id);
    const latest = doc?.latest ?? null;
    if (
      latest &&
      (input.startDate <= latest.startDate || (latest.endDate !== null && input.startDate <= latest.endDate))
    ) {
      throw failedPrecondition('新一届任期的开始日期应晚于上一届任期');
    }
    const history = [...(doc?.history ?? [])];
    if (latest) {
      const { trained: _entries, ...ended } = latest;
      history.push({ ...ended, endDate: ended.endDate ?? dayBefore(input.startDate) });
    }
    const next: Omit<SecretaryTermsDoc, '_id'> = {
      branchId: branch._id,
      history,
      latest: { ...term, trained: first.get(member._id) ?? [] },
      updatedAt: new Date(),
    };
    await tx.collection(COLLECTIONS.secretaryTerms).doc(branch._id).set({ data: next });
    await audit(tx, session, {
      action: 'training.startTerm',
      targetType: 'term',
      targetId: branch._id,
      targetName: branch.name,
      branchId: branch._id,
      before: latest ? { secretaryId: latest.secretaryId, startDate: latest.startDate, endDate: latest.endDate } : null,
      after: { secretaryId: member._id, startDate: input.startDate },
    });
  });
  // A check-in that landed between the read above and the transaction counted towards the term
  // that was latest then. Read again and add: addToSet adds nothing twice and overwrites nothing.
  const again = (await attendedSince([member._id], input.startDate)).get(member._id) ?? [];
  if (again.length > 0) {
    await database()
      .collection(COLLECTIONS.secretaryTerms)
      .where({ _id: branch._id, 'latest.termId': termId })
      .update({ data: { 'latest.trained': database().command.addToSet({ $each: again }) } });
  }
  return branchTermsView(session, branch);
}

/** Ends the running term of a branch (the secretary left, say). Its count is kept and judged. */
export async function endTerm(session: Session, input: { branchId: string; endDate: string }): Promise<BranchTerms> {
  requireTrainingManager(session);
  const branch = await activeBranchOrFail(input.branchId);
  if (input.endDate > beijingDate(new Date())) throw failedPrecondition('任期结束日期不能晚于今天');
  await runTransaction(async (tx) => {
    const doc = await txGet<SecretaryTermsDoc>(tx, COLLECTIONS.secretaryTerms, branch._id);
    const latest = doc?.latest;
    if (!latest || latest.endDate !== null) throw failedPrecondition('该支部没有正在进行的任期');
    if (input.endDate < latest.startDate) throw failedPrecondition('任期结束日期不能早于开始日期');
    // Only the end date is written: entries added meanwhile stay, and counting keeps to the dates.
    await tx
      .collection(COLLECTIONS.secretaryTerms)
      .doc(branch._id)
      .update({ data: { 'latest.endDate': input.endDate, updatedAt: new Date() } });
    await audit(tx, session, {
      action: 'training.endTerm',
      targetType: 'term',
      targetId: branch._id,
      targetName: branch.name,
      branchId: branch._id,
      before: { endDate: null },
      after: { secretaryId: latest.secretaryId, endDate: input.endDate },
    });
  });
  return branchTermsView(session, branch);
}

/** The items of many branches from one read of their documents (the dashboard, the overview). */
export async function trainingItemsOf(branchIds?: string[]): Promise<Map<string, SecretaryTrainingItem>> {
  const db = database();
  const _ = db.command;
  const docs = await getAllDocs<SecretaryTermsDoc>(() =>
    (branchIds
      ? db.collection(COLLECTIONS.secretaryTerms).where({ _id: _.in(branchIds) })
      : db.collection(COLLECTIONS.secretaryTerms)
    ).orderBy('_id', 'asc'),
  );
  const out = new Map<string, SecretaryTrainingItem>();
  for (const doc of docs) {
    const item = latestItem(doc);
    if (item) out.set(doc.branchId, item);
  }
  return out;
}

/** Each active branch's secretary against the rule, a page of branches at a time. */
export async function overview(session: Session, input: { page: number; pageSize: number }) {
  requireTrainingManager(session);
  const [{ docs: branches, total }, rule] = await Promise.all([activeBranchNames(input), loadRule()]);
  const items = branches.length ? await trainingItemsOf(branches.map((b) => b._id)) : new Map();
  return {
    items: branches.map((b) => ({ branchId: b._id, branchName: b.name, item: items.get(b._id) ?? null })),
    total,
    minPerTerm: rule.minPerTerm,
  };
}
