import {
  COLLECTIONS,
  MAX_REFLECTION,
  reflectionLength,
  type CompletionView,
  type MemberDoc,
  type StudyCompletionDoc,
  type StudyProgress,
  type StudyTaskDoc,
  type studyContract,
} from '@zhibu/types';
import type { z } from 'zod';
import type { Session } from '../member/session';
import { failedPrecondition, invalidArgument, notFound } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { isDuplicateKeyError } from '../runtime/db-errors';
import { countDocs, getAllDocs, getDocs } from '../runtime/documents';
import { managedTask, visibleTask } from './access';
import { completionView, isEditable } from './completion-view';
import { bumpStudy } from './counters';
import { ensureStarted } from './start';
import { completionId, completionOf, NO_TASK } from './task.repository';

type Input<K extends keyof typeof studyContract> = z.infer<(typeof studyContract)[K]['input']>;

const iso = (d: Date) => new Date(d).toISOString();

/** The reflection as it is kept: trimmed plain text, or null when there is none. */
function checkedReflection(task: StudyTaskDoc, raw: string | undefined): string | null {
  const text = raw?.trim() ?? '';
  const length = reflectionLength(text);
  if (length > MAX_REFLECTION) throw invalidArgument(`心得体会不能超过 ${MAX_REFLECTION} 字`);
  if (task.reflectionMin !== null && length < task.reflectionMin) {
    throw invalidArgument(
      length === 0
        ? `这项学习需要写心得体会，至少 ${task.reflectionMin} 字`
        : `心得体会至少 ${task.reflectionMin} 字，现在是 ${length} 字`,
    );
  }
  return text === '' ? null : text;
}

/**
 * 完成学习. The first call records the completion (its `_id` makes it one per member and task) and
 * counts it; a later call changes the reflection while that is still allowed. Recording and
 * counting are separate writes; a crash between them is repaired by the recount.
 */
export async function complete(session: Session, input: Input<'complete'>) {
  const me = session.member;
  const task = await ensureStarted(await visibleTask(session, input.taskId));
  if (!task.audienceFixedAt) throw failedPrecondition('学习任务还没有开始');
  if (!task.expectedIds.includes(me._id)) throw failedPrecondition('你不在这项学习任务的范围内');
  const reflection = checkedReflection(task, input.reflection);
  const now = new Date();
  const late = now.getTime() > new Date(task.dueAt).getTime();
  const db = database();
  const doc: StudyCompletionDoc = {
    _id: completionId(task._id, me._id),
    taskId: task._id,
    memberId: me._id,
    memberName: me.name,
    branchId: task.branchId,
    taskTitle: task.title,
    completedAt: now,
    updatedAt: now,
    late,
    reflection,
    comment: null,
    excellent: false,
    sharedAt: null,
  };
  try {
    await db.collection(COLLECTIONS.studyCompletions).add({ data: doc });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    return updateReflection(task, me._id, reflection, input.reflection !== undefined, now);
  }
  const _ = db.command;
  await Promise.all([
    db
      .collection(COLLECTIONS.studyTasks)
      .doc(task._id)
      .update({ data: { doneIds: _.addToSet(me._id), ...(late ? { lateIds: _.addToSet(me._id) } : {}) } }),
    bumpStudy(task, { done: 1, late: late ? 1 : 0 }),
  ]);
  return { completedAt: iso(now), late };
}

/** A repeated 完成学习: changes the reflection while that is allowed; a plain repeat changes nothing. */
async function updateReflection(
  task: StudyTaskDoc,
  memberId: string,
  reflection: string | null,
  given: boolean,
  now: Date,
) {
  const existing = await completionOf(task._id, memberId);
  if (!existing) throw new Error(`completion of ${task._id} by ${memberId} reported as duplicate but not found`);
  const result = { completedAt: iso(existing.completedAt), late: existing.late };
  if (!given || reflection === existing.reflection) return result;
  const commented = () => failedPrecondition('支部已经点评，心得体会不能再修改');
  if (existing.comment) throw commented();
  if (!isEditable(task, existing, now)) throw failedPrecondition('已过截止时间，心得体会不能再修改');
  // Only while nobody has commented: a comment landing meanwhile wins.
  const updated = (await database()
    .collection(COLLECTIONS.studyCompletions)
    .where({ _id: existing._id, comment: null })
    .update({ data: { reflection, updatedAt: now } })) as { stats: { updated: number } };
  if (updated.stats.updated === 0) throw commented();
  return result;
}

