import ExcelJS from 'exceljs';
import { COLLECTIONS, type BranchDoc, type DuesBranchYearDoc, type DuesOverview } from '@zhibu/types';
import { isAdmin, requireAdmin } from '../member/policy';
import type { Session } from '../member/session';
import { cloud, database } from '../runtime/cloud';
import { getAllDocs, getDoc } from '../runtime/documents';
import { beijingMonth } from '../runtime/time';
import { requireDuesManager } from './access';
import { branchYearId, monthKey } from './counters';
import { monthsOfYear } from './months';
import { yuan } from './rates';

/**
 * Per branch and month: the dues owed, the money collected and the arrears, read from the
 * branch-year counters: one document per branch, never the members or their payments.
 * Arrears are the dues of past and current months not yet paid; a month still ahead owes nothing yet.
 */
export async function duesOverview(session: Session, year: number, now = new Date()): Promise<DuesOverview> {
  const admin = isAdmin(session);
  if (!admin) requireDuesManager(session);
  const db = database();
  const months = monthsOfYear(year);
  const [counters, branches] = await Promise.all([
    admin
      ? getAllDocs<DuesBranchYearDoc>(() =>
          db.collection(COLLECTIONS.duesBranchYears).where({ year }).orderBy('_id', 'asc'),
        )
      : getDoc<DuesBranchYearDoc>(COLLECTIONS.duesBranchYears, branchYearId(session.member.branchId, year)).then((c) =>
          c ? [c] : [],
        ),
    admin
      ? getAllDocs<BranchDoc>(() =>
          db.collection(COLLECTIONS.branches).where({ active: true }).orderBy('createdAt', 'asc').orderBy('_id', 'asc'),
        )
      : getDoc<BranchDoc>(COLLECTIONS.branches, session.member.branchId).then((b) => (b ? [b] : [])),
  ]);
  const current = beijingMonth(now);
  const byBranch = new Map(counters.map((c) => [c.branchId, c]));
  return {
    year,
    months,
    branches: branches.map((branch) => {
      const cells = months.map((month) => {
        const c = byBranch.get(branch._id)?.months[monthKey(month)];
        const due = c?.due ?? 0;
        const arrears = month <= current ? Math.max(0, due - (c?.settled ?? 0)) : 0;
        return { month, due, collected: c?.collected ?? 0, arrears };
      });
      const sum = (key: 'due' | 'collected' | 'arrears') => cells.reduce((a, c) => a + c[key], 0);
      return {
        branchId: branch._id,
        name: branch.name,
        cells,
        due: sum('due'),
        collected: sum('collected'),
        arrears: sum('arrears'),
      };
    }),
  };
}

/** The bureau's workbook for 上缴: one row per branch and month, amounts in yuan, and a total per branch. */
export async function exportDues(session: Session, year: number, now = new Date()) {
  requireAdmin(session);
  const overview = await duesOverview(session, year, now);
  const book = new ExcelJS.Workbook();
  book.creator = '支部通';
  const detail = book.addWorksheet(`${year}年党费收缴明细`);
  detail.columns = [
    { header: '支部', key: 'branch', width: 28 },
    { header: '月份', key: 'month', width: 10 },
    { header: '应缴（元）', key: 'due', width: 14 },
    { header: '实缴（元）', key: 'collected', width: 14 },
    { header: '欠缴（元）', key: 'arrears', width: 14 },
  ];
  const summary = book.addWorksheet(`${year}年党费上缴汇总`);
  summary.columns = [
    { header: '支部', key: 'branch', width: 28 },
    { header: '应缴（元）', key: 'due', width: 14 },
    { header: '实缴（元）', key: 'collected', width: 14 },
    { header: '欠缴（元）', key: 'arrears', width: 14 },
  ];
  for (const b of overview.branches) {
    for (const c of b.cells) {
      detail.addRow({
        branch: b.name,
        month: c.month,
        due: yuan(c.due),
        collected: yuan(c.collected),
        arrears: yuan(c.arrears),
      });
    }
    summary.addRow({ branch: b.name, due: yuan(b.due), collected: yuan(b.collected), arrears: yuan(b.arrears) });
  }
  const total = (key: 'due' | 'collected' | 'arrears') => yuan(overview.branches.reduce((a, b) => a + b[key], 0));
  summary.addRow({ branch: '合计', due: total('due'), collected: total('collected'), arrears: total('arrears') });
  for (const sheet of [detail, summary]) sheet.getRow(1).font = { bold: true };
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  const fileName = `${year}年党费收缴上缴表.xlsx`;
  const { fileID } = (await cloud.uploadFile({
    cloudPath: `dues/export-${year}-${now.getTime().toString(36)}.xlsx`,
    fileContent: buffer,
  })) as { fileID: string };
  const { fileList } = (await cloud.getTempFileURL({ fileList: [fileID] })) as {
    fileList: { fileID: string; tempFileURL?: string }[];
  };
  return { fileId: fileID, url: fileList[0]?.tempFileURL ?? '', fileName };
}
