import {
  COLLECTIONS,
  type BranchMonthDoc,
  type StudyCompletionDoc,
  type StudyCounters,
  type StudyTaskDoc,
} from '@zhibu/types';
import { monthDocId } from '../activity/counters';
import { database } from '../runtime/cloud';
import { getAllDocs, getDoc } from '../runtime/documents';
import { attachStudy } from './counters';

export interface StudyDrift {
  taskId: string;
  recorded: StudyCounters | null;
  actual: StudyCounters;
  /** False when a completion landed while counting, or may still be on its way: left for the next run. */
  corrected: boolean;
}

/**
 * A completion writes its record and then bumps the counter, two operations apart: a record this
 * recent may still have its bump on the way, and counting it now would let that bump count it
 * twice. Its task is left for the next run (CloudBase stops a function after 60 s at most).
 */
const IN_FLIGHT_MS = 2 * 60 * 1000;

async function countTask(task: StudyTaskDoc, now: number): Promise<{ counts: StudyCounters; inFlight: boolean }> {
  const db = database();
  const completions = await getAllDocs<Pick<StudyCompletionDoc, 'memberId' | 'late' | 'completedAt'>>(() =>
    db
      .collection(COLLECTIONS.studyCompletions)
      .where({ taskId: task._id })
      .field({ memberId: true, late: true, completedAt: true })
      .orderBy('_id', 'asc'),
  );
  const expected = new Set(task.expectedIds);
  const done = completions.filter((c) => expected.has(c.memberId));
  return {
    counts: { expected: expected.size, done: done.length, late: done.filter((c) => c.late).length },
    inFlight: completions.some((c) => now - new Date(c.completedAt).getTime() < IN_FLIGHT_MS),
  };
}

const same = (a: StudyCounters, b: StudyCounters) =>
  a.expected === b.expected && a.done === b.done && a.late === b.late;

/**
 * Recomputes the study counters of the given months from the records. Each entry is corrected by
 * compare-and-set — only while it still holds what was read, with the month's totals moved by the
 * same difference in the same single-document update — so an increment that lands meanwhile is
 * never overwritten; that entry is reported and left for the next run.
 */
export async function recountStudy(
  months: string[],
  now = Date.now(),
): Promise<{ tasks: number; drift: StudyDrift[]; totals: string[] }> {
  const db = database();
  const _ = db.command;
  const tasks = await getAllDocs<StudyTaskDoc>(() =>
    db
      .collection(COLLECTIONS.studyTasks)
      .where({ month: _.in(months) })
      .orderBy('_id', 'asc'),
  );
  const kept = new Map<string, BranchMonthDoc>();
  for (const doc of await getAllDocs<BranchMonthDoc>(() =>
    db
      .collection(COLLECTIONS.branchMonths)
      .where({ month: _.in(months) })
      .orderBy('_id', 'asc'),
  )) {
    kept.set(doc._id, doc);
  }
  const drift: StudyDrift[] = [];
  for (const task of tasks) {
    if (!task.audienceFixedAt) continue;
    const { counts: actual, inFlight } = await countTask(task, now);
    const monthId = monthDocId(task.branchId, task.month);
    const recorded = kept.get(monthId)?.study?.tasks[task._id] ?? null;
    if (recorded && same(recorded, actual)) continue;
    let corrected: boolean;
    if (inFlight) {
      corrected = false;
    } else if (!recorded) {
      corrected = await attachStudy(task, actual.expected, actual);
    } else {
      const path = `study.tasks.${task._id}`;
      const result = (await db
        .collection(COLLECTIONS.branchMonths)
        .where({
          _id: monthId,
          [`${path}.expected`]: recorded.expected,
          [`${path}.done`]: recorded.done,
          [`${path}.late`]: recorded.late,
        })
        .update({
          data: {
            [path]: _.set(actual),
            'study.expected': _.inc(actual.expected - recorded.expected),
            'study.done': _.inc(actual.done - recorded.done),
            'study.late': _.inc(actual.late - recorded.late),
          },
        })) as { stats: { updated: number } };
      corrected = result.stats.updated > 0;
    }
    drift.push({ taskId: task._id, recorded, actual, corrected });
  }
  const totals: string[] = [];
  for (const [id, doc] of kept) if (doc.study && (await repairStudyTotals(id))) totals.push(id);
  return { tasks: tasks.length, drift, totals };
}

/**
 * A month's study totals must be the sum of its task entries: every counter write moves an entry
 * and the totals in one atomic update, so totals that differ from the entries of the same read
 * have truly drifted. Corrected compare-and-set on the totals as read, so a completion counted
 * meanwhile (which moves them) makes the write miss; the next run takes it up.
 */
async function repairStudyTotals(id: string): Promise<boolean> {
  const month = await getDoc<BranchMonthDoc>(COLLECTIONS.branchMonths, id);
  if (!month?.study) return false;
  const sums: StudyCounters = { expected: 0, done: 0, late: 0 };
  for (const entry of Object.values(month.study.tasks ?? {})) {
    sums.expected += entry.expected ?? 0;
    sums.done += entry.done ?? 0;
    sums.late += entry.late ?? 0;
  }
  if (same(sums, month.study)) return false;
  const _ = database().command;
  const result = (await database()
    .collection(COLLECTIONS.branchMonths)
    .where({
      _id: id,
      'study.expected': month.study.expected,
      'study.done': month.study.done,
      'study.late': month.study.late,
    })
    .update({
      data: {
        'study.expected': _.inc(sums.expected - month.study.expected),
        'study.done': _.inc(sums.done - month.study.done),
        'study.late': _.inc(sums.late - month.study.late),
      },
    })) as { stats: { updated: number } };
  return result.stats.updated > 0;
}
