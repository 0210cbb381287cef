/**
 * A bureau quiz to every branch: each branch's committee sees its own branch's figures and people,
 * the bureau compares branches (never people), and the audience is fixed at publication.
 */
import type { QuizStats } from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { aMember } from '../../support/factories';
import { expectRefused } from '../../support/fixture';
import { DEMO, startTestRuntime } from '../../support/runtime';
import { designedQuestions, keyAsShown, quizFixture } from './quiz-fixture';

let runtime: LocalRuntime;
let fx: ReturnType<typeof quizFixture>;
const bank = designedQuestions(9, '局');

beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = quizFixture(runtime);
});
afterAll(() => runtime.close());

test('a bureau quiz: branch figures for committees, branches side by side for the bureau, audience fixed', async () => {
  const { bankId } = await fx.bank('admin', bank, '局党委题库');
  const quizId = await fx.quiz('admin', bankId, { draw: { count: 4, bankIds: [bankId] } });

  // memberA answers everything right, memberB nothing.
  const a = await fx.start('memberA', quizId);
  const right = Object.fromEntries(a.questions.map((q) => [q.questionId, keyAsShown(bank, q)]));
  fx.must(await fx.call('memberA', 'quiz', 'submit', { attemptId: a.attemptId, answers: right }), 'submit A');
  const b = await fx.start('memberB', quizId);
  fx.must(await fx.call('memberB', 'quiz', 'submit', { attemptId: b.attemptId }), 'submit B');

  const all = fx.must(await fx.call<QuizStats>('admin', 'quiz', 'stats', { quizId }), 'stats');
  expect(all.branchId).toBeNull();
  expect(all).toMatchObject({ taken: 2, passed: 1, attempts: 2 });
  expect(all.branches.length).toBeGreaterThanOrEqual(5);
  const A = all.branches.find((x) => x.branchId === DEMO.secretaryA.branchId)!;
  const B = all.branches.find((x) => x.branchId === DEMO.secretaryB.branchId)!;
  expect(A).toMatchObject({ taken: 1, passed: 1, average: 100 });
  expect(B).toMatchObject({ taken: 1, passed: 0, average: 0 });
  expect(all.expected).toBe(all.branches.reduce((n, x) => n + x.expected, 0));

  const mine = fx.must(await fx.call<QuizStats>('secretaryA', 'quiz', 'stats', { quizId }), 'stats A');
  expect(mine).toMatchObject({ branchId: DEMO.secretaryA.branchId, taken: 1, passed: 1, expected: A.expected });
  expect(mine.branches.map((x) => x.branchId)).toEqual([DEMO.secretaryA.branchId]);
  expect(mine.histogram[9]).toBe(1);
  expect(mine.histogram[0]).toBe(0);
  const byAdmin = fx.must(
    await fx.call<QuizStats>('admin', 'quiz', 'stats', { quizId, branchId: DEMO.secretaryB.branchId }),
    'stats B',
  );
  expect(byAdmin).toMatchObject({ taken: 1, passed: 0 });

  const roster = fx.must(
    await fx.call<{ items: { memberId: string }[]; total: number }>('secretaryA', 'quiz', 'roster', {
      quizId,
      page: 1,
      pageSize: 50,
    }),
    'roster',
  );
  expect(roster.total).toBe(A.expected);
  expect(roster.items.every((i) => i.memberId.startsWith(`${DEMO.secretaryA.branchId}-`))).toBe(true);
  expectRefused(
    await fx.call('secretaryA', 'quiz', 'roster', { quizId, branchId: DEMO.secretaryB.branchId, page: 1, pageSize: 5 }),
    'NOT_FOUND',
  );

  // Someone bound to branch A after publication does not sit this quiz, and 应考 does not move.
  const late = await aMember(DEMO.secretaryA.branchId);
  expectRefused(await fx.call(late.openid!, 'quiz', 'start', { quizId }), 'NOT_FOUND');
  const listed = fx.must(
    await fx.call<{ items: { quizId: string }[] }>(late.openid!, 'quiz', 'list', { scope: 'open' }),
    'list',
  );
  expect(listed.items.map((i) => i.quizId)).not.toContain(quizId);
  const after = fx.must(await fx.call<QuizStats>('secretaryA', 'quiz', 'stats', { quizId }), 'stats');
  expect(after.expected).toBe(A.expected);
});

test('practice: two right answers in a row make a question 已掌握, and practice then leaves it out', async () => {
  const { bankId } = await fx.bank('secretaryA', bank, '练习题库');
  const quizId = await fx.quiz('secretaryA', bankId, { draw: { count: 2, bankIds: [bankId] }, maxAttempts: 1 });
  const attempt = await fx.start('memberA', quizId);
  const result = fx.must(
    await fx.call<{ correctCount: number }>('memberA', 'quiz', 'submit', { attemptId: attempt.attemptId }),
    'submit',
  );
  expect(result.correctCount).toBe(0);
  const wrongIds = attempt.questions.map((q) => q.questionId);
  const practice = fx.must(
    await fx.call<{ questions: { questionId: string; stem: string; options: string[] }[] }>(
      'memberA',
      'quiz',
      'practice',
      {
        count: 20,
      },
    ),
    'practice',
  );
  expect(practice.questions.map((q) => q.questionId)).toEqual(expect.arrayContaining(wrongIds));
  const target = practice.questions.find((q) => q.questionId === wrongIds[0])!;
  // Practice shows the question as written, so the key is in the written order.
  const key = bank.find((k) => k.stem === target.stem)!.answer;
  const wrongChoice = [key[0] === 0 ? 1 : 0];
  const answer = (choice: number[]) =>
    fx.call<{ correct: boolean; practiceStreak: number; mastered: boolean }>('memberA', 'quiz', 'practiceAnswer', {
      questionId: target.questionId,
      choice,
    });
  expect(fx.must(await answer(key), 'p1')).toMatchObject({ correct: true, practiceStreak: 1, mastered: false });
  expect(fx.must(await answer(wrongChoice), 'p2')).toMatchObject({
    correct: false,
    practiceStreak: 0,
    mastered: false,
  });
  expect(fx.must(await answer(key), 'p3')).toMatchObject({ correct: true, practiceStreak: 1, mastered: false });
  expect(fx.must(await answer(key), 'p4')).toMatchObject({ correct: true, practiceStreak: 2, mastered: true });

  const book = fx.must(
    await fx.call<{ items: { questionId: string; mastered: boolean; wrongTimes: number }[] }>(
      'memberA',
      'quiz',
      'wrongBook',
      {
        page: 1,
        pageSize: 50,
      },
    ),
    'book',
  );
  expect(book.items.find((i) => i.questionId === target.questionId)).toMatchObject({ mastered: true, wrongTimes: 1 });
  const again = fx.must(
    await fx.call<{ questions: { questionId: string }[] }>('memberA', 'quiz', 'practice', { count: 20 }),
    'practice again',
  );
  expect(again.questions.map((q) => q.questionId)).not.toContain(target.questionId);
  // Practice never counts: the quiz's statistics are as the one submission left them.
  const stats = fx.must(await fx.call<QuizStats>('secretaryA', 'quiz', 'stats', { quizId }), 'stats');
  expect(stats).toMatchObject({ taken: 1, passed: 0, attempts: 1 });
});
