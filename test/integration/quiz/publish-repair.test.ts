/**
 * A publication is several writes. One that fails midway must show members nothing and must not
 * stay half-done: the hourly job withdraws it (stopped before the quiz was published) or finishes
 * it (stopped after).
 */
import { COLLECTIONS, type BranchMonthDoc, type QuizDoc, type QuizSummary } from '@zhibu/types';
import { runHourly } from '../../../cloudfunctions/core/jobs/hourly';
import { getDoc, getDocs } from '../../../cloudfunctions/core/runtime/documents';
import { database } from '../../../cloudfunctions/core/runtime/cloud';
import { PUBLISH_STUCK_MS, repairPublications } from '../../../cloudfunctions/core/quiz/publish-repair';
import type { LocalRuntime } from '../../../emulator/runtime';
import { countOf, expectRefused } from '../../support/fixture';
import { DEMO, startTestRuntime } from '../../support/runtime';
import { designedQuestions, quizFixture } from './quiz-fixture';

let runtime: LocalRuntime;
let fx: ReturnType<typeof quizFixture>;
let bankId: string;

beforeAll(async () => {
  runtime = await startTestRuntime({ dbLatencyMs: 3 });
  fx = quizFixture(runtime);
  bankId = (await fx.bank('secretaryA', designedQuestions(6, '发布'), '发布题库')).bankId;
});
afterAll(() => runtime.close());
afterEach(() => jest.restoreAllMocks());

/** Makes the first database write of `action` on `collection` fail, as a lost connection would. */
function failOnce(action: string, collection: string) {
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  let failed = false;
  const handle = runtime.engine.handle.bind(runtime.engine);
  jest.spyOn(runtime.engine, 'handle').mockImplementation(async (a, data) => {
    const name = (data as { collectionName?: string } | undefined)?.collectionName;
    if (!failed && a === action && name === collection) {
      failed = true;
      throw new Error('network lost');
    }
    return handle(a, data);
  });
}

async function quizTitled(title: string): Promise<QuizDoc> {
  for (const status of ['publishing', 'published']) {
    const found = await getDocs<QuizDoc>(
      database().collection(COLLECTIONS.quizzes).where({ status }).orderBy('createdAt', 'asc').limit(100),
    );
    const quiz = found.find((q) => q.title === title);
    if (quiz) return quiz;
  }
  throw new Error(`no quiz ${title}`);
}

const openListOf = async (who: 'memberA' | 'secretaryA') =>
  fx
    .must(
      await fx.call<{ items: QuizSummary[] }>(who, 'quiz', 'list', { scope: 'open', page: 1, pageSize: 50 }),
      'list',
    )
    .items.map((q) => q.quizId);

/** 应考 in the member's own records this year. */
const myExpected = async () =>
  fx.must(
    await fx.call<{ quizzes: { expected: number } }>('memberA', 'stats', 'mine', {
      period: String(new Date(Date.now() + 8 * 3600_000).getUTCFullYear()),
    }),
    'mine',
  ).quizzes.expected;

const monthOf = (quiz: QuizDoc) =>
  getDoc<BranchMonthDoc>(COLLECTIONS.branchMonths, `${DEMO.secretaryA.branchId}_${quiz.month}`);

test('stopped before it was published: members see nothing, and the job withdraws it whole', async () => {
  // A quiz already counted in the month, so the month document exists and its total can be compared.
  await fx.quiz('secretaryA', bankId, { title: '本月已有的测试' });
  const counted = (await monthOf(await quizTitled('本月已有的测试')))!.quizExpected;

  const expectedBefore = await myExpected();
  failOnce('database.modifyDocument', COLLECTIONS.branchMonths);
  const failed = await fx.call('secretaryA', 'quiz', 'create', {
    title: '发布中断的测试',
    openAt: new Date(Date.now() - 60_000).toISOString(),
    closeAt: new Date(Date.now() + 86_400_000).toISOString(),
    draw: { count: 3, bankIds: [bankId] },
    passScore: 60,
    timeLimitMinutes: 10,
    maxAttempts: 1,
  });
  expect(failed).toMatchObject({ ok: false, code: 'INTERNAL' });
  jest.restoreAllMocks();

  const quiz = await quizTitled('发布中断的测试');
  expect(quiz.status).toBe('publishing');
  expect(await countOf(COLLECTIONS.quizSeats, { quizId: quiz._id })).toBe(quiz.expected);
  // Written seats, yet nothing a member sees or can start.
  expect(await openListOf('memberA')).not.toContain(quiz._id);
  expectRefused(await fx.call('memberA', 'quiz', 'get', { quizId: quiz._id }), 'NOT_FOUND');
  expectRefused(await fx.call('memberA', 'quiz', 'start', { quizId: quiz._id }), 'FAILED_PRECONDITION');
  expect(await myExpected()).toBe(expectedBefore);

  // A publication may still be under way: the job leaves a recent one alone.
  expect((await repairPublications()).withdrawn).not.toContain(quiz._id);
  expect(await countOf(COLLECTIONS.quizSeats, { quizId: quiz._id })).toBe(quiz.expected);

  const later = Date.now() + PUBLISH_STUCK_MS + 60_000;
  expect((await repairPublications(later)).withdrawn).toEqual([quiz._id]);
  expect(await countOf(COLLECTIONS.quizSeats, { quizId: quiz._id })).toBe(0);
  expect(await getDoc(COLLECTIONS.quizzes, quiz._id)).toBeNull();
  expect(await getDoc(COLLECTIONS.quizStats, quiz._id)).toBeNull();
  const month = (await monthOf(quiz))!;
  expect(month.quizzes?.[quiz._id]).toBeUndefined();
  expect(month.quizExpected).toBe(counted);
  // Again: nothing more to do, nothing subtracted twice.
  expect(await repairPublications(later)).toEqual({ withdrawn: [], shown: [] });
  expect((await monthOf(quiz))!.quizExpected).toBe(counted);
});

test('stopped after it was published: the hourly job shows its seats', async () => {
  failOnce('database.modifyDocument', COLLECTIONS.quizSeats);
  const failed = await fx.call('secretaryA', 'quiz', 'create', {
    title: '座位未显示的测试',
    openAt: new Date(Date.now() - 60_000).toISOString(),
    closeAt: new Date(Date.now() + 86_400_000).toISOString(),
    draw: { count: 3, bankIds: [bankId] },
    passScore: 60,
    timeLimitMinutes: 10,
    maxAttempts: 1,
  });
  expect(failed).toMatchObject({ ok: false, code: 'INTERNAL' });
  jest.restoreAllMocks();
  const quiz = await quizTitled('座位未显示的测试');
  expect(quiz.status).toBe('published');
  expect(await openListOf('memberA')).not.toContain(quiz._id);

  const result = await runHourly();
  expect(result.quizPublications).toEqual({ withdrawn: 0, shown: 1 });
  expect(await openListOf('memberA')).toContain(quiz._id);
  expect(await countOf(COLLECTIONS.quizSeats, { quizId: quiz._id, publishing: true })).toBe(0);
  expect(fx.must(await fx.call<{ quizId: string }>('memberA', 'quiz', 'get', { quizId: quiz._id }), 'get').quizId).toBe(
    quiz._id,
  );
});
