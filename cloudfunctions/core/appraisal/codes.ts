import { createHmac } from 'node:crypto';
import {
  APPRAISAL_CODE_ALPHABET,
  APPRAISAL_CODE_LENGTH,
  APPRAISAL_CODES_MAX,
  COLLECTIONS,
  type AppraisalCodeDoc,
} from '@zhibu/types';
import type { Session } from '../member/session';
import { audit } from '../org/audit';
import { failedPrecondition, forbidden } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { isDuplicateKeyError } from '../runtime/db-errors';
import { countDocs } from '../runtime/documents';
import { randomString } from '../runtime/ids';
import { raterSecret } from '../runtime/rater-key';
import { runTransaction } from '../runtime/transaction';
import { roundOf, roundState, visibleReport } from './access';

/**
 * A code is stored only as this keyed hash: whoever reads the collection cannot turn it back into
 * codes to use, and without the secret cannot even test a guess offline.
 */
export function codeIdOf(code: string): string {
  const hash = createHmac('sha256', raterSecret()).update(`appraisal-code\u0000${code}`).digest('base64url');
  return `tc_${hash.slice(0, 40)}`;
}

/** XXXX-XXXX-XXXX: 31^12 ≈ 2^59 possibilities, far past guessing at a rate-limited pace. */
const printed = (code: string) => code.match(/.{1,4}/g)!.join('-');

/**
 * Makes `count` one-time codes for teachers to rate a secretary's 述职 with. Only the report's
 * secretary or the bureau; the codes are answered once and never again (only their hashes stay).
 */
export async function issueCodes(
  session: Session,
  input: { reportId: string; count: number },
  now = new Date(),
): Promise<{ codes: string[]; codesIssued: number }> {
  const { report, relation } = await visibleReport(session, input.reportId);
  if (relation !== 'secretary' && relation !== 'bureau') throw forbidden('只有书记本人或局党委管理员可以生成评价码');
  const round = await roundOf(report.roundId);
  if (roundState(round, now).ended) throw failedPrecondition('评议已结束，不能再生成评价码');
  const codes = database().collection(COLLECTIONS.appraisalCodes);
  const issued = await countDocs(codes.where({ reportId: report._id }));
  if (issued + input.count > APPRAISAL_CODES_MAX) {
    throw failedPrecondition(`每位书记的评价码最多 ${APPRAISAL_CODES_MAX} 个，已生成 ${issued} 个`);
  }
  const made: string[] = [];
  const one = async (): Promise<void> => {
    for (;;) {
      const code = randomString(APPRAISAL_CODE_LENGTH, APPRAISAL_CODE_ALPHABET);
      const doc: AppraisalCodeDoc = {
        _id: codeIdOf(code),
        roundId: report.roundId,
        reportId: report._id,
        branchId: report.branchId,
      };
      try {
        const { _id, ...data } = doc;
        await codes.add({ data: { _id, ...data } });
        made.push(printed(code));
        return;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
  };
  for (let i = 0; i < input.count; i += 20) {
    await Promise.all(Array.from({ length: Math.min(20, input.count - i) }, one));
  }
  await runTransaction((tx) =>
    audit(tx, session, {
      action: 'appraisal.issueCodes',
      targetType: 'appraisal',
      targetId: report._id,
      targetName: `${report.secretaryName}的述职`,
      branchId: report.branchId,
      before: null,
      after: { count: input.count },
    }),
  );
  return { codes: made, codesIssued: issued + made.length };
}
