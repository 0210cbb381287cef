import { fireEvent, render, screen } from '@testing-library/react';
import { formatLeft, HomeQuizCard, phoneDeadline, TakeQuiz } from '@/features/quiz';
import { mockFetch } from '../helpers';
import Taro from '../mocks/taro';

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

describe('参加测试', () => {
  const attempt = {
    attemptId: 'qz1_m-1_1',
    quizId: 'qz1',
    title: '党章知识测试',
    deadline: '2026-05-01T10:20:00Z',
    serverTime: '2026-05-01T10:10:00Z',
    questions: [
      { questionId: 'q1', type: 'single', stem: '第一题题干', options: ['甲', '乙'] },
      { questionId: 'q2', type: 'multiple', stem: '第二题题干', options: ['子', '丑', '寅'] },
    ],
    saved: { q1: [1] },
  };
  const detail = (state: string) => ({
    quizId: 'qz1',
    title: '党章知识测试',
    openAt: '2026-05-01T00:00:00Z',
    closeAt: '2026-05-08T10:00:00Z',
    timeLimitMinutes: 10,
    questionCount: 2,
    passScore: 60,
    maxAttempts: 1,
    attemptsUsed: state === 'todo' ? 0 : 1,
    score: null,
    state,
    openAttemptId: state === 'in_progress' ? 'qz1_m-1_1' : null,
    lastAttemptId: null,
    countRule: 'best',
    multipleRule: 'all',
    showExplanations: true,
    serverTime: '2026-05-01T10:10:00Z',
  });

  it('resumes an attempt in progress by itself, with the saved answers and the time the server gives', async () => {
    const { sent } = mockFetch((request) => {
      const action = (request.body as { action: string }).action;
      if (action === 'get') return { body: { ok: true, data: detail('in_progress') } };
      if (action === 'start') return { body: { ok: true, data: attempt } };
      if (action === 'answer') return { body: { ok: true, data: { savedAt: 'x', serverTime: 'y' } } };
      return { body: { ok: true, data: { attemptId: 'qz1_m-1_1' } } };
    });
    render(<TakeQuiz quizId="qz1" />);
    expect(await screen.findByText('第一题题干')).toBeInTheDocument();
    expect(screen.getByText(/剩余 (10:00|09:5\d)/)).toBeInTheDocument();
    const options = screen.getAllByRole('radio');
    expect(options[1]).toHaveAttribute('aria-checked', 'true');
    // Two picks on the multiple-choice question: each saved as it is made.
    fireEvent.click(screen.getByText('子'));
    fireEvent.click(screen.getByText('寅'));
    expect(await screen.findByText('答案已自动保存')).toBeInTheDocument();
    const answers = sent.filter((r) => (r.body as { action: string }).action === 'answer');
    expect(answers.at(-1)!.body).toMatchObject({ data: { attemptId: 'qz1_m-1_1', questionId: 'q2', choice: [0, 2] } });

    fireEvent.click(screen.getByText('交卷'));
    await screen.findByText('交卷');
    await new Promise((resolve) => setTimeout(resolve, 0));
    const submit = sent.find((r) => (r.body as { action: string }).action === 'submit');
    expect(submit?.body).toMatchObject({ data: { attemptId: 'qz1_m-1_1', answers: { q1: [1], q2: [0, 2] } } });
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/quiz/result/index?attemptId=qz1_m-1_1' });
  });
});
