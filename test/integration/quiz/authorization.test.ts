/**
 * Every action of `quiz` × every kind of caller — bureau admin, secretary of A, committee member
 * of A, member of A, member of B, an unbound WeChat user — checking the data that comes back, not
 * only `ok`; then hostile input: malformed (INVALID_ARGUMENT, nothing written) and well-formed but
 * aimed at the wrong place (another branch's bank, another member's attempt).
 */
import {
  COLLECTIONS,
  type AttemptResult,
  type QuizAttempt,
  type QuizBank,
  type QuizQuestion,
  type QuizStats,
  type QuizSummary,
  type Result,
} from '@zhibu/types';
import type { LocalRuntime } from '../../../emulator/runtime';
import { actionCoverage } from '../../support/coverage';
import { countOf, expectRefused } from '../../support/fixture';
import { DEMO, startTestRuntime } from '../../support/runtime';
import { designedQuestions, keyAsShown, quizFixture } from './quiz-fixture';

const COMMITTEE_A = 'demo_b-qhyz-02';
const CALLERS = {
  admin: DEMO.admin.openid,
  secretaryA: DEMO.secretaryA.openid,
  committeeA: COMMITTEE_A,
  memberA: DEMO.memberA.openid,
  memberB: DEMO.memberB.openid,
  unbound: DEMO.stranger.openid,
  /** Not in the matrix: the other branch's secretary, for the aimed-at-the-wrong-place checks. */
  secretaryB: DEMO.secretaryB.openid,
} as const;
type Caller = keyof typeof CALLERS;
type MatrixCaller = Exclude<Caller, 'secretaryB'>;
const ALL: MatrixCaller[] = ['admin', 'secretaryA', 'committeeA', 'memberA', 'memberB', 'unbound'];

let runtime: LocalRuntime;
let fx: ReturnType<typeof quizFixture>;
const questions = designedQuestions(9, '权');
let bankA: string;
let bankB: string;
let bureauBank: string;
let questionA: string;
let quizA: string;
let attemptA: QuizAttempt;

const coverage = actionCoverage('quiz');
const call = <T = unknown>(who: Caller, action: string, data?: unknown) => {
  coverage.record(who, action);
  return fx.call<T>(CALLERS[who], 'quiz', action, data) as Promise<Result<T>>;
};

beforeAll(async () => {
  runtime = await startTestRuntime();
  fx = quizFixture(runtime);
  const a = await fx.bank('secretaryA', questions, '一中题库');
  bankA = a.bankId;
  questionA = a.ids[0]!;
  bankB = (await fx.bank('secretaryB', questions.slice(0, 3), '实验小学题库')).bankId;
  bureauBank = (await fx.bank('admin', questions.slice(0, 3), '局党委题库')).bankId;
  quizA = await fx.quiz('secretaryA', bankA, { draw: { count: 4, bankIds: [bankA] } });
  attemptA = await fx.start('memberA', quizA);
});
afterAll(() => runtime.close());

/** Runs `action` for every caller and checks each answer: a code, or a check of the data. */
async function matrix(
  action: string,
  data: (who: MatrixCaller) => unknown,
  expected: Record<MatrixCaller, string | ((value: never) => void)>,
) {
  for (const who of ALL) {
    const result = await call(who, action, data(who));
    const want = expected[who];
    if (typeof want === 'string') {
      expect({ who, action, code: result.ok ? 'ok' : result.code }).toEqual({ who, action, code: want });
      if (!result.ok) expect(result.message).toMatch(/[\u4e00-\u9fa5]/);
    } else {
      expect({ who, action, ok: result.ok, why: result.ok ? '' : result.message }).toEqual({
        who,
        action,
        ok: true,
        why: '',
      });
      if (result.ok) want(result.data as never);
    }
  }
}

const manager = (check: (value: never) => void) => ({ admin: check, secretaryA: check, committeeA: check });

