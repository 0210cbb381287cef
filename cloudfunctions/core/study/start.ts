import { COLLECTIONS, type StudyTaskDoc } from '@zhibu/types';
import { resolveExpected } from '../activity/audience';
import { memberRepository } from '../member/member.repository';
import { database } from '../runtime/cloud';
import { getDoc, getDocs } from '../runtime/documents';
import { attachStudy } from './counters';

/**
 * 应学 is fixed when a task starts. A task created to start at once is fixed on creation; one that
 * starts later is fixed by whichever comes first after its start: the hourly job, or anyone opening
 * it. The conditional update makes the first one win; the counter entry is added idempotently, so
 * a crash between the two writes is repaired by the next call of `attachStudy` from the recount.
 */
export async function ensureStarted(task: StudyTaskDoc, now = new Date()): Promise<StudyTaskDoc> {
  if (task.audienceFixedAt || new Date(task.startAt).getTime() > now.getTime()) return task;
  const branch = await memberRepository.branch(task.branchId);
  const expectedIds = branch ? await resolveExpected(branch, task.audience, true) : [];
  const db = database();
  const result = (await db
    .collection(COLLECTIONS.studyTasks)
    .where({ _id: task._id, audienceFixedAt: null })
    .update({ data: { expectedIds, audienceFixedAt: now } })) as { stats: { updated: number } };
  if (result.stats.updated === 0) {
    // Someone else fixed it a moment ago: theirs is the audience.
    return (await getDoc<StudyTaskDoc>(COLLECTIONS.studyTasks, task._id)) ?? task;
  }
  await attachStudy(task, expectedIds.length);
  return { ...task, expectedIds, audienceFixedAt: now };
}

/** The hourly job: fixes the audience of tasks that have started since. */
export async function startDueTasks(now = new Date()): Promise<{ started: number }> {
  const db = database();
  const due = await getDocs<StudyTaskDoc>(
    db
      .collection(COLLECTIONS.studyTasks)
      .where({ audienceFixedAt: null, startAt: db.command.lte(now) })
      .orderBy('startAt', 'asc')
      .limit(100),
  );
  for (const task of due) await ensureStarted(task, now);
  return { started: due.length };
}
