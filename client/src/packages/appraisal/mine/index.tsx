import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { type AppraisalGrade, type OwnReport, type RateItem } from '@zhibu/types';
import { useCallback, useState } from 'react';
import emptyImage from '@/assets/empty/study.png';
import { AttachmentList, AttachmentsField, type FieldAttachment } from '@/features/attachments';
import { confirmGrade, GradeButtons } from '@/features/appraisal/GradeButtons';
import { GradeTable } from '@/features/appraisal/GradeTable';
import { appraisalApi } from '@/features/appraisal/api';
import { currentYear } from '@/features/appraisal/routes';
import { YearTabs } from '@/features/appraisal/YearTabs';
import '@/features/appraisal/appraisal.css';
import { useRemoteData } from '@/hooks/useRemoteData';
import {
  Button,
  Cell,
  CellGroup,
  EmptyState,
  ErrorState,
  FormActions,
  FormInput,
  FormTextarea,
  LoadingState,
  showFailureToast,
} from '@/ui';
import { usePullToReload } from '@/hooks/usePullToReload';

/** The secretary's own 述职: write or upload it, make teacher codes, see the aggregate (never who). */
function OwnReportPanel({
  own,
  ended,
  onSaved,
}: {
  own: OwnReport;
  /** The round is over: the 述职 stays as it was and no more codes are made. */
  ended: boolean;
  onSaved: () => void;
}) {
  const [text, setText] = useState(own.text);
  const [files, setFiles] = useState<FieldAttachment[]>(own.attachments);
  const [uploading, setUploading] = useState(0);
  const [busy, setBusy] = useState(false);
  const [count, setCount] = useState('10');
  const [codes, setCodes] = useState<string[]>([]);

  const save = async () => {
    if (uploading > 0)
      return showFailureToast({ ok: false, code: 'FAILED_PRECONDITION', message: '文件还在上传，请稍候' });
    setBusy(true);
    const result = await appraisalApi.submit({
      reportId: own.reportId,
      text,
      attachments: files.map((f) => ({ fileId: f.fileId, name: f.name, size: f.size ?? 1 })),
    });
    setBusy(false);
    if (!result.ok) return showFailureToast(result);
    void Taro.showToast({ title: '述职已提交', icon: 'success' });
    onSaved();
  };
  const issue = async () => {
    const n = Number(count);
    if (!Number.isInteger(n) || n < 1 || n > 100) {
      return showFailureToast({ ok: false, code: 'INVALID_ARGUMENT', message: '一次可生成 1 到 100 个评价码' });
    }
    setBusy(true);
    const result = await appraisalApi.issueCodes(own.reportId, n);
    setBusy(false);
    if (!result.ok) return showFailureToast(result);
    setCodes(result.data.codes);
    onSaved();
  };

  return (
    <>
      <CellGroup title="我的述职">
        <Cell label="状态" value={own.submittedAt ? '已提交' : '未提交'} />
        <Cell label="本支部党员评价" value={`${own.memberRated} / ${own.expected} 人`} />
        <Cell label="教师评价" value={`${own.teacherRated} 人（已发评价码 ${own.codesIssued} 个）`} />
        {own.result ? (
          <View className="appraisal-row">
            <Text className="appraisal-row__title">评价结果</Text>
            <GradeTable result={own.result} />
          </View>
        ) : null}
      </CellGroup>
      <Text className="appraisal-note">
        {ended
          ? '评价匿名进行，您只能看到人数和汇总结果。'
          : '评价匿名进行，您只能看到人数和汇总结果；评议结束后显示各等次的人数。'}
      </Text>
      {ended ? (
        <>
          {own.text ? (
            <>
              <Text className="appraisal-section">述职报告</Text>
              <Text className="appraisal-text">{own.text}</Text>
            </>
          ) : null}
          <AttachmentList attachments={own.attachments} />
        </>
      ) : (
        <>
          <FormTextarea
            label="述职内容"
            value={text}
            onChange={setText}
            maxlength={5000}
            placeholder="请填写述职报告，或上传述职文件"
          />
          <AttachmentsField
            attachments={files}
            onChange={(change) => setFiles(change)}
            folder="appraisal"
            group={own.branchId}
            onUploading={setUploading}
            make={(u) => u}
          />
          <FormActions>
            <Button loading={busy} onClick={() => void save()}>
              {own.submittedAt ? '更新述职' : '提交述职'}
            </Button>
          </FormActions>
          <CellGroup title="教师评价码">
            <FormInput label="生成数量" type="number" value={count} onChange={setCount} maxlength={3} />
          </CellGroup>
          <Text className="appraisal-note">
            教师无需绑定党员身份：打开支部通，点「我是教师，使用评价码评价书记述职」，输入评价码即可阅读您的述职并评价。
          </Text>
          <FormActions>
            <Button kind="secondary" loading={busy} onClick={() => void issue()}>
              生成评价码
            </Button>
          </FormActions>
          {codes.length > 0 ? (
            <View className="appraisal-codes">
              <Text className="appraisal-note">
                以下评价码只显示这一次，请打印或抄录后分发给教师，每个码只能使用一次。
              </Text>
              {codes.map((c) => (
                <Text key={c} className="appraisal-code">
                  {c}
                </Text>
              ))}
            </View>
          ) : null}
        </>
      )}
    </>
  );
}