export async function progress(session: Session, taskId: string): Promise<StudyProgress> {
  const task = await ensureStarted(await managedTask(session, taskId));
  const db = database();
  const [completions, members] = await Promise.all([
    getAllDocs<StudyCompletionDoc>(() =>
      db.collection(COLLECTIONS.studyCompletions).where({ taskId: task._id }).orderBy('completedAt', 'asc'),
    ),
    namesOf(task.expectedIds),
  ]);
  const expected = new Set(task.expectedIds);
  const done = completions.filter((c) => expected.has(c.memberId));
  const doneIds = new Set(done.map((c) => c.memberId));
  return {
    taskId: task._id,
    title: task.title,
    dueAt: iso(task.dueAt),
    reflectionMin: task.reflectionMin,
    started: task.audienceFixedAt !== null,
    audienceCount: expected.size,
    doneCount: done.length,
    lateCount: done.filter((c) => c.late).length,
    done: done.map((c) => ({
      memberId: c.memberId,
      name: members.get(c.memberId) ?? c.memberName,
      completedAt: iso(c.completedAt),
      late: c.late,
      hasReflection: c.reflection !== null,
      commented: c.comment !== null,
      excellent: c.excellent,
    })),
    todo: task.expectedIds
      .filter((id) => !doneIds.has(id))
      .map((id) => ({ memberId: id, name: members.get(id) ?? '（已调出）' })),
  };
}

/** Names of an audience, in pages of the server SDK's `in` limit. */
async function namesOf(ids: string[]): Promise<Map<string, string>> {
  const db = database();
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const members = await getDocs<Pick<MemberDoc, '_id' | 'name'>>(
      db
        .collection(COLLECTIONS.members)
        .where({ _id: db.command.in(chunk) })
        .field({ _id: true, name: true })
        .limit(chunk.length),
    );
    for (const m of members) out.set(m._id, m.name);
  }
  return out;
}

async function managedCompletion(session: Session, taskId: string, memberId: string) {
  const task = await managedTask(session, taskId);
  const completion = await completionOf(task._id, memberId);
  if (!completion) throw notFound('该党员还没有完成这项学习');
  return { task, completion };
}

/** One member's completion and reflection, for the committee that reads and comments on it. */
export async function completion(session: Session, input: Input<'completion'>): Promise<CompletionView> {
  const { completion: c } = await managedCompletion(session, input.taskId, input.memberId);
  return completionView(c);
}

/**
 * 点评, and optionally 优秀 (shared with the branch). Once commented, the member's reflection is
 * fixed; the committee may change its own comment.
 */
export async function comment(session: Session, input: Input<'comment'>): Promise<CompletionView> {
  const { completion: c } = await managedCompletion(session, input.taskId, input.memberId);
  const now = new Date();
  const excellent = input.excellent ?? c.excellent;
  const changes = {
    comment: database().command.set({ text: input.text, by: session.member._id, byName: session.member.name, at: now }),
    excellent,
    sharedAt: excellent ? (c.sharedAt ?? now) : null,
  };
  await database().collection(COLLECTIONS.studyCompletions).doc(c._id).update({ data: changes });
  return completionView({
    ...c,
    comment: { text: input.text, by: session.member._id, byName: session.member.name, at: now },
    excellent,
    sharedAt: changes.sharedAt,
  });
}

/**
 * The reflections marked 优秀 in the caller's own branch, with their authors' names. Nothing else
 * of anyone's reflection is shown to other members.
 */
export async function shared(session: Session, input: Input<'shared'>) {
  const db = database();
  const branchId = session.member.branchId;
  if (input.taskId) {
    const task = await visibleTask(session, input.taskId);
    if (task.branchId !== branchId) throw notFound(NO_TASK);
  }
  const where: Record<string, unknown> = { branchId, excellent: true };
  if (input.taskId) where.taskId = input.taskId;
  const [items, total] = await Promise.all([
    getDocs<StudyCompletionDoc>(
      db
        .collection(COLLECTIONS.studyCompletions)
        .where(where)
        .orderBy('sharedAt', 'desc')
        .skip((input.page - 1) * input.pageSize)
        .limit(input.pageSize),
    ),
    countDocs(db.collection(COLLECTIONS.studyCompletions).where(where)),
  ]);
  return {
    items: items.map((c) => ({
      taskId: c.taskId,
      taskTitle: c.taskTitle,
      memberName: c.memberName,
      reflection: c.reflection ?? '',
      sharedAt: iso(c.sharedAt ?? c.updatedAt),
    })),
    total,
  };
}

export { isEditable };