test('createBank: committees keep branch banks, only the bureau keeps bureau banks', async () => {
  await matrix('createBank', () => ({ name: '新建题库' }), {
    ...manager((d: { bankId: string }) => expect(d.bankId).toMatch(/^qb/)),
    memberA: 'FORBIDDEN',
    memberB: 'FORBIDDEN',
    unbound: 'UNAUTHENTICATED',
  });
  await matrix('createBank', () => ({ name: '局党委新题库', scope: 'bureau' }), {
    admin: (d: { bankId: string }) => expect(d.bankId).toMatch(/^qb/),
    secretaryA: 'FORBIDDEN',
    committeeA: 'FORBIDDEN',
    memberA: 'FORBIDDEN',
    memberB: 'FORBIDDEN',
    unbound: 'UNAUTHENTICATED',
  });
});

test('listBanks: bureau banks for all committees, a branch bank for its own branch (and the bureau)', async () => {
  const names = (d: { items: QuizBank[] }) => d.items.map((b) => b.bankId);
  await matrix('listBanks', () => ({ page: 1, pageSize: 50 }), {
    admin: (d: { items: QuizBank[] }) => expect(names(d)).toEqual(expect.arrayContaining([bankA, bankB, bureauBank])),
    secretaryA: (d: { items: QuizBank[] }) => {
      expect(names(d)).toEqual(expect.arrayContaining([bankA, bureauBank]));
      expect(names(d)).not.toContain(bankB);
      expect(d.items.find((b) => b.bankId === bureauBank)!.canEdit).toBe(false);
      expect(d.items.find((b) => b.bankId === bankA)!.canEdit).toBe(true);
    },
    committeeA: (d: { items: QuizBank[] }) => expect(names(d)).not.toContain(bankB),
    memberA: 'FORBIDDEN',
    memberB: 'FORBIDDEN',
    unbound: 'UNAUTHENTICATED',
  });
});

test('createQuestion / listQuestions / updateQuestion / retireQuestion: the bank’s editors only', async () => {
  const q = { type: 'single', stem: '权限题：新的题目', options: ['甲', '乙'], answer: [0] };
  await matrix('createQuestion', () => ({ bankId: bankA, ...q }), {
    ...manager((d: { questionId: string }) => expect(d.questionId).toMatch(/^q/)),
    memberA: 'FORBIDDEN',
    memberB: 'FORBIDDEN',
    unbound: 'UNAUTHENTICATED',
  });
  // Another branch's bank does not exist for them; a bureau bank is not theirs to edit.
  expectRefused(await call('secretaryB', 'createQuestion', { bankId: bankA, ...q }), 'NOT_FOUND');
  expectRefused(await call('secretaryA', 'createQuestion', { bankId: bureauBank, ...q }), 'FORBIDDEN');

  await matrix('listQuestions', () => ({ bankId: bankA, page: 1, pageSize: 50 }), {
    ...manager((d: { items: QuizQuestion[] }) => {
      expect(d.items.length).toBeGreaterThanOrEqual(questions.length);
      expect(d.items.every((i) => i.bankId === bankA && i.answer.length > 0)).toBe(true);
    }),
    memberA: 'FORBIDDEN',
    memberB: 'FORBIDDEN',
    unbound: 'UNAUTHENTICATED',
  });
  expectRefused(await call('secretaryB', 'listQuestions', { bankId: bankA, page: 1, pageSize: 5 }), 'NOT_FOUND');
  // The bureau's keys are the bureau's: a branch secretary may draw from the bank, not read it.
  expectRefused(await call('secretaryA', 'listQuestions', { bankId: bureauBank, page: 1, pageSize: 5 }), 'FORBIDDEN');

  const edit = { type: 'single', stem: '权限题：改过的题目', options: ['甲', '乙', '丙'], answer: [2] };
  await matrix('updateQuestion', () => ({ questionId: questionA, question: edit }), {
    ...manager((d: QuizQuestion) => expect(d).toMatchObject({ questionId: questionA, answer: [2] })),
    memberA: 'FORBIDDEN',
    memberB: 'FORBIDDEN',
    unbound: 'UNAUTHENTICATED',
  });
  expectRefused(await call('secretaryB', 'updateQuestion', { questionId: questionA, question: edit }), 'NOT_FOUND');
  await matrix('retireQuestion', (who) => ({ questionId: questionA, retired: who !== 'committeeA' }), {
    ...manager((d: QuizQuestion) => expect(d.questionId).toBe(questionA)),
    memberA: 'FORBIDDEN',
    memberB: 'FORBIDDEN',
    unbound: 'UNAUTHENTICATED',
  });
  expectRefused(await call('secretaryB', 'retireQuestion', { questionId: questionA, retired: true }), 'NOT_FOUND');
});

