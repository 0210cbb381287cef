/**
 * Not one byte of a correct answer reaches a phone before that attempt is submitted. Every answer a
 * member receives before submitting (start, resume, answer, the lists, the quiz page, the 错题本)
 * is captured and checked against the keys the test wrote into the bank: by content, not by field
 * names alone — explanation texts, key fields, correctness flags, points, and option orders that
 * would give the key away by position.
 */
import type { QuizAttempt } from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { aBranchOf } from '../../support/factories';
import { startTestRuntime } from '../../support/runtime';
import { designedQuestions, keyAsShown, quizFixture, type KnownQuestion } from './quiz-fixture';

let runtime: LocalRuntime;
let fx: ReturnType<typeof quizFixture>;
const MEMBERS = 60;
const bank: KnownQuestion[] = designedQuestions(9, '泄');

beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = quizFixture(runtime);
});
afterAll(() => runtime.close());

const FORBIDDEN_KEYS = ['answer', 'answers', 'explanation', 'correct', 'points', 'earned', 'order', 'key', 'passed'];

function keysOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysOf(v, out);
    }
  return out;
}

test('no response before submission carries a key, an explanation, a flag, or a revealing option order', async () => {
  const { secretary: sec, members } = await aBranchOf(MEMBERS, '保密测试学校党支部');
  const secretary = sec.openid!;
  const { must, call } = fx;
  const { bankId } = must(
    await call<{ bankId: string }>(secretary, 'quiz', 'createBank', { name: '保密题库' }),
    'bank',
  );
  for (const q of bank) must(await call(secretary, 'quiz', 'createQuestion', { bankId, ...q }), 'question');
  const now = Date.now();
  const { quizId } = must(
    await call<{ quizId: string }>(secretary, 'quiz', 'create', {
      title: '保密测试',
      openAt: new Date(now - 60_000).toISOString(),
      closeAt: new Date(now + 86_400_000).toISOString(),
      draw: { count: 9, bankIds: [bankId] },
      passScore: 60,
      timeLimitMinutes: 30,
      maxAttempts: 1,
      multipleRule: 'partial',
    }),
    'create',
  );

  const captured: { what: string; body: unknown }[] = [];
  const capture = async (what: string, caller: string, action: string, data: unknown) => {
    const result = await call(caller, 'quiz', action, data);
    captured.push({ what, body: result });
    return result;
  };
  const papers: QuizAttempt[] = [];
  for (const m of members) {
    const openid = m.openid!;
    await capture('list', openid, 'list', { scope: 'open' });
    await capture('get', openid, 'get', { quizId });
    const started = must((await capture('start', openid, 'start', { quizId })) as never, 'start') as QuizAttempt;
    papers.push(started);
    const q = started.questions[0]!;
    await capture('answer', openid, 'answer', { attemptId: started.attemptId, questionId: q.questionId, choice: [1] });
    await capture('resume', openid, 'start', { quizId });
    await capture('get-after', openid, 'get', { quizId });
    await capture('wrongBook', openid, 'wrongBook', { page: 1, pageSize: 20 });
  }

  const secrets = bank.flatMap((q) => [q.explanation]);
  for (const { what, body } of captured) {
    const text = JSON.stringify(body);
    for (const secret of secrets) expect({ what, leaked: text.includes(secret) }).toEqual({ what, leaked: false });
    const keys = keysOf(body);
    for (const key of FORBIDDEN_KEYS)
      expect({ what, key, present: keys.has(key) }).toEqual({ what, key, present: false });
  }
  // The member's own score exists only once something is scored: nothing is, yet.
  for (const { what, body } of captured.filter((c) => c.what.startsWith('get') || c.what === 'list')) {
    const data = (body as { data: { score?: unknown; items?: { score: unknown }[] } }).data;
    for (const item of data.items ?? [data]) expect({ what, score: item.score }).toEqual({ what, score: null });
  }
  // What was saved comes back as the member sent it, and nothing else.
  for (const { what, body } of captured.filter((c) => c.what === 'resume')) {
    const saved = (body as { data: QuizAttempt }).data.saved;
    expect({ what, values: Object.values(saved) }).toEqual({ what, values: [[1]] });
  }

  // Option order: over many papers, the key sits at every position, about evenly; so neither the
  // first position nor any fixed place gives it away.
  const positions = new Map<string, number[]>();
  for (const paper of papers) {
    for (const q of paper.questions) {
      if (q.type !== 'single') continue;
      const [at] = keyAsShown(bank, q);
      positions.set(q.stem, [...(positions.get(q.stem) ?? []), at!]);
    }
  }
  const all = [...positions.values()].flat();
  expect(all).toHaveLength(MEMBERS * 3);
  for (const pos of [0, 1, 2, 3]) {
    const share = all.filter((p) => p === pos).length / all.length;
    expect(share).toBeGreaterThan(0.12);
    expect(share).toBeLessThan(0.4);
  }
  for (const list of positions.values()) expect(new Set(list).size).toBeGreaterThan(1);
  // Multiple choice: the key is not always the first options, nor always in the same places.
  const multiKeys = papers.flatMap((p) =>
    p.questions.filter((q) => q.type === 'multiple').map((q) => keyAsShown(bank, q).join('')),
  );
  expect(new Set(multiKeys).size).toBeGreaterThan(5);
  // Question ids are opaque: the same for everyone, and saying nothing about options.
  const ids = new Set(papers.flatMap((p) => p.questions.map((q) => q.questionId)));
  expect(ids.size).toBe(bank.length);
}, 60_000);
