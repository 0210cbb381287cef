import { COLLECTIONS, type Audience, type BranchDoc, type MemberDoc } from '@zhibu/types';
import { invalidArgument } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { getAllDocs } from '../runtime/documents';
import { exemptAt as exemptAt_ } from '../member/exempt-at';

/**
 * The active members of a branch an audience names, by id, in roster order. A committee-only
 * activity (支委会) counts the committee alone, whatever the audience says: nobody outside the
 * committee may see it, so nobody outside it can be expected at it.
 *
 * `exemptAt`: an activity's start. Members whose 免于参加组织生活 covers it are left out (应到 =
 * the audience at the start minus the exempt). Only activities pass it: an exemption excuses a
 * member from meetings, the 应到 of organisational life; notices, study tasks and quizzes still
 * reach them (reading a notice or a task is not attending, and nothing counts against them there
 * that an exemption is meant to spare).
 */
export async function resolveExpected(
  branch: BranchDoc,
  audience: Audience,
  allowEmpty = false,
  committeeOnly = audience.kind === 'committee',
  exemptAt?: Date,
): Promise<string[]> {
  const db = database();
  const _ = db.command;
  const where: Record<string, unknown> = { branchId: branch._id, active: true };
  if (committeeOnly) where.roles = _.in(['secretary', 'committee']);
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
  let ids = members.map((m) => m._id);
  if (audience.kind === 'members' && ids.length !== new Set(audience.memberIds).size) {
    throw invalidArgument(
      committeeOnly ? '支委会只能由本支部的支部委员参加，所选党员中有人不是支委' : '所选党员中有人不在本支部或已调出',
    );
  }
  if (exemptAt) {
    const exempt = await exemptAt_(branch._id, exemptAt);
    if (exempt.size > 0) ids = ids.filter((id) => !exempt.has(id));
  }
  if (ids.length === 0 && !allowEmpty) throw invalidArgument('应到人员为空，请检查参加范围');
  return ids;
}
