import { render, screen } from '@testing-library/react';
import { formatLeft, HomeQuizCard, phoneDeadline } from '@/features/quiz';
import { mockFetch } from '../helpers';

describe('the countdown of an attempt', () => {
  it('runs on the server clock whatever the phone clock says', () => {
    // The phone is an hour fast: only the server's own difference counts.
    const receivedAt = Date.parse('2026-05-01T11:00:00Z');
    const deadline = phoneDeadline('2026-05-01T10:20:00Z', '2026-05-01T10:05:00Z', receivedAt);
    expect(deadline - receivedAt).toBe(15 * 60_000);
    expect(formatLeft(deadline - receivedAt)).toBe('15:00');
    expect(formatLeft(3_725_000)).toBe('1:02:05');
    expect(formatLeft(-5)).toBe('00:00');
  });
});

describe('首页 理论测试', () => {
  it('shows the open quizzes with their close time in Beijing time', async () => {
    const { sent } = mockFetch(() => ({
      body: {
        ok: true,
        data: {
          total: 1,
          items: [
            {
              quizId: 'qz1',
              title: '党章知识测试',
              openAt: '2026-05-01T00:00:00Z',
              closeAt: '2026-05-08T10:00:00Z',
              timeLimitMinutes: 20,
              questionCount: 10,
              passScore: 60,
              maxAttempts: 2,
              attemptsUsed: 0,
              score: null,
              state: 'todo',
              openAttemptId: null,
              lastAttemptId: null,
            },
          ],
        },
      },
    }));
    render(<HomeQuizCard />);
    expect(await screen.findByText('党章知识测试')).toBeInTheDocument();
    expect(screen.getByText('待完成')).toBeInTheDocument();
    expect(screen.getByText(/18:00 截止/)).toBeInTheDocument();
    expect(sent[0]).toMatchObject({ url: '/api/fn/quiz', body: { action: 'list', data: { scope: 'open' } } });
  });

  it('says so when there is nothing to take', async () => {
    mockFetch(() => ({ body: { ok: true, data: { items: [], total: 0 } } }));
    render(<HomeQuizCard />);
    expect(await screen.findByText('暂无进行中的测试')).toBeInTheDocument();
  });
});
