/**
 * Time is the server's: deadlines come from its clock, answers after the deadline and its grace
 * change nothing, and an attempt left open is scored from what was saved. The server's clock is
 * moved by shifting Date.now (the functions run in this process); the phone's clock never enters.
 */
import { COLLECTIONS, type AttemptResult, type QuizAttempt, type QuizAttemptDoc, type QuizStats } from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { closeAbandonedAttempts } from '../../../cloudfunctions/core/quiz/abandoned';
import { expectRefused } from '../../support/fixture';
import { startTestRuntime } from '../../support/runtime';
import { designedQuestions, keyAsShown, quizFixture, storedDoc } from './quiz-fixture';

let runtime: LocalRuntime;
let fx: ReturnType<typeof quizFixture>;
const bankQuestions = designedQuestions(6, '时');
let bankId: string;
let offset = 0;
const realNow = Date.now.bind(Date);

beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = quizFixture(runtime);
  ({ bankId } = await fx.bank('secretaryA', bankQuestions));
  jest.spyOn(Date, 'now').mockImplementation(() => realNow() + offset);
});
afterEach(() => {
  offset = 0;
});
afterAll(() => {
  jest.restoreAllMocks();
  runtime.close();
});

const minutes = (n: number) => n * 60_000;
const attemptDoc = async (id: string) => (await storedDoc<QuizAttemptDoc>(COLLECTIONS.quizAttempts, id))!;

async function answerAll(attempt: QuizAttempt, openid = 'memberA') {
  for (const q of attempt.questions) {
    fx.must(
      await fx.call(openid, 'quiz', 'answer', {
        attemptId: attempt.attemptId,
        questionId: q.questionId,
        choice: keyAsShown(bankQuestions, q),
      }),
      'answer',
    );
  }
}

test('the deadline is start plus the limit on the server clock, or the close time if earlier', async () => {
  const quizId = await fx.quiz('secretaryA', bankId, { timeLimitMinutes: 10 });
  offset = minutes(3); // the server's clock, not the phone's
  const attempt = await fx.start('memberA', quizId);
  expect(Date.parse(attempt.serverTime)).toBeGreaterThanOrEqual(realNow() + minutes(3) - 1000);
  expect(Date.parse(attempt.deadline) - Date.parse(attempt.serverTime)).toBe(minutes(10));

  offset = 0;
  const closing = await fx.quiz('secretaryA', bankId, {
    timeLimitMinutes: 60,
    closeAt: new Date(realNow() + minutes(5)).toISOString(),
  });
  const short = await fx.start('memberA', closing);
  const closeAt = realNow() + minutes(5);
  expect(Math.abs(Date.parse(short.deadline) - closeAt)).toBeLessThan(2000);
});

test('answers within the grace count; after deadline plus grace neither answers nor a submission change anything', async () => {
  const quizId = await fx.quiz('secretaryA', bankId, { timeLimitMinutes: 5, draw: { count: 4, bankIds: [bankId] } });
  const attempt = await fx.start('memberA', quizId);
  const [first, second, ...others] = attempt.questions;
  const right = (q: typeof first) => keyAsShown(bankQuestions, q!);
  fx.must(
    await fx.call('memberA', 'quiz', 'answer', {
      attemptId: attempt.attemptId,
      questionId: first!.questionId,
      choice: right(first),
    }),
    'a1',
  );

  offset = minutes(5) + 20_000; // past the deadline, inside the 30 s grace
  fx.must(
    await fx.call('memberA', 'quiz', 'answer', {
      attemptId: attempt.attemptId,
      questionId: second!.questionId,
      choice: right(second),
    }),
    'a2',
  );

  offset = minutes(5) + 31_000; // past the grace
  expectRefused(
    await fx.call('memberA', 'quiz', 'answer', {
      attemptId: attempt.attemptId,
      questionId: others[0]!.questionId,
      choice: right(others[0]),
    }),
    'FAILED_PRECONDITION',
  );
  const late = Object.fromEntries(others.map((q) => [q.questionId, right(q)]));
  const result = fx.must(
    await fx.call<AttemptResult>('memberA', 'quiz', 'submit', { attemptId: attempt.attemptId, answers: late }),
    'submit',
  );
  expect(result.correctCount).toBe(2);
  expect(result.closedByDeadline).toBe(true);
  const stored = await attemptDoc(attempt.attemptId);
  expect(Object.keys(stored.answers).sort()).toEqual([first!.questionId, second!.questionId].sort());
});

