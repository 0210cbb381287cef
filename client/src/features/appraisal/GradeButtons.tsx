import { View } from '@tarojs/components';
import { APPRAISAL_GRADE_NAMES, APPRAISAL_GRADES, type AppraisalGrade } from '@zhibu/types';

/** The four grades as large buttons, for members and teachers alike. */
export function GradeButtons({ onPick }: { onPick: (grade: AppraisalGrade) => void }) {
  return (
    <View className="appraisal-grades">
      {APPRAISAL_GRADES.map((g) => (
        <View key={g} className="appraisal-grade" hoverClass="appraisal-grade--chosen" onClick={() => onPick(g)}>
          {APPRAISAL_GRADE_NAMES[g]}
        </View>
      ))}
    </View>
  );
}
