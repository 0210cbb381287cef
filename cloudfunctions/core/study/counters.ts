import { COLLECTIONS, type BranchMonthDoc, type StudyCounters, type StudyTaskDoc } from '@zhibu/types';
import { monthDocId } from '../activity/counters';
import { database } from '../runtime/cloud';
import { isDuplicateKeyError } from '../runtime/db-errors';
import { getDocs } from '../runtime/documents';

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
  const db = database();
  const _ = db.command;
  const id = monthDocId(task.branchId, task.month);
  const entry: StudyCounters = counted ?? { expected, done: 0, late: 0 };
  for (let attempt = 0; attempt < 2; attempt++) {
    const result = (await db
      .collection(COLLECTIONS.branchMonths)
      .where({ _id: id, [entryPath(task._id)]: _.exists(false) })
      .update({
        data: {
          [entryPath(task._id)]: _.set(entry),
          'study.expected': _.inc(entry.expected),
          'study.done': _.inc(entry.done),
          'study.late': _.inc(entry.late),
        },
      })) as { stats: { updated: number } };
    if (result.stats.updated > 0) return true;
    const fresh: Omit<BranchMonthDoc, '_id'> = {
      branchId: task.branchId,
      month: task.month,
      activities: {},
      held: {},
      expected: 0,
      present: 0,
      leave: 0,
      study: { tasks: { [task._id]: entry }, ...entry },
    };
    try {
      await db.collection(COLLECTIONS.branchMonths).add({ data: { _id: id, ...fresh } });
      return true;
    } catch (error) {
      // The month's document exists: either the entry is there already (done), or another request
      // created the document first and the conditional update above will now apply.
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
  return false;
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
  await database().collection(COLLECTIONS.branchMonths).doc(monthDocId(task.branchId, task.month)).update({ data });
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
