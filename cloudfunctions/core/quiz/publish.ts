import {
  COLLECTIONS,
  type BranchDoc,
  type MemberDoc,
  type QuizBankDoc,
  type QuizDoc,
  type QuizSeatDoc,
  type QuizStatsDoc,
  type quizContract,
} from '@zhibu/types';
import type { z } from 'zod';
import { resolveExpected } from '../activity/audience';
import { activeBranchOrFail } from '../member/member.repository';
import { isAdmin, requireAdmin } from '../member/policy';
import type { Session } from '../member/session';
import { failedPrecondition, invalidArgument, notFound } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { isDuplicateKeyError } from '../runtime/db-errors';
import { getAllDocs, getDocs } from '../runtime/documents';
import { randomString } from '../runtime/ids';
import { beijingMonth } from '../runtime/time';
import { canUseBank, requireQuizManager } from './banks';
import { attachQuiz } from './counters';
import { shortfall } from './draw';
import { seatId } from './ids';

type CreateInput = z.infer<(typeof quizContract)['create']['input']>;

const SEAT_BATCH = 500;

/** The banks a quiz draws from: the ones named (each usable by the caller), or every usable one. */
async function resolveBanks(session: Session, bankIds: string[] | undefined, bureau: boolean): Promise<string[]> {
  const db = database();
  const _ = db.command;
  const where = bankIds
    ? { _id: _.in(bankIds) }
    : bureau
      ? { scope: 'bureau' }
      : _.or([{ scope: 'bureau' }, { scope: 'branch', branchId: session.member.branchId }]);
  const banks = await getDocs<QuizBankDoc>(db.collection(COLLECTIONS.quizBanks).where(where).limit(100));
  const usable = banks.filter((b) => canUseBank(session, b) && (!bureau || b.scope === 'bureau'));
  if (bankIds && usable.length !== new Set(bankIds).size) throw notFound('所选题库中有不存在或不能使用的');
  if (usable.length === 0) throw failedPrecondition('还没有可用的题库，请先建立题库并录入题目');
  return usable.map((b) => b._id);
}

/** Who sits the quiz, by branch: fixed now; members bound or moved later do not change 应考. */
async function resolveAudience(session: Session, input: CreateInput, bureau: boolean) {
  if (!bureau) {
    const branch = await activeBranchOrFail(session.member.branchId);
    const ids = await resolveExpected(branch, input.audience ?? { kind: 'branch' });
    const members = await getDocs<Pick<MemberDoc, '_id' | 'name' | 'branchId'>>(
      database()
        .collection(COLLECTIONS.members)
        .where({ _id: database().command.in(ids) })
        .field({ _id: true, name: true, branchId: true })
        .limit(ids.length),
    );
    const byId = new Map(members.map((m) => [m._id, m]));
    return ids.map((id) => byId.get(id)!).filter(Boolean);
  }
  const db = database();
  const _ = db.command;
  const branches = await getDocs<BranchDoc>(
    input.branchIds
      ? db
          .collection(COLLECTIONS.branches)
          .where({ _id: _.in(input.branchIds), active: true })
          .limit(input.branchIds.length)
      : db.collection(COLLECTIONS.branches).where({ active: true }).limit(1000),
  );
  if (input.branchIds && branches.length !== new Set(input.branchIds).size)
    throw notFound('所选支部中有不存在或已撤销的');
  const branchIds = branches.map((b) => b._id);
  return getAllDocs<Pick<MemberDoc, '_id' | 'name' | 'branchId'>>(() =>
    db
      .collection(COLLECTIONS.members)
      .where({ active: true, branchId: _.in(branchIds) })
      .field({ _id: true, name: true, branchId: true })
      .orderBy('createdAt', 'asc')
      .orderBy('_id', 'asc'),
  );
}

/** Step 3 of a publication: the seats appear in the members' lists, all in one update. */
export async function showSeats(quizId: string): Promise<void> {
  const db = database();
  await db
    .collection(COLLECTIONS.quizSeats)
    .where({ quizId, publishing: true })
    .update({ data: { publishing: db.command.remove() } });
}

/** Seats are written in batches; a batch that meets seats of an earlier try goes one by one. */
async function writeSeats(seats: QuizSeatDoc[]): Promise<void> {
  const collection = database().collection(COLLECTIONS.quizSeats);
  for (let i = 0; i < seats.length; i += SEAT_BATCH) {
    const batch = seats.slice(i, i + SEAT_BATCH);
    try {
      await collection.add({ data: batch });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      for (const seat of batch) {
        try {
          await collection.add({ data: seat });
        } catch (inner) {
          if (!isDuplicateKeyError(inner)) throw inner;
        }
      }
    }
  }
}

