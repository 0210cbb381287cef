import { COLLECTIONS, type BranchDoc, type MemberDoc, type NoticePosters } from '@zhibu/types';
import { activeBranchOrFail } from '../member/member.repository';
import { isCommitteeOf } from '../member/policy';
import type { Session } from '../member/session';
import { audit } from '../org/audit';
import { failedPrecondition, forbidden, invalidArgument } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { getAllDocs } from '../runtime/documents';
import { runTransaction, txGet } from '../runtime/transaction';
import { mayPostIn } from './access';

type CommitteeMember = Pick<MemberDoc, '_id' | 'name' | 'roles'>;

/** The secretary of the branch, or an admin in their own branch: those who always post. */
const mayChange = (session: Session) =>
  session.member.roles.includes('secretary') || session.member.roles.includes('admin');

/** A branch's active committee, in roster order (the query and index of the 支委会 audience). */
async function committeeOf(branchId: string): Promise<CommitteeMember[]> {
  const db = database();
  return getAllDocs<CommitteeMember>(() =>
    db
      .collection(COLLECTIONS.members)
      .where({ branchId, active: true, roles: db.command.in(['secretary', 'committee']) })
      .field({ _id: true, name: true, roles: true })
      .orderBy('createdAt', 'asc')
      .orderBy('_id', 'asc'),
  );
}

function view(session: Session, branch: BranchDoc, committee: CommitteeMember[]): NoticePosters {
  const allowed = new Set(branch.noticePosters ?? []);
  const rows = committee.map((m) => {
    const secretary = m.roles.includes('secretary');
    return { memberId: m._id, name: m.name, secretary, allowed: secretary || allowed.has(m._id) };
  });
  return {
    branchId: branch._id,
    canPost: mayPostIn(session, branch),
    canChange: mayChange(session),
    committee: [...rows.filter((r) => r.secretary), ...rows.filter((r) => !r.secretary)],
  };
}

/**
 * 发布权限 of the caller's branch. The committee sees the whole list (it is no secret among them who
 * posts); a plain member learns only that they may not post.
 */
export async function noticePosters(session: Session): Promise<NoticePosters> {
  const branch = await activeBranchOrFail(session.member.branchId);
  if (!isCommitteeOf(session, branch._id) && !mayChange(session))
    return { branchId: branch._id, canPost: false, canChange: false, committee: [] };
  return view(session, branch, await committeeOf(branch._id));
}

/**
 * The secretary chooses which committee members may post. Only committee members who are not
 * secretaries can be chosen (a secretary always may); the change and the names are audit-logged.
 */
export async function setNoticePosters(session: Session, input: { memberIds: string[] }): Promise<NoticePosters> {
  if (!mayChange(session)) throw forbidden('只有支部书记可以设置通知发布权限');
  const branchId = session.member.branchId;
  await activeBranchOrFail(branchId);
  const committee = await committeeOf(branchId);
  const chosen = [...new Set(input.memberIds)];
  const byId = new Map(committee.map((m) => [m._id, m]));
  if (chosen.some((id) => !byId.get(id)?.roles.includes('committee') || byId.get(id)?.roles.includes('secretary')))
    throw invalidArgument('只能从本支部的支部委员中选择');
  const namesOf = (ids: readonly string[]) => ids.map((id) => byId.get(id)?.name ?? '已不在支委会的人员');
  const updated = await runTransaction(async (tx): Promise<BranchDoc> => {
    const current = await txGet<BranchDoc>(tx, COLLECTIONS.branches, branchId);
    if (!current?.active) throw failedPrecondition('该支部已合并或撤销');
    await tx
      .collection(COLLECTIONS.branches)
      .doc(branchId)
      .update({ data: { noticePosters: chosen } });
    await audit(tx, session, {
      action: 'branch.setNoticePosters',
      targetType: 'branch',
      targetId: branchId,
      targetName: current.name,
      branchId,
      before: { noticePosters: namesOf(current.noticePosters ?? []) },
      after: { noticePosters: namesOf(chosen) },
    });
    return { ...current, _id: branchId, noticePosters: chosen };
  });
  return view(session, updated, committee);
}
