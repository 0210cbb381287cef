import type { AttemptResult, QuizAttempt, QuizStats, QuizSummary } from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { expectRefused } from '../../support/fixture';
import { startTestRuntime } from '../../support/runtime';
import { designedQuestions, keyAsShown, quizFixture } from './quiz-fixture';

let runtime: LocalRuntime;
let fx: ReturnType<typeof quizFixture>;
const bankQuestions = designedQuestions(12);
let bankId: string;

beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = quizFixture(runtime);
  ({ bankId } = await fx.bank('secretaryA', bankQuestions));
});
afterAll(() => runtime.close());

test('a member starts, answers as they go, resumes the same paper, submits and is scored by the server', async () => {
  const quizId = await fx.quiz('secretaryA', bankId, { draw: { count: 6, bankIds: [bankId] } });
  const list = fx.must(await fx.call<{ items: QuizSummary[] }>('memberA', 'quiz', 'list', { scope: 'open' }), 'list');
  expect(list.items.find((q) => q.quizId === quizId)).toMatchObject({ state: 'todo', attemptsUsed: 0, score: null });

  const attempt = await fx.start('memberA', quizId);
  expect(attempt.attemptId).toBe(`${quizId}_b-qhyz-04_1`);
  expect(attempt.questions).toHaveLength(6);
  expect(new Set(attempt.questions.map((q) => q.questionId)).size).toBe(6);
  const deadline = Date.parse(attempt.deadline) - Date.parse(attempt.serverTime);
  expect(deadline).toBeGreaterThan(19 * 60_000);
  expect(deadline).toBeLessThanOrEqual(20 * 60_000);

  // Answer all but the last one correctly, saving as we go.
  const [last, ...rest] = [...attempt.questions].reverse();
  for (const q of rest) {
    fx.must(
      await fx.call('memberA', 'quiz', 'answer', {
        attemptId: attempt.attemptId,
        questionId: q.questionId,
        choice: keyAsShown(bankQuestions, q),
      }),
      'answer',
    );
  }
  const wrongChoice = keyAsShown(bankQuestions, last!)[0] === 0 ? [1] : [0];
  fx.must(
    await fx.call('memberA', 'quiz', 'answer', {
      attemptId: attempt.attemptId,
      questionId: last!.questionId,
      choice: wrongChoice,
    }),
    'answer',
  );

  const resumed = await fx.start('memberA', quizId);
  expect(resumed.attemptId).toBe(attempt.attemptId);
  expect(resumed.questions).toEqual(attempt.questions);
  expect(Object.keys(resumed.saved)).toHaveLength(6);

  const result = fx.must(
    await fx.call<AttemptResult>('memberA', 'quiz', 'submit', { attemptId: attempt.attemptId }),
    'submit',
  );
  expect(result.correctCount).toBe(5);
  expect(result.score).toBeGreaterThan(80);
  expect(result.score).toBeLessThan(100);
  expect(result.passed).toBe(true);
  expect(result.review).toHaveLength(1);
  expect(result.review![0]).toMatchObject({
    questionId: last!.questionId,
    correct: false,
    chosen: wrongChoice,
    answer: keyAsShown(bankQuestions, last!),
  });
  expect(result.review![0]!.explanation).toContain('的解析');

  // Submitting twice answers the same result and counts once.
  const again = fx.must(
    await fx.call<AttemptResult>('memberA', 'quiz', 'submit', { attemptId: attempt.attemptId }),
    'submit',
  );
  expect(again.score).toBe(result.score);
  const stats = fx.must(await fx.call<QuizStats>('secretaryA', 'quiz', 'stats', { quizId }), 'stats');
  expect(stats).toMatchObject({ taken: 1, passed: 1, attempts: 1 });
  expect(stats.histogram.reduce((a, b) => a + b, 0)).toBe(1);
  expect(stats.questions).toHaveLength(6);

  const book = fx.must(
    await fx.call<{ items: { questionId: string; wrongTimes: number }[]; total: number }>(
      'memberA',
      'quiz',
      'wrongBook',
      { page: 1, pageSize: 20 },
    ),
    'wrongBook',
  );
  expect(book.total).toBe(1);
  expect(book.items[0]).toMatchObject({ questionId: last!.questionId, wrongTimes: 1 });
});

