import { fireEvent, render, screen } from '@testing-library/react';
import ActivityDetailPage from '@/pages/activity/detail/index';
import AttendancePage from '@/packages/activity/attendance/index';
import { setToken } from '@/services/token';
import { mockFetch } from '../helpers';
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
