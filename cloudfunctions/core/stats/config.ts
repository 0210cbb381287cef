import { COLLECTIONS, type ComplianceRule, type StatsConfigDoc } from '@zhibu/types';
import type { Session } from '../member/session';
import { database } from '../runtime/cloud';
import { getDoc } from '../runtime/documents';
import { DEFAULT_RULES } from './rules';

/** The one bureau this deployment serves (emulator/seed's BUREAU, and production's). */
export const BUREAU_ID = 'bureau';

/** The bureau's rules table, or the defaults of the 支部工作条例 until its admins change it. One read. */
export async function loadRules(): Promise<ComplianceRule[]> {
  const doc = await getDoc<StatsConfigDoc>(COLLECTIONS.statsConfig, BUREAU_ID);
  return doc?.rules ?? DEFAULT_RULES;
}

export async function saveRules(session: Session, rules: ComplianceRule[]): Promise<ComplianceRule[]> {
  const doc: Omit<StatsConfigDoc, '_id'> = { rules, updatedAt: new Date(), updatedBy: session.member._id };
  await database().collection(COLLECTIONS.statsConfig).doc(BUREAU_ID).set({ data: doc });
  return rules;
}
