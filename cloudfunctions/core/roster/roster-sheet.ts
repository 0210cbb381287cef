import ExcelJS from 'exceljs';
import { ROSTER_COLUMNS } from '@zhibu/types';

/**
 * Columns read only to check others: a roster often carries 出生日期, and with it an 入党时间
 * before the member's 18th birthday is caught. It is not stored, so export does not write it.
 */
export const CHECK_ONLY_COLUMNS = ['出生日期'] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number] | (typeof CHECK_ONLY_COLUMNS)[number];
const READ_COLUMNS: readonly string[] = [...ROSTER_COLUMNS, ...CHECK_ONLY_COLUMNS];
export type RawRow = { row: number; cells: Partial<Record<RosterColumn, string>> };

export const MAX_ROSTER_ROWS = 1000;

/** A cell as the text a person typed: rich text, hyperlinks, formulas and dates all come out as text. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // Excel dates carry no zone; the sheet's day is the day the person typed.
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('text' in value && typeof value.text === 'string') return value.text.trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value).trim();
}

export class SheetError extends Error {}

/** Reads the first worksheet by its header row; columns may be in any order, unknown ones are ignored. */
export async function readRosterSheet(file: Buffer): Promise<RawRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new SheetError('文件无法读取，请使用 Excel 的 .xlsx 格式（可先下载导入模板）');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new SheetError('文件中没有工作表');
  const positions = new Map<RosterColumn, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const header = cellText(cell.value) as RosterColumn;
    if (READ_COLUMNS.includes(header)) positions.set(header, col);
  });
  if (!positions.has('姓名') || !positions.has('党员身份')) {
    throw new SheetError('第 1 行应为表头，至少包含“姓名”和“党员身份”两列');
  }
  if (sheet.actualRowCount - 1 > MAX_ROSTER_ROWS)
    throw new SheetError(`一次最多导入 ${MAX_ROSTER_ROWS} 人，请分批导入`);
  const rows: RawRow[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const cells: RawRow['cells'] = {};
    for (const [column, col] of positions) {
      const text = cellText(row.getCell(col).value);
      if (text) cells[column] = text;
    }
    if (Object.keys(cells).length > 0) rows.push({ row: number, cells });
  });
  return rows;
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
