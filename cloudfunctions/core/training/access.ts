import { COLLECTIONS, type TrainingDoc } from '@zhibu/types';
import { audit, type AuditInput } from '../org/audit';
import { canManageBranch, isAdmin } from '../member/policy';
import type { Session } from '../member/session';
import { forbidden, notFound } from '../runtime/app-error';
import { getDoc } from '../runtime/documents';
import { runTransaction } from '../runtime/transaction';

/**
 * Who does what in the training register. The bureau (局党委管理员) records trainings and terms of
 * office: a term is the bureau's appointment record, so a secretary does not record their own. A
 * branch's committee sees its branch's terms; a secretary sees their own count; a plain member is
 * refused management; another branch's records answer as missing ones.
 */
export function requireTrainingManager(session: Session): void {
  if (!isAdmin(session)) throw forbidden('只有局党委管理员可以管理培训登记');
}

/** A branch's terms: its committee or the bureau; a plain member FORBIDDEN, another branch NOT_FOUND. */
export function requireTermsReader(session: Session, branchId: string): void {
  if (canManageBranch(session, branchId)) return;
  if (branchId === session.member.branchId) throw forbidden('只有支部委员或局党委管理员可以查看任期与培训情况');
  throw notFound('没有找到该支部');
}

/** A training the caller may see: the bureau, or someone invited to it or recorded at it. */
export async function visibleTraining(session: Session, trainingId: string): Promise<TrainingDoc> {
  const doc = await getDoc<TrainingDoc>(COLLECTIONS.trainings, trainingId);
  const me = session.member._id;
  if (!doc) throw notFound('没有找到该培训');
  if (isAdmin(session) || doc.attendeeIds.includes(me) || doc.checkin?.inviteeIds.includes(me)) return doc;
  throw notFound('没有找到该培训');
}

/** The audit entry of a change written in steps of its own (each step re-runnable). */
export async function auditChange(session: Session, entry: AuditInput): Promise<void> {
  await runTransaction((tx) => audit(tx, session, entry));
}
