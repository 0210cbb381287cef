import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { resetSession } from '@/features/member/session';
import MinePage from '@/pages/mine/index';
import { getToken, setToken } from '@/services/token';
import { mockFetch, wangJianguo } from '../helpers';
import Taro from '../mocks/taro';

const myRecord = {
  ...wangJianguo,
  gender: '男',
  phone: '13800001234',
  status: '正式党员',
  joinedPartyAt: '2008-07-01',
  partyGroupId: 'g-1',
  partyGroupName: '第一党小组',
  position: '副校长',
  schools: ['城关第一中学'],
  boundAt: null,
};

function serve(me: unknown = { ok: true, data: myRecord }, login: unknown = wangJianguo) {
  return mockFetch(({ body }) => {
    const { action } = body as { action: string };
    return { body: action === 'login' ? { ok: true, data: login } : me };
  });
}

const groupOf = (title: string) => screen.getByText(title).parentElement as HTMLElement;

beforeEach(() => {
  resetSession();
  setToken('tok-wang');
});

describe('我的', () => {
  it('shows the own record in full, including the own phone number', async () => {
    serve();
    render(<MinePage />);

    expect(await screen.findByText('正式党员')).toBeInTheDocument();
    expect(screen.getByText('王建国')).toBeInTheDocument();
    expect(screen.getAllByText('城关第一中学党支部')).toHaveLength(2);
    expect(screen.getByText('第一党小组')).toBeInTheDocument();
    expect(screen.getByText('2008年7月1日')).toBeInTheDocument();
    expect(screen.getByText('13800001234')).toBeInTheDocument();
    expect(screen.getByText('支部书记')).toBeInTheDocument();
    // One word per thing: the roster's column is 党员身份, and so is this line.
    expect(screen.getByText('党员身份')).toBeInTheDocument();
    expect(screen.queryByText('党员类别')).not.toBeInTheDocument();
  });

  it('says what is missing instead of leaving blanks', async () => {
    serve({ ok: true, data: { ...myRecord, phone: null, position: null, partyGroupName: null, joinedPartyAt: null } });
    render(<MinePage />);
    await screen.findByText('正式党员');
    expect(screen.getByText('未分组')).toBeInTheDocument();
    expect(screen.getAllByText('未登记')).toHaveLength(3);
  });

  it('offers a retry when the record cannot be loaded', async () => {
    let me: unknown = { ok: false, code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' };
    mockFetch(({ body }) => ({
      body: (body as { action: string }).action === 'login' ? { ok: true, data: wangJianguo } : me,
    }));
    render(<MinePage />);

    const retry = await screen.findByText('点击重试');
    // Said once, where the record would be: not in a toast as well.
    expect(screen.getByText('服务暂时不可用，请稍后重试')).toBeInTheDocument();
    expect(Taro.showToast).not.toHaveBeenCalled();
    me = { ok: true, data: myRecord };
    await act(async () => fireEvent.click(retry));
    expect(await screen.findByText('正式党员')).toBeInTheDocument();
  });

  it('has a 我的支部 section: branch, schools and party group', async () => {
    serve({ ok: true, data: { ...myRecord, schools: ['石门乡中心小学', '云岭乡中心小学'] } });
    render(<MinePage />);
    await screen.findByText('正式党员');
    const branch = groupOf('我的支部');
    expect(within(branch).getByText('城关第一中学党支部')).toBeInTheDocument();
    expect(within(branch).getByText('石门乡中心小学、云岭乡中心小学')).toBeInTheDocument();
    expect(within(branch).getByText('第一党小组')).toBeInTheDocument();
  });

  it('gives a secretary the ways into managing the branch, but not the bureau’s pages', async () => {
    serve();
    render(<MinePage />);
    await screen.findByText('正式党员');
    const manage = groupOf('本支部管理');
    fireEvent.click(within(manage).getByText('支部党员名册'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/org/roster/index' });
    fireEvent.click(within(manage).getByText('邀请码 / 绑定'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/org/roster/index?mode=invite' });
    fireEvent.click(within(manage).getByText('党小组设置'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/org/party-groups/index?branchId=b-1' });
    expect(screen.queryByText('局党委管理')).not.toBeInTheDocument();
    expect(screen.queryByText('操作记录')).not.toBeInTheDocument();
  });

  it('gives a bureau admin 支部管理 and 操作记录 too', async () => {
    serve(undefined, { ...wangJianguo, roles: ['member', 'admin'] });
    render(<MinePage />);
    await screen.findByText('正式党员');
    const bureau = groupOf('局党委管理');
    fireEvent.click(within(bureau).getByText('支部管理'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/org/branches/index' });
    fireEvent.click(within(bureau).getByText('操作记录'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/org/audit/index' });
  });

  it('shows a plain member no management entries at all', async () => {
    serve(undefined, { ...wangJianguo, name: '刘洋', roles: ['member'] });
    render(<MinePage />);
    await screen.findByText('正式党员');
    expect(screen.queryByText('本支部管理')).not.toBeInTheDocument();
    expect(screen.queryByText('支部党员名册')).not.toBeInTheDocument();
    expect(screen.queryByText('局党委管理')).not.toBeInTheDocument();
  });

  it('in H5, 退出登录 forgets the token and opens the demo-user picker', async () => {
    serve();
    render(<MinePage />);
    const signOut = await screen.findByText('退出登录');

    fireEvent.click(signOut);

    expect(getToken()).toBeNull();
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });

  it('in H5, 切换演示用户 opens the picker on top', async () => {
    serve();
    render(<MinePage />);
    const group = (await screen.findByText('演示环境')).parentElement as HTMLElement;
    fireEvent.click(within(group).getByText('切换演示用户'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });
});
