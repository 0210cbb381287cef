import { createHash } from 'node:crypto';
import { COLLECTIONS, type StudyCompletionDoc, type StudyTaskDoc } from '@zhibu/types';
import { notFound } from '../runtime/app-error';
import { getDoc } from '../runtime/documents';

export const completionId = (taskId: string, memberId: string) => `${taskId}_${memberId}`;

/**
 * A task's id follows from the request that made it and the branch it is for, so the same request
 * sent again (a retry after a timeout, or a bureau fan-out that failed half-way) writes the same
 * ids and the database refuses the duplicates.
 */
export function taskIdFor(requestKey: string, branchId: string): string {
  return `t${createHash('sha256').update(`${requestKey}\u0000${branchId}`).digest('hex').slice(0, 20)}`;
}

export function pushIdFor(requestKey: string): string {
  return `sp${createHash('sha256').update(requestKey).digest('hex').slice(0, 16)}`;
}

export const NO_TASK = '没有找到该学习任务';

export async function taskOrFail(taskId: string): Promise<StudyTaskDoc> {
  const task = await getDoc<StudyTaskDoc>(COLLECTIONS.studyTasks, taskId);
  if (!task) throw notFound(NO_TASK);
  return task;
}

export const completionOf = (taskId: string, memberId: string) =>
  getDoc<StudyCompletionDoc>(COLLECTIONS.studyCompletions, completionId(taskId, memberId));
