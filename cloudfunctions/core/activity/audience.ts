import { COLLECTIONS, type Audience, type BranchDoc, type MemberDoc } from '@zhibu/types';
import { invalidArgument } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { getAllDocs } from '../runtime/documents';

/** The active members of a branch an audience names, by id, in roster order. */
export async function resolveExpected(branch: BranchDoc, audience: Audience, allowEmpty = false): Promise<string[]> {
  const db = database();
  const _ = db.command;
  const where: Record<string, unknown> = { branchId: branch._id, active: true };
  if (audience.kind === 'committee') where.roles = _.in(['secretary', 'committee']);
  if (audience.kind === 'group') {
    if (!branch.partyGroups.some((g) => g.id === audience.partyGroupId))
      throw invalidArgument('所选党小组不属于该支部');
    where.partyGroupId = audience.partyGroupId;
  }
  if (audience.kind === 'members') where._id = _.in([...new Set(audience.memberIds)]);
  const members = await getAllDocs<Pick<MemberDoc, '_id'>>(() =>
    db
      .collection(COLLECTIONS.members)
      .where(where)
      .field({ _id: true })
      .orderBy('createdAt', 'asc')
      .orderBy('_id', 'asc'),
  );
  const ids = members.map((m) => m._id);
  if (audience.kind === 'members' && ids.length !== new Set(audience.memberIds).size) {
    throw invalidArgument('所选党员中有人不在本支部或已调出');
  }
  if (ids.length === 0 && !allowEmpty) throw invalidArgument('应到人员为空，请检查参加范围');
  return ids;
}