test('create: committees for their branch, the bureau for branches; nobody from another branch’s bank', async () => {
  const base = {
    title: '权限测试',
    openAt: new Date(Date.now() - 60_000).toISOString(),
    closeAt: new Date(Date.now() + 86_400_000).toISOString(),
    draw: { count: 2, bankIds: [bankA] },
    passScore: 60,
    timeLimitMinutes: 10,
    maxAttempts: 1,
  };
  // A bureau quiz goes to every branch, so it draws from bureau banks only.
  await matrix('create', (who) => (who === 'admin' ? { ...base, draw: { count: 2, bankIds: [bureauBank] } } : base), {
    ...manager((d: { quizId: string }) => expect(d.quizId).toMatch(/^qz/)),
    memberA: 'FORBIDDEN',
    memberB: 'FORBIDDEN',
    unbound: 'UNAUTHENTICATED',
  });
  expectRefused(await call('secretaryB', 'create', base), 'NOT_FOUND');
  expectRefused(await call('admin', 'create', base), 'NOT_FOUND');
  expectRefused(await call('secretaryA', 'create', { ...base, branchIds: [DEMO.secretaryB.branchId] }), 'FORBIDDEN');
});

test('list / get / start: a member sees only the quizzes they sit; anyone else is told it does not exist', async () => {
  await matrix('list', () => ({ scope: 'open', page: 1, pageSize: 50 }), {
    admin: (d: { items: QuizSummary[] }) => expect(d.items.map((i) => i.quizId)).not.toContain(quizA),
    secretaryA: (d: { items: QuizSummary[] }) => expect(d.items.map((i) => i.quizId)).toContain(quizA),
    committeeA: (d: { items: QuizSummary[] }) => expect(d.items.map((i) => i.quizId)).toContain(quizA),
    memberA: (d: { items: QuizSummary[] }) =>
      expect(d.items.find((i) => i.quizId === quizA)).toMatchObject({
        state: 'in_progress',
        openAttemptId: attemptA.attemptId,
      }),
    memberB: (d: { items: QuizSummary[] }) => expect(d.items.map((i) => i.quizId)).not.toContain(quizA),
    unbound: 'UNAUTHENTICATED',
  });
  await matrix('get', () => ({ quizId: quizA }), {
    admin: 'NOT_FOUND',
    secretaryA: (d: QuizSummary) => expect(d).toMatchObject({ quizId: quizA, attemptsUsed: 0 }),
    committeeA: (d: QuizSummary) => expect(d).toMatchObject({ quizId: quizA, attemptsUsed: 0 }),
    memberA: (d: QuizSummary) => expect(d).toMatchObject({ quizId: quizA, attemptsUsed: 1, state: 'in_progress' }),
    memberB: 'NOT_FOUND',
    unbound: 'UNAUTHENTICATED',
  });
  await matrix('start', () => ({ quizId: quizA }), {
    admin: 'NOT_FOUND',
    secretaryA: (d: QuizAttempt) => expect(d.attemptId).toBe(`${quizA}_${DEMO.secretaryA.memberId}_1`),
    committeeA: (d: QuizAttempt) => expect(d.attemptId).toBe(`${quizA}_b-qhyz-02_1`),
    memberA: (d: QuizAttempt) => expect(d.attemptId).toBe(attemptA.attemptId),
    memberB: 'NOT_FOUND',
    unbound: 'UNAUTHENTICATED',
  });
});

