import {
  COLLECTIONS,
  type BranchDoc,
  type MemberDoc,
  type MemberListItem,
  type Role,
  type createMemberInput,
  type deactivateMemberInput,
  type listMembersInput,
  type setRolesInput,
  type updateMemberInput,
} from '@zhibu/types';
import type { z } from 'zod';
import { withdrawFromActivities } from '../activity/withdraw';
import { audit, changedFields } from '../org/audit';
import { failedPrecondition, forbidden, invalidArgument, notFound } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { countDocs, getDocs } from '../runtime/documents';
import { runTransaction, txGet } from '../runtime/transaction';
import { newMemberDoc } from './member-doc';
import { toListItem } from './member-view';
import { activeBranchOrFail, memberRepository } from './member.repository';
import { adminCandidates, keepOneAdmin } from './admin-guard';
import { requireAdmin, requireBranchManager, requireMayGrant, requireMayManagePerson, visibilityOf } from './policy';
import type { Session } from './session';

/** Beijing midnight of a roster date: the moment a change dated that day takes effect. */
const beijingMidnight = (date: string) => new Date(`${date}T00:00:00+08:00`);

function checkPartyGroup(branch: BranchDoc, partyGroupId: string | null | undefined): void {
  if (partyGroupId && !branch.partyGroups.some((g) => g.id === partyGroupId)) {
    throw invalidArgument('所选党小组不属于该支部');
  }
}

/**
 * A member the caller may manage, read with the branch it belongs to: their branch's committee or
 * the bureau, and never someone who outranks the caller. Each write re-checks the rank on the
 * record it reads inside its transaction, so a promotion landing meanwhile is not overtaken.
 */
async function managedMember(
  session: Session,
  memberId: string,
): Promise<{ member: MemberDoc; branch: BranchDoc | null }> {
  const member = await memberRepository.member(memberId);
  // Not-found and not-visible answer alike, so ids of other branches cannot be probed.
  if (!member || visibilityOf(session, member) === 'none') throw notFound('没有找到该党员');
  requireMayManagePerson(session, member);
  return { member, branch: await memberRepository.branch(member.branchId) };
}

/** The fields that release a member's WeChat binding and void any invite still out for them. */
const RELEASED = { openid: null, boundAt: null, inviteCode: null } as const;

export async function createMember(
  session: Session,
  input: z.infer<typeof createMemberInput>,
): Promise<{ memberId: string }> {
  const branchId = input.branchId ?? session.member.branchId;
  requireBranchManager(session, branchId);
  const branch = await activeBranchOrFail(branchId);
  checkPartyGroup(branch, input.partyGroupId);
  const { branchId: _branch, ...fields } = input;
  const member = newMemberDoc(branchId, fields, new Date());
  const { _id, ...data } = member;
  await runTransaction(async (tx) => {
    await tx.collection(COLLECTIONS.members).doc(_id).set({ data });
    await audit(tx, session, {
      action: 'member.create',
      targetType: 'member',
      targetId: _id,
      targetName: member.name,
      branchId,
      before: null,
      after: { ...input, branchId },
    });
  });
  return { memberId: _id };
}

export async function getMember(session: Session, memberId: string): Promise<MemberListItem> {
  const member = await memberRepository.member(memberId);
  const visibility = member ? visibilityOf(session, member) : 'none';
  if (!member || visibility === 'none') throw notFound('没有找到该党员');
  return toListItem(member, await memberRepository.branch(member.branchId), visibility);
}

export async function updateMember(
  session: Session,
  input: z.infer<typeof updateMemberInput>,
): Promise<MemberListItem> {
  const { member, branch } = await managedMember(session, input.memberId);
  if (!member.active) throw failedPrecondition('该党员已调出或停用，不能修改');
  if (branch) checkPartyGroup(branch, input.patch.partyGroupId);
  const updated = await runTransaction(async (tx) => {
    const current = await txGet<MemberDoc>(tx, COLLECTIONS.members, member._id);
    if (!current) throw notFound('没有找到该党员');
    requireMayManagePerson(session, current);
    // A candidate's status follows the 发展党员 pipeline's steps (development/), never an edit.
    if (current.candidacyId && input.patch.status && input.patch.status !== current.status) {
      throw failedPrecondition('该同志正在发展党员程序中，党员身份随发展步骤变更，不能直接修改');
    }
    const next: MemberDoc = { ...current, ...input.patch, _id: member._id };
    const diff = changedFields(current, next);
    if (Object.keys(diff.after).length === 0) return current;
    await tx.collection(COLLECTIONS.members).doc(member._id).update({ data: input.patch });
    await audit(tx, session, {
      action: 'member.update',
      targetType: 'member',
      targetId: member._id,
      targetName: next.name,
      branchId: member.branchId,
      ...diff,
    });
    return next;
  });
  return toListItem(updated, branch, 'full');
}

