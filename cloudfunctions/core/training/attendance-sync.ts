import { COLLECTIONS, type ActivityDoc, type SecretaryTermsDoc, type TrainingDoc } from '@zhibu/types';
import { database } from '../runtime/cloud';
import { getDocs } from '../runtime/documents';
import { inTerm, trainedEntry } from './rules';

/**
 * Keeps the latest terms' counts in step with a training's attendees changed by hand: a secretary
 * added is counted in their latest term when the training falls in it, one taken off is taken out.
 * Each write is conditional on the term still being the latest (a term started meanwhile counted
 * from the trainings itself), and addToSet/pull make the whole re-runnable.
 */
export async function syncTerms(
  training: Pick<TrainingDoc, '_id' | 'startDate'>,
  added: string[],
  removed: string[],
): Promise<void> {
  const ids = [...new Set([...added, ...removed])];
  if (ids.length === 0) return;
  const db = database();
  const _ = db.command;
  const docs = await getDocs<SecretaryTermsDoc>(
    db
      .collection(COLLECTIONS.secretaryTerms)
      .where({ 'latest.secretaryId': _.in(ids) })
      .limit(1000),
  );
  const entry = trainedEntry(training.startDate, training._id);
  for (const doc of docs) {
    const latest = doc.latest;
    if (!latest) continue;
    const adding = added.includes(latest.secretaryId);
    if (adding && !inTerm(training.startDate, latest)) continue;
    await db
      .collection(COLLECTIONS.secretaryTerms)
      .where({ _id: doc._id, 'latest.termId': latest.termId })
      .update({ data: { 'latest.trained': adding ? _.addToSet(entry) : _.pull(entry) } });
  }
}

/**
 * A scan at a training's check-in (called by activity/checkin.service in place of the meeting
 * counters): the member is recorded at the training, then counted in their running term if they
 * are a secretary. Two operations, in this order (terms.service startTerm relies on it), both
 * idempotent: a repeated scan runs them again and so repairs a scan that stopped between them.
 */
export async function recordTrainingScan(
  training: NonNullable<ActivityDoc['training']>,
  memberId: string,
): Promise<void> {
  const db = database();
  const _ = db.command;
  await db
    .collection(COLLECTIONS.trainings)
    .doc(training.id)
    .update({ data: { attendeeIds: _.addToSet(memberId), scannedIds: _.addToSet(memberId) } });
  await db
    .collection(COLLECTIONS.secretaryTerms)
    .where({ 'latest.secretaryId': memberId, 'latest.endDate': null, 'latest.startDate': _.lte(training.startDate) })
    .update({ data: { 'latest.trained': _.addToSet(trainedEntry(training.startDate, training.id)) } });
}
