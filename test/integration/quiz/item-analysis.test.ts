/**
 * Item analysis on a designed data set. Four single-choice questions, every paper holds all four
 * (25 points each), and 20 members answer in four patterns of five:
 *
 *   pattern      Q1 Q2 Q3 Q4   score
 *   A (×5)        ✓  ✓  ✓  ✓    100
 *   B (×5)        ✓  ✓  ✓  ✗     75
 *   C (×5)        ✗  ✓  ✗  ✓     50
 *   D (×5)        ✗  ✗  ✗  ✓     25
 *
 * Top and bottom 27 % are 5.4 attempts: all of A plus 0.4 of B, all of D plus 0.4 of C. So
 * Q1: facility 0.5, discrimination 1. Q2: 0.75, 1 − 0.4/5.4 = 0.926. Q4: 0.75, 5/5.4 − 1 = −0.074,
 * flagged as dubious. Wrong answers to Q1 pick 错误甲 seven times and 错误乙 three.
 */
import type { QuizStats } from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { aBranchOf } from '../../support/factories';
import { startTestRuntime } from '../../support/runtime';
import { quizFixture, type KnownQuestion } from './quiz-fixture';

let runtime: LocalRuntime;
let fx: ReturnType<typeof quizFixture>;

beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = quizFixture(runtime);
});
afterAll(() => runtime.close());

const question = (i: number): KnownQuestion => ({
  type: 'single',
  stem: `分析题${i}：下列说法正确的是`,
  options: [`正确${i}`, '错误甲', '错误乙', '错误丙'],
  answer: [0],
  explanation: `分析题${i}解析`,
});

const PATTERNS = [
  [true, true, true, true],
  [true, true, true, false],
  [false, true, false, true],
  [false, false, false, true],
];

test('facility, discrimination, the most-chosen wrong option and the dubious flag match the design', async () => {
  const { secretary, members } = await aBranchOf(20, '试题分析学校党支部');
  const sec = secretary.openid!;
  const bank = [1, 2, 3, 4].map(question);
  const { bankId } = fx.must(
    await fx.call<{ bankId: string }>(sec, 'quiz', 'createBank', { name: '分析题库' }),
    'bank',
  );
  for (const q of bank) fx.must(await fx.call(sec, 'quiz', 'createQuestion', { bankId, ...q }), 'question');
  const now = Date.now();
  const { quizId } = fx.must(
    await fx.call<{ quizId: string }>(sec, 'quiz', 'create', {
      title: '试题分析',
      audience: { kind: 'members', memberIds: members.map((m) => m._id) },
      openAt: new Date(now - 60_000).toISOString(),
      closeAt: new Date(now + 86_400_000).toISOString(),
      draw: { count: 4, bankIds: [bankId] },
      passScore: 60,
      timeLimitMinutes: 30,
      maxAttempts: 1,
    }),
    'create',
  );

  let wrongQ1 = 0;
  for (const [i, m] of members.entries()) {
    const pattern = PATTERNS[Math.floor(i / 5)]!;
    const attempt = await fx.start(m.openid!, quizId);
    const answers: Record<string, number[]> = {};
    for (const q of attempt.questions) {
      const n = Number(/分析题(\d)/.exec(q.stem)![1]);
      let text = `正确${n}`;
      if (!pattern[n - 1]) text = n === 1 ? (wrongQ1++ < 7 ? '错误甲' : '错误乙') : '错误丙';
      answers[q.questionId] = [q.options.indexOf(text)];
    }
    fx.must(await fx.call(m.openid!, 'quiz', 'submit', { attemptId: attempt.attemptId, answers }), 'submit');
  }

  runtime.seam.reset();
  const stats = fx.must(await fx.call<QuizStats>(sec, 'quiz', 'stats', { quizId }), 'stats');
  // Read from the per-quiz aggregate, not from the 20 attempts.
  expect(runtime.seam.calls).toBeLessThanOrEqual(6);
  expect(runtime.seam.byAction['database.aggregateDocuments'] ?? 0).toBe(0);
  expect(stats).toMatchObject({ expected: 20, taken: 20, passed: 10, passRate: 0.5, average: 62.5, attempts: 20 });
  expect(stats.histogram).toEqual([0, 0, 5, 0, 0, 5, 0, 5, 0, 5]);

  const byStem = (n: number) => stats.questions.find((q) => q.stem.startsWith(`分析题${n}`))!;
  expect(byStem(1)).toMatchObject({
    responses: 20,
    facility: 0.5,
    discrimination: 1,
    commonWrong: '错误甲',
    commonWrongCount: 7,
    dubious: false,
  });
  expect(byStem(2)).toMatchObject({ facility: 0.75, discrimination: 0.926, commonWrong: '错误丙', dubious: false });
  expect(byStem(3)).toMatchObject({ facility: 0.5, discrimination: 1, dubious: false });
  expect(byStem(4)).toMatchObject({ facility: 0.75, discrimination: -0.074, dubious: true });
  expect(byStem(4).dubiousReason).toMatch(/区分度/);
  // Dubious questions come first.
  expect(stats.questions[0]!.stem).toMatch(/^分析题4/);
  // Counts and rates only: no member, no score of a person, anywhere in the answer.
  const text = JSON.stringify(stats);
  for (const m of members) expect(text).not.toContain(m._id);
  expect(text).not.toContain('党员1');
}, 60_000);
