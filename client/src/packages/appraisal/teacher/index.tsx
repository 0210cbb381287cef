import { Text, View } from '@tarojs/components';
import { APPRAISAL_GRADE_NAMES, type AppraisalGrade } from '@zhibu/types';
import { useState } from 'react';
import { appraisalApi, GradeButtons } from '@/features/appraisal';
import '@/features/appraisal/appraisal.css';
import { Cell, CellGroup, FormInput, SuccessMark, showFailureToast } from '@/ui';

/**
 * A teacher who is not a party member rates a secretary's 述职 with a one-time code. Needs no
 * bound member, and in H5 no login: the code is all the server asks for.
 */
export default function TeacherCodePage() {
  const [code, setCode] = useState('');
  const [done, setDone] = useState<{ name: string; grade: AppraisalGrade } | null>(null);
  const rate = async (grade: AppraisalGrade) => {
    if (code.replace(/[\s-]/g, '').length < 12) {
      return showFailureToast({ ok: false, code: 'INVALID_ARGUMENT', message: '请先输入 12 位评价码' });
    }
    const result = await appraisalApi.teacherRate({ code, grade });
    if (!result.ok) return showFailureToast(result);
    setDone({ name: `${result.data.branchName} ${result.data.secretaryName}`, grade });
  };
  if (done) {
    return (
      <View className="page">
        <SuccessMark />
        <Text className="appraisal-note">{`评价已提交：您对 ${done.name} 书记述职的评价为「${APPRAISAL_GRADE_NAMES[done.grade]}」。感谢参与！`}</Text>
      </View>
    );
  }
  return (
    <View className="page">
      <CellGroup title="输入评价码">
        <FormInput label="评价码" value={code} onChange={setCode} maxlength={14} placeholder="XXXX-XXXX-XXXX" />
      </CellGroup>
      <Text className="appraisal-note">评价码由学校党支部发放，每个码只能使用一次。评价匿名，不记录您的身份。</Text>
      <CellGroup title="您对书记述职的评价">
        <Cell label="请选择一项（提交后不能修改）" />
      </CellGroup>
      <GradeButtons onPick={(g) => void rate(g)} />
    </View>
  );
}
