/**
 * 300 members start and submit within a minute, with database latency on so requests interleave
 * between database calls as they do on CloudBase. Each member double-taps start and submit. The
 * attempt limit holds (one attempt each), and the counters are exact.
 */
import {
  COLLECTIONS,
  type AttemptResult,
  type BranchMonthDoc,
  type QuizAttempt,
  type QuizDoc,
  type QuizStats,
} from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { aBranchOf } from '../../support/factories';
import { countOf } from '../../support/fixture';
import { startTestRuntime } from '../../support/runtime';
import { designedQuestions, keyAsShown, quizFixture, storedDoc } from './quiz-fixture';

let runtime: LocalRuntime;
let fx: ReturnType<typeof quizFixture>;
const MEMBERS = 300;
const bank = designedQuestions(15, '并');

beforeAll(async () => {
  runtime = await startTestRuntime({ dbLatencyMs: 3 });
  fx = quizFixture(runtime);
});
afterAll(() => runtime.close());

test('300 members start and submit at once: one attempt each, counters exact, within a minute', async () => {
  const { secretary, members, branch } = await aBranchOf(MEMBERS, '并发测试学校党支部');
  const sec = secretary.openid!;
  const { bankId } = fx.must(
    await fx.call<{ bankId: string }>(sec, 'quiz', 'createBank', { name: '并发题库' }),
    'bank',
  );
  for (const q of bank) fx.must(await fx.call(sec, 'quiz', 'createQuestion', { bankId, ...q }), 'question');
  const now = Date.now();
  const { quizId } = fx.must(
    await fx.call<{ quizId: string }>(sec, 'quiz', 'create', {
      title: '并发测试',
      audience: { kind: 'members', memberIds: members.map((m) => m._id) },
      openAt: new Date(now - 60_000).toISOString(),
      closeAt: new Date(now + 86_400_000).toISOString(),
      draw: { count: 10, bankIds: [bankId] },
      passScore: 60,
      timeLimitMinutes: 30,
      maxAttempts: 1,
    }),
    'create',
  );

  const started = Date.now();
  // Even-numbered members answer everything right, odd ones nothing: 150 pass.
  const results = await Promise.all(
    members.map(async (m, i) => {
      const [a, b] = await Promise.all([fx.start(m.openid!, quizId), fx.start(m.openid!, quizId)]);
      expect(b.attemptId).toBe(a.attemptId);
      const answers =
        i % 2 === 0 ? Object.fromEntries(a.questions.map((q) => [q.questionId, keyAsShown(bank, q)])) : {};
      const [r1, r2] = await Promise.all([
        fx.call<AttemptResult>(m.openid!, 'quiz', 'submit', { attemptId: a.attemptId, answers }),
        fx.call<AttemptResult>(m.openid!, 'quiz', 'submit', { attemptId: a.attemptId, answers }),
      ]);
      const first = fx.must(r1, 'submit');
      expect(fx.must(r2, 'submit').score).toBe(first.score);
      return first;
    }),
  );
  expect(Date.now() - started).toBeLessThan(60_000);
  expect(results.filter((r) => r.score === 100)).toHaveLength(MEMBERS / 2);
  expect(results.filter((r) => r.score === 0)).toHaveLength(MEMBERS / 2);

  expect(await countOf(COLLECTIONS.quizAttempts, { quizId })).toBe(MEMBERS);
  expect(await countOf(COLLECTIONS.quizSeats, { quizId, attempts: 1, submitted: 1 })).toBe(MEMBERS);
  const stats = fx.must(await fx.call<QuizStats>(sec, 'quiz', 'stats', { quizId }), 'stats');
  expect(stats).toMatchObject({
    expected: MEMBERS,
    taken: MEMBERS,
    passed: MEMBERS / 2,
    attempts: MEMBERS,
    average: 50,
  });
  expect(stats.histogram[0]).toBe(MEMBERS / 2);
  expect(stats.histogram[9]).toBe(MEMBERS / 2);
  expect(stats.questions.reduce((a, q) => a + q.responses, 0)).toBe(MEMBERS * 10);

  const quiz = (await storedDoc<QuizDoc>(COLLECTIONS.quizzes, quizId))!;
  const month = (await storedDoc<BranchMonthDoc>(COLLECTIONS.branchMonths, `${branch._id}_${quiz.month}`))!;
  expect(month.quizzes?.[quizId]).toEqual({ expected: MEMBERS, taken: MEMBERS, passed: MEMBERS / 2 });
  expect(month).toMatchObject({ quizExpected: MEMBERS, quizTaken: MEMBERS, quizPassed: MEMBERS / 2 });

  // Any further start is refused: the one attempt allowed is used.
  const again = await fx.call<QuizAttempt>(members[0]!.openid!, 'quiz', 'start', { quizId });
  expect(again).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
}, 120_000);

test('two simultaneous starts with one attempt left make one attempt, not two', async () => {
  const { secretary, members } = await aBranchOf(20, '次数测试学校党支部');
  const sec = secretary.openid!;
  const { bankId } = fx.must(
    await fx.call<{ bankId: string }>(sec, 'quiz', 'createBank', { name: '次数题库' }),
    'bank',
  );
  for (const q of bank.slice(0, 6)) fx.must(await fx.call(sec, 'quiz', 'createQuestion', { bankId, ...q }), 'question');
  const now = Date.now();
  const { quizId } = fx.must(
    await fx.call<{ quizId: string }>(sec, 'quiz', 'create', {
      title: '次数测试',
      openAt: new Date(now - 60_000).toISOString(),
      closeAt: new Date(now + 86_400_000).toISOString(),
      draw: { count: 3, bankIds: [bankId] },
      passScore: 60,
      timeLimitMinutes: 30,
      maxAttempts: 2,
      countRule: 'last',
    }),
    'create',
  );
  await Promise.all(
    members.map(async (m) => {
      const first = await fx.start(m.openid!, quizId);
      fx.must(await fx.call(m.openid!, 'quiz', 'submit', { attemptId: first.attemptId }), 'submit');
      const racing = await Promise.all(
        [1, 2, 3].map(() => fx.call<QuizAttempt>(m.openid!, 'quiz', 'start', { quizId })),
      );
      const ids = new Set(racing.map((r) => fx.must(r, 'start').attemptId));
      expect([...ids]).toEqual([`${quizId}_${m._id}_2`]);
    }),
  );
  expect(await countOf(COLLECTIONS.quizAttempts, { quizId })).toBe(members.length * 2);
}, 60_000);
