/**
 * Item analysis that no document size limits: a quiz whose attempts draw 2,000 distinct questions
 * (more than the old per-quiz map could hold in 512 KB) submits within six operations, and the
 * analysis equals a naive recomputation from the attempts before, during and after folding.
 */
import { COLLECTIONS, type PaperEntry, type QuizItemDoc, type QuizStats, type QuizStatsDoc } from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { foldQuizItems, UNFOLDED } from '../../../cloudfunctions/core/quiz/item-fold';
import { aBranchOf } from '../../support/factories';
import { startTestRuntime } from '../../support/runtime';
import { designedQuestions, keyAsShown, quizFixture } from './quiz-fixture';
import { asRead, db, naive, submittedAttempts } from './item-naive';

let runtime: LocalRuntime;
let fx: ReturnType<typeof quizFixture>;

beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = quizFixture(runtime);
});
afterAll(() => runtime.close());

const GENERATED = 2000;
const PAPER = 100;

/** A generated question of the big bank: single choice, key 0, four options. */
const genId = (i: number) => `genq${String(i).padStart(5, '0')}`;

function generatedPaper(first: number): PaperEntry[] {
  return Array.from({ length: PAPER }, (_, j) => {
    const i = first + j;
    const order = [(i + 0) % 4, (i + 1) % 4, (i + 2) % 4, (i + 3) % 4];
    return {
      questionId: genId(i),
      type: 'single',
      stem: `生成题${i}`,
      options: order.map((o) => `生成题${i}选项${o}`),
      order,
      answer: [order.indexOf(0)],
      explanation: '',
      points: 100,
    };
  });
}

test('2,000 distinct questions: submit stays within six operations and the analysis stays exact', async () => {
  const { secretary, members } = await aBranchOf(2, '大题库测试学校党支部');
  const sec = secretary.openid!;
  const small = designedQuestions(5, '小');
  const { bankId } = await fx.bank(sec, small, '小题库');
  const now = new Date();
  await db()
    .collection(COLLECTIONS.quizQuestions)
    .add({
      data: Array.from({ length: GENERATED }, (_, i) => ({
        _id: genId(i),
        bankId: 'qb_generated',
        type: 'single',
        stem: `生成题${i}`,
        options: [0, 1, 2, 3].map((o) => `生成题${i}选项${o}`),
        answer: [0],
        explanation: '',
        tags: [],
        difficulty: 1,
        retired: false,
        createdAt: now,
      })),
    });
  const quizId = await fx.quiz(sec, bankId, {
    audience: { kind: 'members', memberIds: members.map((m) => m._id) },
    draw: { count: 5, bankIds: [bankId] },
    maxAttempts: 10,
  });

  // Each member sits ten attempts; each paper is replaced by 100 generated questions, so the two
  // members draw 2,000 distinct questions. The answers vary with the member, attempt and question.
  let attempts = 0;
  const sit = async (m: number, n: number) => {
    const openid = members[m]!.openid!;
    const attempt = await fx.start(openid, quizId);
    const paper = generatedPaper((m * 10 + n) * PAPER);
    await db()
      .collection(COLLECTIONS.quizAttempts)
      .doc(attempt.attemptId)
      .update({
        data: {
          paper: db().command.set(paper),
          limits: db().command.set(Object.fromEntries(paper.map((q) => [q.questionId, { n: 4, m: 1 }]))),
        },
      });
    const answers = Object.fromEntries(
      paper.map((q, j) => [q.questionId, (j * 7 + n * 3 + m) % 5 < 3 ? q.answer : [(q.answer[0]! + 1 + (j % 3)) % 4]]),
    );
    runtime.seam.reset();
    fx.must(await fx.call(openid, 'quiz', 'submit', { attemptId: attempt.attemptId, answers }), 'submit');
    expect(runtime.seam.calls).toBeLessThanOrEqual(6);
    attempts += 1;
  };
  for (let n = 0; n < 5; n++) for (let m = 0; m < 2; m++) await sit(m, n);

  const read = async () => fx.must(await fx.call<QuizStats>(sec, 'quiz', 'stats', { quizId }), 'stats');
  let stats = await read();
  expect(stats.questions).toHaveLength(1000);
  expect(asRead(stats)).toEqual(await naive(quizId));

  // Half folded, half still in the attempts.
  expect(await foldQuizItems(quizId)).toBe(attempts);
  for (let n = 5; n < 10; n++) for (let m = 0; m < 2; m++) await sit(m, n);
  stats = await read();
  expect(stats.questions).toHaveLength(GENERATED);
  expect(stats.attempts).toBe(20);
  expect(asRead(stats)).toEqual(await naive(quizId));
  // Stems come from the bank past the first thousand questions too.
  expect(stats.questions.every((q) => q.stem.startsWith('生成题'))).toBe(true);

  expect(await foldQuizItems(quizId)).toBe(10);
  expect(await foldQuizItems(quizId)).toBe(0);
  stats = await read();
  expect(asRead(stats)).toEqual(await naive(quizId));
  const folded = await submittedAttempts(quizId);
  expect(folded.every((a) => a.foldSeq !== UNFOLDED && a.foldSeq! > 0)).toBe(true);
  const { total } = (await db().collection(COLLECTIONS.quizItems).where({ quizId }).count()) as unknown as {
    total: number;
  };
  expect(total).toBe(GENERATED);

  // The statistics document stays small: counts per branch and no per-question data.
  const doc = (await db().collection(COLLECTIONS.quizStats).doc(quizId).get()) as unknown as { data: QuizStatsDoc };
  expect(doc.data.items ?? {}).toEqual({});
  expect(JSON.stringify(doc.data).length).toBeLessThan(4000);
  expect(doc.data).toMatchObject({ foldDone: 2, fold: null });
}, 120_000);

