import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { COLLECTIONS, DUES_CATEGORY_NAMES, DUES_IMPORT_COLUMNS, type DuesCategory, type MemberDoc } from '@zhibu/types';
import type { Session } from '../member/session';
import { invalidArgument, notFound } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { getAllDocs } from '../runtime/documents';
import { readHeaderedSheet, SheetError, type HeaderedRow } from '../runtime/sheet';
import { downloadStorageFile, isFileIn } from '../runtime/storage-file';
import { PAYING_STATUSES, requireDuesManager } from './access';
import { writeBase, type BaseFields } from './base.service';
import { parseYuan } from './rates';
import { loadDuesSettings } from './settings';
import { startMonthOf } from './start-month';

type Column = (typeof DUES_IMPORT_COLUMNS)[number];
type RowError = { row: number; column: string | null; message: string };

export const MAX_BASE_ROWS = 1000;

/** Where a committee uploads base sheets; client/src/services/upload.ts names it the same way. */
export const duesImportFolder = (branchId: string) => `dues/${branchId}/import/`;

const CATEGORY_BY_NAME = new Map<string, DuesCategory>([
  ...Object.entries(DUES_CATEGORY_NAMES).map(([code, name]) => [name, code as DuesCategory] as const),
  ['退休', 'retired'],
  ['离休', 'retired'],
  ...Object.keys(DUES_CATEGORY_NAMES).map((code) => [code, code as DuesCategory] as const),
]);

function branchMembers(branchId: string) {
  const db = database();
  return getAllDocs<MemberDoc>(() =>
    db
      .collection(COLLECTIONS.members)
      .where({ branchId, active: true, status: db.command.in([...PAYING_STATUSES]) })
      .orderBy('createdAt', 'asc')
      .orderBy('_id', 'asc'),
  );
}

/** 2025-3, 2025/03, 2025年3月 and an Excel date all name the month 2025-03. */
function monthOf(text: string): string | null {
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})(?:\s*月)?(?:[-/.]\d{1,2}日?)?$/.exec(text.trim());
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) return null;
  return `${match[1]}-${match[2]!.padStart(2, '0')}`;
}

interface CheckedRow {
  row: number;
  member: MemberDoc;
  fields: Omit<BaseFields, 'importId'>;
}

/**
 * Checks every row against the branch's paying members: the person is found by name (and by phone
 * where two share a name), the category and the amounts are readable, the month is in the year, and
 * no person is given two bases from the same month.
 */
export function checkRows(rows: HeaderedRow<Column>[], members: MemberDoc[], year: number) {
  const errors: RowError[] = [];
  const checked: CheckedRow[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of rows) {
    const rowErrors: RowError[] = [];
    const fail = (column: Column | null, message: string) => rowErrors.push({ row, column, message });
    const name = cells['姓名'] ?? '';
    const phone = (cells['手机号'] ?? '').replace(/[\s-]/g, '');
    let member: MemberDoc | undefined;
    if (!name) fail('姓名', '请填写姓名');
    else {
      const named = members.filter((m) => m.name === name);
      const matches = phone ? named.filter((m) => m.phone === phone) : named;
      if (named.length === 0) fail('姓名', `本支部没有缴纳党费的党员“${name}”（正式党员或预备党员）`);
      else if (matches.length === 0) fail('手机号', `“${name}”的手机号与名册不符`);
      else if (matches.length > 1) fail('手机号', `本支部有 ${matches.length} 位“${name}”，请填写手机号以区分`);
      else member = matches[0];
    }
    const category = CATEGORY_BY_NAME.get(cells['类别'] ?? '');
    if (!cells['类别']) fail('类别', '请填写类别（在职、离退休、学生、无收入）');
    else if (!category) fail('类别', `类别“${cells['类别']}”应为在职、离退休、学生或无收入`);
    const fixed = category === 'student' || category === 'no_income';
    const baseText = cells['基数（元）'];
    const base = baseText ? parseYuan(baseText) : fixed ? 0 : null;
    if (!baseText && !fixed) fail('基数（元）', '请填写党费基数（元）');
    else if (base === null) fail('基数（元）', `基数“${baseText}”应为金额，最多两位小数`);
    const deductionText = cells['扣除（元）'];
    const deductions = deductionText ? parseYuan(deductionText) : 0;
    if (deductions === null) fail('扣除（元）', `扣除“${deductionText}”应为金额，最多两位小数`);
    const fromMonth = cells['起始月份'] ? monthOf(cells['起始月份']) : `${year}-01`;
    if (!fromMonth) fail('起始月份', `起始月份“${cells['起始月份']}”应写作 ${year}-01 的样式`);
    else if (!fromMonth.startsWith(`${year}-`)) fail('起始月份', `起始月份 ${fromMonth} 不在 ${year} 年内`);
    if (member && fromMonth) {
      const key = `${member._id}_${fromMonth}`;
      const earlier = seen.get(key);
      if (earlier) fail('姓名', `“${name}”自 ${fromMonth} 的基数已在第 ${earlier} 行填写`);
      else seen.set(key, row);
    }
    if (rowErrors.length > 0 || !member || !category || base === null || deductions === null || !fromMonth) {
      errors.push(...rowErrors);
      continue;
    }
    checked.push({ row, member, fields: { year, base, category, deductions, fromMonth } });
  }
  return { errors, checked };
}

