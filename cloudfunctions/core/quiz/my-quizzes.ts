import {
  COLLECTIONS,
  type MyQuizState,
  type QuizAttemptDoc,
  type QuizDetail,
  type QuizDoc,
  type QuizSeatDoc,
  type QuizSummary,
} from '@zhibu/types';
import type { Session } from '../member/session';
import { notFound } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { getDoc, pageOf } from '../runtime/documents';
import { closeIfAbandoned, isPastGrace } from './finalize';
import { seatId } from './ids';

/** A member who failed with attempts left sees `failed` and may start again while the quiz is open. */
function stateOf(seat: QuizSeatDoc, now: number): MyQuizState {
  if (seat.open && !isPastGrace({ deadline: seat.open.deadline }, now)) return 'in_progress';
  // An abandoned attempt counts as taken: it is scored from its saved answers on the next read.
  if (seat.submitted > 0 || seat.open) return seat.passed ? 'passed' : 'failed';
  if (now < new Date(seat.openAt).getTime()) return 'upcoming';
  return now < new Date(seat.closeAt).getTime() ? 'todo' : 'missed';
}

export function toSummary(seat: QuizSeatDoc, now: number): QuizSummary {
  return {
    quizId: seat.quizId,
    title: seat.title,
    openAt: new Date(seat.openAt).toISOString(),
    closeAt: new Date(seat.closeAt).toISOString(),
    timeLimitMinutes: seat.timeLimitMinutes,
    questionCount: seat.questionCount,
    passScore: seat.passScore,
    maxAttempts: seat.maxAttempts,
    attemptsUsed: seat.attempts,
    score: seat.counted,
    state: stateOf(seat, now),
    openAttemptId: seat.open && !isPastGrace({ deadline: seat.open.deadline }, now) ? seat.open.attemptId : null,
    lastAttemptId: seat.lastAttemptId,
  };
}

/**
 * The caller's quizzes, from their own seats alone (each carries what the list shows): the session,
 * one page, one count. `open`: not yet closed, closing soonest first; `past`: closed, latest first.
 */
export async function listMyQuizzes(
  session: Session,
  input: { scope: 'open' | 'past'; page: number; pageSize: number },
) {
  const db = database();
  const _ = db.command;
  const now = Date.now();
  const where = {
    memberId: session.member._id,
    closeAt: input.scope === 'open' ? _.gt(new Date(now)) : _.lte(new Date(now)),
    // Seats of a quiz still being published are not shown (core/quiz/publish.ts).
    publishing: _.neq(true),
  };
  const { docs: seats, total } = await pageOf<QuizSeatDoc>(
    COLLECTIONS.quizSeats,
    where,
    [['closeAt', input.scope === 'open' ? 'asc' : 'desc']],
    input,
  );
  return { items: seats.map((s) => toSummary(s, now)), total };
}

/** One quiz as its member sees it; an attempt abandoned past its deadline is scored on the way. */
export async function getMyQuiz(session: Session, quizId: string): Promise<QuizDetail> {
  const [quiz, seat] = await Promise.all([
    getDoc<QuizDoc>(COLLECTIONS.quizzes, quizId),
    getDoc<QuizSeatDoc>(COLLECTIONS.quizSeats, seatId(quizId, session.member._id)),
  ]);
  if (!quiz || !seat || quiz.status !== 'published') throw notFound('没有找到该测试，或您不在本次测试的参加范围内');
  let current = seat;
  const now = Date.now();
  if (seat.open && isPastGrace({ deadline: seat.open.deadline }, now)) {
    const attempt = await getDoc<QuizAttemptDoc>(COLLECTIONS.quizAttempts, seat.open.attemptId);
    if (attempt) await closeIfAbandoned(attempt, now);
    current = (await getDoc<QuizSeatDoc>(COLLECTIONS.quizSeats, seat._id)) ?? seat;
  }
  return {
    ...toSummary(current, now),
    countRule: quiz.countRule,
    multipleRule: quiz.multipleRule,
    showExplanations: quiz.showExplanations,
    serverTime: new Date(now).toISOString(),
  };
}
