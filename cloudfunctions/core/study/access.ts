import type { StudyTaskDoc } from '@zhibu/types';
import { canManageBranch } from '../member/policy';
import type { Session } from '../member/session';
import { forbidden, notFound } from '../runtime/app-error';
import { NO_TASK, taskOrFail } from './task.repository';

/**
 * Who may see a task: its branch committee and the bureau, and the members who must study it.
 * A branch-wide task is also open to the rest of its branch once it has started (someone who
 * joined later may read it, without counting in 应学). Anyone else is told it does not exist.
 */
export function canSeeTask(session: Session, task: StudyTaskDoc): boolean {
  const me = session.member;
  return (
    canManageBranch(session, task.branchId) ||
    task.expectedIds.includes(me._id) ||
    (me.branchId === task.branchId && task.audience.kind === 'branch' && task.audienceFixedAt !== null)
  );
}

export async function visibleTask(session: Session, taskId: string): Promise<StudyTaskDoc> {
  const task = await taskOrFail(taskId);
  if (!canSeeTask(session, task)) throw notFound(NO_TASK);
  return task;
}

/** A task the caller runs: its branch committee, or a bureau admin. */
export async function managedTask(session: Session, taskId: string): Promise<StudyTaskDoc> {
  const task = await visibleTask(session, taskId);
  if (!canManageBranch(session, task.branchId)) throw forbidden('只有本支部的支部委员可以进行此操作');
  return task;
}
