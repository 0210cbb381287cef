import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { MemberListItem } from '@zhibu/types';
import { useState } from 'react';
import {
  AudienceChooser,
  audienceOf,
  audienceProblem,
  audienceValue,
  BRANCH_KINDS,
  BUREAU_KINDS,
  type AudienceKind,
  type AudienceValue,
} from '@/features/audience';
import { setToken } from '@/services/token';
import { mockFetch, type SentRequest } from '../../helpers';

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

function person(memberId: string, name: string, active = true): MemberListItem {
  return {
    memberId,
    name,
    branchId: 'b-1',
    status: '正式党员',
    gender: '男',
    phone: null,
    joinedPartyAt: null,
    partyGroupId: 'g1',
    partyGroupName: '第一党小组',
    position: null,
    roles: ['member'],
    bound: true,
    active,
  };
}
const ROSTER = [person('m-2', '李秀英'), person('m-3', '张伟'), person('m-4', '刘芳'), person('m-9', '已调出', false)];

function serve() {
  return mockFetch(({ url, body }) => {
    const { action, data } = body as { action: string; data: Record<string, unknown> };
    const key = `${url.replace('/api/fn/', '')}.${action}`;
    if (key === 'org.branch') return { body: { ok: true, data: branch } };
    if (key === 'member.list') {
      const keyword = (data.keyword as string | undefined) ?? '';
      const items = ROSTER.filter((m) => m.name.includes(keyword));
      return { body: { ok: true, data: { items, total: items.length } } };
    }
    if (key === 'org.branches') {
      const items = [
        branch,
        { ...branch, branchId: 'b-2', name: '实验小学党支部', memberCount: 12 },
        { ...branch, branchId: 'b-3', name: '已撤销支部', active: false },
      ];
      return { body: { ok: true, data: { items, total: items.length } } };
    }
    return { body: { ok: false, code: 'NOT_FOUND', message: `unexpected ${key}` } };
  });
}

/** The chooser as a form holds it, with the value shown for the test to read. */
function Host({ kinds, start }: { kinds: readonly AudienceKind[]; start?: AudienceValue }) {
  const [value, setValue] = useState<AudienceValue>(start ?? audienceValue(null));
  return (
    <>
      <AudienceChooser
        title="发送给"
        kinds={kinds}
        value={value}
        onChange={setValue}
        branchId="b-1"
        memberTitle="选择接收的党员"
      />
      <output data-testid="value">
        {JSON.stringify({ audience: audienceOf(value), problem: audienceProblem(value), value })}
      </output>
    </>
  );
}

const shown = () =>
  JSON.parse(screen.getByTestId('value').textContent ?? '{}') as {
    audience: unknown;
    problem: string | null;
    value: AudienceValue;
  };

const memberLists = (sent: SentRequest[]) =>
  sent
    .filter((r) => (r.body as { action: string }).action === 'list')
    .map((r) => (r.body as { data: Record<string, unknown> }).data);

beforeEach(() => setToken('tok-wang'));

/** The chooser loads the branch's party groups as it mounts; a test that ends sooner lets it land. */
const partyGroupsLoaded = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

