import { COLLECTIONS } from '@zhibu/types';
import type { Session } from '../member/session';
import { timeOrderedId } from '../runtime/ids';
import type { Transaction } from '../runtime/transaction';

export const AUDIT_COLLECTION = COLLECTIONS.auditLogs;

export interface AuditDoc {
  _id: string;
  at: Date;
  actorId: string;
  actorName: string;
  action: string;
  targetType: 'member' | 'branch' | 'invite' | 'notice' | 'candidate' | 'training' | 'term' | 'review' | 'appraisal';
  targetId: string;
  targetName: string;
  /** The branch the change concerns, so a branch's own history can be read. */
  branchId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export type AuditInput = Omit<AuditDoc, '_id' | 'at' | 'actorId' | 'actorName'>;

/** Only the fields that changed, so an entry says what was done rather than restating a record. */
export function changedFields<T extends object>(
  before: T,
  after: T,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof T & string)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return { before: b, after: a };
}

/** Written inside the same transaction as the change, so there is no change without its entry. */
export async function audit(tx: Transaction, actor: Session, entry: AuditInput, at = new Date()): Promise<void> {
  const doc: AuditDoc = {
    _id: timeOrderedId('audit', at),
    at,
    actorId: actor.member._id,
    actorName: actor.member.name,
    ...entry,
  };
  const { _id, ...data } = doc;
  await tx.collection(AUDIT_COLLECTION).doc(_id).set({ data });
}
