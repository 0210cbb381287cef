import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { MemberListItem } from '@zhibu/types';
import { MemberDetail, RosterView } from '@/features/org';
import { setToken } from '@/services/token';
import { mockFetch, wangJianguo, type SentRequest } from '../../helpers';
import Taro, { taroMock } from '../../mocks/taro';

const secretary = { ...wangJianguo, roles: ['member', 'secretary'] as ('member' | 'secretary')[] };
const admin = { ...wangJianguo, memberId: 'm-admin', roles: ['member', 'admin'] as ('member' | 'admin')[] };

const branch = {
  branchId: 'b-1',
  name: '城关第一中学党支部',
  kind: 'school',
  schools: ['城关第一中学'],
  partyGroups: [
    { id: 'g1', name: '第一党小组' },
    { id: 'g2', name: '第二党小组' },
  ],
  active: true,
  mergedInto: null,
  memberCount: 3,
  boundCount: 2,
  secretaryNames: ['王建国'],
};

function member(patch: Partial<MemberListItem>): MemberListItem {
  return {
    memberId: 'm-x',
    name: '某某',
    branchId: 'b-1',
    status: '正式党员',
    gender: '男',
    phone: '13800001234',
    joinedPartyAt: '2010-07-01',
    partyGroupId: 'g1',
    partyGroupName: '第一党小组',
    position: '语文教师',
    roles: ['member'],
    bound: true,
    active: true,
    ...patch,
  };
}

const wang = member({ memberId: 'm-1', name: '王建国', roles: ['member', 'secretary', 'committee'], position: '校长' });
const zhu = member({ memberId: 'm-14', name: '朱光明', bound: false, position: '退休返聘教师' });

type Handler = (data: Record<string, unknown>) => unknown;

function serve(handlers: Record<string, Handler>) {
  return mockFetch(({ url, body }) => {
    const { action, data } = body as { action: string; data: Record<string, unknown> };
    const key = `${url.replace('/api/fn/', '')}.${action}`;
    if (key === 'org.branch') return { body: { ok: true, data: branch } };
    const handler = handlers[key];
    return { body: handler ? handler(data) : { ok: false, code: 'NOT_FOUND', message: `unexpected ${key}` } };
  });
}

const listCalls = (sent: SentRequest[]) =>
  sent
    .filter((r) => (r.body as { action: string }).action === 'list')
    .map((r) => (r.body as { data: Record<string, unknown> }).data);

beforeEach(() => setToken('tok-wang'));

