/** Item analysis folds racing submissions and reads, with database latency on. */
import { COLLECTIONS, type QuizItemDoc, type QuizStats } from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { foldQuizItems } from '../../../cloudfunctions/core/quiz/item-fold';
import { aBranchOf } from '../../support/factories';
import { startTestRuntime } from '../../support/runtime';
import { asRead, db, naive } from './item-naive';
import { designedQuestions, keyAsShown, quizFixture } from './quiz-fixture';

let runtime: LocalRuntime;
let fx: ReturnType<typeof quizFixture>;

beforeAll(async () => {
  runtime = await startTestRuntime({ dbLatencyMs: 3 });
  fx = quizFixture(runtime);
});
afterAll(() => runtime.close());

test('concurrent submits and concurrent folds lose and double nothing; every read is exact', async () => {
  const { secretary, members } = await aBranchOf(40, '并发折叠测试学校党支部');
  const sec = secretary.openid!;
  const bank = designedQuestions(12, '并');
  const { bankId } = await fx.bank(sec, bank, '并发题库');
  const quizId = await fx.quiz(sec, bankId, {
    audience: { kind: 'members', memberIds: members.map((m) => m._id) },
    draw: { count: 5, bankIds: [bankId] },
  });
  const started = await Promise.all(members.map((m) => fx.start(m.openid!, quizId)));
  const submitOne = (i: number) => {
    const attempt = started[i]!;
    const answers = Object.fromEntries(
      attempt.questions.map((q, j) => [q.questionId, (i * 3 + j) % 4 ? keyAsShown(bank, q) : [1]]),
    );
    return fx.call(members[i]!.openid!, 'quiz', 'submit', { attemptId: attempt.attemptId, answers });
  };
  // Submissions land while two folds run side by side, in small batches.
  let submitting = true;
  const folder = async () => {
    let n = 0;
    while (submitting) n += await foldQuizItems(quizId, Date.now() + 30_000, 3);
    return n + (await foldQuizItems(quizId, Date.now() + 30_000, 3));
  };
  const folders = [folder(), folder()];
  const results = await Promise.all(members.map((_m, i) => submitOne(i)));
  submitting = false;
  const foldedCounts = await Promise.all(folders);
  expect(results.every((r) => r.ok)).toBe(true);
  // Each batch closed once: the two runs together folded each attempt exactly once.
  expect(foldedCounts[0]! + foldedCounts[1]!).toBe(members.length);

  const expected = await naive(quizId);
  const totalResponses = Object.values(expected).reduce((s, q) => s + q.responses, 0);
  expect(totalResponses).toBe(members.length * 5);
  const items = (await db().collection(COLLECTIONS.quizItems).where({ quizId }).limit(100).get()) as unknown as {
    data: QuizItemDoc[];
  };
  expect(items.data.reduce((s, d) => s + d.n, 0)).toBe(members.length * 5);
  const stats = fx.must(await fx.call<QuizStats>(sec, 'quiz', 'stats', { quizId }), 'stats');
  expect(asRead(stats)).toEqual(expected);
  expect(stats).toMatchObject({ taken: members.length, attempts: members.length });
}, 120_000);

test('with every attempt in, reads taken while two folds run all equal the naive figures', async () => {
  const { secretary, members } = await aBranchOf(30, '读时折叠测试学校党支部');
  const sec = secretary.openid!;
  const bank = designedQuestions(9, '读');
  const { bankId } = await fx.bank(sec, bank, '读时题库');
  const quizId = await fx.quiz(sec, bankId, {
    audience: { kind: 'members', memberIds: members.map((m) => m._id) },
    draw: { count: 4, bankIds: [bankId] },
  });
  await Promise.all(
    members.map(async (m, i) => {
      const attempt = await fx.start(m.openid!, quizId);
      const answers = Object.fromEntries(
        attempt.questions.map((q, j) => [q.questionId, (i + j) % 3 ? keyAsShown(bank, q) : [1]]),
      );
      fx.must(await fx.call(m.openid!, 'quiz', 'submit', { attemptId: attempt.attemptId, answers }), 'submit');
    }),
  );
  const expected = await naive(quizId);
  let folding = true;
  const folds = Promise.all([
    foldQuizItems(quizId, Date.now() + 30_000, 4),
    foldQuizItems(quizId, Date.now() + 30_000, 4),
  ]).finally(() => (folding = false));
  const reads: Record<string, unknown>[] = [];
  while (folding) reads.push(asRead(fx.must(await fx.call<QuizStats>(sec, 'quiz', 'stats', { quizId }), 'stats')));
  const [a, b] = await folds;
  expect(a + b).toBe(members.length);
  expect(reads.length).toBeGreaterThan(1);
  for (const r of reads) expect(r).toEqual(expected);
}, 120_000);
