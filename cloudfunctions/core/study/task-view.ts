import type { StudyTaskDetail, StudyTaskDoc, StudyTaskSummary } from '@zhibu/types';
import { beijingDate } from '../runtime/time';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole Beijing calendar days from `now` to `due`: 0 on the due day itself, negative after it. */
export function daysLeft(due: Date, now = new Date()): number {
  return Math.round((Date.parse(beijingDate(due)) - Date.parse(beijingDate(now))) / DAY_MS);
}

export function toTaskSummary(task: StudyTaskDoc, memberId: string, now = new Date()): StudyTaskSummary {
  return {
    taskId: task._id,
    branchId: task.branchId,
    title: task.title,
    startAt: new Date(task.startAt).toISOString(),
    dueAt: new Date(task.dueAt).toISOString(),
    daysLeft: daysLeft(new Date(task.dueAt), now),
    reflectionMin: task.reflectionMin,
    done: task.doneIds.includes(memberId),
    late: task.lateIds.includes(memberId),
  };
}

export type TaskDetailExtras = Pick<StudyTaskDetail, 'canManage' | 'mine'> & { urls: Map<string, string | null> };

export function toTaskDetail(task: StudyTaskDoc, memberId: string, extras: TaskDetailExtras): StudyTaskDetail {
  return {
    ...toTaskSummary(task, memberId),
    material: {
      text: task.material.text,
      attachments: task.material.attachments.map((a) => ({ ...a, url: extras.urls.get(a.fileId) ?? null })),
      links: task.material.links,
    },
    audience: task.audience,
    createdByName: task.createdByName,
    canManage: extras.canManage,
    inAudience: task.expectedIds.includes(memberId),
    started: task.audienceFixedAt !== null,
    mine: extras.mine,
    pushId: task.pushId,
  };
}
