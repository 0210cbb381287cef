import { fireEvent, render, screen, within } from '@testing-library/react';
import type { BranchMetrics, Dashboard, Todo } from '@zhibu/types';
import { DEFAULT_SORT, nextSort, sortBranches } from '@/features/stats/columns';
import { monthSummary } from '@/features/stats/HomeTodoCard';
import { DashboardView } from '@/features/stats/manage';
import { MyStatsView } from '@/features/stats';
import { changeKind, currentPeriod, daysLeftInMonth, isFuture, periodName, shiftPeriod } from '@/features/stats/period';
import { setToken } from '@/services/token';
import { mockFetch } from '../../helpers';

/** 2026-03-31 23:50 Beijing time, which is still 31 March 15:50 UTC. */
const LAST_OF_MARCH_BEIJING = Date.parse('2026-03-31T23:50:00+08:00');
/** 2026-04-01 00:10 Beijing time: 31 March 16:10 UTC, already April (and Q2) in Beijing. */
const FIRST_OF_APRIL_BEIJING = Date.parse('2026-04-01T00:10:00+08:00');

describe('the period picker’s periods (Beijing time)', () => {
  it('names the running period of each kind by the Beijing calendar, not the phone’s or UTC', () => {
    expect(currentPeriod('month', LAST_OF_MARCH_BEIJING)).toBe('2026-03');
    expect(currentPeriod('quarter', LAST_OF_MARCH_BEIJING)).toBe('2026-Q1');
    expect(currentPeriod('month', FIRST_OF_APRIL_BEIJING)).toBe('2026-04');
    expect(currentPeriod('quarter', FIRST_OF_APRIL_BEIJING)).toBe('2026-Q2');
    expect(currentPeriod('half', FIRST_OF_APRIL_BEIJING)).toBe('2026-H1');
    expect(currentPeriod('year', Date.parse('2025-12-31T16:30:00Z'))).toBe('2026');
  });

  it('steps back and forth across years', () => {
    expect(shiftPeriod('2026-01', -1)).toBe('2025-12');
    expect(shiftPeriod('2025-12', 1)).toBe('2026-01');
    expect(shiftPeriod('2026-Q1', -1)).toBe('2025-Q4');
    expect(shiftPeriod('2026-H2', 1)).toBe('2027-H1');
    expect(shiftPeriod('2026', -2)).toBe('2024');
    expect(shiftPeriod('2026-03', -15)).toBe('2024-12');
  });

  it('keeps the same time when the kind changes', () => {
    expect(changeKind('2026-08', 'quarter')).toBe('2026-Q3');
    expect(changeKind('2026-08', 'half')).toBe('2026-H2');
    expect(changeKind('2026-Q3', 'month')).toBe('2026-07');
    expect(changeKind('2026-H2', 'quarter')).toBe('2026-Q3');
    expect(changeKind('2026-Q2', 'year')).toBe('2026');
  });

  it('never offers a period that has not begun', () => {
    expect(isFuture('2026-04', LAST_OF_MARCH_BEIJING)).toBe(true);
    expect(isFuture('2026-04', FIRST_OF_APRIL_BEIJING)).toBe(false);
    expect(isFuture('2026-Q2', LAST_OF_MARCH_BEIJING)).toBe(true);
    expect(isFuture('2025-Q4', LAST_OF_MARCH_BEIJING)).toBe(false);
    expect(isFuture('2027', LAST_OF_MARCH_BEIJING)).toBe(true);
  });

  it('names periods in Chinese', () => {
    expect(periodName('2026-03')).toBe('2026年3月');
    expect(periodName('2026-Q1')).toBe('2026年第一季度');
    expect(periodName('2026-H2')).toBe('2026年下半年');
    expect(periodName('2026')).toBe('2026年');
  });

  it('counts 本月还需 against the days left in the Beijing month', () => {
    expect(daysLeftInMonth(LAST_OF_MARCH_BEIJING)).toBe(1);
    expect(daysLeftInMonth(FIRST_OF_APRIL_BEIJING)).toBe(30);
    const todo: Todo[] = [
      { type: 'committee', name: '支委会', count: 1, daysLeft: 12 },
      { type: 'theme_day', name: '主题党日', count: 1, daysLeft: 12 },
      // A quarter's item due at the end of June is not this April's.
      { type: 'lecture', name: '党课', count: 1, daysLeft: 73 },
    ];
    const now = Date.parse('2026-04-19T10:00:00+08:00');
    expect(monthSummary(todo, now)).toBe('本月还需：支委会 1 次、主题党日 1 次');
    expect(monthSummary([todo[2]!], now)).toBe('');
  });
});

function branch(id: string, name: string, figures: Partial<BranchMetrics>): BranchMetrics {
  return {
    branchId: id,
    branchName: name,
    held: { committee: 1, theme_day: 1 },
    heldTotal: 2,
    expected: 20,
    present: 15,
    leave: 2,
    attendanceRate: 0.75,
    studyExpected: 10,
    studyDone: 8,
    studyLate: 1,
    studyCompletionRate: 0.7,
    quizExpected: 10,
    quizTaken: 9,
    quizPassed: 8,
    quizParticipationRate: 0.9,
    quizPassRate: 0.8,
    noticeExpected: 10,
    noticeRead: 10,
    noticeReadRate: 1,
    light: 'green',
    reasons: ['绿：各项组织生活按要求开展'],
    ...figures,
  };
}

