import { fireEvent, render, screen, within } from '@testing-library/react';
import type { ActivityHome, ActivitySummary } from '@zhibu/types';
import { resetSession } from '@/features/member/session';
import HomePage from '@/pages/index/index';
import { setToken } from '@/services/token';
import { mockFetch, wangJianguo } from '../helpers';
import Taro from '../mocks/taro';

const HOUR = 3600_000;

function activity(id: string, title: string, startInHours: number, extra: Partial<ActivitySummary> = {}) {
  const start = Date.now() + startInHours * HOUR;
  return {
    activityId: id,
    branchId: 'b-1',
    title,
    type: 'theme_day',
    startAt: new Date(start).toISOString(),
    endAt: new Date(start + HOUR).toISOString(),
    place: '三楼会议室',
    status: 'scheduled',
    expected: 14,
    present: 3,
    leave: 0,
    myState: 'expected',
    hasMinutes: false,
    pendingLeave: 0,
    checkinOpensAt: new Date(start - HOUR / 2).toISOString(),
    checkinClosesAt: new Date(start + 1.5 * HOUR).toISOString(),
    ...extra,
  } satisfies ActivitySummary;
}

function mockHome(login: object, home: ActivityHome) {
  mockFetch((request) => {
    const lists: Record<string, unknown> = {
      '/api/fn/member': login,
      '/api/fn/activity': home,
      '/api/fn/notice': { items: [], total: 0, unread: 0, toConfirm: 0 },
      '/api/fn/development': { items: [] },
      '/api/fn/study': { items: [], total: 0 },
      '/api/fn/quiz': { items: [], total: 0 },
      '/api/fn/stats': {
        branchId: 'b-1',
        branchName: '城关第一中学党支部',
        year: 2026,
        light: 'yellow',
        reasons: [],
        items: [],
        todo: [{ type: 'committee', name: '支委会', count: 1, daysLeft: 1 }],
      },
    };
    return { body: { ok: true, data: lists[request.url] } };
  });
}

const card = (title: string) => screen.getByLabelText(title);

beforeEach(() => {
  resetSession();
  setToken('tok');
});

describe('首页 cards', () => {
  it('a member sees today’s activity with 扫码签到 while its window is open, and the next one without', async () => {
    mockHome(
      { ...wangJianguo, name: '刘洋', roles: ['member'] },
      { mine: [activity('a1', '今天的主题党日', -0.2), activity('a2', '下周的党课', 24 * 7)], manage: null },
    );
    render(<HomePage />);
    await screen.findByText('今天的主题党日');
    const mine = card('我的活动');
    expect(within(mine).getAllByText('扫码签到')).toHaveLength(1);
    expect(within(mine).getByText('下周的党课')).toBeInTheDocument();
    expect(screen.queryByLabelText('待审批的请假')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('局党委工作')).not.toBeInTheDocument();
  });

  it('a secretary sees the waiting leave with its count, today’s meeting with its QR code, and minutes to write', async () => {
    const today = activity('a1', '十二月主题党日', -0.2, { myState: null, pendingLeave: 1 });
    mockHome(wangJianguo, {
      mine: [today, activity('a3', '下周的党课', 24 * 7)],
      manage: {
        pendingLeave: 2,
        pendingActivities: [today, activity('a3', '下周的党课', 24 * 7, { pendingLeave: 1 })],
        today: [today],
        withoutMinutes: [activity('a4', '上月支委会', -24 * 20, { type: 'committee' })],
        withoutMinutesTotal: 1,
      },
    });
    render(<HomePage />);
    await screen.findByLabelText('待审批的请假');
    const pending = card('待审批的请假');
    expect(within(pending).getByText('2')).toBeInTheDocument();
    expect(within(pending).getAllByText('1 人待审批')).toHaveLength(2);
    fireEvent.click(within(pending).getByText('下周的党课'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/activity/attendance/index?id=a3' });

    const todayCard = card('今天的活动');
    fireEvent.click(within(todayCard).getByText('显示签到二维码'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/activity/qr/index?id=a1' });
    expect(within(todayCard).getByText('发起活动')).toBeInTheDocument();
    // Today's meeting is on the committee card only, not repeated under 我的活动.
    expect(within(card('我的活动')).queryByText('十二月主题党日')).not.toBeInTheDocument();

    fireEvent.click(within(card('待补会议记录')).getByText('上月支委会'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/activity/minutes/index?id=a4' });

    // 本月待办 from the compliance calendar: each item opens 发起活动 with its type chosen.
    const todo = await screen.findByLabelText('本月待办');
    expect(within(todo).getByText('本月还需：支委会 1 次')).toBeInTheDocument();
    fireEvent.click(within(todo).getByText('支委会 · 还需 1 次'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/activity/edit/index?type=committee' });
  });

  it('a bureau admin sees the bureau’s shortcuts on 首页', async () => {
    mockHome({ ...wangJianguo, name: '赵敏', roles: ['member', 'admin'] }, { mine: [], manage: null });
    render(<HomePage />);
    const bureau = await screen.findByLabelText('局党委工作');
    fireEvent.click(within(bureau).getByText('支部管理'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/org/branches/index' });
    expect(within(bureau).getByText('操作记录')).toBeInTheDocument();
    fireEvent.click(within(bureau).getByText('统计'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/stats/dashboard/index' });
    // The bureau holds no branch meetings of its own here: no 本月待办.
    expect(screen.queryByLabelText('本月待办')).not.toBeInTheDocument();
    expect(within(card('我的活动')).getByText('近期没有需要参加的活动')).toBeInTheDocument();
  });
});