test('answer / submit / result: an attempt is its member’s alone — everyone else gets NOT_FOUND', async () => {
  const q = attemptA.questions[0]!;
  const notMine = {
    admin: 'NOT_FOUND',
    secretaryA: 'NOT_FOUND',
    committeeA: 'NOT_FOUND',
    memberB: 'NOT_FOUND',
    unbound: 'UNAUTHENTICATED',
  } as const;
  await matrix('answer', () => ({ attemptId: attemptA.attemptId, questionId: q.questionId, choice: [0] }), {
    ...notMine,
    memberA: (d: { savedAt: string }) => expect(Date.parse(d.savedAt)).toBeGreaterThan(0),
  });
  // Results are refused to everyone while the attempt is open, and to others after.
  await matrix('result', () => ({ attemptId: attemptA.attemptId }), { ...notMine, memberA: 'FAILED_PRECONDITION' });
  const answers = Object.fromEntries(
    attemptA.questions.map((x) => [x.questionId, x === q ? [] : keyAsShown(questions, x)]),
  );
  // memberA's wrong answer to the edited question is scored against the paper's own copy.
  await matrix('submit', () => ({ attemptId: attemptA.attemptId, answers }), {
    ...notMine,
    memberA: (d: AttemptResult) => expect(d).toMatchObject({ attemptId: attemptA.attemptId, questionCount: 4 }),
  });
  await matrix('result', () => ({ attemptId: attemptA.attemptId }), {
    ...notMine,
    memberA: (d: AttemptResult) => expect(d.review!.map((r) => r.questionId)).toContain(q.questionId),
  });
});

test('wrongBook / practice / practiceAnswer: each member’s own book only', async () => {
  const wrongId = attemptA.questions[0]!.questionId;
  const own = (d: { items: { questionId: string }[] }) =>
    expect(d.items.map((i) => i.questionId)).not.toContain(wrongId);
  await matrix('wrongBook', () => ({ page: 1, pageSize: 20 }), {
    admin: own,
    secretaryA: own,
    committeeA: own,
    memberA: (d: { items: { questionId: string }[] }) => expect(d.items.map((i) => i.questionId)).toContain(wrongId),
    memberB: own,
    unbound: 'UNAUTHENTICATED',
  });
  const none = (d: { questions: unknown[] }) => expect(d.questions).toEqual([]);
  await matrix('practice', () => ({ count: 5 }), {
    admin: none,
    secretaryA: none,
    committeeA: none,
    memberA: (d: { questions: { questionId: string; answer?: unknown }[] }) => {
      expect(d.questions.map((x) => x.questionId)).toContain(wrongId);
      expect(d.questions.every((x) => !('answer' in x))).toBe(true);
    },
    memberB: none,
    unbound: 'UNAUTHENTICATED',
  });
  await matrix('practiceAnswer', () => ({ questionId: wrongId, choice: [0] }), {
    admin: 'NOT_FOUND',
    secretaryA: 'NOT_FOUND',
    committeeA: 'NOT_FOUND',
    memberA: (d: { questionId: string }) => expect(d.questionId).toBe(wrongId),
    memberB: 'NOT_FOUND',
    unbound: 'UNAUTHENTICATED',
  });
});

test('managed / stats / roster: the branch committee and the bureau; members FORBIDDEN, other branches NOT_FOUND', async () => {
  const lists = (d: { items: { quizId: string }[] }) => expect(d.items.map((i) => i.quizId)).toContain(quizA);
  await matrix('managed', () => ({ page: 1, pageSize: 50 }), {
    ...manager(lists),
    memberA: 'FORBIDDEN',
    memberB: 'FORBIDDEN',
    unbound: 'UNAUTHENTICATED',
  });
  const managedB = await call<{ items: { quizId: string }[] }>('secretaryB', 'managed', { page: 1, pageSize: 50 });
  expect(fx.must(managedB, 'managed').items.map((i) => i.quizId)).not.toContain(quizA);

  const figures = (d: QuizStats) => {
    expect(d).toMatchObject({ quizId: quizA, taken: 1 });
    expect(d.histogram.reduce((a, b) => a + b, 0)).toBe(1);
    expect(JSON.stringify(d)).not.toContain(DEMO.memberA.memberId);
  };
  await matrix('stats', () => ({ quizId: quizA }), {
    ...manager(figures),
    memberA: 'FORBIDDEN',
    memberB: 'FORBIDDEN',
    unbound: 'UNAUTHENTICATED',
  });
  expectRefused(await call('secretaryB', 'stats', { quizId: quizA }), 'NOT_FOUND');
  expectRefused(await call('secretaryA', 'stats', { quizId: quizA, branchId: DEMO.secretaryB.branchId }), 'NOT_FOUND');

  const roster = (d: { items: Record<string, unknown>[]; total: number }) => {
    expect(d.total).toBeGreaterThan(5);
    const me = d.items.find((i) => i.memberId === DEMO.memberA.memberId);
    expect(me).toMatchObject({ state: expect.stringMatching(/passed|failed/), attemptsUsed: 1 });
    // Status and pass/fail only: no score of anyone, no ranking.
    for (const item of d.items) expect(Object.keys(item).sort()).toEqual(['attemptsUsed', 'memberId', 'name', 'state']);
  };
  await matrix('roster', () => ({ quizId: quizA, page: 1, pageSize: 50 }), {
    ...manager(roster),
    memberA: 'FORBIDDEN',
    memberB: 'FORBIDDEN',
    unbound: 'UNAUTHENTICATED',
  });
  expectRefused(await call('secretaryB', 'roster', { quizId: quizA, page: 1, pageSize: 5 }), 'NOT_FOUND');
});

