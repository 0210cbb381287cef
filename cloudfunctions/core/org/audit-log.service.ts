import { type AuditEntry, type orgContract } from '@zhibu/types';
import type { z } from 'zod';
import { requireAdmin } from '../member/policy';
import type { Session } from '../member/session';
import { database } from '../runtime/cloud';
import { countDocs, getDocs } from '../runtime/documents';
import { AUDIT_COLLECTION, type AuditDoc } from './audit';

/** The bureau's record of every change to people and branches, newest first. */
export async function readAuditLog(
  session: Session,
  input: z.infer<(typeof orgContract)['auditLog']['input']>,
): Promise<{ items: AuditEntry[]; total: number }> {
  requireAdmin(session);
  const db = database();
  const where: Record<string, unknown> = {};
  if (input.branchId) where.branchId = input.branchId;
  if (input.targetId) where.targetId = input.targetId;
  const [docs, total] = await Promise.all([
    getDocs<AuditDoc>(
      db
        .collection(AUDIT_COLLECTION)
        .where(where)
        .orderBy('_id', 'desc')
        .skip((input.page - 1) * input.pageSize)
        .limit(input.pageSize),
    ),
    countDocs(db.collection(AUDIT_COLLECTION).where(where)),
  ]);
  return {
    items: docs.map(({ _id, at, ...rest }) => ({ id: _id, at: new Date(at).toISOString(), ...rest })),
    total,
  };
}