function RatePanel({ item, onRated }: { item: RateItem; onRated: () => void }) {
  const [busy, setBusy] = useState(false);
  const rate = async (grade: AppraisalGrade) => {
    if (busy) return;
    if (!(await confirmGrade(grade))) return;
    setBusy(true);
    const result = await appraisalApi.rate({ reportId: item.reportId, grade });
    setBusy(false);
    if (!result.ok) return showFailureToast(result);
    void Taro.showToast({ title: '评价已提交', icon: 'success' });
    onRated();
  };
  return (
    <>
      <CellGroup title="本支部书记述职">
        <Cell label="书记" value={item.secretaryName} />
        <Cell label="述职" value={item.submitted ? '已提交' : '尚未提交'} />
      </CellGroup>
      {item.text ? (
        <>
          <Text className="appraisal-section">述职报告</Text>
          <Text className="appraisal-text">{item.text}</Text>
        </>
      ) : null}
      <AttachmentList attachments={item.attachments} />
      {item.rated ? (
        <Text className="appraisal-note">您已评价，感谢参与。评价匿名，任何人都看不到您评了什么。</Text>
      ) : item.blocked ? (
        <Text className="appraisal-note">{item.blocked}</Text>
      ) : (
        <>
          <Text className="appraisal-section">您的评价（匿名，每人一次，提交后不能修改）</Text>
          <GradeButtons disabled={busy} onPick={(g) => void rate(g)} />
        </>
      )}
    </>
  );
}

/** 述职评议 for a member and a secretary: their secretary's 述职 to rate, and their own if they are one. */
export default function AppraisalMinePage() {
  const [year, setYear] = useState(currentYear);
  return (
    <View className="page">
      <YearTabs year={year} onChange={setYear} />
      <AppraisalMineYear key={year} year={year} />
    </View>
  );
}

function AppraisalMineYear({ year }: { year: number }) {
  const load = useCallback(() => appraisalApi.mine(year), [year]);
  const { state, reload } = useRemoteData(load);
  usePullToReload(reload);
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error')
    return <ErrorState message={state.message} code={state.code} onRetry={() => void reload()} />;
  const { round, own, toRate } = state.data;
  if (!round) {
    return (
      <View>
        <EmptyState
          image={emptyImage}
          title={`${year} 年度述职评议尚未开启`}
          description="局党委开启后，可在这里查看和评价书记述职"
        />
      </View>
    );
  }
  return (
    <View>
      <CellGroup title={`${round.year} 年度支部书记述职评议`}>
        <Cell label="评议时间" value={`${round.from} 至 ${round.to}`} />
        <Cell label="状态" value={round.ended ? '已结束' : round.open ? '进行中' : '未开始'} />
      </CellGroup>
      {own ? <OwnReportPanel own={own} ended={round.ended} onSaved={() => void reload()} /> : null}
      {toRate.map((item) => (
        <RatePanel key={item.reportId} item={item} onRated={() => void reload()} />
      ))}
      {!own && toRate.length === 0 ? <Text className="appraisal-note">本支部没有需要评价的述职。</Text> : null}
    </View>
  );
}
