import {
  COLLECTIONS,
  type BranchDoc,
  type BranchSummary,
  type MemberDoc,
  type newBranchSchema,
  type orgContract,
} from '@zhibu/types';
import type { z } from 'zod';
import { isAdmin, requireAdmin, requireBranchManager } from '../member/policy';
import { memberRepository } from '../member/member.repository';
import type { Session } from '../member/session';
import { failedPrecondition, forbidden, notFound } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { countDocs, getDocs } from '../runtime/documents';
import { randomString } from '../runtime/ids';
import { runTransaction, txGet } from '../runtime/transaction';
import { withdrawMovedMembers } from '../activity/withdraw';
import { audit } from './audit';
import { branchPage } from './branch-pages';

type Input<K extends keyof typeof orgContract> = z.infer<(typeof orgContract)[K]['input']>;

interface BranchCounts {
  members: number;
  bound: number;
  secretaries: string[];
}

/** Head counts for a page of branches in one aggregation, not one count per branch. */
async function countsFor(branchIds: string[]): Promise<Map<string, BranchCounts>> {
  const db = database();
  const _ = db.command;
  const $ = _.aggregate;
  const { list } = (await db
    .collection(COLLECTIONS.members)
    .aggregate()
    .match({ branchId: _.in(branchIds), active: true })
    .group({
      _id: '$branchId',
      members: $.sum(1),
      bound: $.sum($.cond({ if: $.eq(['$openid', null]), then: 0, else: 1 })),
      secretaries: $.push($.cond({ if: $.in(['secretary', '$roles']), then: '$name', else: null })),
    })
    .limit(branchIds.length)
    .end()) as { list: { _id: string; members: number; bound: number; secretaries: (string | null)[] }[] };
  return new Map(
    list.map((row) => [
      row._id,
      { members: row.members, bound: row.bound, secretaries: row.secretaries.filter((s): s is string => !!s) },
    ]),
  );
}

function summarize(branch: BranchDoc, counts: BranchCounts | undefined): BranchSummary {
  return {
    branchId: branch._id,
    name: branch.name,
    kind: branch.kind,
    schools: branch.schools,
    partyGroups: branch.partyGroups,
    active: branch.active,
    mergedInto: branch.mergedInto ?? null,
    memberCount: counts?.members ?? 0,
    boundCount: counts?.bound ?? 0,
    secretaryNames: counts?.secretaries ?? [],
  };
}

async function summaryOf(branchId: string): Promise<BranchSummary> {
  const branch = await memberRepository.branch(branchId);
  if (!branch) throw notFound('没有找到该支部');
  return summarize(branch, (await countsFor([branchId])).get(branchId));
}

export async function getBranch(session: Session, branchId: string): Promise<BranchSummary> {
  // Another branch answers as missing for anyone but the bureau, so branch ids cannot be probed.
  if (!isAdmin(session) && branchId !== session.member.branchId) throw notFound('没有找到该支部');
  return summaryOf(branchId);
}

/** Bureau admins see every branch; anyone else sees their own. */
export async function listBranches(
  session: Session,
  input: Input<'branches'>,
): Promise<{ items: BranchSummary[]; total: number }> {
  if (!isAdmin(session)) {
    return { items: [await summaryOf(session.member.branchId)], total: 1 };
  }
  const where = input.includeInactive ? {} : { active: true };
  const { docs: branches, total } = await branchPage(where, input);
  const counts = branches.length > 0 ? await countsFor(branches.map((b) => b._id)) : new Map<string, BranchCounts>();
  return { items: branches.map((b) => summarize(b, counts.get(b._id))), total };
}

async function insertBranch(
  session: Session,
  input: z.infer<typeof newBranchSchema>,
  action: 'branch.create' | 'branch.split',
  extra = {},
) {
  const branch: BranchDoc = {
    _id: `b_${randomString(10)}`,
    name: input.name,
    kind: input.kind,
    schools: input.schools,
    partyGroups: input.partyGroups ?? [],
    active: true,
    mergedInto: null,
    createdAt: new Date(),
  };
  const { _id, ...data } = branch;
  await runTransaction(async (tx) => {
    await tx.collection(COLLECTIONS.branches).doc(_id).set({ data });
    await audit(tx, session, {
      action,
      targetType: 'branch',
      targetId: _id,
      targetName: branch.name,
      branchId: _id,
      before: null,
      after: { name: branch.name, kind: branch.kind, schools: branch.schools, ...extra },
    });
  });
  return branch;
}

export async function createBranch(session: Session, input: Input<'createBranch'>): Promise<{ branchId: string }> {
  requireAdmin(session);
  const branch = await insertBranch(session, input, 'branch.create');
  return { branchId: branch._id };
}

async function updateBranch(
  session: Session,
  branchId: string,
  action: 'branch.rename' | 'branch.setPartyGroups',
  change: (current: BranchDoc) => Partial<BranchDoc>,
): Promise<BranchSummary> {
  await runTransaction(async (tx) => {
    const current = await txGet<BranchDoc>(tx, COLLECTIONS.branches, branchId);
    if (!current) throw notFound('没有找到该支部');
    if (!current.active) throw failedPrecondition('该支部已合并或撤销');
    const patch = change(current);
    await tx.collection(COLLECTIONS.branches).doc(branchId).update({ data: patch });
    const before = Object.fromEntries(Object.keys(patch).map((k) => [k, current[k as keyof BranchDoc] ?? null]));
    await audit(tx, session, {
      action,
      targetType: 'branch',
      targetId: branchId,
      targetName: patch.name ?? current.name,
      branchId,
      before,
      after: patch,
    });
  });
  return summaryOf(branchId);
}

