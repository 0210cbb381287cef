import { fireEvent, render, screen, within } from '@testing-library/react';
import type { CandidateItem, DueItem } from '@zhibu/types';
import { HomeDevelopmentCard, HomeSponsorCard } from '@/features/development';
import { setToken } from '@/services/token';
import { mockFetch } from '../../helpers';
import Taro, { taroMock } from '../../mocks/taro';

const DAY = 86_400_000;
/** A Beijing date `days` from now. */
const inDays = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * DAY).toISOString().slice(0, 10);

const due = (name: string, label: string, days: number, extra: Partial<DueItem> = {}): DueItem => ({
  candidateId: `d_${name}`,
  name,
  branchId: 'b-1',
  step: 'politicalReview',
  label,
  dueBy: inDays(days),
  overdue: days < 0,
  ...extra,
});

beforeEach(() => {
  setToken('tok');
  taroMock.reset();
  jest.mocked(Taro.navigateTo).mockClear();
});

describe('首页 发展党员提醒', () => {
  it('lists the steps due soon with their dates and days left, overdue first, each opening the timeline', async () => {
    const { sent } = mockFetch(() => ({
      body: {
        ok: true,
        data: {
          items: [
            due('许国庆', '积极分子考察', -3, { step: 'activistReview' }),
            due('孙浩然', '政治审查', 10),
            due('孙浩然', '集中培训', 10, { step: 'training' }),
          ],
        },
      },
    }));
    render(<HomeDevelopmentCard />);
    const card = await screen.findByLabelText('发展党员提醒');
    expect(sent[0]!.body).toEqual({ action: 'due', data: {} });
    expect(within(card).getByText('1 项已逾期')).toBeInTheDocument();
    expect(within(card).getByText('3')).toBeInTheDocument();
    expect(within(card).getByText('许国庆 · 积极分子考察')).toBeInTheDocument();
    expect(within(card).getByText(`已逾期 · 应于 ${inDays(-3)} 前完成`)).toBeInTheDocument();
    expect(within(card).getAllByText(`${inDays(10)} 前完成 · 还剩 10 天`)).toHaveLength(2);
    fireEvent.click(within(card).getByText('孙浩然 · 政治审查'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: '/packages/development/timeline/index?id=d_%E5%AD%99%E6%B5%A9%E7%84%B6',
    });
    fireEvent.click(within(card).getByText('发展党员'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/development/list/index' });
  });

  it('is left out when nothing is due, and when the server refuses', async () => {
    for (const body of [
      { ok: true, data: { items: [] } },
      { ok: false, code: 'FORBIDDEN', message: '只有支部委员或局党委管理员可以进行此操作' },
    ]) {
      const { sent } = mockFetch(() => ({ body }));
      const { container, unmount } = render(<HomeDevelopmentCard />);
      await new Promise((r) => setTimeout(r, 20));
      expect(sent).toHaveLength(1);
      expect(container).toBeEmptyDOMElement();
      unmount();
    }
  });
});

describe('首页 我联系的入党积极分子', () => {
  const candidate = (name: string, stage: CandidateItem['stage']): CandidateItem => ({
    candidateId: `d_${name}`,
    memberId: name,
    name,
    branchId: 'b-1',
    stage,
    appliedAt: '2025-08-10',
    next: { step: 'activistReview', label: '积极分子考察', earliest: null, dueBy: inDays(20), overdue: false },
  });

  it('lists the open candidacies the member sponsors, each opening the timeline where the notes are written', async () => {
    const { sent } = mockFetch(() => ({
      body: { ok: true, data: { items: [candidate('孙浩然', '入党积极分子'), candidate('许国庆', '正式党员')] } },
    }));
    render(<HomeSponsorCard />);
    const card = await screen.findByLabelText('我联系的入党积极分子');
    expect(sent[0]!.body).toEqual({ action: 'sponsored', data: {} });
    expect(within(card).getByText('孙浩然 · 入党积极分子')).toBeInTheDocument();
    expect(within(card).getByText(`下一步：积极分子考察 · ${inDays(20)} 前完成`)).toBeInTheDocument();
    expect(within(card).queryByText(/许国庆/)).not.toBeInTheDocument();
    fireEvent.click(within(card).getByText('孙浩然 · 入党积极分子'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: '/packages/development/timeline/index?id=d_%E5%AD%99%E6%B5%A9%E7%84%B6',
    });
  });

  it('is left out for a member who sponsors nobody', async () => {
    const { sent } = mockFetch(() => ({ body: { ok: true, data: { items: [] } } }));
    const { container } = render(<HomeSponsorCard />);
    await new Promise((r) => setTimeout(r, 20));
    expect(sent).toHaveLength(1);
    expect(container).toBeEmptyDOMElement();
  });
});