test('database operations: start ≤ 6, answer ≤ 2, submit ≤ 6, the member list ≤ 3', async () => {
  const quizId = await fx.quiz('secretaryA', bankId, {
    draw: { count: 6, bankIds: [bankId], byType: { single: 2, multiple: 2 } },
  });
  runtime.seam.reset();
  const attempt = await fx.start('memberA', quizId);
  expect(runtime.seam.calls).toBeLessThanOrEqual(6);
  expect(attempt.questions.filter((q) => q.type === 'single')).toHaveLength(2);
  expect(attempt.questions.filter((q) => q.type === 'multiple')).toHaveLength(2);
  expect(attempt.questions.filter((q) => q.type === 'judge')).toHaveLength(2);

  runtime.seam.reset();
  await fx.start('memberA', quizId);
  expect(runtime.seam.calls).toBeLessThanOrEqual(6);

  runtime.seam.reset();
  fx.must(
    await fx.call('memberA', 'quiz', 'answer', {
      attemptId: attempt.attemptId,
      questionId: attempt.questions[0]!.questionId,
      choice: [0],
    }),
    'answer',
  );
  expect(runtime.seam.calls).toBeLessThanOrEqual(2);

  runtime.seam.reset();
  fx.must(await fx.call('memberA', 'quiz', 'submit', { attemptId: attempt.attemptId }), 'submit');
  expect(runtime.seam.calls).toBeLessThanOrEqual(6);

  runtime.seam.reset();
  fx.must(await fx.call('memberA', 'quiz', 'list', { scope: 'open' }), 'list');
  expect(runtime.seam.calls).toBeLessThanOrEqual(3);
  expect(runtime.indexWarnings).toEqual([]);
});

test('attempts are limited, and a quiz outside its window cannot be started', async () => {
  const quizId = await fx.quiz('secretaryA', bankId, { maxAttempts: 1 });
  const attempt = await fx.start('memberA', quizId);
  fx.must(await fx.call('memberA', 'quiz', 'submit', { attemptId: attempt.attemptId }), 'submit');
  expectRefused(await fx.call('memberA', 'quiz', 'start', { quizId }), 'FAILED_PRECONDITION');

  const later = await fx.quiz('secretaryA', bankId, {
    openAt: new Date(Date.now() + 3_600_000).toISOString(),
  });
  expectRefused(await fx.call('memberA', 'quiz', 'start', { quizId: later }), 'FAILED_PRECONDITION');
});

test('another member’s attempt is NOT_FOUND, and a member asking for statistics is FORBIDDEN', async () => {
  const quizId = await fx.quiz('secretaryA', bankId);
  const attempt: QuizAttempt = await fx.start('memberA', quizId);
  const q = attempt.questions[0]!;
  expectRefused(
    await fx.call('secretaryA', 'quiz', 'answer', {
      attemptId: attempt.attemptId,
      questionId: q.questionId,
      choice: [0],
    }),
    'NOT_FOUND',
  );
  expectRefused(await fx.call('secretaryA', 'quiz', 'submit', { attemptId: attempt.attemptId }), 'NOT_FOUND');
  expectRefused(await fx.call('secretaryA', 'quiz', 'result', { attemptId: attempt.attemptId }), 'NOT_FOUND');
  expectRefused(await fx.call('memberA', 'quiz', 'stats', { quizId }), 'FORBIDDEN');
  expectRefused(await fx.call('memberB', 'quiz', 'start', { quizId }), 'NOT_FOUND');
});
