import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { BranchMetrics, BranchStats } from '@zhibu/types';
import { useCallback, useEffect, useState } from 'react';
import { openActivity, TypeTag } from '@/features/activity';
import { useRemoteData } from '@/hooks/useRemoteData';
import { ErrorState, LoadingState } from '@/ui';
import './manage.css';
import { statsApi } from '../api';
import { TYPE_SHORT } from '../columns';
import { Figures } from '../Figures';
import { beijingShortDate, percent } from '../format';
import { LightTag } from '../LightTag';
import { PeriodPicker } from '../PeriodPicker';
import { currentPeriod, isPeriod, yearOf } from '../period';
import { TrendChart } from './Charts';
import { ComplianceCalendar } from './ComplianceCalendar';
import { useYearTrend } from './useYearTrend';
import { usePullToReload } from '@/hooks/usePullToReload';

function branchFigures(m: BranchMetrics) {
  const byType = Object.entries(m.held)
    .filter(([, n]) => n > 0)
    .map(([type, n]) => `${TYPE_SHORT[type as keyof typeof TYPE_SHORT] ?? type} ${n}`)
    .join(' · ');
  return [
    { label: '开展活动', value: `${m.heldTotal} 次`, sub: byType || '本期还没有已开展的活动' },
    {
      label: '到会率',
      value: percent(m.attendanceRate),
      sub: `实到 ${m.present} / 应到 ${m.expected} · 请假 ${m.leave}`,
    },
    {
      label: '学习完成率',
      value: percent(m.studyCompletionRate),
      sub: `按期 ${m.studyDone - m.studyLate} / 应学 ${m.studyExpected}${m.studyLate ? ` · 逾期 ${m.studyLate}` : ''}`,
    },
    {
      label: '测试参考率',
      value: percent(m.quizParticipationRate),
      sub: `参考 ${m.quizTaken} / 应考 ${m.quizExpected}`,
    },
    { label: '测试通过率', value: percent(m.quizPassRate), sub: `通过 ${m.quizPassed} / 应考 ${m.quizExpected}` },
    { label: '通知阅读率', value: percent(m.noticeReadRate), sub: `已读 ${m.noticeRead} / 应读 ${m.noticeExpected}` },
  ];
}

function Absences({ absences }: { absences: BranchStats['absences'] }) {
  const missed = absences.filter((a) => a.absent.length > 0);
  return (
    <View className="st-card" aria-label="缺席情况">
      {missed.length === 0 ? (
        <Text className="st-muted">本期已开展的会议没有缺席的党员</Text>
      ) : (
        missed.map((a) => (
          <View key={a.activityId} className="st-row" onClick={() => openActivity(a.activityId)}>
            <View className="st-row__line">
              <Text className="st-row__title">{a.title}</Text>
              <TypeTag type={a.type} />
            </View>
            <Text className="st-row__meta">
              {beijingShortDate(a.endAt)} · 缺席 {a.absent.length} 人
            </Text>
            <Text className="st-row__names">{a.absent.map((p) => p.name).join('、')}</Text>
          </View>
        ))
      )}
    </View>
  );
}

function Calendar({ year, branchId }: { year: number; branchId?: string }) {
  const load = useCallback(() => statsApi.compliance(year, branchId), [year, branchId]);
  const { state, reload } = useRemoteData(load);
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error')
    return <ErrorState message={state.message} code={state.code} onRetry={() => void reload()} />;
  return <ComplianceCalendar items={state.data.items} />;
}

function BranchBody({ period, branchId }: { period: string; branchId?: string }) {
  const load = useCallback(() => statsApi.branch(period, branchId), [period, branchId]);
  const loadYear = useCallback((year: string) => statsApi.branch(year, branchId), [branchId]);
  const { state, reload } = useRemoteData(load);
  usePullToReload(reload);
  const trend = useYearTrend(period, state.status === 'ready' ? state.data.trend : null, loadYear);
  const name = state.status === 'ready' ? state.data.metrics.branchName : '';
  useEffect(() => {
    if (name) void Taro.setNavigationBarTitle({ title: name });
  }, [name]);

  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error')
    return (
      <ErrorState
        message={state.message}
        code={state.code}
        notFoundTitle="没有找到该支部"
        onRetry={() => void reload()}
      />
    );
  const { metrics, absences } = state.data;
  return (
    <>
      <View className="st-card" aria-label="合规灯">
        <View className="st-row__line">
          <Text className="st-item__name">{metrics.branchName}</Text>
          <LightTag light={metrics.light} />
        </View>
        {metrics.reasons.map((r) => (
          <Text key={r} className="st-reason">
            {r}
          </Text>
        ))}
      </View>
      <Figures figures={branchFigures(metrics)} />
      <Text className="st-section-title">月度趋势</Text>
      {trend ? <TrendChart points={trend} /> : <LoadingState />}
      <Text className="st-section-title">{yearOf(period)}年合规日历</Text>
      <Calendar year={yearOf(period)} branchId={branchId} />
      <Text className="st-section-title">缺席情况（请支委当面了解、关心）</Text>
      <Absences absences={absences} />
    </>
  );
}

/** A branch's page: its light and why, figures, trend, the year's calendar and who missed which meeting. */
export function BranchView({ branchId, initialPeriod }: { branchId?: string; initialPeriod?: string }) {
  const [period, setPeriod] = useState(() => (isPeriod(initialPeriod) ? initialPeriod : currentPeriod('month')));
  return (
    <View className="page">
      <PeriodPicker value={period} onChange={setPeriod} />
      <BranchBody key={period} period={period} branchId={branchId} />
    </View>
  );
}
