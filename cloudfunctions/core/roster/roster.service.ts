import {
  COLLECTIONS,
  type BranchDoc,
  type MemberDoc,
  type rosterExportInput,
  type rosterImportInput,
} from '@zhibu/types';
import type { z } from 'zod';
import { canManageBranch, isAdmin, maskPhone, requireBranchManager } from '../member/policy';
import { newMemberDoc } from '../member/member-doc';
import { activeBranchOrFail } from '../member/member.repository';
import type { Session } from '../member/session';
import { audit } from '../org/audit';
import { forbidden, invalidArgument } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { getAllDocs, getDocs, MAX_PAGE } from '../runtime/documents';
import { runTransaction } from '../runtime/transaction';
import { validateRows } from './roster-rows';
import { readRosterSheet, SheetError, writeRosterSheet } from './roster-sheet';

function activeMembers(branchId: string | null): Promise<MemberDoc[]> {
  const where = branchId ? { branchId, active: true } : { active: true };
  return getAllDocs<MemberDoc>(() =>
    database()
      .collection(COLLECTIONS.members)
      .where(where)
      .orderBy('branchId', 'asc')
      .orderBy('createdAt', 'asc')
      .orderBy('_id', 'asc'),
  );
}

export async function importRoster(session: Session, input: z.infer<typeof rosterImportInput>) {
  const branchId = input.branchId ?? session.member.branchId;
  requireBranchManager(session, branchId);
  const branch = await activeBranchOrFail(branchId);
  let rows;
  try {
    rows = await readRosterSheet(Buffer.from(input.fileBase64, 'base64'));
  } catch (error) {
    if (error instanceof SheetError) throw invalidArgument(error.message);
    throw error;
  }
  if (rows.length === 0) throw invalidArgument('表格中没有党员数据（第 1 行为表头，从第 2 行开始填写）');
  const { members, errors } = validateRows(rows, branch, await activeMembers(branchId));
  const valid = errors.length === 0;
  if (!valid || input.mode === 'check') return { rows: rows.length, valid, created: 0, errors };

  const now = new Date();
  const docs = members.map((fields) => newMemberDoc(branchId, fields, now));
  // One batch insert: the whole roster lands in one request or the function fails before it.
  await database().collection(COLLECTIONS.members).add({ data: docs });
  await runTransaction(async (tx) => {
    await audit(tx, session, {
      action: 'member.import',
      targetType: 'branch',
      targetId: branchId,
      targetName: branch.name,
      branchId,
      before: null,
      after: { created: docs.length, names: docs.map((d) => d.name).slice(0, 200) },
    });
  });
  return { rows: rows.length, valid: true, created: docs.length, errors: [] };
}

/**
 * A roster as .xlsx. The branch committee exports its own branch, a bureau admin any branch or all
 * of them. Phone numbers are masked unless a bureau admin asks for them explicitly.
 */
export async function exportRoster(session: Session, input: z.infer<typeof rosterExportInput>) {
  const admin = isAdmin(session);
  const branchId = input.branchId ?? (admin ? null : session.member.branchId);
  if (branchId && !canManageBranch(session, branchId)) throw forbidden('只能导出本支部的名册');
  if (!branchId && !admin) throw forbidden();
  const branches = branchId
    ? [await activeBranchOrFail(branchId)]
    : await getDocs<BranchDoc>(database().collection(COLLECTIONS.branches).limit(MAX_PAGE));
  const byId = new Map(branches.map((b) => [b._id, b]));
  const members = await activeMembers(branchId);
  const phonesMasked = !(admin && input.includePhone === true);
  const rows = members.map((m) => {
    const branch = byId.get(m.branchId);
    return {
      ...(branchId ? {} : { 所在支部: branch?.name ?? '' }),
      姓名: m.name,
      性别: m.gender ?? '',
      手机号: (phonesMasked ? maskPhone(m.phone) : m.phone) ?? '',
      党员身份: m.status,
      入党时间: m.joinedPartyAt ?? '',
      党小组: branch?.partyGroups.find((g) => g.id === m.partyGroupId)?.name ?? '',
      职务: m.position ?? '',
      绑定微信: m.openid ? '已绑定' : '未绑定',
    };
  });
  const title = branchId ? branches[0]!.name : '全部支部';
  const file = await writeRosterSheet(title, rows, branchId ? ['绑定微信'] : ['所在支部', '绑定微信']);
  const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  return {
    fileName: `${title}党员名册-${day}.xlsx`,
    fileBase64: file.toString('base64'),
    rows: rows.length,
    phonesMasked,
  };
}

/** An empty sheet with the headers and one example row, for secretaries to fill in. */
export async function rosterTemplate() {
  const example = {
    姓名: '张三',
    性别: '男',
    手机号: '13800000000',
    党员身份: '正式党员',
    入党时间: '2010-07-01',
    党小组: '',
    职务: '语文教师',
  };
  const file = await writeRosterSheet('党员名册', [example]);
  return { fileName: '党员名册导入模板.xlsx', fileBase64: file.toString('base64'), rows: 1, phonesMasked: false };
}
