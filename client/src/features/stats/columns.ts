import type { ActivityType, BranchMetrics } from '@zhibu/types';
import { ACTIVITY_TYPE_ORDER } from '@/features/activity';
import { LIGHT_NAMES, LIGHT_RANK, percent } from './format';

/** Short names of the activity types for the narrow columns of the dashboard. */
export const TYPE_SHORT: Record<ActivityType, string> = {
  party_congress: '党员大会',
  committee: '支委会',
  group: '党小组会',
  lecture: '党课',
  theme_day: '主题党日',
  life_meeting: '组织生活会',
  review: '民主评议',
  other: '其他',
};

export interface Column {
  key: string;
  label: string;
  /** What the column sorts by; null sorts last whichever way. */
  value: (m: BranchMetrics) => number | null;
  text: (m: BranchMetrics) => string;
  /** A second, smaller line under the figure (应到 / 实到 of a rate). */
  sub?: (m: BranchMetrics) => string;
}

const heldColumn = (type: ActivityType): Column => ({
  key: `held.${type}`,
  label: TYPE_SHORT[type],
  value: (m) => m.held[type] ?? 0,
  text: (m) => String(m.held[type] ?? 0),
});

/** The dashboard's columns after the branch name, left to right. Branches only, never people. */
export const COLUMNS: Column[] = [
  { key: 'light', label: '合规', value: (m) => LIGHT_RANK[m.light], text: (m) => LIGHT_NAMES[m.light] },
  { key: 'heldTotal', label: '活动合计', value: (m) => m.heldTotal, text: (m) => String(m.heldTotal) },
  {
    key: 'attendanceRate',
    label: '到会率',
    value: (m) => m.attendanceRate,
    text: (m) => percent(m.attendanceRate),
    sub: (m) => `${m.present}/${m.expected}`,
  },
  { key: 'leave', label: '请假', value: (m) => m.leave, text: (m) => `${m.leave} 人次` },
  {
    key: 'studyCompletionRate',
    label: '学习完成',
    value: (m) => m.studyCompletionRate,
    text: (m) => percent(m.studyCompletionRate),
    sub: (m) => (m.studyLate ? `逾期 ${m.studyLate}` : `${m.studyDone}/${m.studyExpected}`),
  },
  {
    key: 'quizParticipationRate',
    label: '参考率',
    value: (m) => m.quizParticipationRate,
    text: (m) => percent(m.quizParticipationRate),
    sub: (m) => `${m.quizTaken}/${m.quizExpected}`,
  },
  {
    key: 'quizPassRate',
    label: '通过率',
    value: (m) => m.quizPassRate,
    text: (m) => percent(m.quizPassRate),
    sub: (m) => `${m.quizPassed}/${m.quizExpected}`,
  },
  {
    key: 'noticeReadRate',
    label: '阅读率',
    value: (m) => m.noticeReadRate,
    text: (m) => percent(m.noticeReadRate),
    sub: (m) => `${m.noticeRead}/${m.noticeExpected}`,
  },
  ...ACTIVITY_TYPE_ORDER.map(heldColumn),
];

export type SortDirection = 'asc' | 'desc';
export interface SortOrder {
  key: string;
  direction: SortDirection;
}

/** The dashboard opens with the lights, worst first: what the bureau acts on. */
export const DEFAULT_SORT: SortOrder = { key: 'light', direction: 'desc' };

/**
 * Tapping a header sorts by it, high to low first (the best rate, the most meetings, the worst
 * light); tapping it again turns the order round.
 */
export function nextSort(current: SortOrder, key: string): SortOrder {
  if (current.key !== key) return { key, direction: 'desc' };
  return { key, direction: current.direction === 'desc' ? 'asc' : 'desc' };
}

/**
 * The branches in the chosen order. A branch without a figure (nobody expected: no rate) goes last
 * in both directions; equal figures keep the server's order (by branch), so the table does not
 * jump about.
 */
export function sortBranches(branches: readonly BranchMetrics[], order: SortOrder): BranchMetrics[] {
  const column = COLUMNS.find((c) => c.key === order.key) ?? COLUMNS[0]!;
  const sign = order.direction === 'desc' ? -1 : 1;
  return branches
    .map((branch, index) => ({ branch, index, value: column.value(branch) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) {
        if (a.value === b.value) return a.index - b.index;
        return a.value === null ? 1 : -1;
      }
      return a.value === b.value ? a.index - b.index : sign * (a.value - b.value);
    })
    .map((entry) => entry.branch);
}
