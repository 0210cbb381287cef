import { COLLECTIONS, type QuizAttemptDoc } from '@zhibu/types';
import { database } from '../runtime/cloud';
import { getDocs } from '../runtime/documents';
import { finalizeAttempt, GRACE_MS } from './finalize';

/** Attempts closed per run; the next run takes the rest. */
const BATCH = 200;

/**
 * Scores attempts left open past their deadline and grace, from their saved answers, so that
 * statistics do not wait for the member to come back. Reads also do this lazily, one at a time.
 */
export async function closeAbandonedAttempts(now = Date.now()): Promise<number> {
  const db = database();
  const open = await getDocs<QuizAttemptDoc>(
    db
      .collection(COLLECTIONS.quizAttempts)
      .where({ status: 'open', deadline: db.command.lt(new Date(now - GRACE_MS)) })
      .orderBy('deadline', 'asc')
      .limit(BATCH),
  );
  let closed = 0;
  for (const attempt of open) {
    if (await finalizeAttempt(attempt, attempt.answers, true, now)) closed += 1;
  }
  return closed;
}
