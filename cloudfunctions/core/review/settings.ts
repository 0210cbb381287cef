import { COLLECTIONS, type ReviewConfigDoc, type ReviewSettings } from '@zhibu/types';
import { requireAdmin } from '../member/policy';
import type { Session } from '../member/session';
import { invalidArgument } from '../runtime/app-error';
import { database } from '../runtime/cloud';
import { getDoc } from '../runtime/documents';
import { DEFAULT_REVIEW_SETTINGS } from './result';

/** The one bureau this deployment serves (as stats/config.ts). */
const BUREAU_ID = 'bureau';

/** The bureau's weights and cap over the defaults. One read. */
export async function loadReviewSettings(): Promise<ReviewSettings> {
  const doc = await getDoc<ReviewConfigDoc>(COLLECTIONS.reviewConfig, BUREAU_ID);
  const settings = { ...DEFAULT_REVIEW_SETTINGS };
  for (const key of Object.keys(DEFAULT_REVIEW_SETTINGS) as (keyof ReviewSettings)[]) {
    const value = doc?.[key];
    if (typeof value === 'number') settings[key] = value;
  }
  return settings;
}

/** Reads (empty patch) or changes the settings; bureau admins only. A review keeps those it opened with. */
export async function configureReview(session: Session, patch: Partial<ReviewSettings>): Promise<ReviewSettings> {
  requireAdmin(session);
  if (Object.keys(patch).length === 0) return loadReviewSettings();
  const next = { ...(await loadReviewSettings()), ...patch };
  if (next.memberWeight + next.committeeWeight !== 100) {
    throw invalidArgument('党员互评与支部评定的权重之和应为 100%');
  }
  const doc: Omit<ReviewConfigDoc, '_id'> = { ...next, updatedAt: new Date(), updatedBy: session.member._id };
  await database().collection(COLLECTIONS.reviewConfig).doc(BUREAU_ID).set({ data: doc });
  return next;
}
