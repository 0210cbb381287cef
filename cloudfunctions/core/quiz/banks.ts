import { COLLECTIONS, type QuizBank, type QuizBankDoc } from '@zhibu/types';
import { canManageBranch, isAdmin, requireAdmin, requireBranchManager } from '../member/policy';
import type { Session } from '../member/session';
import { forbidden, notFound } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { getDoc, pageOf } from '../runtime/documents';
import { isDuplicateKeyError } from '../runtime/db-errors';
import { randomString } from '../runtime/ids';
import { defaultBankId } from './ids';

/**
 * Who may use a bank: bureau banks serve every branch; a branch bank serves its branch (and the
 * bureau). A bank the caller may not use answers NOT_FOUND, like a missing one.
 */
export function canUseBank(session: Session, bank: QuizBankDoc): boolean {
  return bank.scope === 'bureau' || isAdmin(session) || session.member.branchId === bank.branchId;
}

/** Editing (and seeing keys): bureau banks by bureau admins, a branch bank by its committee. */
export function canEditBank(session: Session, bank: QuizBankDoc): boolean {
  return bank.scope === 'bureau' ? isAdmin(session) : canManageBranch(session, bank.branchId ?? '');
}

/** Any management of banks needs a committee member or an admin. */
export function requireQuizManager(session: Session): void {
  requireBranchManager(session, session.member.branchId);
}

export async function usableBank(session: Session, bankId: string): Promise<QuizBankDoc> {
  const bank = await getDoc<QuizBankDoc>(COLLECTIONS.quizBanks, bankId);
  if (!bank || !canUseBank(session, bank)) throw notFound('没有找到该题库');
  return bank;
}

export async function editableBank(session: Session, bankId: string): Promise<QuizBankDoc> {
  requireQuizManager(session);
  const bank = await usableBank(session, bankId);
  if (!canEditBank(session, bank))
    throw forbidden(bank.scope === 'bureau' ? '局党委题库只有管理员可以修改' : '只有本支部委员可以修改本支部题库');
  return bank;
}

export function toBank(session: Session, bank: QuizBankDoc): QuizBank {
  return {
    bankId: bank._id,
    name: bank.name,
    scope: bank.scope,
    branchId: bank.branchId,
    questionCount: bank.questionCount,
    tags: bank.tags,
    canEdit: canEditBank(session, bank),
  };
}

function newBank(session: Session, id: string, name: string, scope: 'bureau' | 'branch'): QuizBankDoc {
  return {
    _id: id,
    name,
    scope,
    branchId: scope === 'bureau' ? null : session.member.branchId,
    questionCount: 0,
    tags: [],
    createdBy: session.member._id,
    createdAt: new Date(),
  };
}

export async function createBank(
  session: Session,
  input: { name: string; scope?: 'bureau' | 'branch' },
): Promise<{ bankId: string }> {
  const scope = input.scope ?? (isAdmin(session) ? 'bureau' : 'branch');
  if (scope === 'bureau') requireAdmin(session);
  else requireQuizManager(session);
  const { _id, ...data } = newBank(session, `qb${randomString(10)}`, input.name, scope);
  await database().collection(COLLECTIONS.quizBanks).doc(_id).set({ data });
  return { bankId: _id };
}

/** The caller's default bank, created on first use with a deterministic id (a retry finds it). */
export async function defaultBank(session: Session): Promise<QuizBankDoc> {
  const scope = isAdmin(session) ? 'bureau' : 'branch';
  if (scope === 'branch') requireQuizManager(session);
  const id = defaultBankId(scope, session.member.branchId);
  const existing = await getDoc<QuizBankDoc>(COLLECTIONS.quizBanks, id);
  if (existing) return existing;
  const bank = newBank(session, id, scope === 'bureau' ? '局党委题库' : '本支部题库', scope);
  try {
    await database().collection(COLLECTIONS.quizBanks).add({ data: bank });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
  return bank;
}

/** Bureau banks first, then the caller's branch banks (an admin sees every branch's too). */
export async function listBanks(session: Session, input: { page: number; pageSize: number }) {
  requireQuizManager(session);
  const db = database();
  const _ = db.command;
  const where = isAdmin(session)
    ? {}
    : _.or([{ scope: 'bureau' }, { scope: 'branch', branchId: session.member.branchId }]);
  const { docs: banks, total } = await pageOf<QuizBankDoc>(
    COLLECTIONS.quizBanks,
    where,
    [
      ['scope', 'desc'],
      ['createdAt', 'asc'],
    ],
    input,
  );
  return { items: banks.map((b) => toBank(session, b)), total };
}
