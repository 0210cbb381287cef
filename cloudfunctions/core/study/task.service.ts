import {
  COLLECTIONS,
  type BranchDoc,
  type CreateTaskInput,
  type StudyTaskDetail,
  type StudyTaskDoc,
  type StudyTaskSummary,
  type studyContract,
} from '@zhibu/types';
import type { z } from 'zod';
import { photoUrls } from '../activity/minutes.service';
import { isFileIn } from '../notice/attachments';
import { resolveExpected } from '../activity/audience';
import { activeBranchOrFail, memberRepository } from '../member/member.repository';
import { canManageBranch, isAdmin, isCommitteeOf, requireBranchManager } from '../member/policy';
import type { Session } from '../member/session';
import { failedPrecondition, forbidden, invalidArgument, notFound } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { isDuplicateKeyError } from '../runtime/db-errors';
import { getDoc, getDocs, pageOf } from '../runtime/documents';
import { beijingMonth } from '../runtime/time';
import { visibleTask } from './access';
import { myCompletionView } from './completion-view';
import { attachStudy, studyCountersOf } from './counters';
import { ensureStarted } from './start';
import { completionOf, pushIdFor, taskIdFor } from './task.repository';
import { toTaskDetail, toTaskSummary } from './task-view';

type Input<K extends keyof typeof studyContract> = z.infer<(typeof studyContract)[K]['input']>;

/** The storage folder the task form uploads a branch's study material to; the client names it the same way. */
export const studyFolder = (branchId: string) => `study/${branchId}/`;

/** Branches at once in a bureau fan-out: enough to finish 200 branches well inside the timeout. */
const FAN_OUT_CHUNK = 8;

/**
 * Writes one branch's task. Idempotent: the id follows from the request, so a second call meets
 * the first one's document and only makes sure it is counted.
 */
