import ExcelJS from 'exceljs';

/**
 * Reading the first worksheet of an uploaded .xlsx by its header row, for every import (roster,
 * question bank): columns may come in any order, unknown ones are ignored, empty rows are skipped.
 */
/** A cell as the text a person typed: rich text, hyperlinks, formulas and dates all come out as text. */
export function cellText(value: ExcelJS.CellValue): string {
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

export interface HeaderedRow<C extends string> {
  row: number;
  cells: Partial<Record<C, string>>;
}

/** The rows under the header, keyed by the known columns found there; `checkHeader` may refuse it. */
export async function readHeaderedSheet<C extends string>(
  file: Buffer,
  columns: readonly C[],
  checkHeader: (found: ReadonlySet<C>, dataRows: number) => void,
): Promise<HeaderedRow<C>[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new SheetError('文件无法读取，请使用 Excel 的 .xlsx 格式（可先下载导入模板）');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new SheetError('文件中没有工作表');
  const positions = new Map<C, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const header = cellText(cell.value) as C;
    if (columns.includes(header)) positions.set(header, col);
  });
  checkHeader(new Set(positions.keys()), sheet.actualRowCount - 1);
  const rows: HeaderedRow<C>[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const cells: Partial<Record<C, string>> = {};
    for (const [column, col] of positions) {
      const text = cellText(row.getCell(col).value);
      if (text) cells[column] = text;
    }
    if (Object.keys(cells).length > 0) rows.push({ row: number, cells });
  });
  return rows;
}
