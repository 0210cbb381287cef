import { COLLECTIONS, DEFAULT_TRAININGS_PER_TERM, type TrainingConfigDoc, type TrainingRule } from '@zhibu/types';
import type { Session } from '../member/session';
import { audit } from '../org/audit';
import { database } from '../runtime/cloud';
import { getDoc } from '../runtime/documents';
import { runTransaction, txGet } from '../runtime/transaction';
import { requireTrainingManager } from './access';

/** The one bureau this deployment serves (as stats/config.ts). */
const BUREAU_ID = 'bureau';

/** The bureau's rule, or the default of at least 2 trainings per term. One read. */
export async function loadRule(): Promise<TrainingRule> {
  const doc = await getDoc<TrainingConfigDoc>(COLLECTIONS.trainingConfig, BUREAU_ID);
  return { minPerTerm: doc?.minPerTerm ?? DEFAULT_TRAININGS_PER_TERM };
}

/**
 * Reads (empty) or changes the rule. A term keeps the rule it is judged by, so the dashboard needs
 * no second read: a change is written into every term still running (ended terms keep theirs).
 */
export async function configureRule(session: Session, patch: Partial<TrainingRule>): Promise<TrainingRule> {
  requireTrainingManager(session);
  if (patch.minPerTerm === undefined) return loadRule();
  const minPerTerm = patch.minPerTerm;
  await runTransaction(async (tx) => {
    const before = await txGet<TrainingConfigDoc>(tx, COLLECTIONS.trainingConfig, BUREAU_ID);
    const doc: Omit<TrainingConfigDoc, '_id'> = { minPerTerm, updatedAt: new Date(), updatedBy: session.member._id };
    await tx.collection(COLLECTIONS.trainingConfig).doc(BUREAU_ID).set({ data: doc });
    await audit(tx, session, {
      action: 'training.rule',
      targetType: 'term',
      targetId: BUREAU_ID,
      targetName: '局党委',
      branchId: session.member.branchId,
      before: { minPerTerm: before?.minPerTerm ?? DEFAULT_TRAININGS_PER_TERM },
      after: { minPerTerm },
    });
  });
  // Re-runnable: setting the same figure again changes nothing.
  const _ = database().command;
  await database()
    .collection(COLLECTIONS.secretaryTerms)
    .where({ 'latest.endDate': null, 'latest.termId': _.exists(true) })
    .update({ data: { 'latest.required': minPerTerm } });
  return { minPerTerm };
}
