import { createHash } from 'node:crypto';
import type cloud from 'wx-server-sdk';
import { COLLECTIONS, type BindingDoc, type BranchDoc, type MemberDoc } from '@zhibu/types';
import { getDocs } from '../../cloudfunctions/core/runtime/documents';
import { BUREAU, DEMO_BRANCHES, demoOpenid, parsePerson } from './demo-data';

type Database = ReturnType<typeof cloud.database>;

/** A stable, plausible mobile number per person, so the demo roster is the same on every machine. */
function phoneFor(seed: string): string {
  const digits = BigInt('0x' + createHash('sha256').update(seed).digest('hex').slice(0, 12))
    .toString()
    .padStart(9, '0');
  const prefixes = ['138', '139', '135', '137', '150', '151', '158', '186', '187', '189'];
  return prefixes[Number(digits.slice(-1))]! + digits.slice(0, 8);
}

function joinedAt(status: string, index: number): string | null {
  if (status === '正式党员') return `${1995 + ((index * 7) % 27)}-${String(1 + (index % 12)).padStart(2, '0')}-01`;
  if (status === '预备党员') return `2026-0${1 + (index % 6)}-01`;
  return null;
}

/**
 * Writes the demo county through the real SDK (so seeding exercises the same path as the
 * functions). Only into an empty database: a data folder that already has branches is left alone.
 */
export async function seedDemoData(db: Database): Promise<{ seeded: boolean; members: number }> {
  const existing = await getDocs<BranchDoc>(db.collection(COLLECTIONS.branches).limit(1));
  if (existing.length > 0) return { seeded: false, members: 0 };

  const now = new Date();
  await db.collection(COLLECTIONS.bureaus).add({ data: { ...BUREAU, createdAt: now } });
  let count = 0;
  for (const { people, ...branch } of DEMO_BRANCHES) {
    const branchDoc: BranchDoc = { ...branch, active: true, createdAt: now };
    await db.collection(COLLECTIONS.branches).add({ data: branchDoc });
    for (const [index, line] of people.entries()) {
      const person = parsePerson(line);
      const memberId = `${branch._id}-${String(index + 1).padStart(2, '0')}`;
      const openid = person.bound ? demoOpenid(memberId) : null;
      const member: MemberDoc = {
        _id: memberId,
        branchId: branch._id,
        name: person.name,
        gender: person.gender,
        phone: phoneFor(memberId),
        status: person.status,
        joinedPartyAt: joinedAt(person.status, count),
        partyGroupId: person.partyGroupId,
        position: person.position,
        roles: person.roles,
        active: true,
        openid,
        boundAt: openid ? now : null,
        leftAt: null,
        leftReason: null,
        branchHistory: [{ branchId: branch._id, from: now }],
        createdAt: now,
      };
      await db.collection(COLLECTIONS.members).add({ data: member });
      if (openid) {
        const binding: BindingDoc = { _id: openid, memberId, createdAt: now };
        await db.collection(COLLECTIONS.bindings).add({ data: binding });
      }
      count += 1;
    }
  }
  return { seeded: true, members: count };
}
