import { render, screen, waitFor } from '@testing-library/react';
import type { ReviewMine } from '@zhibu/types';
import { HomeReviewCard } from '@/features/review';
import { setToken } from '@/services/token';
import { mockFetch } from '../../helpers';

const review = {
  reviewId: 'rv_b-1_2026',
  branchId: 'b-1',
  branchName: '城关第一中学党支部',
  year: 2026,
  from: '2026-12-01',
  to: '2026-12-15',
  minSelfLength: 200,
  status: 'open' as const,
  rating: true,
  reviewed: 12,
  settings: { memberWeight: 50, committeeWeight: 50, excellentCap: 30 },
  publishedAt: null,
};

function answer(mine: ReviewMine) {
  return mockFetch((request) =>
    request.url === '/api/fn/review'
      ? { body: { ok: true, data: mine } }
      : { body: { ok: false, code: 'NOT_FOUND', message: '无' } },
  );
}

beforeEach(() => setToken('tok'));

describe('首页 card of 民主评议党员', () => {
  it('shows the 自评 still to write and how many the member has rated, to them', async () => {
    answer({ review, reviewed: true, selfText: null, rated: 3, toRate: 11 });
    render(<HomeReviewCard />);
    const card = await screen.findByLabelText('民主评议党员');
    expect(card).toHaveTextContent('撰写自评');
    expect(card).toHaveTextContent('已评 3 / 11 人');
    expect(card).toHaveTextContent('2026-12-15 截止');
  });

  it('is hidden once the member has written and rated, when rating is over, or for someone not reviewed', async () => {
    for (const mine of [
      { review, reviewed: true, selfText: '自评', rated: 11, toRate: 11 },
      { review: { ...review, rating: false }, reviewed: true, selfText: null, rated: 0, toRate: 11 },
      { review, reviewed: false, selfText: null, rated: 0, toRate: 0 },
      { review: null, reviewed: false, selfText: null, rated: 0, toRate: 0 },
    ]) {
      const { sent } = answer(mine);
      const { unmount } = render(<HomeReviewCard />);
      await waitFor(() => expect(sent).toHaveLength(1));
      await new Promise((r) => setTimeout(r, 0));
      expect(screen.queryByLabelText('民主评议党员')).not.toBeInTheDocument();
      unmount();
    }
  });
});
