import { Text, View } from '@tarojs/components';
import { APPRAISAL_GRADE_NAMES, type AppraisalGrade, type CodeReport } from '@zhibu/types';
import { useState } from 'react';
import { AttachmentList } from '@/features/attachments';
import { confirmGrade, GradeButtons } from '@/features/appraisal/GradeButtons';
import { appraisalApi } from '@/features/appraisal/api';
import { formatTeacherCode, isWholeTeacherCode } from '@/features/appraisal/format';
import '@/features/appraisal/appraisal.css';
import { Button, Cell, CellGroup, CodeEntry, showFailureToast, SuccessMark } from '@/ui';

type Step =
  { step: 'code' } | { step: 'read'; report: CodeReport } | { step: 'done'; report: CodeReport; grade: AppraisalGrade };

/** Step one: the code. Checked by the server (without using it up) before anything is shown. */
function CodeStep({
  code,
  onCode,
  onRead,
}: {
  code: string;
  onCode: (code: string) => void;
  onRead: (report: CodeReport) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const read = async () => {
    if (!isWholeTeacherCode(code)) return setProblem('请输入完整的 12 位评价码');
    setBusy(true);
    const result = await appraisalApi.teacherView(code);
    setBusy(false);
    if (!result.ok) return setProblem(result.message);
    setProblem(null);
    onRead(result.data);
  };
  return (
    <View className="teacher-code">
      <CodeEntry
        title="教师评价书记述职"
        hint="请输入学校党支部发放的评价码，先阅读书记的述职，再选择评价。评价匿名，不记录您的身份。"
        label="评价码"
        size="long"
        value={code}
        maxlength={14}
        placeholder="XXXX-XXXX-XXXX"
        problem={problem}
        onInput={(typed) => {
          onCode(formatTeacherCode(typed));
          setProblem(null);
        }}
        onConfirm={() => void read()}
      >
        <View className="teacher-code__actions">
          <Button loading={busy} disabled={code === ''} onClick={() => void read()}>
            查看述职
          </Button>
        </View>
      </CodeEntry>
      <Text className="appraisal-note">每个评价码只能评价一次；查看述职不会用掉评价码。</Text>
    </View>
  );
}

/**
 * A teacher who is not a party member reads a secretary's 述职 with a one-time code, then grades
 * it. Needs no bound member, and in H5 no login: the code is all the server asks for.
 */
export default function TeacherCodePage() {
  const [code, setCode] = useState('');
  const [state, setState] = useState<Step>({ step: 'code' });
  const [busy, setBusy] = useState(false);

  if (state.step === 'code') {
    return (
      <View className="page">
        <CodeStep code={code} onCode={setCode} onRead={(report) => setState({ step: 'read', report })} />
      </View>
    );
  }

  const { report } = state;
  if (state.step === 'done') {
    return (
      <View className="page">
        <View className="appraisal-done" role="status">
          <SuccessMark />
          <Text className="appraisal-done__title">评价已提交</Text>
          <Text className="appraisal-done__hint">
            {`您对${report.branchName}书记${report.secretaryName}述职的评价为「${APPRAISAL_GRADE_NAMES[state.grade]}」。该评价码已使用，感谢您的参与！`}
          </Text>
        </View>
      </View>
    );
  }

  const rate = async (grade: AppraisalGrade) => {
    if (busy) return;
    if (!(await confirmGrade(grade))) return;
    setBusy(true);
    const result = await appraisalApi.teacherRate({ code, grade });
    setBusy(false);
    if (!result.ok) return showFailureToast(result);
    setState({ step: 'done', report, grade });
  };

  return (
    <View className="page">
      <CellGroup title={`${report.year} 年度支部书记述职`}>
        <Cell label="书记" value={report.secretaryName} />
        <Cell label="支部" value={report.branchName} />
      </CellGroup>
      {report.text ? (
        <>
          <Text className="appraisal-section">述职报告</Text>
          <Text className="appraisal-text">{report.text}</Text>
        </>
      ) : null}
      <AttachmentList attachments={report.attachments} />
      <Text className="appraisal-section">您的评价（匿名，提交后不能修改）</Text>
      <GradeButtons disabled={busy} onPick={(g) => void rate(g)} />
      <View className="appraisal-actions">
        <Button kind="secondary" onClick={() => setState({ step: 'code' })}>
          换一个评价码
        </Button>
      </View>
    </View>
  );
}
