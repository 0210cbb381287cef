import { COLLECTIONS, type DevelopmentConfigDoc, type DevelopmentSettings } from '@zhibu/types';
import type { Session } from '../member/session';
import { requireAdmin } from '../member/policy';
import { database } from '../runtime/cloud';
import { getDoc } from '../runtime/documents';
import { DEFAULT_SETTINGS } from './rules';

/** The one bureau this deployment serves (as stats/config.ts). */
const BUREAU_ID = 'bureau';

/** The bureau's figures over the 细则's defaults: a figure the bureau never set keeps its default. One read. */
export async function loadSettings(): Promise<DevelopmentSettings> {
  const doc = await getDoc<DevelopmentConfigDoc>(COLLECTIONS.developmentConfig, BUREAU_ID);
  const settings = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof DevelopmentSettings)[]) {
    const value = doc?.[key];
    if (typeof value === 'number') settings[key] = value;
  }
  return settings;
}

/** Reads (empty patch) or changes the settings; bureau admins only. */
export async function configureSettings(
  session: Session,
  patch: Partial<DevelopmentSettings>,
): Promise<DevelopmentSettings> {
  requireAdmin(session);
  if (Object.keys(patch).length === 0) return loadSettings();
  const next = { ...(await loadSettings()), ...patch };
  const doc: Omit<DevelopmentConfigDoc, '_id'> = { ...next, updatedAt: new Date(), updatedBy: session.member._id };
  await database().collection(COLLECTIONS.developmentConfig).doc(BUREAU_ID).set({ data: doc });
  return next;
}
