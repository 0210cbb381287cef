import cloud from 'wx-server-sdk';
import type { BranchMonthDoc, StudyProgress, StudyTaskDetail } from '@zhibu/types';
import { getDoc } from '../../../cloudfunctions/core/runtime/documents';
import { COLLECTIONS, type Fixture } from '../../support/fixture';

const DAY = 24 * 3600_000;

export const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

/** A study task's input: due in a week, starting now, reflection of 200 characters unless told. */
export function taskInput(overrides: Record<string, unknown> = {}) {
  return {
    title: '学习党的二十届四中全会精神',
    material: { text: '请认真学习全会公报，结合教育教学工作谈体会。', links: ['https://www.gov.cn/'] },
    dueAt: inDays(7),
    reflection: { minLength: 200 },
    ...overrides,
  };
}

export async function createTask(
  fx: Fixture,
  caller: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const result = await fx.call<{ taskId: string }>(caller, 'study', 'createTask', taskInput(overrides));
  if (!result.ok) throw new Error(`could not create a task: ${result.message}`);
  return result.data.taskId;
}

export async function taskDetail(fx: Fixture, caller: string, taskId: string): Promise<StudyTaskDetail> {
  const result = await fx.call<StudyTaskDetail>(caller, 'study', 'get', { taskId });
  if (!result.ok) throw new Error(`could not read task ${taskId}: ${result.message}`);
  return result.data;
}

export async function progressOf(fx: Fixture, caller: string, taskId: string): Promise<StudyProgress> {
  const result = await fx.call<StudyProgress>(caller, 'study', 'progress', { taskId });
  if (!result.ok) throw new Error(`could not read progress of ${taskId}: ${result.message}`);
  return result.data;
}

/** Moves a task's dates, as time passing would: the tests cannot wait for a due date. */
export async function setTaskDates(taskId: string, dates: { startAt?: string; dueAt?: string }): Promise<void> {
  const data: Record<string, Date> = {};
  if (dates.startAt) data.startAt = new Date(dates.startAt);
  if (dates.dueAt) data.dueAt = new Date(dates.dueAt);
  await cloud.database().collection(COLLECTIONS.studyTasks).doc(taskId).update({ data });
}

export async function studyCounters(branchId: string, month: string) {
  return (await getDoc<BranchMonthDoc>(COLLECTIONS.branchMonths, `${branchId}_${month}`))?.study;
}

/** `n` characters of text, each one 汉字 (three bytes in UTF-8). */
export const hanzi = (n: number) => '学'.repeat(n);
