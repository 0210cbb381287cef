import { Text, View } from '@tarojs/components';
import { APPRAISAL_GRADE_NAMES, APPRAISAL_GRADES, type AppraisalResult, type AppraisalGradeCounts } from '@zhibu/types';
import { gradeShare, gradeTotal } from './format';

function Row({ label, counts }: { label: string; counts: AppraisalGradeCounts }) {
  const none = gradeTotal(counts) === 0;
  return (
    <View className="grade-table__row" aria-label={`${label}评价`}>
      <Text className="grade-table__head">{`${label} ${gradeTotal(counts)}人`}</Text>
      {APPRAISAL_GRADES.map((g) => (
        <View key={g} className="grade-table__cell">
          <Text className="grade-table__count">{counts[g]}</Text>
          <Text className="grade-table__share">{none ? '—' : `${gradeShare(counts, g)}%`}</Text>
        </View>
      ))}
    </View>
  );
}

/** Members' and teachers' grades side by side: how many gave each, and the share. Never who. */
export function GradeTable({ result }: { result: AppraisalResult }) {
  if (gradeTotal(result.member) + gradeTotal(result.teacher) === 0) {
    return <Text className="appraisal-result">暂无评价</Text>;
  }
  return (
    <View className="grade-table">
      <View className="grade-table__row grade-table__row--title">
        <Text className="grade-table__head">评价</Text>
        {APPRAISAL_GRADES.map((g) => (
          <Text key={g} className="grade-table__cell">
            {APPRAISAL_GRADE_NAMES[g]}
          </Text>
        ))}
      </View>
      <Row label="党员" counts={result.member} />
      <Row label="教师" counts={result.teacher} />
    </View>
  );
}
