import { fireEvent, render, screen } from '@testing-library/react';
import type { ActivityDetail } from '@zhibu/types';
import ActivityDetailPage from '@/pages/activity/detail/index';
import AttendanceHistoryPage from '@/pages/activity/history/index';
import AttendancePage from '@/packages/activity/attendance/index';
import NoticeEditPage from '@/packages/notice/edit/index';
import QrPage from '@/packages/activity/qr/index';
import { resetSession } from '@/features/member/session';
import { setToken } from '@/services/token';
import { mockFetch, wangJianguo } from '../helpers';
import Taro, { taroMock } from '../mocks/taro';

function answer(code: string, message: string) {
  mockFetch(() => ({ body: { ok: false, code, message } }));
}

beforeEach(() => {
  setToken('tok');
  taroMock.setParams({ id: 'a-other' });
});

describe('a refused or missing record reads as one, not as a network failure', () => {
  it('NOT_FOUND: 该活动不存在或已取消, a way back, no 重新加载, and the message once (no toast)', async () => {
    answer('NOT_FOUND', '没有找到该活动');
    render(<ActivityDetailPage />);
    expect(await screen.findByText('该活动不存在或已取消')).toBeInTheDocument();
    expect(screen.getAllByText('没有找到该活动')).toHaveLength(1);
    expect(screen.queryByText('加载失败')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '重新加载' })).not.toBeInTheDocument();
    expect(Taro.showToast).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: '返回' }));
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' });
  });

  it('FORBIDDEN: 没有权限查看, without a retry button', async () => {
    answer('FORBIDDEN', '只有本支部的支部委员可以进行此操作');
    render(<AttendancePage />);
    expect(await screen.findByText('没有权限查看')).toBeInTheDocument();
    expect(screen.getByText('只有本支部的支部委员可以进行此操作')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '重新加载' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: '返回' })).toBeInTheDocument();
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('a network failure still offers 重新加载', async () => {
    answer('INTERNAL', '服务暂时不可用，请稍后重试');
    render(<ActivityDetailPage />);
    expect(await screen.findByText('加载失败')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '重新加载' })).toBeInTheDocument();
  });
});

const HOUR = 3600_000;
function today(): ActivityDetail {
  const start = Date.now() - HOUR / 4;
  return {
    activityId: 'a-other',
    branchId: 'b-1',
    title: '十二月主题党日',
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
    agenda: '',
    audience: { kind: 'branch' },
    createdByName: '王建国',
    canManage: false,
    minutes: null,
    myLeave: null,
    checkinOpensAt: new Date(start - HOUR / 2).toISOString(),
    checkinClosesAt: new Date(start + 1.5 * HOUR).toISOString(),
    cancelReason: null,
    reminderSent: false,
    audienceGroupName: null,
    alsoCountsAs: [],
  };
}

describe('the pages that report failures by other ways say a refusal once, as one', () => {
  it('a paged list (出勤记录): FORBIDDEN is 没有权限查看 with no retry and no toast', async () => {
    answer('FORBIDDEN', '您已不是本支部党员');
    render(<AttendanceHistoryPage />);
    expect(await screen.findByText('没有权限查看')).toBeInTheDocument();
    expect(screen.getAllByText('您已不是本支部党员')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: '重新加载' })).not.toBeInTheDocument();
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('a paged list whose first page fails on the network: 加载失败 on the page, not in a toast as well', async () => {
    answer('INTERNAL', '服务暂时不可用，请稍后重试');
    render(<AttendanceHistoryPage />);
    expect(await screen.findByText('加载失败')).toBeInTheDocument();
    expect(screen.getAllByText('服务暂时不可用，请稍后重试')).toHaveLength(1);
    expect(screen.getByRole('button', { name: '重新加载' })).toBeInTheDocument();
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('the QR screen refused its code: no 重新获取, the reason once', async () => {
    mockFetch((request) => {
      const action = (request.body as { action?: string }).action;
      if (action === 'get') return { body: { ok: true, data: today() } };
      return { body: { ok: false, code: 'FORBIDDEN', message: '只有本支部的支部委员可以显示签到码' } };
    });
    render(<QrPage />);
    expect(await screen.findByText('没有权限显示签到码')).toBeInTheDocument();
    expect(screen.getAllByText('只有本支部的支部委员可以显示签到码')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: '重新获取' })).not.toBeInTheDocument();
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('the notice editor opened on a notice since withdrawn: 该通知不存在或已撤回 with 返回', async () => {
    resetSession();
    taroMock.setParams({ id: 'n-gone' });
    mockFetch((request) => {
      const action = (request.body as { action?: string }).action;
      if (action === 'login') return { body: { ok: true, data: wangJianguo } };
      if (action === 'get') return { body: { ok: false, code: 'NOT_FOUND', message: '没有找到该通知' } };
      return { body: { ok: true, data: { items: [], total: 0 } } };
    });
    render(<NoticeEditPage />);
    expect(await screen.findByText('该通知不存在或已撤回')).toBeInTheDocument();
    expect(screen.getAllByText('没有找到该通知')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: '重新加载' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: '返回' })).toBeInTheDocument();
    expect(Taro.showToast).not.toHaveBeenCalled();
  });
});
