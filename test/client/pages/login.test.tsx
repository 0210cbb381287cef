import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import LoginPage from '@/pages/login/index';
import { getToken } from '@/services/token';
import { mockFetch } from '../helpers';
import Taro from '../mocks/taro';

const users = [
  { openid: 'o-1', name: '王建国', roles: ['member', 'secretary'], branchId: 'b-1', branchName: '城关第一中学党支部' },
  { openid: 'o-2', name: '陈静', roles: ['member'], branchId: 'b-2', branchName: '山区小学联合党支部' },
  { openid: 'o-3', name: '张伟', roles: ['member'], branchId: 'b-1', branchName: '城关第一中学党支部' },
];

function serve(login: { status?: number; body: unknown } = { body: { token: 'tok-o-1' } }) {
  return mockFetch(({ url }) => (url === '/api/dev/users' ? { body: { users } } : login));
}

describe('演示用户选择 (H5)', () => {
  it('lists demo users grouped by branch', async () => {
    serve();
    render(<LoginPage />);

    await screen.findByText('王建国');
    const headings = screen.getAllByText(/党支部$/).map((node) => node.textContent);
    expect(headings).toEqual(['城关第一中学党支部', '山区小学联合党支部']);
    const first = screen.getByText('城关第一中学党支部').parentElement as HTMLElement;
    expect(first).toHaveTextContent('王建国');
    expect(first).toHaveTextContent('张伟');
    expect(first).not.toHaveTextContent('陈静');
  });

  it('filters by name or branch, and says when nothing matches', async () => {
    serve();
    render(<LoginPage />);
    const search = await screen.findByPlaceholderText('搜索姓名或支部');

    fireEvent.change(search, { target: { value: '山区' } });
    expect(screen.getByText('陈静')).toBeInTheDocument();
    expect(screen.queryByText('王建国')).not.toBeInTheDocument();

    fireEvent.change(search, { target: { value: '李四' } });
    expect(screen.getByText('没有找到匹配的用户')).toBeInTheDocument();
  });

  it('signs in as the chosen user, keeps the token and starts over at 首页', async () => {
    const { sent } = serve();
    render(<LoginPage />);

    fireEvent.click(await screen.findByLabelText('以王建国的身份进入'));

    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }));
    expect(sent.find((request) => request.url === '/api/dev/login')).toMatchObject({
      method: 'POST',
      body: { openid: 'o-1' },
    });
    expect(getToken()).toBe('tok-o-1');
  });

  it('offers to enter as a new WeChat user, bound to nobody, and goes straight to binding', async () => {
    const { sent } = serve({ body: { token: 'tok-new' } });
    render(<LoginPage />);

    fireEvent.click(await screen.findByLabelText('以新微信用户身份进入（未绑定）'));

    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/bind/index' }));
    const login = sent.find((request) => request.url === '/api/dev/login');
    expect((login?.body as { openid: string }).openid).toMatch(/^wx_new_[a-z0-9]{12}$/);
    expect(getToken()).toBe('tok-new');
  });

  it('stays on the picker with a toast when sign-in fails', async () => {
    serve({ status: 404, body: { ok: false, code: 'NOT_FOUND', message: '没有这个演示用户' } });
    render(<LoginPage />);

    fireEvent.click(await screen.findByLabelText('以王建国的身份进入'));

    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '没有这个演示用户' })),
    );
    expect(Taro.reLaunch).not.toHaveBeenCalled();
    expect(getToken()).toBeNull();
  });

  it('shows an error state when the users cannot be listed', async () => {
    globalThis.fetch = jest.fn().mockRejectedValue(new TypeError('Failed to fetch')) as unknown as typeof fetch;
    render(<LoginPage />);
    expect(await screen.findByText('加载失败')).toBeInTheDocument();
    expect(screen.getByText('网络不可用，请检查网络后重试')).toBeInTheDocument();
  });
});
