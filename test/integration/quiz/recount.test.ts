/** The recount rebuilds a closed quiz's counters from its seats, and leaves open quizzes alone. */
import cloud from 'wx-server-sdk';
import { COLLECTIONS, type BranchMonthDoc, type QuizDoc, type QuizStats } from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { recountClosedQuizzes } from '../../../cloudfunctions/core/quiz/recount';
import { DEMO, startTestRuntime } from '../../support/runtime';
import { designedQuestions, keyAsShown, quizFixture, storedDoc } from './quiz-fixture';

let runtime: LocalRuntime;
let fx: ReturnType<typeof quizFixture>;
const bank = designedQuestions(6, '重');
let offset = 0;
const realNow = Date.now.bind(Date);

beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = quizFixture(runtime);
  jest.spyOn(Date, 'now').mockImplementation(() => realNow() + offset);
});
afterAll(() => {
  jest.restoreAllMocks();
  runtime.close();
});

test('drift in a closed quiz is corrected and reported; an open quiz is not touched', async () => {
  const { bankId } = await fx.bank('secretaryA', bank);
  const closing = await fx.quiz('secretaryA', bankId, {
    closeAt: new Date(realNow() + 3_600_000).toISOString(),
    draw: { count: 3, bankIds: [bankId] },
  });
  const open = await fx.quiz('secretaryA', bankId, { draw: { count: 3, bankIds: [bankId] } });
  for (const quizId of [closing, open]) {
    const attempt = await fx.start('memberA', quizId);
    const answers = Object.fromEntries(attempt.questions.map((q) => [q.questionId, keyAsShown(bank, q)]));
    fx.must(await fx.call('memberA', 'quiz', 'submit', { attemptId: attempt.attemptId, answers }), 'submit');
  }
  const A = DEMO.secretaryA.branchId;
  const db = cloud.database();
  const quiz = (await storedDoc<QuizDoc>(COLLECTIONS.quizzes, closing))!;
  // A lost write: the statistics and the month counter miss the submission.
  for (const quizId of [closing, open])
    await db
      .collection(COLLECTIONS.quizStats)
      .doc(quizId)
      .update({ data: { [`branches.${A}.taken`]: 0, [`branches.${A}.passed`]: 0 } });
  await db
    .collection(COLLECTIONS.branchMonths)
    .doc(`${A}_${quiz.month}`)
    .update({ data: { [`quizzes.${closing}.taken`]: 0, quizTaken: db.command.inc(-1) } });

  offset = 2 * 3_600_000; // the first quiz has closed
  const first = await recountClosedQuizzes(Date.now());
  expect(first.drift.map((d) => [d.quizId, d.field])).toEqual(
    expect.arrayContaining([
      [closing, 'taken'],
      [closing, 'passed'],
      [closing, 'month'],
    ]),
  );
  expect(first.drift.every((d) => d.quizId === closing)).toBe(true);
  const fixed = fx.must(await fx.call<QuizStats>('secretaryA', 'quiz', 'stats', { quizId: closing }), 'stats');
  expect(fixed).toMatchObject({ taken: 1, passed: 1 });
  const month = (await storedDoc<BranchMonthDoc>(COLLECTIONS.branchMonths, `${A}_${quiz.month}`))!;
  expect(month.quizzes?.[closing]).toMatchObject({ taken: 1, passed: 1 });
  expect(month.quizTaken).toBe(2);
  // The open quiz keeps its (wrong) figures until it closes: submissions may still be landing.
  const untouched = fx.must(await fx.call<QuizStats>('secretaryA', 'quiz', 'stats', { quizId: open }), 'stats');
  expect(untouched.taken).toBe(0);

  expect((await recountClosedQuizzes(Date.now())).drift).toEqual([]);
});