test('template / exportQuestions / importQuestions: the bank’s editors; keys for the bureau only', async () => {
  const file = (d: { fileBase64: string }) => expect(d.fileBase64.length).toBeGreaterThan(100);
  await matrix('template', () => ({}), {
    ...manager(file),
    memberA: 'FORBIDDEN',
    memberB: 'FORBIDDEN',
    unbound: 'UNAUTHENTICATED',
  });
  let sheet = '';
  await matrix('exportQuestions', () => ({ bankId: bankA }), {
    admin: (d: { withAnswers: boolean; fileBase64: string }) => {
      expect(d.withAnswers).toBe(true);
      sheet = d.fileBase64;
    },
    secretaryA: (d: { withAnswers: boolean }) => expect(d.withAnswers).toBe(false),
    committeeA: (d: { withAnswers: boolean }) => expect(d.withAnswers).toBe(false),
    memberA: 'FORBIDDEN',
    memberB: 'FORBIDDEN',
    unbound: 'UNAUTHENTICATED',
  });
  const before = await countOf(COLLECTIONS.quizQuestions);
  // Each caller uploads to their own branch's folder, as the client does (the unbound user has none).
  const fileOf = (who: MatrixCaller) => fx.sheetFile(who === 'unbound' ? 'secretaryA' : who, sheet);
  await matrix('importQuestions', (who) => ({ bankId: bankA, fileId: fileOf(who), mode: 'check' }), {
    ...manager((d: { valid: boolean; created: number }) => expect(d).toMatchObject({ valid: true, created: 0 })),
    memberA: 'FORBIDDEN',
    memberB: 'FORBIDDEN',
    unbound: 'UNAUTHENTICATED',
  });
  expect(await countOf(COLLECTIONS.quizQuestions)).toBe(before);
  expectRefused(await call('secretaryB', 'exportQuestions', { bankId: bankA }), 'NOT_FOUND');
  expectRefused(await call('secretaryA', 'exportQuestions', { bankId: bureauBank }), 'FORBIDDEN');
  // A sheet another branch uploaded is not there for this one, not even for an editor of the bank.
  expectRefused(
    await call('secretaryA', 'importQuestions', {
      bankId: bankA,
      fileId: fx.sheetFile('secretaryB', sheet),
      mode: 'commit',
    }),
    'NOT_FOUND',
  );
  expect(await countOf(COLLECTIONS.quizQuestions)).toBe(before);
});

