import ExcelJS from 'exceljs';
import {
  APPRAISAL_GRADE_NAMES,
  APPRAISAL_GRADES,
  COLLECTIONS,
  type AppraisalRoundDoc,
  type AppraisalGradeCounts,
} from '@zhibu/types';
import type { Session } from '../member/session';
import { failedPrecondition, notFound } from '../runtime/app-error';
import { cloud } from '../runtime/cloud';
import { getDoc } from '../runtime/documents';
import { requireBureau, roundIdOf, roundState } from './access';
import { reportsByIds } from './round.service';
import { tallyOf } from './tally';

const pct = (n: number, of: number) => (of === 0 ? '—' : `${Math.round((n / of) * 1000) / 10}%`);
const sum = (c: AppraisalGradeCounts) => APPRAISAL_GRADES.reduce((s, g) => s + c[g], 0);

/** Counts then shares of each grade, as the year-end appraisal sheet reads them. */
function gradeCells(c: AppraisalGradeCounts): (number | string)[] {
  const all = sum(c);
  return [all, ...APPRAISAL_GRADES.map((g) => c[g]), ...APPRAISAL_GRADES.map((g) => pct(c[g], all))];
}

const gradeHeaders = (who: string) => [
  `${who}评价数`,
  ...APPRAISAL_GRADES.map((g) => `${who}${APPRAISAL_GRADE_NAMES[g]}`),
  ...APPRAISAL_GRADES.map((g) => `${who}${APPRAISAL_GRADE_NAMES[g]}占比`),
];

/** Each secretary's result as counts and shares; never a rater, never a vote on its own. */
export async function appraisalWorkbook(round: AppraisalRoundDoc): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('述职评议结果');
  sheet.addRow(['支部', '书记', '述职', '应评党员数', ...gradeHeaders('党员'), '评价码数', ...gradeHeaders('教师')]);
  for (let i = 0; i < round.reports.length; i += 100) {
    const ids = round.reports.slice(i, i + 100).map((r) => r.reportId);
    const [reports, tallies] = await Promise.all([reportsByIds(ids), tallyOf(ids)]);
    for (const r of reports) {
      const t = tallies.get(r._id);
      if (!t) continue;
      sheet.addRow([
        r.branchName,
        r.secretaryName,
        r.submittedAt ? '已提交' : '未提交',
        r.raterIds.length,
        ...gradeCells(t.result.member),
        t.codesIssued,
        ...gradeCells(t.result.teacher),
      ]);
    }
  }
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((c) => (c.width = 10));
  sheet.getColumn(1).width = 28;
  return book;
}

/** The year's results as .xlsx, once the round has ended; bureau only. */
export async function exportResults(session: Session, year: number, now = new Date()) {
  requireBureau(session);
  const round = await getDoc<AppraisalRoundDoc>(COLLECTIONS.appraisalRounds, roundIdOf(year));
  if (!round) throw notFound(`${year} 年度没有述职评议`);
  if (!roundState(round, now).ended) throw failedPrecondition('评议结束后才能导出结果');
  const book = await appraisalWorkbook(round);
  const fileName = `${year}年度支部书记述职评议结果.xlsx`;
  const { fileID } = (await cloud.uploadFile({
    cloudPath: `appraisal-export/${round._id}-${now.getTime().toString(36)}.xlsx`,
    fileContent: Buffer.from(await book.xlsx.writeBuffer()),
  })) as { fileID: string };
  const { fileList } = (await cloud.getTempFileURL({ fileList: [fileID] })) as {
    fileList: { fileID: string; tempFileURL?: string }[];
  };
  return { fileId: fileID, url: fileList[0]?.tempFileURL ?? '', fileName };
}
