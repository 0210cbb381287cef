import { recountMonths } from '../activity/recount';
import { sendDueReminders } from '../activity/reminder.service';
import { closeAbandonedAttempts } from '../quiz/abandoned';
import { recountClosedQuizzes } from '../quiz/recount';

/**
 * What the hourly timer trigger runs: reminders for activities starting within a day, then a
 * recount of this month's and last month's counters. Each part's failure is logged, not fatal to
 * the other.
 */
export async function runHourly(): Promise<Record<string, unknown>> {
  const report: Record<string, unknown> = {};
  try {
    report.reminders = await sendDueReminders();
  } catch (error) {
    console.error('[jobs] reminders failed', error);
    report.reminders = 'failed';
  }
  try {
    report.quizAttemptsClosed = await closeAbandonedAttempts();
    const quizzes = await recountClosedQuizzes();
    if (quizzes.drift.length > 0) console.warn('[jobs] quiz counter drift corrected', quizzes.drift.slice(0, 20));
    report.quizRecount = { quizzes: quizzes.quizzes, drift: quizzes.drift.length };
  } catch (error) {
    console.error('[jobs] closing abandoned quiz attempts failed', error);
    report.quizAttemptsClosed = 'failed';
  }
  try {
    const recount = await recountMonths();
    if (recount.drift.length > 0) console.warn('[jobs] counter drift corrected', recount.drift.slice(0, 20));
    report.recount = { activities: recount.activities, drift: recount.drift.length };
  } catch (error) {
    console.error('[jobs] recount failed', error);
    report.recount = 'failed';
  }
  return report;
}

/** A timer trigger's event: it has no caller, which no request from the mini program lacks. */
export function isTimerEvent(event: unknown): boolean {
  return !!event && typeof event === 'object' && (event as { Type?: unknown }).Type === 'Timer';
}
