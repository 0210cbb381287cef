import { beijingMonth } from '../runtime/time';
import { recountStudy } from './recount';
import { startDueTasks } from './start';

/** The study part of the hourly job: fix the audience of tasks that started, then recount. */
export async function studyHourly(now = new Date()) {
  const started = await startDueTasks(now);
  const lastMonth = beijingMonth(new Date(now.getTime() - 31 * 24 * 3600_000));
  const nextMonths = [1, 2].map((k) => beijingMonth(new Date(now.getTime() + k * 31 * 24 * 3600_000)));
  // Tasks count in the month they are due, so open ones may be due a month or two ahead.
  const recount = await recountStudy([...new Set([lastMonth, beijingMonth(now), ...nextMonths])], now.getTime());
  if (recount.drift.length > 0) console.warn('[jobs] study counter drift', recount.drift.slice(0, 20));
  return { started: started.started, tasks: recount.tasks, drift: recount.drift.length, totals: recount.totals.length };
}