async function insertTask(
  session: Session,
  branch: BranchDoc,
  input: CreateTaskInput,
  requestKey: string,
  pushId: string | null,
  now: Date,
): Promise<string | null> {
  const db = database();
  const audience = input.audience ?? { kind: 'branch' as const };
  const startAt = input.startAt ? new Date(input.startAt) : now;
  const startsNow = startAt.getTime() <= now.getTime();
  const expectedIds = startsNow ? await resolveExpected(branch, audience, pushId !== null) : [];
  // A pushed task skips a branch with nobody in it yet (a branch just created, say).
  if (startsNow && expectedIds.length === 0) return null;
  if (!startsNow && audience.kind !== 'branch') await resolveExpected(branch, audience); // checks it now
  const task: StudyTaskDoc = {
    _id: taskIdFor(requestKey, branch._id),
    branchId: branch._id,
    title: input.title,
    material: {
      text: input.material.text ?? '',
      attachments: (input.material.attachments ?? []).map(({ fileId, name }) => ({ fileId, name })),
      links: input.material.links ?? [],
    },
    startAt,
    dueAt: new Date(input.dueAt),
    month: beijingMonth(new Date(input.dueAt)),
    audience,
    expectedIds,
    audienceFixedAt: startsNow ? now : null,
    doneIds: [],
    lateIds: [],
    reflectionMin: input.reflection ? input.reflection.minLength : null,
    pushId,
    createdBy: session.member._id,
    createdByName: session.member.name,
    createdAt: now,
  };
  try {
    await db.collection(COLLECTIONS.studyTasks).add({ data: task });
    if (startsNow) await attachStudy(task, expectedIds.length);
    return task._id;
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
  // Sent before: finish what the first attempt may have left undone.
  const existing = await getDoc<StudyTaskDoc>(COLLECTIONS.studyTasks, task._id);
  if (!existing) throw new Error(`task ${task._id} reported as duplicate but not found`);
  if (existing.audienceFixedAt) await attachStudy(existing, existing.expectedIds.length);
  return existing._id;
}

function requestKeyOf(session: Session, input: CreateTaskInput): string {
  return [session.member._id, input.requestId ?? '', input.title, input.startAt ?? '', input.dueAt].join('\u0000');
}

export async function createTask(
  session: Session,
  input: CreateTaskInput,
): Promise<{ taskId: string; taskIds: string[] }> {
  const now = new Date();
  if (new Date(input.dueAt).getTime() <= now.getTime()) throw invalidArgument('截止时间应晚于现在');
  // Only files uploaded into the caller's own branch folder: a task cannot point at another branch's
  // material, minutes photos or a notice poster's files.
  for (const file of input.material.attachments ?? []) {
    if (!isFileIn(file.fileId, studyFolder(session.member.branchId)))
      throw invalidArgument(`附件「${file.name}」不是本支部上传的文件，请重新上传`);
  }
  const key = requestKeyOf(session, input);
  const bureau = isAdmin(session);
  if (input.branchIds && !bureau) throw forbidden('只有局党委管理员可以向多个支部布置学习任务');
  if (!bureau) {
    requireBranchManager(session, session.member.branchId);
    const branch = await activeBranchOrFail(session.member.branchId);
    const taskId = await insertTask(session, branch, input, key, null, now);
    if (!taskId) throw invalidArgument('应学人员为空，请检查学习范围');
    return { taskId, taskIds: [taskId] };
  }
  return fanOut(session, input, key, now);
}

/**
 * The bureau's task goes to every branch, or to the ones it names, as one task per branch with an
 * id from the request and the branch: a retry after a failure half-way writes only what is missing.
 */
async function fanOut(
  session: Session,
  input: CreateTaskInput,
  key: string,
  now: Date,
): Promise<{ taskId: string; taskIds: string[] }> {
  const db = database();
  const { branchIds, audience: _audience, ...fields } = input;
  const branches = await getDocs<BranchDoc>(
    branchIds
      ? db
          .collection(COLLECTIONS.branches)
          .where({ _id: db.command.in(branchIds), active: true })
          .limit(branchIds.length)
      : db.collection(COLLECTIONS.branches).where({ active: true }).orderBy('createdAt', 'asc').limit(1000),
  );
  if (branchIds && branches.length !== new Set(branchIds).size) throw notFound('所选支部中有不存在或已撤销的');
  const pushId = pushIdFor(key);
  const taskIds: string[] = [];
  for (let i = 0; i < branches.length; i += FAN_OUT_CHUNK) {
    const ids = await Promise.all(
      branches.slice(i, i + FAN_OUT_CHUNK).map((branch) => insertTask(session, branch, fields, key, pushId, now)),
    );
    for (const id of ids) if (id) taskIds.push(id);
  }
  if (taskIds.length === 0) throw failedPrecondition('所选支部都还没有党员');
  return { taskId: pushId, taskIds };
}

/** A member's own tasks: one query and one count, on top of the caller's identity. */
export async function listTasks(
  session: Session,
  input: Input<'list'>,
): Promise<{ items: StudyTaskSummary[]; total: number }> {
  const db = database();
  const _ = db.command;
  const me = session.member._id;
  const where = input.status === 'todo' ? { expectedIds: me, doneIds: _.nin([me]) } : { expectedIds: me, doneIds: me };
  const { docs: tasks, total } = await pageOf<StudyTaskDoc>(
    COLLECTIONS.studyTasks,
    where,
    [
      ['dueAt', input.status === 'todo' ? 'asc' : 'desc'],
      ['_id', 'asc'],
    ],
    input,
  );
  const now = new Date();
  return { items: tasks.map((t) => toTaskSummary(t, me, now)), total };
}

export async function getTask(session: Session, taskId: string): Promise<StudyTaskDetail> {
  const task = await ensureStarted(await visibleTask(session, taskId));
  const me = session.member._id;
  const [completion, urls] = await Promise.all([
    task.expectedIds.includes(me) ? completionOf(task._id, me) : null,
    photoUrls(task.material.attachments.map((a) => a.fileId)),
  ]);
  return toTaskDetail(task, me, {
    canManage: canManageBranch(session, task.branchId),
    mine: completion ? myCompletionView(task, completion) : null,
    urls,
  });
}

/** The tasks of one branch, newest due first, with their counters: the committee's view. */
export async function manageList(session: Session, input: Input<'manageList'>) {
  const branchId = input.branchId ?? session.member.branchId;
  if (!isAdmin(session) && !isCommitteeOf(session, session.member.branchId))
    throw forbidden('只有支部委员或局党委管理员可以查看');
  // Another branch's list is answered as a missing branch, like any other branch's record.
  if (!canManageBranch(session, branchId)) throw notFound('没有找到该支部');
  if (branchId !== session.member.branchId && !(await memberRepository.branch(branchId)))
    throw notFound('没有找到该支部');
  const where = { branchId };
  const { docs: page, total } = await pageOf<StudyTaskDoc>(
    COLLECTIONS.studyTasks,
    where,
    [
      ['dueAt', 'desc'],
      ['_id', 'asc'],
    ],
    input,
  );
  const tasks = await Promise.all(page.map((t) => ensureStarted(t)));
  const counters = await studyCountersOf(tasks);
  return {
    items: tasks.map((t) => ({
      taskId: t._id,
      title: t.title,
      startAt: new Date(t.startAt).toISOString(),
      dueAt: new Date(t.dueAt).toISOString(),
      reflectionMin: t.reflectionMin,
      started: t.audienceFixedAt !== null,
      expected: counters.get(t._id)?.expected ?? t.expectedIds.length,
      done: counters.get(t._id)?.done ?? t.doneIds.length,
      pushId: t.pushId,
    })),
    total,
  };
}