describe('支部党员名册', () => {
  it('shows the branch’s figures and each member with their offices and whether they have bound WeChat', async () => {
    serve({ 'member.list': () => ({ ok: true, data: { items: [wang, zhu], total: 2 } }) });
    render(<RosterView viewer={secretary} />);

    expect(await screen.findByText('城关第一中学党支部')).toBeInTheDocument();
    const wangRow = await screen.findByLabelText('王建国');
    expect(within(wangRow).getByText('支部书记')).toBeInTheDocument();
    expect(within(wangRow).queryByText('支委')).not.toBeInTheDocument();
    expect(within(wangRow).getByText('已绑定')).toBeInTheDocument();
    const zhuRow = screen.getByLabelText('朱光明');
    expect(within(zhuRow).getByText('未绑定')).toBeInTheDocument();
    expect(within(zhuRow).getByText('正式党员 · 第一党小组 · 退休返聘教师')).toBeInTheDocument();
    expect(screen.getByText('共 2 人，已全部显示')).toBeInTheDocument();

    fireEvent.click(zhuRow);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/org/member/index?memberId=m-14' });
  });

  it('renders a names-only row gracefully: no blanks, no badge', async () => {
    const namesOnly = member({
      memberId: 'm-9',
      name: '陈静',
      status: null,
      gender: null,
      phone: null,
      joinedPartyAt: null,
      partyGroupId: null,
      partyGroupName: null,
      position: null,
      roles: null,
      bound: null,
    });
    serve({ 'member.list': () => ({ ok: true, data: { items: [namesOnly], total: 1 } }) });
    render(<RosterView viewer={secretary} />);
    const row = await screen.findByLabelText('陈静');
    // The avatar's initial, then the name: nothing else, not even an empty summary line.
    expect(row).toHaveTextContent(/^陈陈静$/);
    expect(within(row).queryByText(/绑定/)).not.toBeInTheDocument();
  });

  it('asks the server for page after page, and filters by name, status and party group', async () => {
    const { sent } = serve({
      'member.list': (data) => ({
        ok: true,
        data: { items: data.page === 1 ? [wang] : [zhu], total: data.keyword ? 1 : 25 },
      }),
    });
    render(<RosterView viewer={secretary} />);
    await screen.findByLabelText('王建国');
    expect(listCalls(sent)[0]).toEqual({ branchId: 'b-1', page: 1, pageSize: 20 });

    await act(async () => taroMock.fire('reachBottom'));
    await screen.findByLabelText('朱光明');
    expect(listCalls(sent)[1]).toMatchObject({ page: 2 });

    const [statusSelect, groupSelect] = screen.getAllByRole('combobox');
    fireEvent.change(statusSelect!, { target: { value: '2' } });
    await waitFor(() => expect(listCalls(sent).at(-1)).toMatchObject({ page: 1, status: '预备党员' }));
    fireEvent.change(groupSelect!, { target: { value: '2' } });
    await waitFor(() => expect(listCalls(sent).at(-1)).toMatchObject({ status: '预备党员', partyGroupId: 'g2' }));

    fireEvent.change(screen.getByPlaceholderText('搜索姓名'), { target: { value: ' 朱 ' } });
    await waitFor(() => expect(listCalls(sent).at(-1)).toMatchObject({ keyword: '朱', page: 1 }), { timeout: 2000 });
  });

  it('in 邀请码 / 绑定 mode, lists those not yet bound, and each leads straight to their invite', async () => {
    const { sent } = serve({ 'member.list': () => ({ ok: true, data: { items: [wang, zhu], total: 2 } }) });
    render(<RosterView viewer={secretary} mode="invite" />);
    const zhuRow = await screen.findByLabelText('朱光明');
    expect(listCalls(sent)[0]).toMatchObject({ bound: false });
    expect(within(zhuRow).getByText('邀请')).toBeInTheDocument();
    fireEvent.click(zhuRow);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/org/invite/index?memberId=m-14' });
    fireEvent.click(screen.getByLabelText('王建国'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/org/member/index?memberId=m-1' });
  });

  it('says so when nothing matches', async () => {
    serve({ 'member.list': () => ({ ok: true, data: { items: [], total: 0 } }) });
    render(<RosterView viewer={secretary} />);
    expect(await screen.findByText('名册中还没有党员')).toBeInTheDocument();
  });
});

describe('党员详情', () => {
  it('lets the branch secretary invite an unbound member, and hides appointments', async () => {
    serve({ 'member.get': () => ({ ok: true, data: zhu }) });
    render(<MemberDetail viewer={secretary} memberId="m-14" />);
    expect(await screen.findByText('尚未绑定')).toBeInTheDocument();
    expect(screen.getByText('13800001234')).toBeInTheDocument();
    expect(screen.queryByText('职务任免（局党委管理员）')).not.toBeInTheDocument();
    fireEvent.click(screen.getByText('生成邀请码'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/org/invite/index?memberId=m-14' });
  });

  it('opens a member’s 出勤与学习记录 for the branch committee, but not one’s own', async () => {
    serve({ 'member.get': () => ({ ok: true, data: zhu }) });
    const { unmount } = render(<MemberDetail viewer={secretary} memberId="m-14" />);
    fireEvent.click(await screen.findByText('出勤与学习记录'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/mine/record/index?memberId=m-14' });
    unmount();
    serve({ 'member.get': () => ({ ok: true, data: { ...zhu, memberId: secretary.memberId } }) });
    render(<MemberDetail viewer={secretary} memberId={secretary.memberId} />);
    await screen.findByText('编辑资料');
    expect(screen.queryByText('出勤与学习记录')).not.toBeInTheDocument();
  });

  it('unbinds only after the confirm dialog', async () => {
    const { sent } = serve({
      'member.get': () => ({ ok: true, data: member({ memberId: 'm-4', name: '刘洋' }) }),
      'member.unbind': () => ({ ok: true, data: member({ memberId: 'm-4', name: '刘洋', bound: false }) }),
    });
    render(<MemberDetail viewer={secretary} memberId="m-4" />);
    await screen.findByText('已绑定微信');

    Taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    await act(async () => fireEvent.click(screen.getByText('解除绑定')));
    expect(sent.some((r) => (r.body as { action: string }).action === 'unbind')).toBe(false);

    await act(async () => fireEvent.click(screen.getByText('解除绑定')));
    expect(Taro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '解除微信绑定' }));
    expect(sent.find((r) => (r.body as { action: string }).action === 'unbind')?.body).toEqual({
      action: 'unbind',
      data: { memberId: 'm-4' },
    });
  });

  it('lets a bureau admin appoint a committee member', async () => {
    const { sent } = serve({
      'member.get': () => ({ ok: true, data: zhu }),
      'member.setRoles': () => ({ ok: true, data: { ...zhu, roles: ['member', 'committee'] } }),
    });
    render(<MemberDetail viewer={admin} memberId="m-14" />);
    const group = (await screen.findByText('职务任免（局党委管理员）')).parentElement as HTMLElement;
    await act(async () => fireEvent.click(within(group).getByText('支委')));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '确定任命朱光明为支委吗？' }));
    expect(sent.find((r) => (r.body as { action: string }).action === 'setRoles')?.body).toEqual({
      action: 'setRoles',
      data: { memberId: 'm-14', roles: ['committee'] },
    });
  });

  it('shows a server refusal as a toast', async () => {
    serve({
      'member.get': () => ({ ok: true, data: zhu }),
      'member.setRoles': () => ({ ok: false, code: 'FORBIDDEN', message: '只有局党委管理员可以进行此操作' }),
    });
    render(<MemberDetail viewer={admin} memberId="m-14" />);
    const group = (await screen.findByText('职务任免（局党委管理员）')).parentElement as HTMLElement;
    await act(async () => fireEvent.click(within(group).getByText('支部书记')));
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '只有局党委管理员可以进行此操作' }));
  });
});
