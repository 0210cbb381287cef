import { act, fireEvent, render, screen } from '@testing-library/react';
import { goToSignIn } from '@/features/member';
import { resetSession } from '@/features/member/session';
import HomePage from '@/pages/index/index';
import { setUnauthenticatedHandler, signOut } from '@/services';
import { getToken, setToken } from '@/services/token';
import { mockFetch, wangJianguo } from '../helpers';
import Taro, { taroMock } from '../mocks/taro';

const loginOk = { body: { ok: true, data: wangJianguo } };
/** The home page's cards (notices, study, quizzes) each ask for their own list: all empty here. */
const emptyLists: Record<string, { body: unknown }> = {
  '/api/fn/notice': { body: { ok: true, data: { items: [], total: 0, unread: 0, toConfirm: 0 } } },
  '/api/fn/study': { body: { ok: true, data: { items: [], total: 0 } } },
  '/api/fn/quiz': { body: { ok: true, data: { items: [], total: 0 } } },
  '/api/fn/activity': { body: { ok: true, data: { mine: [], manage: null } } },
  '/api/fn/stats': { body: { ok: true, data: { items: [], todo: [], light: 'green', reasons: [] } } },
  '/api/fn/development': { body: { ok: true, data: { items: [] } } },
};

function mockHome(answer: () => { body: unknown }) {
  const mocked = mockFetch((request) => emptyLists[request.url] ?? answer());
  return { sent: () => mocked.sent.filter((r) => r.url === '/api/fn/member') };
}
const loginDown = { body: { ok: false, code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' } };

beforeEach(() => {
  resetSession();
  setToken('tok-wang');
  setUnauthenticatedHandler(goToSignIn);
});

describe('首页', () => {
  it('shows the member, the branch and the roles in Chinese, most responsible first', async () => {
    const { sent } = mockHome(() => loginOk);
    render(<HomePage />);

    expect(await screen.findByText('王建国')).toBeInTheDocument();
    expect(await screen.findByText('全部已读')).toBeInTheDocument();
    expect(screen.getByText('城关第一中学党支部')).toBeInTheDocument();
    const roles = screen.getAllByText(/^(支部书记|党员|支委|局党委管理员)$/).map((node) => node.textContent);
    expect(roles).toEqual(['支部书记', '党员']);
    expect(sent()).toHaveLength(1);
    expect(sent()[0]).toMatchObject({ url: '/api/fn/member', body: { action: 'login' } });
  });

  it('shows a loading state until the member is known', async () => {
    mockHome(() => loginOk);
    render(<HomePage />);
    expect(screen.getByText('正在加载')).toBeInTheDocument();
    await screen.findByText('王建国');
    expect(screen.queryByText('正在加载')).not.toBeInTheDocument();
  });

  it('on failure says so once, on the page and not in a toast too, and recovers on 重新加载', async () => {
    let answer: { body: unknown } = loginDown;
    mockHome(() => answer);
    render(<HomePage />);

    expect(await screen.findByText('加载失败')).toBeInTheDocument();
    expect(screen.getByText('服务暂时不可用，请稍后重试')).toBeInTheDocument();
    expect(Taro.showToast).not.toHaveBeenCalled();

    answer = loginOk;
    fireEvent.click(screen.getByRole('button', { name: '重新加载' }));
    expect(await screen.findByText('王建国')).toBeInTheDocument();
  });

  it('reloads on pull-down refresh and stops the refresh indicator', async () => {
    let name = '王建国';
    const { sent } = mockHome(() => ({ body: { ok: true, data: { ...wangJianguo, name } } }));
    render(<HomePage />);
    await screen.findByText('王建国');

    name = '王建国（已更新）';
    await act(async () => taroMock.fire('pullDownRefresh'));

    expect(await screen.findByText('王建国（已更新）')).toBeInTheDocument();
    expect(sent()).toHaveLength(2);
    expect(Taro.stopPullDownRefresh).toHaveBeenCalled();
  });

  it('keeps the member on screen when a refresh fails, and says why', async () => {
    let answer: { body: unknown } = loginOk;
    mockHome(() => answer);
    render(<HomePage />);
    await screen.findByText('王建国');

    answer = { body: { ok: false, code: 'RATE_LIMITED', message: '操作太频繁，请稍后再试' } };
    await act(async () => taroMock.fire('pullDownRefresh'));

    expect(screen.getByText('王建国')).toBeInTheDocument();
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '操作太频繁，请稍后再试' }));
    expect(Taro.stopPullDownRefresh).toHaveBeenCalled();
  });

  it('sends a signed-in WeChat user who is not bound yet to binding, without a toast, keeping the identity', async () => {
    mockFetch(() => ({
      body: { ok: false, code: 'UNAUTHENTICATED', message: '尚未绑定党员身份，请联系支部书记获取邀请码' },
    }));
    render(<HomePage />);

    await act(async () => undefined);
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/bind/index' });
    expect(getToken()).toBe('tok-wang');
    expect(Taro.showToast).not.toHaveBeenCalled();
    expect(screen.queryByText('加载失败')).not.toBeInTheDocument();
  });

  it('sends a caller with no sign-in at all to the demo-user picker (H5)', async () => {
    signOut();
    jest.clearAllMocks();
    mockFetch(() => ({ body: { ok: false, code: 'UNAUTHENTICATED', message: '无法识别微信身份，请重新进入小程序' } }));
    render(<HomePage />);

    await act(async () => undefined);
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
    expect(Taro.showToast).not.toHaveBeenCalled();
  });
});
