import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Dashboard } from '@zhibu/types';
import { useCallback, useMemo, useState } from 'react';
import { openSheetUrl } from '@/features/org';
import { useRemoteData } from '@/hooks/useRemoteData';
import { Button, ErrorState, LoadingState, showFailureToast } from '@/ui';
import './manage.css';
import { statsApi } from '../api';
import { DEFAULT_SORT, nextSort, sortBranches } from '../columns';
import { LIGHT_NAMES } from '../format';
import { PeriodPicker } from '../PeriodPicker';
import { currentPeriod, isPeriod } from '../period';
import { openStatsPage, statsPages } from '../routes';
import { BranchBarChart, TrendChart } from './Charts';
import { DashboardTable } from './DashboardTable';
import { LightList } from './LightList';
import { useYearTrend } from './useYearTrend';
import { usePullToReload } from '@/hooks/usePullToReload';

const loadYear = (year: string) => statsApi.dashboard(year);

function LightCounts({ data }: { data: Dashboard }) {
  const counts = { red: 0, yellow: 0, green: 0 };
  for (const b of data.branches) counts[b.light] += 1;
  return (
    <View className="st-summary">
      <Text>共 {data.branches.length} 个支部</Text>
      {(['red', 'yellow', 'green'] as const).map((light) => (
        <Text key={light}>
          {LIGHT_NAMES[light]}灯 {counts[light]}
        </Text>
      ))}
    </View>
  );
}

function ExportButton({ period }: { period: string }) {
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    const result = await statsApi.export(period);
    setBusy(false);
    if (!result.ok) {
      showFailureToast(result);
      return;
    }
    if (await openSheetUrl(result.data)) void Taro.showToast({ title: '通报已导出', icon: 'success' });
  };
  return (
    <Button loading={busy} onClick={() => void run()}>
      导出通报
    </Button>
  );
}

function DashboardBody({ period }: { period: string }) {
  const load = useCallback(() => statsApi.dashboard(period), [period]);
  const { state, reload } = useRemoteData(load);
  const [order, setOrder] = useState(DEFAULT_SORT);
  usePullToReload(reload);
  const data = state.status === 'ready' ? state.data : null;
  const rows = useMemo(() => (data ? sortBranches(data.branches, order) : []), [data, order]);
  const trend = useYearTrend(period, data?.trend ?? null, loadYear);

  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error')
    return <ErrorState message={state.message} code={state.code} onRetry={() => void reload()} />;
  const dashboard = state.data;
  const open = (branchId: string) => openStatsPage(statsPages.branch({ branchId, period }));
  if (dashboard.branches.length === 0) {
    return <Text className="st-section-title">还没有支部，先在“支部管理”中新建支部。</Text>;
  }
  return (
    <>
      <LightCounts data={dashboard} />
      <Text className="st-section-title">合规情况（点支部查看详情）</Text>
      <LightList branches={dashboard.branches} onOpen={open} />
      <Text className="st-section-title">各支部指标（点表头排序，左右滑动查看）</Text>
      <DashboardTable
        rows={rows}
        order={order}
        onSort={(key) => setOrder((current) => nextSort(current, key))}
        onOpen={open}
      />
      <Text className="st-section-title">支部对比</Text>
      <BranchBarChart branches={dashboard.branches} />
      <Text className="st-section-title">全局月度趋势</Text>
      {trend ? <TrendChart points={trend} /> : <LoadingState />}
      <View className="st-actions">
        <ExportButton period={period} />
        <Button kind="secondary" onClick={() => openStatsPage(statsPages.inspection())}>
          考评排名
        </Button>
        <Button kind="secondary" onClick={() => openStatsPage(statsPages.rules())}>
          合规规则设置
        </Button>
      </View>
    </>
  );
}

/** 统计看板 of the bureau: every branch side by side for a period, with charts and the 通报 export. */
export function DashboardView({ initialPeriod }: { initialPeriod?: string }) {
  const [period, setPeriod] = useState(() => (isPeriod(initialPeriod) ? initialPeriod : currentPeriod('month')));
  return (
    <View className="page">
      <PeriodPicker value={period} onChange={setPeriod} />
      {/* Keyed: a new period is a new load, never the last period's figures under the new name. */}
      <DashboardBody key={period} period={period} />
    </View>
  );
}