/**
 * Publishes a quiz. A branch committee sets one for its branch (with an audience as for
 * activities); a bureau admin without an audience sets one for every active branch, or the ones
 * named. Several writes, made safe this way:
 * 1. the quiz as `publishing` (nobody can start it), its statistics, its seats marked `publishing`
 *    (left out of every member's list; deterministic ids, a batch that meets seats already there
 *    goes one by one) and its month counters;
 * 2. the quiz `published` — from here it can be started;
 * 3. the seats unmarked, in one update — from here members see it.
 * A publication that stops in 1 leaves nothing a member can see or start, and the hourly job
 * withdraws it whole after PUBLISH_STUCK_MS (core/quiz/publish-repair.ts); the creator, told it
 * failed, publishes again. One that stops between 2 and 3 is finished by the same job.
 */
export async function createQuiz(session: Session, input: CreateInput): Promise<{ quizId: string }> {
  const bureau = isAdmin(session) && !input.audience;
  if (input.branchIds) requireAdmin(session);
  else requireQuizManager(session);
  if (Date.parse(input.closeAt) <= Date.now()) throw invalidArgument('截止时间已过，请重新选择');

  const bankIds = await resolveBanks(session, input.draw.bankIds, bureau);
  const rule = { ...input.draw, bankIds };
  const short = await shortfall(rule);
  if (short) throw failedPrecondition(short);
  const audience = await resolveAudience(session, input, bureau);
  if (audience.length === 0) throw invalidArgument('参加范围内没有党员');

  const openAt = new Date(input.openAt);
  const closeAt = new Date(input.closeAt);
  const quiz: QuizDoc = {
    _id: `qz${randomString(10)}`,
    title: input.title,
    scope: bureau ? 'bureau' : 'branch',
    branchId: bureau ? null : session.member.branchId,
    branchIds: [...new Set(audience.map((m) => m.branchId))],
    audience: bureau ? null : (input.audience ?? { kind: 'branch' }),
    openAt,
    closeAt,
    draw: rule,
    points: { single: 1, multiple: 1, judge: 1, ...input.points },
    passScore: input.passScore,
    timeLimitMinutes: input.timeLimitMinutes,
    maxAttempts: input.maxAttempts,
    countRule: input.countRule ?? 'best',
    multipleRule: input.multipleRule ?? 'all',
    showExplanations: input.showExplanations ?? true,
    status: 'publishing',
    month: beijingMonth(openAt),
    expected: audience.length,
    createdBy: session.member._id,
    createdByName: session.member.name,
    createdAt: new Date(),
  };
  const db = database();
  const { _id, ...data } = quiz;
  await db.collection(COLLECTIONS.quizzes).doc(_id).set({ data });

  const perBranch = new Map<string, number>();
  for (const m of audience) perBranch.set(m.branchId, (perBranch.get(m.branchId) ?? 0) + 1);
  const stats: QuizStatsDoc = {
    _id,
    attempts: 0,
    branches: Object.fromEntries(
      [...perBranch].map(([b, expected]) => [b, { expected, taken: 0, passed: 0, scoreSum: 0, hist: {} }]),
    ),
    foldDone: 0,
    fold: null,
  };
  const { _id: statsId, ...statsData } = stats;
  await db.collection(COLLECTIONS.quizStats).doc(statsId).set({ data: statsData });

  await writeSeats(
    audience.map((m) => ({
      _id: seatId(_id, m._id),
      quizId: _id,
      memberId: m._id,
      memberName: m.name,
      branchId: m.branchId,
      title: quiz.title,
      openAt,
      closeAt,
      timeLimitMinutes: quiz.timeLimitMinutes,
      questionCount: rule.count,
      passScore: quiz.passScore,
      maxAttempts: quiz.maxAttempts,
      attempts: 0,
      submitted: 0,
      open: null,
      lastAttemptId: null,
      best: null,
      last: null,
      counted: null,
      passed: false,
      publishing: true,
    })),
  );
  for (const [branchId, expected] of perBranch) await attachQuiz(branchId, quiz.month, _id, expected);
  await db
    .collection(COLLECTIONS.quizzes)
    .doc(_id)
    .update({ data: { status: 'published' } });
  await showSeats(_id);
  return { quizId: _id };
}
