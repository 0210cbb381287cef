import { Text, View } from '@tarojs/components';
import type { BranchMetrics, TrendPoint } from '@zhibu/types';
import { useState } from 'react';
import './manage.css';
import { branchBars, CHART_METRICS, trendBars, type ChartMetric } from './charts';

/*
 * Charts drawn with plain Views: a bar is a View whose width (or height) is the figure's share. They
 * look the same in the mini program and in H5, need no canvas, and add almost nothing to the
 * subpackage (a chart library would add 100–400 KB).
 */

function MetricChips({ value, onChange }: { value: ChartMetric; onChange: (m: ChartMetric) => void }) {
  return (
    <View className="st-chips" role="tablist">
      {CHART_METRICS.map((m) => (
        <View
          key={m.key}
          role="tab"
          aria-selected={m.key === value.key}
          className={`st-chip${m.key === value.key ? ' st-chip--on' : ''}`}
          onClick={() => onChange(m)}
        >
          <Text>{m.label}</Text>
        </View>
      ))}
    </View>
  );
}

const unit = (m: ChartMetric) => (m.isRate ? '%' : '次');

/** The branches side by side on one metric: a horizontal bar each, highest first. */
export function BranchBarChart({ branches }: { branches: readonly BranchMetrics[] }) {
  const [metric, setMetric] = useState(CHART_METRICS[0]!);
  const rows = branchBars(branches, metric);
  return (
    <View className="st-card" aria-label="支部对比图">
      <MetricChips value={metric} onChange={setMetric} />
      {rows.map((bar) => (
        <View
          key={bar.key}
          className="st-hbar"
          aria-label={`${bar.label} ${bar.text}${bar.value === null ? '' : unit(metric)}`}
        >
          <Text className="st-hbar__label">{bar.label}</Text>
          <View className="st-hbar__track">
            <View className="st-hbar__fill st-bar" style={{ width: `${bar.size}%` }} />
          </View>
          <Text className="st-hbar__value">{bar.value === null ? '—' : `${bar.text}${unit(metric)}`}</Text>
        </View>
      ))}
      {metric.isRate ? <Text className="st-muted">“—”表示本期没有应到、应学、应考或应读的人。</Text> : null}
    </View>
  );
}

/** One metric month by month: a column a month, the figure above it. */
export function TrendChart({ points, title = '月度趋势' }: { points: readonly TrendPoint[]; title?: string }) {
  const [metric, setMetric] = useState(CHART_METRICS[0]!);
  const columns = trendBars(points, metric);
  return (
    <View className="st-card" aria-label={title}>
      <MetricChips value={metric} onChange={setMetric} />
      <View className="st-vbars">
        {columns.map((bar) => (
          <View
            key={bar.key}
            className="st-vbar"
            aria-label={`${bar.label}月 ${bar.text}${bar.value === null ? '' : unit(metric)}`}
          >
            <Text className="st-vbar__value">{bar.value === null ? '' : bar.text}</Text>
            <View
              className={`st-vbar__fill st-bar${bar.value === null ? ' st-vbar__fill--none' : ''}`}
              style={{ height: `${bar.size * 0.85}%` }}
            />
          </View>
        ))}
      </View>
      <View className="st-vaxis">
        {columns.map((bar) => (
          <Text key={bar.key} className="st-vaxis__label">
            {bar.label}
          </Text>
        ))}
      </View>
      <Text className="st-muted">
        {metric.label}（{unit(metric)}），横轴为月份
      </Text>
    </View>
  );
}
