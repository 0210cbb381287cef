import {
  COLLECTIONS,
  type AttemptResult,
  type QuizAttempt,
  type QuizAttemptDoc,
  type QuizDoc,
  type QuizSeatDoc,
  type quizContract,
} from '@zhibu/types';
import type { z } from 'zod';
import type { Session } from '../member/session';
import { conflict, failedPrecondition, invalidArgument, notFound } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { isDuplicateKeyError } from '../runtime/db-errors';
import { getDoc } from '../runtime/documents';
import { drawQuestions } from './draw';
import { closeIfAbandoned, finalizeAttempt, GRACE_MS, isPastGrace } from './finalize';
import { attemptId, seatId } from './ids';
import { buildPaper, limitsOf, publicQuestions } from './paper';

type Input<K extends keyof typeof quizContract> = z.infer<(typeof quizContract)[K]['input']>;

const NO_QUIZ = '没有找到该测试，或您不在本次测试的参加范围内';

function attemptView(attempt: QuizAttemptDoc, now: number): QuizAttempt {
  return {
    attemptId: attempt._id,
    quizId: attempt.quizId,
    title: attempt.title,
    deadline: new Date(attempt.deadline).toISOString(),
    serverTime: new Date(now).toISOString(),
    questions: publicQuestions(attempt),
    saved: attempt.answers,
  };
}

/** The caller's own attempt; anyone else's answers NOT_FOUND, exactly like a missing one. */
async function myAttempt(session: Session, id: string): Promise<QuizAttemptDoc> {
  const attempt = await getDoc<QuizAttemptDoc>(COLLECTIONS.quizAttempts, id);
  if (!attempt || attempt.memberId !== session.member._id) throw notFound('没有找到该答卷');
  return attempt;
}

/**
 * Starts an attempt, or resumes the open one. The server draws the paper (one aggregation with
 * `$sample`), shuffles each question's options, stores the paper with its keys, and fixes the
 * deadline as the earlier of now + the time limit and the close time. The member receives the
 * questions only. At most six database operations: session, quiz, seat, draw, attempt, seat.
 * The attempt's id is `<quizId>_<memberId>_<n>`, so two starts racing for the n-th attempt make
 * one attempt between them: the loser finds the winner's and resumes it.
 */
export async function startAttempt(session: Session, quizId: string): Promise<QuizAttempt> {
  const me = session.member._id;
  const [quiz, found] = await Promise.all([
    getDoc<QuizDoc>(COLLECTIONS.quizzes, quizId),
    getDoc<QuizSeatDoc>(COLLECTIONS.quizSeats, seatId(quizId, me)),
  ]);
  if (!quiz || !found) throw notFound(NO_QUIZ);
  let seat = found;
  if (quiz.status !== 'published') throw failedPrecondition('测试正在发布中，请稍后再试');
  let now = Date.now();

  if (seat.open) {
    const open = await getDoc<QuizAttemptDoc>(COLLECTIONS.quizAttempts, seat.open.attemptId);
    if (open && open.status === 'open') {
      if (now < new Date(open.deadline).getTime()) return attemptView(open, now);
      // Its time is up: score what was saved, then go on to a new attempt if one is left, from
      // the seat as that scoring left it (a rare path, allowed a few more operations).
      await finalizeAttempt(open, open.answers, true, now);
      seat = (await getDoc<QuizSeatDoc>(COLLECTIONS.quizSeats, seat._id)) ?? seat;
      now = Date.now();
    }
  }
  if (now < new Date(quiz.openAt).getTime()) throw failedPrecondition('测试尚未开始');
  if (now >= new Date(quiz.closeAt).getTime()) throw failedPrecondition('测试已截止');
  if (seat.attempts >= quiz.maxAttempts) throw failedPrecondition(`本次测试最多作答 ${quiz.maxAttempts} 次，您已用完`);

  const n = seat.attempts + 1;
  const drawn = await drawQuestions(quiz);
  if (drawn.length < quiz.draw.count) throw failedPrecondition('题库中可用的题目不足，请联系出题的支部书记');
  const paper = buildPaper(drawn, quiz.points);
  const deadline = new Date(Math.min(now + quiz.timeLimitMinutes * 60_000, new Date(quiz.closeAt).getTime()));
  const attempt: QuizAttemptDoc = {
    _id: attemptId(quizId, me, n),
    quizId,
    memberId: me,
    branchId: seat.branchId,
    n,
    title: quiz.title,
    status: 'open',
    startedAt: new Date(now),
    deadline,
    paper,
    limits: limitsOf(paper),
    answers: {},
    multipleRule: quiz.multipleRule,
    passScore: quiz.passScore,
    countRule: quiz.countRule,
    showExplanations: quiz.showExplanations,
    month: quiz.month,
    prev: { submitted: seat.submitted, best: seat.best, counted: seat.counted, passed: seat.passed },
    score: null,
    passed: null,
    submittedAt: null,
    closedByDeadline: false,
    earned: [],
    wrong: [],
    wrongCount: 0,
  };
  const db = database();
  try {
    await db.collection(COLLECTIONS.quizAttempts).add({ data: attempt });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const winner = await getDoc<QuizAttemptDoc>(COLLECTIONS.quizAttempts, attempt._id);
    if (winner && winner.status === 'open') return attemptView(winner, Date.now());
    throw conflict('操作冲突，请重新进入测试');
  }
  await db
    .collection(COLLECTIONS.quizSeats)
    .doc(seat._id)
    .update({ data: { attempts: n, open: { attemptId: attempt._id, deadline } } });
  return attemptView(attempt, now);
}

