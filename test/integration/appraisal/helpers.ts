import type { LocalRuntime } from '../../../emulator/runtime';
import type { Result } from '@zhibu/types';
import { callAs, DEMO } from '../../support/runtime';

/** Beijing's calendar: the current round's window holds today, the past one ended long ago. */
const bjToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
export const YEAR = Number(bjToday().slice(0, 4));
export const PAST_YEAR = YEAR - 1;
export const currentWindow = () => ({ year: YEAR, from: `${YEAR}-01-01`, to: `${YEAR}-12-31` });
export const pastWindow = { year: PAST_YEAR, from: `${PAST_YEAR}-11-01`, to: `${PAST_YEAR}-11-30` };

export const reportIdOf = (year: number, secretaryId: string) => `ap_${year}_${secretaryId}`;
export const REPORT_A = reportIdOf(YEAR, DEMO.secretaryA.memberId);
export const REPORT_B = reportIdOf(YEAR, DEMO.secretaryB.memberId);

export function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.code} ${result.message}`);
  return result.data;
}

/** The current round opened by the bureau, and branch A's and B's 述职 written. */
export async function openWithReports(runtime: LocalRuntime): Promise<void> {
  ok(await callAs(runtime, DEMO.admin.openid, 'appraisal', 'open', currentWindow()));
  ok(
    await callAs(runtime, DEMO.secretaryA.openid, 'appraisal', 'submit', {
      reportId: REPORT_A,
      text: '一年来，支部坚持“三会一课”，组织主题党日十二次。',
      attachments: [],
    }),
  );
  ok(
    await callAs(runtime, DEMO.secretaryB.openid, 'appraisal', 'submit', {
      reportId: REPORT_B,
      text: '实验小学党支部书记述职报告。',
      attachments: [],
    }),
  );
}

export async function codesFor(
  runtime: LocalRuntime,
  reportId: string,
  count: number,
  openid: string = DEMO.secretaryA.openid,
) {
  return ok(await callAs<{ codes: string[] }>(runtime, openid, 'appraisal', 'issueCodes', { reportId, count })).codes;
}
