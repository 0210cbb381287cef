import { createHash } from 'node:crypto';
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
import { AUDIT_COLLECTION, audit } from '../org/audit';
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

/** The same file for the same branch is the same import, whenever it is sent again. */
function importIdOf(branchId: string, fileBase64: string): string {
  return createHash('sha256').update(branchId).update('\0').update(fileBase64).digest('hex').slice(0, 16);
}

/** Row n of an import; the roster has at most 1,000 rows, so four digits suffice. */
const importPrefix = (importId: string) => `m_imp${importId}`;
const importedMemberId = (importId: string, n: number) => `${importPrefix(importId)}${String(n).padStart(4, '0')}`;

async function importEntryExists(branchId: string, importId: string): Promise<boolean> {
  const entries = await getDocs<{ _id: string }>(
    database()
      .collection(AUDIT_COLLECTION)
      .where({ targetId: branchId, action: 'member.import', 'after.importId': importId })
      .field({ _id: true })
      .limit(1),
  );
  return entries.length > 0;
}

async function existingIds(ids: string[]): Promise<Set<string>> {
  const db = database();
  const found = await getDocs<{ _id: string }>(
    db
      .collection(COLLECTIONS.members)
      .where({ _id: db.command.in(ids) })
      .field({ _id: true })
      .limit(MAX_PAGE),
  );
  return new Set(found.map((d) => d._id));
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
  const importId = importIdOf(branchId, input.fileBase64);
  // Members this very import already added (an earlier try that stopped halfway) are not duplicates.
  const others = (await activeMembers(branchId)).filter((m) => !m._id.startsWith(importPrefix(importId)));
  const { members, errors } = validateRows(rows, branch, others);
  const valid = errors.length === 0;
  if (!valid || input.mode === 'check') return { rows: rows.length, valid, created: 0, errors };

  const now = new Date();
  const docs = members.map((fields, n) => ({
    ...newMemberDoc(branchId, fields, now),
    _id: importedMemberId(importId, n),
  }));
  // Re-runnable: the audit entry is written first and names the import; the members' ids come from
  // the file, so a retry after a timeout or a partial batch (CloudBase does not promise that a
  // batch insert is all-or-nothing) adds only the members still missing, under the same entry.
  if (!(await importEntryExists(branchId, importId))) {
    await runTransaction(async (tx) => {
      await audit(tx, session, {
        action: 'member.import',
        targetType: 'branch',
        targetId: branchId,
        targetName: branch.name,
        branchId,
        before: null,
        after: {
          importId,
          created: docs.length,
          names: docs.map((d) => d.name).slice(0, 200),
          // An import may set any status, the pipeline's included; the entry keeps what it set.
          statuses: docs.map((d) => d.status).slice(0, 200),
        },
      });
    });
  }
  const present = await existingIds(docs.map((d) => d._id));
  const missing = docs.filter((d) => !present.has(d._id));
  if (missing.length > 0) await database().collection(COLLECTIONS.members).add({ data: missing });
  return { rows: rows.length, valid: true, created: missing.length, errors: [] };
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
