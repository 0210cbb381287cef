import type { BranchMetrics, TrendPoint } from '@zhibu/types';

/** The figures a chart can show; rates are drawn against 100%, counts against the largest. */
export interface ChartMetric {
  key: 'attendanceRate' | 'studyCompletionRate' | 'quizPassRate' | 'noticeReadRate' | 'heldTotal';
  label: string;
  isRate: boolean;
}

export const CHART_METRICS: ChartMetric[] = [
  { key: 'attendanceRate', label: '到会率', isRate: true },
  { key: 'studyCompletionRate', label: '学习完成率', isRate: true },
  { key: 'quizPassRate', label: '测试通过率', isRate: true },
  { key: 'noticeReadRate', label: '通知阅读率', isRate: true },
  { key: 'heldTotal', label: '活动次数', isRate: false },
];

export interface Bar {
  key: string;
  label: string;
  value: number | null;
  /** The bar's length as a share of the chart, 0–100. */
  size: number;
  text: string;
}

function bars(entries: { key: string; label: string; value: number | null }[], metric: ChartMetric): Bar[] {
  const max = metric.isRate ? 1 : Math.max(1, ...entries.map((e) => e.value ?? 0));
  return entries.map((e) => ({
    ...e,
    size: e.value === null ? 0 : Math.round((e.value / max) * 1000) / 10,
    text: e.value === null ? '—' : metric.isRate ? `${Math.round(e.value * 100)}` : String(e.value),
  }));
}

/** Branches compared on one metric, highest first; branches with no figure last. */
export function branchBars(branches: readonly BranchMetrics[], metric: ChartMetric): Bar[] {
  const entries = branches.map((b) => ({ key: b.branchId, label: b.branchName, value: b[metric.key] }));
  return bars(entries, metric).sort((a, b) => (b.value ?? -1) - (a.value ?? -1));
}

/** One metric month by month, in calendar order. */
export function trendBars(points: readonly TrendPoint[], metric: ChartMetric): Bar[] {
  return bars(
    points.map((p) => ({ key: p.month, label: `${Number(p.month.slice(5, 7))}`, value: p[metric.key] })),
    metric,
  );
}
