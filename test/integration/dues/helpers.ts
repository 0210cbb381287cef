import cloud from 'wx-server-sdk';
import ExcelJS from 'exceljs';
import { COLLECTIONS, type DuesBranchYearDoc, type DuesMonthCounters, type MemberDoc, type Result } from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { addMonths } from '../../../cloudfunctions/core/dues/months';
import { beijingMonth } from '../../../cloudfunctions/core/runtime/time';
import { aMember } from '../../support/factories';
import { BRANCH_A, CALLER_RECORDS, type CallerKey, type Fixture } from '../../support/fixture';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CURRENT = beijingMonth(new Date());
export const YEAR = Number(CURRENT.slice(0, 4));
export const month = (offset: number) => addMonths(CURRENT, offset);

export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.code} ${result.message}`);
  return result.data;
}

/** A base sheet as a secretary fills it in. */
export async function baseSheet(
  rows: (string | number)[][],
  headers = ['姓名', '手机号', '类别', '基数（元）', '扣除（元）', '起始月份'],
) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('党费基数');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Puts a sheet where the caller's client would upload it: `dues/<branchId>/import/`. */
export function uploadSheet(
  runtime: LocalRuntime,
  caller: Exclude<CallerKey, 'unbound'>,
  file: Buffer,
  branchId?: string,
) {
  return runtime.storage.save('dues', XLSX_TYPE, file, `${branchId ?? CALLER_RECORDS[caller].branchId}/import`);
}

/** A branch's counters for one month (YYYY-MM), or null when nothing has moved them yet. */
export async function counter(m: string, branchId = BRANCH_A): Promise<DuesMonthCounters | null> {
  const { data } = (await cloud
    .database()
    .collection(COLLECTIONS.duesBranchYears)
    .where({ _id: `${branchId}_${m.slice(0, 4)}` })
    .get()) as unknown as { data: DuesBranchYearDoc[] };
  return data[0]?.months[`m${m.slice(5, 7)}`] ?? null;
}

export async function count(collection: string, where: object): Promise<number> {
  const { total } = (await cloud.database().collection(collection).where(where).count()) as { total: number };
  return total;
}

/**
 * A member of branch A whose in-service base for YEAR the secretary sets (4,000.00 yuan unless
 * said, from January): the member, and the monthly dues the base gives.
 */
export async function memberWithBase(fx: Fixture, member: Partial<MemberDoc>, base = 400_000) {
  const made = await aMember(BRANCH_A, member);
  const set = unwrap(
    await fx.call<{ monthly: number }>('secretaryA', 'dues', 'setBase', {
      memberId: made._id,
      year: YEAR,
      base,
      category: 'in_service',
    }),
  );
  return { member: made, monthly: set.monthly };
}