function checkChoice(attempt: QuizAttemptDoc, questionId: string, choice: number[]): void {
  const limit = Object.prototype.hasOwnProperty.call(attempt.limits, questionId) ? attempt.limits[questionId] : null;
  if (!limit) throw invalidArgument('这道题不在本次试卷中');
  if (choice.some((c) => c >= limit.n)) throw invalidArgument('所选选项不存在');
  if (choice.length > limit.m) throw invalidArgument('这道题只能选一个答案');
}

/**
 * Saves one answer as the member goes: two database operations (session, one conditional update).
 * The update itself checks that the attempt is the caller's, still open, inside its deadline plus
 * grace, and that the question and options exist on this paper; only a refusal reads to explain.
 */
export async function saveAnswer(session: Session, input: Input<'answer'>) {
  const db = database();
  const _ = db.command;
  const now = Date.now();
  const maxIndex = input.choice.length ? Math.max(...input.choice) : -1;
  const result = (await db
    .collection(COLLECTIONS.quizAttempts)
    .where({
      _id: input.attemptId,
      memberId: session.member._id,
      status: 'open',
      deadline: _.gt(new Date(now - GRACE_MS)),
      [`limits.${input.questionId}.n`]: _.gt(maxIndex),
      [`limits.${input.questionId}.m`]: _.gte(input.choice.length),
    })
    .update({ data: { [`answers.${input.questionId}`]: _.set(input.choice) } })) as { stats: { updated: number } };
  if (result.stats.updated === 0) {
    const attempt = await myAttempt(session, input.attemptId);
    if (attempt.status !== 'open') throw failedPrecondition('已交卷，答案不能再修改');
    if (isPastGrace(attempt, now)) throw failedPrecondition('作答时间已到，答案不能再修改');
    checkChoice(attempt, input.questionId, input.choice);
    throw conflict('保存失败，请重试');
  }
  return { savedAt: new Date(now).toISOString(), serverTime: new Date(now).toISOString() };
}

export function resultView(attempt: QuizAttemptDoc): AttemptResult {
  const correct = attempt.earned.filter((e, i) => e === attempt.paper[i]!.points).length;
  const review = attempt.showExplanations
    ? attempt.paper
        .map((q, i) => ({ q, i }))
        .filter(({ i }) => attempt.earned[i] !== attempt.paper[i]!.points)
        .map(({ q, i }) => ({
          questionId: q.questionId,
          type: q.type,
          stem: q.stem,
          options: q.options,
          chosen: attempt.answers[q.questionId] ?? [],
          correct: false,
          answer: q.answer,
          explanation: q.explanation,
          earned: (attempt.earned[i] ?? 0) / 100,
          points: q.points / 100,
        }))
    : undefined;
  return {
    attemptId: attempt._id,
    quizId: attempt.quizId,
    title: attempt.title,
    score: attempt.score ?? 0,
    passed: attempt.passed ?? false,
    passScore: attempt.passScore,
    correctCount: correct,
    questionCount: attempt.paper.length,
    submittedAt: new Date(attempt.submittedAt ?? attempt.deadline).toISOString(),
    closedByDeadline: attempt.closedByDeadline,
    ...(review ? { review } : {}),
  };
}

/**
 * Scores the attempt on the server: six operations at most (session, attempt, and the four writes
 * of finalizeAttempt). Answers sent with the submission count only until the deadline plus grace;
 * after that the attempt is scored from what was saved in time. A second submit answers the first
 * one's result.
 */
export async function submitAttempt(session: Session, input: Input<'submit'>): Promise<AttemptResult> {
  const attempt = await myAttempt(session, input.attemptId);
  if (attempt.status === 'submitted') return resultView(attempt);
  const now = Date.now();
  const late = isPastGrace(attempt, now);
  const answers = { ...attempt.answers };
  if (!late) {
    for (const [questionId, choice] of Object.entries(input.answers ?? {})) {
      checkChoice(attempt, questionId, choice);
      answers[questionId] = choice;
    }
  }
  const done = await finalizeAttempt(attempt, answers, late, now);
  if (done) return resultView(done);
  return resultView(await myAttempt(session, input.attemptId));
}

/** The result of one of the caller's attempts; an abandoned one is scored now, from what was saved. */
export async function attemptResult(session: Session, id: string): Promise<AttemptResult> {
  const attempt = await closeIfAbandoned(await myAttempt(session, id), Date.now());
  if (attempt.status !== 'submitted') throw failedPrecondition('尚未交卷，交卷后才能查看成绩');
  return resultView(attempt);
}
