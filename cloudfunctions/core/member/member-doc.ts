import type { MemberDoc, MemberFields } from '@zhibu/types';
import { randomString } from '../runtime/ids';

/** A new, unbound member record of a branch, as a secretary's form or a roster row describes them. */
export function newMemberDoc(branchId: string, fields: MemberFields, now: Date): MemberDoc {
  return {
    _id: `m_${randomString(12)}`,
    branchId,
    name: fields.name,
    status: fields.status,
    gender: fields.gender ?? null,
    phone: fields.phone ?? null,
    joinedPartyAt: fields.joinedPartyAt ?? null,
    partyGroupId: fields.partyGroupId ?? null,
    position: fields.position ?? null,
    roles: ['member'],
    active: true,
    openid: null,
    boundAt: null,
    leftAt: null,
    leftReason: null,
    branchHistory: [{ branchId, from: now }],
    createdAt: now,
  };
}
