import { type AuditEntry, type orgContract } from '@zhibu/types';
import type { z } from 'zod';
import { requireAdmin } from '../member/policy';
import type { Session } from '../member/session';
import { pageOf } from '../runtime/documents';
import { AUDIT_COLLECTION, type AuditDoc } from './audit';

/** The bureau's record of every change to people and branches, newest first. */
export async function readAuditLog(
  session: Session,
  input: z.infer<(typeof orgContract)['auditLog']['input']>,
): Promise<{ items: AuditEntry[]; total: number }> {
  requireAdmin(session);
  const where: Record<string, unknown> = {};
  if (input.branchId) where.branchId = input.branchId;
  if (input.targetId) where.targetId = input.targetId;
  const { docs, total } = await pageOf<AuditDoc>(AUDIT_COLLECTION, where, [['_id', 'desc']], input);
  return {
    items: docs.map(({ _id, at, ...rest }) => ({ id: _id, at: new Date(at).toISOString(), ...rest })),
    total,
  };
}
