import { APPRAISAL_GRADE_NAMES, APPRAISAL_GRADES, type GradeCounts } from '@zhibu/types';

const total = (c: GradeCounts) => APPRAISAL_GRADES.reduce((n, g) => n + c[g], 0);

/** 好 3（50%） · 较好 2（33%） …, or 暂无评价. */
export function gradeLine(c: GradeCounts): string {
  const all = total(c);
  if (all === 0) return '暂无评价';
  return APPRAISAL_GRADES.map((g) => `${APPRAISAL_GRADE_NAMES[g]} ${c[g]}（${Math.round((c[g] / all) * 100)}%）`).join(
    ' · ',
  );
}
