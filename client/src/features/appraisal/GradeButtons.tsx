import { View } from '@tarojs/components';
import { APPRAISAL_GRADE_NAMES, APPRAISAL_GRADES, type AppraisalGrade } from '@zhibu/types';
import { confirm } from '@/ui';

/** The four grades as large buttons, for members and teachers alike. */
export function GradeButtons({
  onPick,
  disabled = false,
}: {
  onPick: (grade: AppraisalGrade) => void;
  disabled?: boolean;
}) {
  return (
    <View className={`appraisal-grades${disabled ? ' appraisal-grades--disabled' : ''}`}>
      {APPRAISAL_GRADES.map((g) => (
        <View
          key={g}
          className="appraisal-grade"
          hoverClass="appraisal-grade--hover"
          role="button"
          aria-label={`评价为${APPRAISAL_GRADE_NAMES[g]}`}
          onClick={() => (disabled ? undefined : onPick(g))}
        >
          {APPRAISAL_GRADE_NAMES[g]}
        </View>
      ))}
    </View>
  );
}

/** Asked before a grade is sent, by members and teachers alike: it is anonymous and final. */
export const confirmGrade = (grade: AppraisalGrade) =>
  confirm({
    title: `评价为「${APPRAISAL_GRADE_NAMES[grade]}」？`,
    content: '评价匿名，提交后不能修改。',
    confirmText: '提交',
  });