const BRANCHES = [
  branch('b1', '第一中学党支部', {
    attendanceRate: 0.5,
    light: 'yellow',
    reasons: ['黄：本月支委会尚未召开，还剩 3 天'],
  }),
  branch('b2', '实验小学党支部', { attendanceRate: 0.9 }),
  branch('b3', '机关党支部', { attendanceRate: null, expected: 0, present: 0 }),
  branch('b4', '职业高中党支部', { attendanceRate: 0.7, light: 'red', reasons: ['红：本季度未召开支部党员大会'] }),
];
const names = (rows: BranchMetrics[]) => rows.map((r) => r.branchName);

describe('sorting the dashboard', () => {
  it('sorts high to low on the first tap, low to high on the second, branches without a figure last both ways', () => {
    const byRate = nextSort(DEFAULT_SORT, 'attendanceRate');
    expect(byRate).toEqual({ key: 'attendanceRate', direction: 'desc' });
    expect(names(sortBranches(BRANCHES, byRate))).toEqual([
      '实验小学党支部',
      '职业高中党支部',
      '第一中学党支部',
      '机关党支部',
    ]);
    const back = nextSort(byRate, 'attendanceRate');
    expect(back.direction).toBe('asc');
    expect(names(sortBranches(BRANCHES, back))).toEqual([
      '第一中学党支部',
      '职业高中党支部',
      '实验小学党支部',
      '机关党支部',
    ]);
  });

  it('opens with the worst light first, equal lights in the server’s order', () => {
    expect(names(sortBranches(BRANCHES, DEFAULT_SORT))).toEqual([
      '职业高中党支部',
      '第一中学党支部',
      '实验小学党支部',
      '机关党支部',
    ]);
  });
});

describe('the bureau dashboard', () => {
  beforeEach(() => setToken('tok'));

  it('shows every branch, re-sorts when a header is tapped, and draws bars sized by the figure', async () => {
    const dashboard: Dashboard = {
      period: '2026-03',
      branches: BRANCHES,
      trend: [
        {
          month: '2026-03',
          heldTotal: 8,
          attendanceRate: 0.7,
          studyCompletionRate: 0.7,
          quizPassRate: 0.8,
          noticeReadRate: 1,
        },
      ],
    };
    const { sent } = mockFetch(() => ({ body: { ok: true, data: dashboard } }));
    render(<DashboardView initialPeriod="2026-03" />);
    const table = await screen.findByRole('table', { name: '各支部指标' });
    const order = () =>
      within(table)
        .getAllByRole('rowheader')
        .map((r) => r.textContent);
    expect(order()).toEqual(['职业高中党支部', '第一中学党支部', '实验小学党支部', '机关党支部']);
    expect(sent[0]!.body).toEqual({ action: 'dashboard', data: { period: '2026-03' } });

    fireEvent.click(within(table).getByText('到会率'));
    expect(order()).toEqual(['实验小学党支部', '职业高中党支部', '第一中学党支部', '机关党支部']);
    expect(within(table).getByText('到会率↓')).toBeInTheDocument();
    fireEvent.click(within(table).getByText('到会率↓'));
    expect(order()[0]).toBe('第一中学党支部');

    // The branch comparison: 到会率 bars as wide as the rate, a dash for a branch with nobody expected.
    const chart = screen.getByLabelText('支部对比图');
    const bar = (label: string) => within(chart).getByLabelText(label).querySelector('.st-hbar__fill') as HTMLElement;
    expect(bar('实验小学党支部 90%').style.width).toBe('90%');
    expect(bar('第一中学党支部 50%').style.width).toBe('50%');
    expect(bar('机关党支部 —').style.width).toBe('0%');
    // Every branch's light, with its reason.
    expect(screen.getByText('红：本季度未召开支部党员大会')).toBeInTheDocument();
  });
});

describe('a member’s record', () => {
  const record = (name: string) => ({
    period: '2026-03',
    memberId: 'm-4',
    name,
    attendance: { expected: 2, present: 1, leave: 1, activities: [] },
    study: { expected: 1, done: 1, late: 0 },
    quizzes: { expected: 0, taken: 0, passed: 0 },
    notices: { expected: 2, read: 2 },
  });

  it('asks for the member named and says whose record it is, without the viewer’s own history link', async () => {
    setToken('tok-wang');
    const { sent } = mockFetch(() => ({ body: { ok: true, data: record('刘洋') } }));
    render(<MyStatsView memberId="m-4" />);
    expect(await screen.findByText('刘洋的记录')).toBeInTheDocument();
    expect((sent[0]!.body as { data: { memberId?: string } }).data.memberId).toBe('m-4');
    expect(screen.queryByText('全部出勤记录 ›')).not.toBeInTheDocument();
  });

  it('shows one’s own record without a name line', async () => {
    setToken('tok-wang');
    const { sent } = mockFetch(() => ({ body: { ok: true, data: record('王建国') } }));
    render(<MyStatsView />);
    expect(await screen.findByText('全部出勤记录 ›')).toBeInTheDocument();
    expect(screen.queryByText('王建国的记录')).not.toBeInTheDocument();
    expect((sent[0]!.body as { data: { memberId?: string } }).data.memberId).toBeUndefined();
  });
});
