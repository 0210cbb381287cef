import {
  COLLECTIONS,
  HISTOGRAM_BINS,
  type BranchDoc,
  type QuestionDoc,
  type QuizDoc,
  type QuizSeatDoc,
  type QuizStats,
  type QuizStatsDoc,
} from '@zhibu/types';
import { canManageBranch, isAdmin } from '../member/policy';
import type { Session } from '../member/session';
import { forbidden, notFound } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { getDoc, getDocs, MAX_PAGE, pageOf } from '../runtime/documents';
import { requireQuizManager } from './banks';
import { discrimination, dubiousReason, facility } from './item-analysis';
import { currentItems } from './item-read';

/**
 * A quiz the caller may manage: its branch committee for a branch quiz, the committee of any
 * branch it covers for a bureau quiz (their branch's figures only), and bureau admins. A quiz the
 * caller's branch has nothing to do with answers NOT_FOUND; a plain member is FORBIDDEN.
 */
async function managedQuiz(session: Session, quizId: string): Promise<QuizDoc> {
  requireQuizManager(session);
  const quiz = await getDoc<QuizDoc>(COLLECTIONS.quizzes, quizId);
  if (!quiz || (!isAdmin(session) && !quiz.branchIds.includes(session.member.branchId)))
    throw notFound('没有找到该测试');
  return quiz;
}

/** The branch whose figures the caller asks for: a committee sees only its own. */
function branchScope(session: Session, quiz: QuizDoc, branchId: string | undefined): string | null {
  if (isAdmin(session)) {
    if (branchId && !quiz.branchIds.includes(branchId)) throw notFound('该支部不在本次测试范围内');
    return branchId ?? null;
  }
  if (branchId && branchId !== session.member.branchId) throw notFound('没有找到该支部的数据');
  if (!canManageBranch(session, session.member.branchId)) throw forbidden();
  return session.member.branchId;
}

export async function managedQuizzes(session: Session, input: { page: number; pageSize: number }) {
  requireQuizManager(session);
  const where = isAdmin(session) ? {} : { branchIds: session.member.branchId };
  const { docs: quizzes, total } = await pageOf<QuizDoc>(COLLECTIONS.quizzes, where, [['createdAt', 'desc']], input);
  const now = Date.now();
  return {
    items: quizzes.map((q) => ({
      quizId: q._id,
      title: q.title,
      scope: q.scope,
      openAt: new Date(q.openAt).toISOString(),
      closeAt: new Date(q.closeAt).toISOString(),
      questionCount: q.draw.count,
      passScore: q.passScore,
      status:
        now < new Date(q.openAt).getTime()
          ? ('upcoming' as const)
          : now < new Date(q.closeAt).getTime()
            ? ('open' as const)
            : ('closed' as const),
    })),
    total,
  };
}

const rate = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000);
const average = (sum: number, n: number) => (n === 0 ? null : Math.round((sum / n) * 100) / 100);

/**
 * The figures of one quiz: counts and the histogram from its statistics document (kept with
 * `_.inc` at each submission), item analysis from its per-question documents plus the attempts
 * not folded into them yet (item-read.ts). Session, quiz, statistics, branch names, [per-question
 * documents once a fold ran], attempts not folded, question stems — a page each per 1,000. Counts
 * and rates only — no member's score and no ranking of people.
 */