export function renameBranch(session: Session, input: Input<'renameBranch'>): Promise<BranchSummary> {
  requireAdmin(session);
  return updateBranch(session, input.branchId, 'branch.rename', () => ({ name: input.name }));
}

export async function setPartyGroups(session: Session, input: Input<'setPartyGroups'>): Promise<BranchSummary> {
  requireBranchManager(session, input.branchId);
  const kept = new Set(input.partyGroups.map((g) => g.id));
  const db = database();
  const orphaned = await countDocs(
    db
      .collection(COLLECTIONS.members)
      .where({ branchId: input.branchId, active: true, partyGroupId: db.command.nin([...kept, null]) }),
  );
  if (orphaned > 0) throw failedPrecondition(`仍有 ${orphaned} 名党员在要删除的党小组中，请先调整他们的党小组`);
  return updateBranch(session, input.branchId, 'branch.setPartyGroups', () => ({ partyGroups: input.partyGroups }));
}

/**
 * Moves members between branches with one multi-document update per party group, appending the
 * new branch to each member's history so their records stay theirs and statistics count them
 * where they were at the time. Re-running after an interruption finishes the job: it only touches
 * members still in the source branch.
 */
async function moveMembers(
  fromBranchId: string,
  toBranchId: string,
  groupMap: Map<string | null, string | null>,
  onlyIds?: string[],
): Promise<number> {
  const db = database();
  const _ = db.command;
  let moved = 0;
  const now = new Date();
  for (const [fromGroup, toGroup] of groupMap) {
    const where: Record<string, unknown> = { branchId: fromBranchId, partyGroupId: fromGroup };
    if (onlyIds) where._id = _.in(onlyIds);
    const result = (await db
      .collection(COLLECTIONS.members)
      .where(where)
      .update({
        data: {
          branchId: toBranchId,
          partyGroupId: toGroup,
          branchHistory: _.push({ branchId: toBranchId, from: now }),
        },
      })) as {
      stats: { updated: number };
    };
    moved += result.stats.updated;
  }
  return moved;
}

export async function mergeBranches(
  session: Session,
  input: Input<'mergeBranches'>,
): Promise<{ targetBranchId: string; movedMembers: number }> {
  requireAdmin(session);
  const target = await memberRepository.branch(input.targetBranchId);
  if (!target?.active) throw notFound('没有找到要并入的支部');
  const sources: BranchDoc[] = [];
  for (const id of new Set(input.sourceBranchIds)) {
    const source = await memberRepository.branch(id);
    if (!source?.active) throw notFound('没有找到要合并的支部');
    sources.push(source);
  }
  let moved = 0;
  const groups = [...target.partyGroups];
  const schools = [...target.schools];
  for (const source of sources) {
    // A source's party groups come along under fresh ids, so they cannot collide with the target's.
    const groupMap = new Map<string | null, string | null>([[null, null]]);
    for (const group of source.partyGroups) {
      const id = `g_${randomString(6)}`;
      groups.push({ id, name: group.name });
      groupMap.set(group.id, id);
    }
    for (const school of source.schools) if (!schools.includes(school)) schools.push(school);
    await database()
      .collection(COLLECTIONS.branches)
      .doc(target._id)
      .update({ data: { partyGroups: groups, schools } });
    moved += await moveMembers(source._id, target._id, groupMap);
    // Re-runnable steps before the source is closed: if the function stops, the merge is sent
    // again and finds the moves done and the withdrawals still to do.
    await withdrawMovedMembers(source._id, new Date());
    await runTransaction(async (tx) => {
      await tx
        .collection(COLLECTIONS.branches)
        .doc(source._id)
        .update({ data: { active: false, mergedInto: target._id } });
      await audit(tx, session, {
        action: 'branch.merge',
        targetType: 'branch',
        targetId: source._id,
        targetName: source.name,
        branchId: target._id,
        before: { active: true },
        after: { active: false, mergedInto: target._id, mergedIntoName: target.name },
      });
    });
  }
  const kind = target.kind === 'school' && schools.length > 1 ? 'joint' : target.kind;
  if (kind !== target.kind) {
    await database().collection(COLLECTIONS.branches).doc(target._id).update({ data: { kind } });
  }
  return { targetBranchId: target._id, movedMembers: moved };
}

export async function splitBranch(
  session: Session,
  input: Input<'splitBranch'>,
): Promise<{ branchId: string; movedMembers: number }> {
  requireAdmin(session);
  const source = await memberRepository.branch(input.branchId);
  if (!source?.active) throw notFound('没有找到要拆分的支部');
  const ids = [...new Set(input.memberIds)];
  const db = database();
  const found = await getDocs<Pick<MemberDoc, '_id'>>(
    db
      .collection(COLLECTIONS.members)
      .where({ _id: db.command.in(ids), branchId: source._id, active: true })
      .field({ _id: true })
      .limit(ids.length),
  );
  if (found.length !== ids.length) throw failedPrecondition('所选党员中有人不在该支部或已调出');
  if (ids.includes(session.member._id) && !isAdmin(session)) throw forbidden();
  const branch = await insertBranch(session, input.newBranch, 'branch.split', {
    from: source._id,
    fromName: source.name,
    members: ids.length,
  });
  // Party groups stay with the branch they belong to; moved members start without one.
  const groupMap = new Map<string | null, string | null>([
    [null, null],
    ...source.partyGroups.map((g): [string, null] => [g.id, null]),
  ]);
  const moved = await moveMembers(source._id, branch._id, groupMap, ids);
  // Moved members stop being expected at the old branch's coming activities. Re-runnable, but a
  // split that stops before this line is not repeated by anything: the admin is answered an error.
  await withdrawMovedMembers(source._id, new Date());
  return { branchId: branch._id, movedMembers: moved };
}