/**
 * Sets the branch's bases from an .xlsx uploaded to cloud storage, as the roster import does: every
 * row is checked first, and if any is wrong nothing is written and each wrong row is named. Each
 * base is then written in its own transaction, marked with the import's id (the branch, the year and
 * the file's content), so running the same file again, after a timeout say, writes only the bases
 * still missing, never one twice.
 */
export async function importBases(session: Session, input: { year: number; fileId: string; mode: 'check' | 'commit' }) {
  requireDuesManager(session);
  const branchId = session.member.branchId;
  const missing = () => notFound('没有找到上传的文件，请重新选择文件上传');
  if (!isFileIn(input.fileId, duesImportFolder(branchId), 'xlsx')) throw missing();
  const file = await downloadStorageFile(input.fileId);
  if (!file) throw missing();
  let rows: HeaderedRow<Column>[];
  try {
    rows = await readHeaderedSheet<Column>(file, DUES_IMPORT_COLUMNS, (found, dataRows) => {
      if (!found.has('姓名') || !found.has('类别')) {
        throw new SheetError('第 1 行应为表头，至少包含“姓名”“类别”“基数（元）”三列（可先下载导入模板）');
      }
      if (dataRows > MAX_BASE_ROWS) throw new SheetError(`一次最多导入 ${MAX_BASE_ROWS} 行，请分批导入`);
    });
  } catch (error) {
    if (error instanceof SheetError) throw invalidArgument(error.message);
    throw error;
  }
  if (rows.length === 0) throw invalidArgument('表格中没有数据（第 1 行为表头，从第 2 行开始填写）');
  const { errors, checked } = checkRows(rows, await branchMembers(branchId), input.year);
  const valid = errors.length === 0;
  if (!valid || input.mode === 'check') return { rows: rows.length, valid, updated: 0, errors: errors.slice(0, 200) };

  const importId = createHash('sha256').update(`${branchId}\0${input.year}\0`).update(file).digest('hex').slice(0, 16);
  const settings = await loadDuesSettings();
  let updated = 0;
  for (const { member, fields } of checked) {
    const { written } = await writeBase(session, member, { ...fields, importId }, settings, await startMonthOf(member));
    if (written) updated++;
  }
  return { rows: rows.length, valid: true, updated, errors: [] };
}

/** The import sheet, one row per paying member of the branch with the base they have, for the year. */
export async function baseTemplate(session: Session, year: number) {
  requireDuesManager(session);
  const members = await branchMembers(session.member.branchId);
  const book = new ExcelJS.Workbook();
  book.creator = '支部通';
  const sheet = book.addWorksheet(`${year}年党费基数`);
  sheet.columns = DUES_IMPORT_COLUMNS.map((header) => ({ header, key: header, width: header === '姓名' ? 12 : 14 }));
  sheet.getRow(1).font = { bold: true };
  for (const key of ['手机号', '起始月份']) sheet.getColumn(key).numFmt = '@';
  for (const m of members) {
    sheet.addRow({
      姓名: m.name,
      手机号: m.phone ?? '',
      类别: '在职',
      '基数（元）': '',
      '扣除（元）': '',
      起始月份: `${year}-01`,
    });
  }
  return {
    fileName: `${year}年党费基数导入模板.xlsx`,
    fileBase64: Buffer.from(await book.xlsx.writeBuffer()).toString('base64'),
  };
}
