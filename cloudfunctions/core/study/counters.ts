import { COLLECTIONS, type BranchMonthDoc, type StudyCounters, type StudyTaskDoc } from '@zhibu/types';
import { database } from '../runtime/cloud';
import { getDocs } from '../runtime/documents';
import { countOnce, monthDocId, updateCounters } from '../stats/rollup';

/**
 * Study counters live in the branch-month documents beside the activities' (`study.tasks.<id>` and
 * the month's totals), kept with `_.inc` on write. `recount.ts` repairs them entry by entry.
 */
type Task = Pick<StudyTaskDoc, '_id' | 'branchId' | 'month'>;

const entryPath = (taskId: string) => `study.tasks.${taskId}`;

/**
 * Counts a task that has just started in its month: its 应学 and zero done. Safe to call again —
 * the update only applies while the task has no entry yet — so a retried creation or a second
 * start never counts a task twice nor overwrites completions already counted.
 */
export async function attachStudy(task: Task, expected: number, counted?: StudyCounters): Promise<boolean> {
  const _ = database().command;
  const entry: StudyCounters = counted ?? { expected, done: 0, late: 0 };
  return countOnce(
    task.branchId,
    task.month,
    { [entryPath(task._id)]: _.exists(false) },
    {
      [entryPath(task._id)]: _.set(entry),
      'study.expected': _.inc(entry.expected),
      'study.done': _.inc(entry.done),
      'study.late': _.inc(entry.late),
    },
  );
}

/** One more done (and late) for a task and its month. */
export async function bumpStudy(task: Task, delta: { done: number; late: number }): Promise<void> {
  const _ = database().command;
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(delta)) {
    if (!value) continue;
    data[`${entryPath(task._id)}.${key}`] = _.inc(value);
    data[`study.${key}`] = _.inc(value);
  }
  if (Object.keys(data).length === 0) return;
  await updateCounters(task.branchId, task.month, {}, data);
}

/** The counters of some tasks, reading each month document once. */
export async function studyCountersOf(tasks: Task[]): Promise<Map<string, StudyCounters>> {
  const ids = [...new Set(tasks.map((t) => monthDocId(t.branchId, t.month)))];
  if (ids.length === 0) return new Map();
  const db = database();
  const docs = await getDocs<Pick<BranchMonthDoc, 'study'>>(
    db
      .collection(COLLECTIONS.branchMonths)
      .where({ _id: db.command.in(ids) })
      .field({ study: true })
      .limit(ids.length),
  );
  const out = new Map<string, StudyCounters>();
  for (const doc of docs) for (const [id, c] of Object.entries(doc.study?.tasks ?? {})) out.set(id, c);
  return out;
}
