import { COLLECTIONS, duesSettingsSchema, type DuesConfigDoc, type DuesSettings } from '@zhibu/types';
import { requireAdmin } from '../member/policy';
import type { Session } from '../member/session';
import { database } from '../runtime/cloud';
import { getDoc } from '../runtime/documents';
import { DEFAULT_DUES_SETTINGS } from './rates';

/** The one bureau this deployment serves (as stats/config.ts and development/settings.ts). */
const BUREAU_ID = 'bureau';

/** The bureau's settings over the 规定's defaults, field by field; one read. */
export async function loadDuesSettings(): Promise<DuesSettings> {
  const doc = await getDoc<DuesConfigDoc>(COLLECTIONS.duesConfig, BUREAU_ID);
  const merged = { ...DEFAULT_DUES_SETTINGS };
  for (const key of Object.keys(DEFAULT_DUES_SETTINGS) as (keyof DuesSettings)[]) {
    const parsed = duesSettingsSchema.shape[key].safeParse(doc?.[key]);
    if (parsed.success) (merged as Record<string, unknown>)[key] = parsed.data;
  }
  return merged;
}

/**
 * Changes the settings (bureau admins). Bases already set keep the monthly amount computed when
 * they were set; the new rates apply to bases set from now on.
 */
export async function configureDues(session: Session, patch: Partial<DuesSettings>): Promise<DuesSettings> {
  requireAdmin(session);
  if (Object.keys(patch).length === 0) return loadDuesSettings();
  const next = { ...(await loadDuesSettings()), ...patch };
  const doc: Omit<DuesConfigDoc, '_id'> = { ...next, updatedAt: new Date(), updatedBy: session.member._id };
  await database().collection(COLLECTIONS.duesConfig).doc(BUREAU_ID).set({ data: doc });
  return next;
}