test('a submission inside the grace counts the answers it carries', async () => {
  const quizId = await fx.quiz('secretaryA', bankId, { timeLimitMinutes: 5, draw: { count: 3, bankIds: [bankId] } });
  const attempt = await fx.start('memberA', quizId);
  offset = minutes(5) + 25_000;
  const answers = Object.fromEntries(attempt.questions.map((q) => [q.questionId, keyAsShown(bankQuestions, q)]));
  const result = fx.must(
    await fx.call<AttemptResult>('memberA', 'quiz', 'submit', { attemptId: attempt.attemptId, answers }),
    'submit',
  );
  expect(result.score).toBe(100);
  expect(result.closedByDeadline).toBe(false);
});

test('an abandoned attempt is scored from its saved answers, on the next read or by the job', async () => {
  const quizId = await fx.quiz('secretaryA', bankId, { timeLimitMinutes: 5, draw: { count: 3, bankIds: [bankId] } });
  const byRead = await fx.start('memberA', quizId);
  await answerAll(byRead);
  const byJob = await fx.start('secretaryA', quizId);
  await answerAll(byJob, 'secretaryA');

  offset = minutes(6);
  const before = fx.must(await fx.call<QuizStats>('secretaryA', 'quiz', 'stats', { quizId }), 'stats');
  expect(before.taken).toBe(0);

  // The member comes back: the quiz page scores the attempt that was left open.
  const detail = fx.must(await fx.call<{ state: string; score: number }>('memberA', 'quiz', 'get', { quizId }), 'get');
  expect(detail).toMatchObject({ state: 'passed', score: 100 });
  const result = fx.must(
    await fx.call<AttemptResult>('memberA', 'quiz', 'result', { attemptId: byRead.attemptId }),
    'result',
  );
  expect(result).toMatchObject({ score: 100, closedByDeadline: true });

  // Nobody comes back for the other: the hourly job scores it.
  expect(await closeAbandonedAttempts(Date.now())).toBeGreaterThanOrEqual(1);
  expect((await attemptDoc(byJob.attemptId)).status).toBe('submitted');
  const after = fx.must(await fx.call<QuizStats>('secretaryA', 'quiz', 'stats', { quizId }), 'stats');
  expect(after).toMatchObject({ taken: 2, passed: 2, attempts: 2 });
  // Scored once: another job run or read changes nothing.
  await closeAbandonedAttempts(Date.now());
  fx.must(await fx.call('secretaryA', 'quiz', 'result', { attemptId: byJob.attemptId }), 'result');
  expect(fx.must(await fx.call<QuizStats>('secretaryA', 'quiz', 'stats', { quizId }), 'stats').attempts).toBe(2);
});

test('starting again after the time ran out scores the old attempt first, and the best result still counts', async () => {
  const quizId = await fx.quiz('secretaryA', bankId, {
    timeLimitMinutes: 5,
    maxAttempts: 2,
    countRule: 'best',
    draw: { count: 3, bankIds: [bankId] },
  });
  const first = await fx.start('memberA', quizId);
  await answerAll(first);
  offset = minutes(6); // past the deadline; the member opens the quiz and starts again
  const second = await fx.start('memberA', quizId);
  expect(second.attemptId).toBe(first.attemptId.replace(/_1$/, '_2'));
  expect(
    fx.must(await fx.call<AttemptResult>('memberA', 'quiz', 'result', { attemptId: first.attemptId }), 'r1').score,
  ).toBe(100);
  const worse = fx.must(
    await fx.call<AttemptResult>('memberA', 'quiz', 'submit', { attemptId: second.attemptId }),
    'submit',
  );
  expect(worse.score).toBe(0);
  const detail = fx.must(await fx.call<{ score: number; state: string }>('memberA', 'quiz', 'get', { quizId }), 'get');
  expect(detail).toMatchObject({ score: 100, state: 'passed' });
  const stats = fx.must(await fx.call<QuizStats>('secretaryA', 'quiz', 'stats', { quizId }), 'stats');
  expect(stats).toMatchObject({ taken: 1, passed: 1, attempts: 2, average: 100 });
  expect(stats.histogram[9]).toBe(1);
  expect(stats.histogram.reduce((a, b) => a + b, 0)).toBe(1);
});
