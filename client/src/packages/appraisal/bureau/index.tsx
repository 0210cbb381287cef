import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { AppraisalRow } from '@zhibu/types';
import { useCallback, useState } from 'react';
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
  confirm,
  ErrorState,
  FormActions,
  FormDate,
  LoadingState,
  showFailureToast,
} from '@/ui';
import { usePullToReload } from '@/hooks/usePullToReload';

const PAGE_SIZE = 50;

function OpenForm({ year, onOpened }: { year: number; onOpened: () => void }) {
  const [from, setFrom] = useState(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
  // Last year's round is held now, so it ends a fortnight on rather than on a 31 December gone by.
  const [to, setTo] = useState(() => {
    const fortnight = new Date(Date.now() + (8 + 14 * 24) * 3600_000).toISOString().slice(0, 10);
    return `${year}-12-31` > fortnight ? `${year}-12-31` : fortnight;
  });
  const [busy, setBusy] = useState(false);
  const open = async () => {
    setBusy(true);
    const result = await appraisalApi.open({ year, from, to });
    setBusy(false);
    if (!result.ok) return showFailureToast(result);
    void Taro.showToast({ title: `已开启，${result.data.secretaries} 位书记`, icon: 'none' });
    onOpened();
  };
  return (
    <>
      <CellGroup title={`开启 ${year} 年度支部书记述职评议`}>
        <FormDate label="开始日期" value={from} onChange={setFrom} required />
        <FormDate label="结束日期" value={to} onChange={setTo} required />
      </CellGroup>
      <Text className="appraisal-note">开启时的全部在任支部书记参加述职，各支部开启时的党员参加评价。</Text>
      <FormActions>
        <Button loading={busy} onClick={() => void open()}>
          开启述职评议
        </Button>
      </FormActions>
    </>
  );
}

function SecretaryRow({ row }: { row: AppraisalRow }) {
  return (
    <View className="appraisal-row">
      <Text className="appraisal-row__title">{row.secretaryName}</Text>
      <Text className="appraisal-row__sub">{row.branchName}</Text>
      <Text className="appraisal-result">
        {`${row.submitted ? '已提交述职' : '未提交述职'} · 党员已评 ${row.memberRated}/${row.expected} · 教师已评 ${row.teacherRated}`}
      </Text>
      {row.result ? <GradeTable result={row.result} /> : null}
    </View>
  );
}

/** The bureau's 述职评议: open the year's round, follow each secretary, end it, read and export the results. */
export default function AppraisalBureauPage() {
  const [year, setYear] = useState(currentYear);
  return (
    <View className="page">
      <YearTabs year={year} onChange={setYear} />
      <AppraisalBureauYear key={year} year={year} />
    </View>
  );
}

function AppraisalBureauYear({ year }: { year: number }) {
  const [page, setPage] = useState(1);
  const load = useCallback(() => appraisalApi.overview(year, page, PAGE_SIZE), [year, page]);
  const { state, reload } = useRemoteData(load);
  const [busy, setBusy] = useState(false);
  usePullToReload(reload);
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error')
    return <ErrorState message={state.message} code={state.code} onRetry={() => void reload()} />;
  const { round, items, total } = state.data;
  if (!round) {
    return (
      <View>
        <OpenForm year={year} onOpened={() => void reload()} />
      </View>
    );
  }
  const close = async () => {
    if (
      !(await confirm({
        title: '结束本次评议？',
        content: '结束后不能再评价，结果将对书记和局党委显示。',
        danger: true,
      }))
    )
      return;
    setBusy(true);
    const result = await appraisalApi.close(round.roundId);
    setBusy(false);
    if (!result.ok) return showFailureToast(result);
    void reload();
  };
  const exportSheet = async () => {
    setBusy(true);
    const result = await appraisalApi.export(year);
    setBusy(false);
    if (!result.ok) return showFailureToast(result);
    if (process.env.TARO_ENV === 'h5') {
      window.open(result.data.url, '_blank');
      return;
    }
    const file = await Taro.downloadFile({ url: result.data.url });
    void Taro.openDocument({ filePath: file.tempFilePath, fileType: 'xlsx', showMenu: true });
  };
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <View>
      <CellGroup title={`${round.year} 年度支部书记述职评议`}>
        <Cell label="评议时间" value={`${round.from} 至 ${round.to}`} />
        <Cell label="状态" value={round.ended ? '已结束' : round.open ? '进行中' : '未开始'} />
        <Cell label="参加述职的书记" value={`${round.secretaries} 人`} />
      </CellGroup>
      {round.ended ? null : (
        <Text className="appraisal-note">评议结束后显示各等次人数；评价匿名，任何人都看不到谁评了什么。</Text>
      )}
      <CellGroup title="各支部书记">
        {items.map((row) => (
          <SecretaryRow key={row.reportId} row={row} />
        ))}
      </CellGroup>
      {pages > 1 ? (
        <FormActions>
          <Button kind="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            上一页
          </Button>
          <Button kind="secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {`下一页（${page}/${pages}）`}
          </Button>
        </FormActions>
      ) : null}
      <FormActions>
        {round.ended ? (
          <Button loading={busy} onClick={() => void exportSheet()}>
            导出结果 .xlsx
          </Button>
        ) : (
          <Button kind="warn" loading={busy} onClick={() => void close()}>
            结束评议
          </Button>
        )}
      </FormActions>
    </View>
  );
}