export async function deactivateMember(
  session: Session,
  input: z.infer<typeof deactivateMemberInput>,
): Promise<MemberListItem> {
  if (input.memberId === session.member._id) throw failedPrecondition('不能停用自己的档案，请联系局党委管理员');
  const { member, branch } = await managedMember(session, input.memberId);
  if (!member.active) throw failedPrecondition('该党员已调出或停用');
  const leftAt = beijingMidnight(input.effectiveDate);
  const admins = await adminCandidates();
  // One transaction: the record leaves, its WeChat binding is released (so that WeChat user can be
  // bound to a new record) and the audit entry lands, or none of it does.
  const updated = await runTransaction(async (tx) => {
    const current = await txGet<MemberDoc>(tx, COLLECTIONS.members, member._id);
    if (!current?.active) throw failedPrecondition('该党员已调出或停用');
    requireMayManagePerson(session, current);
    const change = { active: false, leftAt, leftReason: input.reason, ...RELEASED };
    await keepOneAdmin(tx, admins, current, { ...current, ...change });
    await tx.collection(COLLECTIONS.members).doc(member._id).update({ data: change });
    if (current.openid) await tx.collection(COLLECTIONS.bindings).doc(current.openid).remove();
    await audit(tx, session, {
      action: 'member.deactivate',
      targetType: 'member',
      targetId: member._id,
      targetName: member.name,
      branchId: member.branchId,
      before: { active: true, bound: current.openid !== null },
      after: {
        active: false,
        bound: false,
        reason: input.reason,
        effectiveDate: input.effectiveDate,
        note: input.note ?? null,
      },
    });
    return { ...current, ...change };
  });
  // Second step, re-runnable: if the function stops before it, the hourly job finishes it
  // (member/leavers.ts).
  await withdrawFromActivities(member._id, leftAt);
  return toListItem(updated, branch, 'full');
}

/** A keyword as a literal pattern. A BSON regex cannot hold a NUL byte, so it is written as an escape. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\0/g, '\\x00');
}

export async function listMembers(
  session: Session,
  input: z.infer<typeof listMembersInput>,
): Promise<{ items: MemberListItem[]; total: number }> {
  const branchId = input.branchId ?? session.member.branchId;
  const visibility = visibilityOf(session, { _id: '', branchId });
  if (visibility === 'none') throw forbidden('只能查看本支部的党员名单');
  if (
    visibility === 'names' &&
    (input.status || input.partyGroupId || input.includeInactive || input.bound !== undefined)
  ) {
    throw forbidden('只有支部委员可以按身份、党小组筛选或查看已调出党员');
  }
  const db = database();
  const where: Record<string, unknown> = { branchId };
  if (!input.includeInactive) where.active = true;
  if (input.status) where.status = input.status;
  if (input.partyGroupId) where.partyGroupId = input.partyGroupId;
  if (input.bound !== undefined) where.openid = input.bound ? db.command.neq(null) : null;
  if (input.keyword) where.name = db.RegExp({ regexp: escapeRegExp(input.keyword), options: 'i' });
  const query = db.collection(COLLECTIONS.members).where(where);
  const [members, total, branch] = await Promise.all([
    getDocs<MemberDoc>(
      query
        .orderBy('createdAt', 'asc')
        .orderBy('_id', 'asc')
        .skip((input.page - 1) * input.pageSize)
        .limit(input.pageSize),
    ),
    countDocs(db.collection(COLLECTIONS.members).where(where)),
    memberRepository.branch(branchId),
  ]);
  return {
    items: members.map((m) => toListItem(m, branch, m._id === session.member._id ? 'full' : visibility)),
    total,
  };
}

export async function setRoles(session: Session, input: z.infer<typeof setRolesInput>): Promise<MemberListItem> {
  requireAdmin(session);
  const roles: Role[] = ['member', ...new Set(input.roles)];
  requireMayGrant(session, roles);
  if (input.memberId === session.member._id && !input.roles.includes('admin')) {
    throw failedPrecondition('不能取消自己的管理员身份，请由其他管理员操作');
  }
  const member = await memberRepository.member(input.memberId);
  if (!member) throw notFound('没有找到该党员');
  requireMayManagePerson(session, member);
  if (!member.active) throw failedPrecondition('该党员已调出或停用');
  const admins = await adminCandidates();
  const updated = await runTransaction(async (tx) => {
    const current = await txGet<MemberDoc>(tx, COLLECTIONS.members, member._id);
    if (!current) throw notFound('没有找到该党员');
    if (!current.active) throw failedPrecondition('该党员已调出或停用');
    requireMayManagePerson(session, current);
    await keepOneAdmin(tx, admins, current, { ...current, roles });
    await tx.collection(COLLECTIONS.members).doc(member._id).update({ data: { roles } });
    await audit(tx, session, {
      action: 'member.setRoles',
      targetType: 'member',
      targetId: member._id,
      targetName: member.name,
      branchId: member.branchId,
      before: { roles: current.roles },
      after: { roles },
    });
    return { ...current, roles };
  });
  return toListItem(updated, await memberRepository.branch(member.branchId), 'full');
}

export async function unbindMember(session: Session, memberId: string): Promise<MemberListItem> {
  const { member, branch } = await managedMember(session, memberId);
  if (!member.openid) throw failedPrecondition('该党员尚未绑定微信');
  const admins = await adminCandidates();
  const updated = await runTransaction(async (tx) => {
    const current = await txGet<MemberDoc>(tx, COLLECTIONS.members, member._id);
    if (!current?.openid) throw failedPrecondition('该党员尚未绑定微信');
    requireMayManagePerson(session, current);
    await keepOneAdmin(tx, admins, current, { ...current, ...RELEASED });
    // Clearing the invite code too: a code printed before this unbind must not bind anyone after it.
    await tx
      .collection(COLLECTIONS.members)
      .doc(member._id)
      .update({ data: { ...RELEASED } });
    await tx.collection(COLLECTIONS.bindings).doc(current.openid).remove();
    await audit(tx, session, {
      action: 'member.unbind',
      targetType: 'member',
      targetId: member._id,
      targetName: member.name,
      branchId: member.branchId,
      before: { bound: true },
      after: { bound: false },
    });
    return { ...current, ...RELEASED };
  });
  return toListItem(updated, branch, 'full');
}