test('a fold stopped midway is finished by the next, and reads meanwhile stay exact', async () => {
  const { secretary, members } = await aBranchOf(6, '中断折叠测试学校党支部');
  const sec = secretary.openid!;
  const bank = designedQuestions(6, '断');
  const { bankId } = await fx.bank(sec, bank, '中断题库');
  const quizId = await fx.quiz(sec, bankId, {
    audience: { kind: 'members', memberIds: members.map((m) => m._id) },
    draw: { count: 4, bankIds: [bankId] },
  });
  for (const [i, m] of members.entries()) {
    const attempt = await fx.start(m.openid!, quizId);
    const answers = Object.fromEntries(
      attempt.questions.map((q, j) => [q.questionId, (i + j) % 3 ? keyAsShown(bank, q) : [0]]),
    );
    fx.must(await fx.call(m.openid!, 'quiz', 'submit', { attemptId: attempt.attemptId, answers }), 'submit');
  }
  const expected = await naive(quizId);
  const read = async () => asRead(fx.must(await fx.call<QuizStats>(sec, 'quiz', 'stats', { quizId }), 'stats'));

  // Batch 1 of four attempts fixed in the statistics document and two of them claimed, then the
  // run stopped: nothing added yet.
  expect(await foldQuizItems(quizId, Date.now() + 30_000, 2)).toBe(6); // three batches of two
  const rest = await submittedAttempts(quizId);
  await db()
    .collection(COLLECTIONS.quizAttempts)
    .where({ quizId })
    .update({ data: { foldSeq: UNFOLDED } });
  await db().collection(COLLECTIONS.quizItems).where({ quizId }).remove();
  await db()
    .collection(COLLECTIONS.quizStats)
    .doc(quizId)
    .update({
      data: { foldDone: 0, fold: db().command.set({ seq: 1, attempts: rest.slice(0, 4).map((a) => a._id) }) },
    });
  for (const a of rest.slice(0, 2))
    await db()
      .collection(COLLECTIONS.quizAttempts)
      .doc(a._id)
      .update({ data: { foldSeq: 1 } });
  expect(await read()).toEqual(expected);

  // The next run finishes batch 1 (claiming the other two), then folds the rest.
  expect(await foldQuizItems(quizId)).toBe(6);
  expect(await read()).toEqual(expected);
  const items = (await db().collection(COLLECTIONS.quizItems).where({ quizId }).get()) as unknown as {
    data: QuizItemDoc[];
  };
  const sum = items.data.reduce((s, d) => s + d.n, 0);
  expect(sum).toBe(6 * 4);
});
