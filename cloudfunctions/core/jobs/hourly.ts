import { recountMonths } from '../activity/recount';
import { sendDueReminders } from '../activity/reminder.service';
import { finishWithdrawals } from '../member/leavers';
import { recentMonths, recountNotices } from '../notice/recount';
import { studyHourly } from '../study/hourly';
import { closeAbandonedAttempts } from '../quiz/abandoned';
import { foldRecentQuizzes } from '../quiz/item-fold';
import { repairPublications } from '../quiz/publish-repair';
import { recountClosedQuizzes } from '../quiz/recount';
import { finishTransfers } from '../transfer/follow';
import { syncYears } from '../stats/rollup-sync';
import { buildBureauRollups } from '../stats/bureau-rollup';
import { beijingMonth } from '../runtime/time';

/**
 * Each part's time, within the function's timeout (config.json: 60 s). A part that overruns is
 * reported as timed out and the others still report: the parts run side by side, each in its own
 * try/catch, so one part's failure or slowness cannot skip another. Every part is re-runnable, and
 * what one run leaves undone the next hour takes up.
 */
const PART_BUDGET_MS = 50_000;

async function part<T>(name: string, work: () => Promise<T>, budgetMs = PART_BUDGET_MS): Promise<T | string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), budgetMs);
  });
  try {
    const result = await Promise.race([work(), timeout]);
    if (result === 'timeout') console.error(`[jobs] ${name} ran out of time`);
    return result;
  } catch (error) {
    console.error(`[jobs] ${name} failed`, error);
    return 'failed';
  } finally {
    clearTimeout(timer);
  }
}

/**
 * What the hourly timer trigger runs: reminders for activities starting within a day, the
 * withdrawals of members deactivated recently (repairing a deactivation that stopped halfway),
 * and a recount of this month's and last month's counters.
 */
export const HOURLY_PARTS: Record<string, () => Promise<unknown>> = {
  reminders: () => sendDueReminders(),
  withdrawals: () => finishWithdrawals(),
  transfers: () => finishTransfers(),
  recount: async () => {
    const result = await recountMonths();
    if (result.drift.length > 0) console.warn('[jobs] counter drift corrected', result.drift.slice(0, 20));
    return { activities: result.activities, drift: result.drift.length, skipped: result.skipped.length };
  },
  noticeRecount: async () => {
    const result = await recountNotices(recentMonths());
    if (result.drift.length > 0) console.warn('[jobs] notice counter drift corrected', result.drift.slice(0, 20));
    return { deliveries: result.deliveries, drift: result.drift.length, skipped: result.skipped };
  },
  study: () => studyHourly(),
  quizAttemptsClosed: () => closeAbandonedAttempts(),
  quizItemsFold: () => foldRecentQuizzes(),
  quizPublications: async () => {
    const result = await repairPublications();
    if (result.withdrawn.length > 0) console.warn('[jobs] stuck quiz publications withdrawn', result.withdrawn);
    return { withdrawn: result.withdrawn.length, shown: result.shown.length };
  },
  quizRecount: async () => {
    const result = await recountClosedQuizzes();
    if (result.drift.length > 0) console.warn('[jobs] quiz counter drift corrected', result.drift.slice(0, 20));
    return { quizzes: result.quizzes, drift: result.drift.length };
  },
};

/**
 * Run once the parts above are done, since it copies what the recounts repaired in the months into
 * the years: the year rollups of this month and last month (stats/rollup-sync.ts), then the bureau's
 * rollups of those years built from them (stats/bureau-rollup.ts).
 */
export const HOURLY_AFTER: Record<string, () => Promise<unknown>> = {
  yearRollups: async () => {
    const now = new Date();
    const years = [
      ...new Set(
        [beijingMonth(new Date(now.getTime() - 32 * 24 * 3600_000)), beijingMonth(now)].map((m) => m.slice(0, 4)),
      ),
    ];
    const result = await syncYears(years);
    if (result.repaired.length > 0) console.warn('[jobs] year rollups repaired', result.repaired.slice(0, 20));
    // Built after the repairs, which move the counts the rollups are checked against.
    const trends = await buildBureauRollups(years);
    return { repaired: result.repaired.length, created: result.created.length, skipped: result.skipped, trends };
  },
};

/** What is left of the function's 60 s for the parts that run after the others. */
const AFTER_BUDGET_MS = 8_000;

export async function runHourly(
  budgetMs = PART_BUDGET_MS,
  parts = HOURLY_PARTS,
  after = HOURLY_AFTER,
): Promise<Record<string, unknown>> {
  const names = Object.keys(parts);
  const results = await Promise.all(names.map((name) => part(name, parts[name]!, budgetMs)));
  const afterNames = Object.keys(after);
  const afterResults = await Promise.all(
    afterNames.map((name) => part(name, after[name]!, Math.min(budgetMs, AFTER_BUDGET_MS))),
  );
  return Object.fromEntries([
    ...names.map((name, i) => [name, results[i]]),
    ...afterNames.map((name, i) => [name, afterResults[i]]),
  ]);
}

/** A timer trigger's event: it has no caller, which no request from the mini program lacks. */
export function isTimerEvent(event: unknown): boolean {
  return !!event && typeof event === 'object' && (event as { Type?: unknown }).Type === 'Timer';
}
