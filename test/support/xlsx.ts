import ExcelJS from 'exceljs';
import { ROSTER_COLUMNS } from '@zhibu/types';

/** An .xlsx roster as a secretary would fill it in, base64-encoded as the import action takes it. */
export async function rosterFile(
  rows: (string | Date | number | null)[][],
  headers: readonly string[] = ROSTER_COLUMNS,
): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('党员名册');
  sheet.addRow([...headers]);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

export async function readSheet(base64: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))));
  });
  return rows;
}
