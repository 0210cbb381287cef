import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { getSession, resetSession } from '@/features/member/session';
import BindPage from '@/pages/bind/index';
import { getToken, setToken } from '@/services/token';
import { mockFetch, type SentRequest } from '../helpers';
import Taro, { taroMock } from '../mocks/taro';

const zhuGuangming = {
  memberId: 'b-qhyz-14',
  name: '朱光明',
  branchId: 'b-qhyz',
  branchName: '清河县第一中学党支部',
  roles: ['member'],
};

const bindRequests = (sent: SentRequest[]) => sent.filter((r) => (r.body as { action?: string })?.action === 'bind');

function codeInput(): HTMLInputElement {
  return screen.getByPlaceholderText('请输入 8 位邀请码') as HTMLInputElement;
}

async function submit(code: string) {
  fireEvent.change(codeInput(), { target: { value: code } });
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '绑定' })));
}

beforeEach(() => {
  resetSession();
  setToken('tok-new-wechat-user');
});

describe('绑定党员身份', () => {
  it('asks for the invite code and says where to get one', () => {
    render(<BindPage />);
    expect(screen.getByText('绑定党员身份')).toBeInTheDocument();
    expect(codeInput()).toBeInTheDocument();
    expect(screen.getByText('没有邀请码？')).toBeInTheDocument();
  });

  it('normalises what is typed: upper case, no spaces, at most eight characters', () => {
    render(<BindPage />);
    fireEvent.change(codeInput(), { target: { value: 'abcd 2345' } });
    expect(codeInput().value).toBe('ABCD2345');
    expect(screen.getByText('请核对：ABCD 2345')).toBeInTheDocument();
    fireEvent.change(codeInput(), { target: { value: 'abcd2345xyz' } });
    expect(codeInput().value).toBe('ABCD2345');
  });

  it('refuses a malformed code on the spot, without asking the server', async () => {
    const { sent } = mockFetch(() => ({ body: { ok: true, data: zhuGuangming } }));
    render(<BindPage />);
    await submit('abc2');
    expect(screen.getByRole('alert')).toHaveTextContent('邀请码为 8 位，您输入了 4 位');
    await submit('ABCD2340');
    expect(screen.getByRole('alert')).toHaveTextContent('没有数字 0、1 和字母 I、O');
    expect(bindRequests(sent)).toHaveLength(0);
  });

  it('binds with the normalised code and shows the member’s name and branch', async () => {
    const { sent } = mockFetch(() => ({ body: { ok: true, data: zhuGuangming } }));
    render(<BindPage />);
    await submit('abcd 2345');

    expect(bindRequests(sent)[0]?.body).toEqual({ action: 'bind', data: { code: 'ABCD2345' } });
    expect(await screen.findByText('绑定成功')).toBeInTheDocument();
    expect(screen.getByText('朱光明')).toBeInTheDocument();
    expect(screen.getByText('清河县第一中学党支部')).toBeInTheDocument();
    // The app knows the member now: 首页 opens without asking again.
    expect(getSession()).toEqual({ status: 'ready', member: zhuGuangming });

    fireEvent.click(screen.getByRole('button', { name: '进入支部通' }));
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' });
  });

  it.each([
    ['FAILED_PRECONDITION', '该邀请码已被使用，请联系支部书记重新生成'],
    ['FAILED_PRECONDITION', '该邀请码已过期，请联系支部书记重新生成'],
    ['NOT_FOUND', '邀请码不存在，请核对后重新输入'],
    ['RATE_LIMITED', '尝试次数过多，请一小时后再试或联系支部书记'],
  ])('shows the server’s message when it refuses the code (%s)', async (code, message) => {
    mockFetch(() => ({ body: { ok: false, code, message } }));
    render(<BindPage />);
    await submit('ABCD2345');
    expect(screen.getByRole('alert')).toHaveTextContent(message);
    expect(screen.queryByText('绑定成功')).not.toBeInTheDocument();
    expect(getToken()).toBe('tok-new-wechat-user');
  });

  it('fills in the code a scanned invite QR code opened the page with', () => {
    taroMock.setParams({ scene: 'abcd%202345' });
    render(<BindPage />);
    expect(codeInput().value).toBe('ABCD2345');
  });

  it('hides the home button in the mini program only', () => {
    render(<BindPage />);
    taroMock.fire('didShow');
    expect(Taro.hideHomeButton).not.toHaveBeenCalled();
  });
});

describe('绑定党员身份 in the local H5 version', () => {
  it('without anyone signed in, offers to enter as a new WeChat user and keeps the scanned code', async () => {
    setToken('');
    taroMock.setParams({ scene: 'ABCD2345' });
    const { sent } = mockFetch(({ url }) => ({ body: url === '/api/dev/login' ? { token: 'tok-fresh' } : {} }));
    render(<BindPage />);
    expect(screen.queryByPlaceholderText('请输入 8 位邀请码')).not.toBeInTheDocument();

    await act(async () => fireEvent.click(screen.getByRole('button', { name: '以新微信用户身份进入' })));

    const login = sent.find((r) => r.url === '/api/dev/login');
    expect((login?.body as { openid: string }).openid).toMatch(/^wx_new_[a-z0-9]{12}$/);
    expect(getToken()).toBe('tok-fresh');
    expect(codeInput().value).toBe('ABCD2345');
  });

  it('forgets a token the server no longer recognises and offers to sign in again', async () => {
    mockFetch(() => ({ body: { ok: false, code: 'UNAUTHENTICATED', message: '无法识别微信身份，请重新进入小程序' } }));
    render(<BindPage />);
    await submit('ABCD2345');
    expect(getToken()).toBeNull();
    expect(screen.getByRole('button', { name: '以新微信用户身份进入' })).toBeInTheDocument();
  });

  it('offers to switch to another demo user', async () => {
    render(<BindPage />);
    fireEvent.click(screen.getByText('切换演示用户'));
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/login/index' }));
  });
});