describe('hostile input', () => {
  test('malformed questions and quizzes are refused with INVALID_ARGUMENT and nothing is written', async () => {
    const before = await countOf(COLLECTIONS.quizQuestions);
    const bad = [
      { type: 'single', stem: '题', options: ['甲', '乙'], answer: [0] },
      { type: 'single', stem: '单选两个答案', options: ['甲', '乙'], answer: [0, 1] },
      { type: 'multiple', stem: '多选一个答案', options: ['甲', '乙', '丙'], answer: [1] },
      { type: 'judge', stem: '判断三个选项', options: ['对', '错', '不知道'], answer: [0] },
      { type: 'single', stem: '答案越界', options: ['甲', '乙'], answer: [5] },
      { type: 'single', stem: '九个选项', options: '甲乙丙丁戊己庚辛壬'.split(''), answer: [0] },
      { type: 'single', stem: '选项重复', options: ['甲', '甲'], answer: [0] },
      { type: 'essay', stem: '不支持的题型', options: ['甲', '乙'], answer: [0] },
      { type: 'single', stem: 'x'.repeat(501), options: ['甲', '乙'], answer: [0] },
      { type: 'single', stem: '多余字段', options: ['甲', '乙'], answer: [0], correct: true },
    ];
    for (const q of bad)
      expectRefused(await call('secretaryA', 'createQuestion', { bankId: bankA, ...q }), 'INVALID_ARGUMENT');
    expect(await countOf(COLLECTIONS.quizQuestions)).toBe(before);

    const quizzes = await countOf(COLLECTIONS.quizzes);
    const now = Date.now();
    const base = {
      title: '恶意测试',
      openAt: new Date(now).toISOString(),
      closeAt: new Date(now + 86_400_000).toISOString(),
      draw: { count: 2, bankIds: [bankA] },
      passScore: 60,
      timeLimitMinutes: 10,
      maxAttempts: 1,
    };
    for (const patch of [
      { closeAt: new Date(now - 1000).toISOString() },
      { draw: { count: 0, bankIds: [bankA] } },
      { draw: { count: 2, byType: { single: 3 } } },
      { passScore: 101 },
      { maxAttempts: 0 },
      { timeLimitMinutes: 0 },
      { openAt: '2026-01-01 10:00' },
      { draw: { count: 2, bankIds: ['../etc'] } },
    ])
      expectRefused(await call('secretaryA', 'create', { ...base, ...patch }), 'INVALID_ARGUMENT');
    // Well-formed, but more than the bank holds.
    expectRefused(
      await call('secretaryA', 'create', { ...base, draw: { count: 50, bankIds: [bankA] } }),
      'FAILED_PRECONDITION',
    );
    expect(await countOf(COLLECTIONS.quizzes)).toBe(quizzes);
  });

  test('answers aimed outside the paper are refused and change nothing', async () => {
    const quizId = await fx.quiz('secretaryA', bankA, { draw: { count: 3, bankIds: [bankA] } });
    const attempt = await fx.start('memberA', quizId);
    const q = attempt.questions.find((x) => x.type === 'single') ?? attempt.questions[0]!;
    const cases: [unknown, string][] = [
      [{ attemptId: attempt.attemptId, questionId: q.questionId, choice: [9] }, 'INVALID_ARGUMENT'],
      [{ attemptId: attempt.attemptId, questionId: q.questionId, choice: [0, 0] }, 'INVALID_ARGUMENT'],
      [{ attemptId: attempt.attemptId, questionId: q.questionId, choice: [q.options.length] }, 'INVALID_ARGUMENT'],
      [{ attemptId: attempt.attemptId, questionId: 'not-on-this-paper', choice: [0] }, 'INVALID_ARGUMENT'],
      [{ attemptId: attempt.attemptId, questionId: '__proto__', choice: [0] }, 'INVALID_ARGUMENT'],
      [{ attemptId: `${quizId}_${DEMO.secretaryA.memberId}_1`, questionId: q.questionId, choice: [0] }, 'NOT_FOUND'],
      [{ attemptId: '../../etc/passwd', questionId: q.questionId, choice: [0] }, 'INVALID_ARGUMENT'],
      [{ attemptId: attempt.attemptId, questionId: q.questionId, choice: '0' }, 'INVALID_ARGUMENT'],
    ];
    if (q.type !== 'multiple')
      cases.push([{ attemptId: attempt.attemptId, questionId: q.questionId, choice: [0, 1] }, 'INVALID_ARGUMENT']);
    for (const [data, code] of cases) expectRefused(await call('memberA', 'answer', data), code);
    expectRefused(
      await call('memberA', 'submit', { attemptId: attempt.attemptId, answers: { __proto__: [0] } }),
      'INVALID_ARGUMENT',
    );
    expectRefused(
      await call('memberA', 'submit', { attemptId: attempt.attemptId, answers: { 'not-on-this-paper': [0] } }),
      'INVALID_ARGUMENT',
    );
    const resumed = await fx.start('memberA', quizId);
    expect(resumed.saved).toEqual({});
    expect((await fx.start('memberA', quizId)).attemptId).toBe(attempt.attemptId);
  });
});

// Last in the file: every action was tried by someone entitled and by an outsider.
test('the suite reaches every action of the quiz contract', () => {
  expect(coverage.missing()).toEqual([]);
});
