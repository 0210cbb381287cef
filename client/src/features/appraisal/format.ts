import { APPRAISAL_CODE_LENGTH, APPRAISAL_GRADES, type AppraisalGradeCounts } from '@zhibu/types';

export const gradeTotal = (c: AppraisalGradeCounts) => APPRAISAL_GRADES.reduce((n, g) => n + c[g], 0);

/** A grade's share of all, as a whole percent; 0 when nobody graded. */
export const gradeShare = (c: AppraisalGradeCounts, grade: keyof AppraisalGradeCounts) => {
  const all = gradeTotal(c);
  return all === 0 ? 0 : Math.round((c[grade] / all) * 100);
};

/** What a teacher types, shown as the printed XXXX-XXXX-XXXX: capitals, hyphens put in, 12 characters at most. */
export function formatTeacherCode(typed: string): string {
  const plain = typed
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, APPRAISAL_CODE_LENGTH);
  return plain.match(/.{1,4}/g)?.join('-') ?? '';
}

export const isWholeTeacherCode = (code: string) => code.replace(/-/g, '').length === APPRAISAL_CODE_LENGTH;