describe('the audience chooser', () => {
  it('offers a branch’s four choices, the whole branch first', async () => {
    serve();
    render(<Host kinds={BRANCH_KINDS} />);
    for (const label of ['本支部全体党员', '支部委员会', '一个党小组', '指定党员'])
      expect(screen.getByRole('radio', { name: label })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '本支部全体党员' })).toHaveAttribute('aria-checked', 'true');
    expect(shown()).toMatchObject({ audience: { kind: 'branch' }, problem: null });
    fireEvent.click(screen.getByRole('radio', { name: '支部委员会' }));
    expect(shown().audience).toEqual({ kind: 'committee' });
    await partyGroupsLoaded();
  });

  it('asks for a party group and takes the one tapped', async () => {
    serve();
    render(<Host kinds={BRANCH_KINDS} />);
    fireEvent.click(screen.getByRole('radio', { name: '一个党小组' }));
    expect(shown()).toMatchObject({ audience: null, problem: '请选择党小组' });
    fireEvent.click(await screen.findByRole('radio', { name: '第二党小组' }));
    expect(shown()).toMatchObject({ audience: { kind: 'group', partyGroupId: 'g2' }, problem: null });
  });

  it('picks chosen members from the roster, searching by name, and shows them on the row', async () => {
    const { sent } = serve();
    render(<Host kinds={BRANCH_KINDS} />);
    fireEvent.click(screen.getByRole('radio', { name: '指定党员' }));
    // The roster opens at once; people who left are not offered.
    expect(await screen.findByText('选择接收的党员')).toBeInTheDocument();
    expect(await screen.findByRole('checkbox', { name: '李秀英' })).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: '已调出' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: '确定' })).toBeDisabled();
    fireEvent.click(screen.getByRole('checkbox', { name: '李秀英' }));

    jest.useFakeTimers();
    fireEvent.change(screen.getByLabelText('搜索姓名'), { target: { value: '张' } });
    await act(async () => {
      jest.advanceTimersByTime(500);
    });
    jest.useRealTimers();
    await waitFor(() => expect(screen.queryByRole('checkbox', { name: '刘芳' })).not.toBeInTheDocument());
    expect(memberLists(sent).at(-1)).toMatchObject({ keyword: '张' });
    fireEvent.click(screen.getByRole('checkbox', { name: '张伟' }));
    fireEvent.click(screen.getByRole('button', { name: '确定（2）' }));

    expect(screen.queryByText('选择接收的党员')).not.toBeInTheDocument();
    expect(shown()).toMatchObject({ audience: { kind: 'members', memberIds: ['m-2', 'm-3'] }, problem: null });
    expect(screen.getByText('李秀英、张伟 ›')).toBeInTheDocument();
  });

  it('keeps the earlier choice when the picker is cancelled, and says a member list is still to choose', async () => {
    serve();
    render(<Host kinds={BRANCH_KINDS} />);
    fireEvent.click(screen.getByRole('radio', { name: '指定党员' }));
    fireEvent.click(await screen.findByRole('checkbox', { name: '刘芳' }));
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    expect(shown()).toMatchObject({ audience: null, problem: '请选择党员' });
    expect(screen.getByText('请选择 ›')).toBeInTheDocument();
  });

  it('names members of a record being edited by count until their names are known', async () => {
    serve();
    render(<Host kinds={BRANCH_KINDS} start={audienceValue({ kind: 'members', memberIds: ['m-2', 'm-3'] })} />);
    expect(screen.getByText('已选 2 人 ›')).toBeInTheDocument();
    await partyGroupsLoaded();
  });

  it('gives a bureau admin every branch or chosen branches, active ones only', async () => {
    serve();
    render(<Host kinds={BUREAU_KINDS} start={{ ...audienceValue(null), kind: 'allBranches' }} />);
    expect(screen.getByRole('radio', { name: '全部支部' })).toHaveAttribute('aria-checked', 'true');
    expect(shown().audience).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: '指定支部' }));
    expect(await screen.findByRole('checkbox', { name: '实验小学党支部' })).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: '已撤销支部' })).not.toBeInTheDocument();
    // Branches are few: the search filters what is loaded.
    fireEvent.change(screen.getByLabelText('搜索支部名称'), { target: { value: '实验' } });
    expect(screen.queryByRole('checkbox', { name: '城关第一中学党支部' })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('checkbox', { name: '实验小学党支部' }));
    fireEvent.click(screen.getByRole('button', { name: '确定（1）' }));
    expect(shown().value).toMatchObject({ kind: 'branches', branchIds: ['b-2'] });
    expect(shown().problem).toBeNull();
    expect(screen.getByText('实验小学党支部 ›')).toBeInTheDocument();
  });

  it('says when the branch has no party groups', async () => {
    mockFetch(({ body }) => {
      const { action } = body as { action: string };
      return {
        body: { ok: true, data: action === 'branch' ? { ...branch, partyGroups: [] } : { items: [], total: 0 } },
      };
    });
    render(<Host kinds={BRANCH_KINDS} />);
    expect(await screen.findByText('本支部未设党小组')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('radio', { name: /一个党小组/ }));
    expect(shown().value.kind).toBe('branch');
  });
});
