import ExcelJS from 'exceljs';
import { ROSTER_COLUMNS } from '@zhibu/types';
import { readHeaderedSheet, SheetError } from '../runtime/sheet';

export { SheetError };

/**
 * Columns read only to check others: a roster often carries 出生日期, and with it an 入党时间
 * before the member's 18th birthday is caught. It is not stored, so export does not write it.
 */
export const CHECK_ONLY_COLUMNS = ['出生日期'] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number] | (typeof CHECK_ONLY_COLUMNS)[number];
const READ_COLUMNS: readonly RosterColumn[] = [...ROSTER_COLUMNS, ...CHECK_ONLY_COLUMNS];
export type RawRow = { row: number; cells: Partial<Record<RosterColumn, string>> };

export const MAX_ROSTER_ROWS = 1000;

/** Reads the first worksheet by its header row; columns may be in any order, unknown ones are ignored. */
export function readRosterSheet(file: Buffer): Promise<RawRow[]> {
  return readHeaderedSheet<RosterColumn>(file, READ_COLUMNS, (found, dataRows) => {
    if (!found.has('姓名') || !found.has('党员身份')) {
      throw new SheetError('第 1 行应为表头，至少包含“姓名”和“党员身份”两列');
    }
    if (dataRows > MAX_ROSTER_ROWS) throw new SheetError(`一次最多导入 ${MAX_ROSTER_ROWS} 人，请分批导入`);
  });
}

export async function writeRosterSheet(
  title: string,
  rows: Record<string, string>[],
  extraColumns: string[] = [],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '支部通';
  const sheet = workbook.addWorksheet(title.slice(0, 31));
  const columns = [...ROSTER_COLUMNS, ...extraColumns];
  sheet.columns = columns.map((header) => ({
    header,
    key: header,
    width: header === '职务' ? 28 : header === '党小组' ? 20 : 14,
  }));
  sheet.getRow(1).font = { bold: true };
  // Phone numbers and dates stay text, so Excel neither drops leading digits nor reformats them.
  for (const key of ['手机号', '入党时间']) sheet.getColumn(key).numFmt = '@';
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
