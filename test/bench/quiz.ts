import type { QuizAttempt, QuizStats } from '@zhibu/types';
import { percentile, type LocalClient } from './client';
import type { BenchBranch } from './setup';

/** The rows `npm run bench` prints; run.ts owns the table. */
export interface BenchRow {
  what: string;
  budget: string;
  measured: string;
  pass: boolean | null;
}

const QUIZ_MEMBERS = 300;
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; latency: number }> {
  const started = performance.now();
  const value = await work();
  return { value, latency: performance.now() - started };
}

function latencyRow(what: string, latencies: number[]): BenchRow {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    what,
    budget: 'report',
    measured: `p50 ${ms(percentile(sorted, 50))} · p95 ${ms(percentile(sorted, 95))} · max ${ms(sorted.at(-1)!)}`,
    pass: null,
  };
}

/**
 * Quizzes (issue 11): database operations of one start, answer and submit at the transport seam,
 * then 300 members starting, answering and submitting all at once — latencies, the minute, and the
 * counters afterwards.
 */
export async function benchQuiz(client: LocalClient, branch: BenchBranch): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const secretary = branch.secretaryToken;
  const { bankId } = await client.call<{ bankId: string }>(secretary, 'quiz', 'createBank', { name: '压测题库' });
  for (let i = 0; i < 40; i++) {
    await client.call(secretary, 'quiz', 'createQuestion', {
      bankId,
      type: i % 3 === 1 ? 'multiple' : 'single',
      stem: `压测第${i}题：下列说法正确的是`,
      options: ['选项一', '选项二', '选项三', '选项四'],
      answer: i % 3 === 1 ? [0, 2] : [1],
      explanation: `第${i}题解析`,
    });
  }
  const now = Date.now();
  const { quizId } = await client.call<{ quizId: string }>(secretary, 'quiz', 'create', {
    title: '压测：理论测试',
    openAt: new Date(now - 60_000).toISOString(),
    closeAt: new Date(now + 86_400_000).toISOString(),
    draw: { count: 10, bankIds: [bankId], byType: { single: 6, multiple: 4 } },
    passScore: 60,
    timeLimitMinutes: 30,
    maxAttempts: 1,
  });

  // One member alone, for the operation counts.
  const solo = branch.memberTokens[0]!;
  let before = await client.dbCalls();
  const soloAttempt = await client.call<QuizAttempt>(solo, 'quiz', 'start', { quizId });
  const startOps = (await client.dbCalls()) - before;
  before = await client.dbCalls();
  await client.call(solo, 'quiz', 'answer', {
    attemptId: soloAttempt.attemptId,
    questionId: soloAttempt.questions[0]!.questionId,
    choice: [1],
  });
  const answerOps = (await client.dbCalls()) - before;
  before = await client.dbCalls();
  await client.call(solo, 'quiz', 'submit', { attemptId: soloAttempt.attemptId });
  const submitOps = (await client.dbCalls()) - before;
  rows.push({
    what: 'quiz.start: database operations',
    budget: '≤ 6',
    measured: String(startOps),
    pass: startOps <= 6,
  });
  rows.push({
    what: 'quiz.answer: database operations',
    budget: '≤ 2',
    measured: String(answerOps),
    pass: answerOps <= 2,
  });
  rows.push({
    what: 'quiz.submit: database operations',
    budget: '≤ 6',
    measured: String(submitOps),
    pass: submitOps <= 6,
  });

  // 300 members at once: start, save one answer, submit.
  const members = branch.memberTokens.slice(1, 1 + QUIZ_MEMBERS);
  const started = performance.now();
  const starts = await Promise.all(
    members.map((token) => timed(() => client.call<QuizAttempt>(token, 'quiz', 'start', { quizId }))),
  );
  const answers = await Promise.all(
    starts.map(({ value }, i) =>
      timed(() =>
        client.call(members[i]!, 'quiz', 'answer', {
          attemptId: value.attemptId,
          questionId: value.questions[0]!.questionId,
          choice: [0],
        }),
      ),
    ),
  );
  const submits = await Promise.all(
    starts.map(({ value }, i) =>
      timed(() => client.call(members[i]!, 'quiz', 'submit', { attemptId: value.attemptId })),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  rows.push(
    latencyRow(
      `quiz.start, ${QUIZ_MEMBERS} at once`,
      starts.map((s) => s.latency),
    ),
  );
  rows.push(
    latencyRow(
      `quiz.answer, ${QUIZ_MEMBERS} at once`,
      answers.map((s) => s.latency),
    ),
  );
  rows.push(
    latencyRow(
      `quiz.submit, ${QUIZ_MEMBERS} at once`,
      submits.map((s) => s.latency),
    ),
  );
  rows.push({
    what: `quiz: ${QUIZ_MEMBERS} members start and submit`,
    budget: '≤ 60 s',
    measured: `${seconds.toFixed(1)} s`,
    pass: seconds <= 60,
  });

  const stats = await client.call<QuizStats>(secretary, 'quiz', 'stats', { quizId });
  const expectedTaken = QUIZ_MEMBERS + 1;
  const again = await client.call<QuizAttempt>(members[0]!, 'quiz', 'start', { quizId }).then(
    () => 'allowed',
    () => 'refused',
  );
  rows.push({
    what: 'quiz: taken / attempts counters, a second start',
    budget: `${expectedTaken} / ${expectedTaken} / refused`,
    measured: `${stats.taken} / ${stats.attempts} / ${again}`,
    pass: stats.taken === expectedTaken && stats.attempts === expectedTaken && again === 'refused',
  });
  return rows;
}