export async function quizStats(session: Session, input: { quizId: string; branchId?: string }): Promise<QuizStats> {
  const quiz = await managedQuiz(session, input.quizId);
  const scope = branchScope(session, quiz, input.branchId);
  const db = database();
  const _ = db.command;
  const stats = await getDoc<QuizStatsDoc>(COLLECTIONS.quizStats, quiz._id);
  if (!stats) throw notFound('没有找到该测试的统计');
  const entries = Object.entries(stats.branches).filter(([b]) => scope === null || b === scope);
  const [branches, items] = await Promise.all([
    getDocs<Pick<BranchDoc, '_id' | 'name'>>(
      db
        .collection(COLLECTIONS.branches)
        .where({ _id: _.in(entries.map(([b]) => b)) })
        .field({ _id: true, name: true })
        .limit(Math.max(1, entries.length)),
    ),
    currentItems(quiz._id, stats),
  ]);
  const itemIds = [...items.keys()];
  const questions: Pick<QuestionDoc, '_id' | 'stem' | 'options'>[] = [];
  for (let i = 0; i < itemIds.length; i += MAX_PAGE) {
    const chunk = itemIds.slice(i, i + MAX_PAGE);
    questions.push(
      ...(await getDocs<Pick<QuestionDoc, '_id' | 'stem' | 'options'>>(
        db
          .collection(COLLECTIONS.quizQuestions)
          .where({ _id: _.in(chunk) })
          .field({ _id: true, stem: true, options: true })
          .limit(chunk.length),
      )),
    );
  }
  const names = new Map(branches.map((b) => [b._id, b.name]));
  const questionById = new Map(questions.map((q) => [q._id, q]));
  const histogram = Array.from({ length: HISTOGRAM_BINS }, () => 0);
  let expected = 0;
  let taken = 0;
  let passed = 0;
  let scoreSum = 0;
  for (const [, b] of entries) {
    expected += b.expected;
    taken += b.taken;
    passed += b.passed;
    scoreSum += b.scoreSum;
    for (const [bin, n] of Object.entries(b.hist ?? {})) histogram[Number(bin)]! += n;
  }
  return {
    quizId: quiz._id,
    title: quiz.title,
    branchId: scope,
    expected,
    taken,
    passed,
    passRate: rate(passed, expected),
    average: average(scoreSum, taken),
    histogram,
    branches: entries.map(([branchId, b]) => ({
      branchId,
      name: names.get(branchId) ?? '（已撤销的支部）',
      expected: b.expected,
      taken: b.taken,
      passed: b.passed,
      passRate: rate(b.passed, b.expected),
      average: average(b.scoreSum, b.taken),
    })),
    attempts: stats.attempts,
    questions: [...items]
      .map(([questionId, item]) => {
        const f = facility(item);
        const d = discrimination(item);
        const wrong = Object.entries(item.w ?? {}).sort((a, b) => b[1] - a[1] || Number(a[0]) - Number(b[0]))[0];
        const question = questionById.get(questionId);
        const reason = dubiousReason(f, d, item.n);
        return {
          questionId,
          type: item.t,
          stem: question?.stem ?? '（题目已删除）',
          responses: item.n,
          facility: f,
          discrimination: d,
          commonWrong: wrong && wrong[1] > 0 ? (question?.options[Number(wrong[0])] ?? null) : null,
          commonWrongCount: wrong ? wrong[1] : 0,
          dubious: reason !== null,
          dubiousReason: reason,
        };
      })
      .sort((a, b) => Number(b.dubious) - Number(a.dubious) || a.facility - b.facility),
  };
}

/** Who has done the quiz in the caller's branch: status and pass/fail in roster order, no scores. */
export async function quizRoster(
  session: Session,
  input: { quizId: string; branchId?: string; page: number; pageSize: number },
) {
  const quiz = await managedQuiz(session, input.quizId);
  const scope = branchScope(session, quiz, input.branchId) ?? quiz.branchIds[0]!;
  const where = { quizId: quiz._id, branchId: scope };
  const { docs: seats, total } = await pageOf<QuizSeatDoc>(COLLECTIONS.quizSeats, where, [['memberId', 'asc']], input);
  return {
    items: seats.map((s) => ({
      memberId: s.memberId,
      name: s.memberName,
      state:
        s.submitted > 0
          ? s.passed
            ? ('passed' as const)
            : ('failed' as const)
          : s.open
            ? ('in_progress' as const)
            : ('not_started' as const),
      attemptsUsed: s.attempts,
    })),
    total,
  };
}
