import {
  COLLECTIONS,
  INSPECTION_RULE_NAMES,
  type ComplianceRule,
  type InspectionScheme,
  type StatsConfigDoc,
} from '@zhibu/types';
import type { Session } from '../member/session';
import { audit } from '../org/audit';
import { getDoc } from '../runtime/documents';
import { runTransaction, txGet } from '../runtime/transaction';
import { DEFAULT_RULES, DEFAULT_SCHEME, schemeRuleText } from './rules';

/** The one bureau this deployment serves (emulator/seed's BUREAU, and production's). */
export const BUREAU_ID = 'bureau';

type SchemeItem = NonNullable<StatsConfigDoc['scheme']>[number];

/** The bureau's rules table, or the defaults of the 支部工作条例 until its admins change it. One read. */
export async function loadRules(): Promise<ComplianceRule[]> {
  const doc = await getDoc<StatsConfigDoc>(COLLECTIONS.statsConfig, BUREAU_ID);
  return doc?.rules ?? DEFAULT_RULES;
}

/** The bureau's inspection scheme, or the default 100-point one. One read. */
export async function loadScheme(): Promise<SchemeItem[]> {
  const doc = await getDoc<StatsConfigDoc>(COLLECTIONS.statsConfig, BUREAU_ID);
  return doc?.scheme ?? DEFAULT_SCHEME;
}

export function schemeView(items: SchemeItem[]): InspectionScheme {
  return {
    items: items.map((i) => ({ ...i, rule: schemeRuleText(i.key) })),
    total: Math.round(items.reduce((a, i) => a + i.points, 0) * 10) / 10,
  };
}

/**
 * Writes one part of the bureau's settings, keeping the other (the rules table and the scheme live
 * in the same document), with its audit entry, in one transaction.
 */
async function saveConfig(
  session: Session,
  change: Partial<Pick<StatsConfigDoc, 'rules' | 'scheme'>>,
  action: string,
): Promise<void> {
  await runTransaction(async (tx) => {
    const current = await txGet<StatsConfigDoc>(tx, COLLECTIONS.statsConfig, BUREAU_ID);
    const next: Omit<StatsConfigDoc, '_id'> = {
      rules: current?.rules ?? DEFAULT_RULES,
      ...(current?.scheme ? { scheme: current.scheme } : {}),
      ...change,
      updatedAt: new Date(),
      updatedBy: session.member._id,
    };
    await tx.collection(COLLECTIONS.statsConfig).doc(BUREAU_ID).set({ data: next });
    const field = Object.keys(change)[0] as 'rules' | 'scheme';
    await audit(tx, session, {
      action,
      targetType: 'branch',
      targetId: BUREAU_ID,
      targetName: '局党委',
      branchId: session.member.branchId,
      before: { [field]: current?.[field] ?? null },
      after: { [field]: change[field] },
    });
  });
}

export async function saveRules(session: Session, rules: ComplianceRule[]): Promise<ComplianceRule[]> {
  await saveConfig(session, { rules }, 'stats.setRules');
  return rules;
}

export async function saveScheme(
  session: Session,
  items: { key: SchemeItem['key']; name?: string; points: number }[],
): Promise<InspectionScheme> {
  const scheme = items.map((i) => ({ key: i.key, name: i.name ?? INSPECTION_RULE_NAMES[i.key], points: i.points }));
  await saveConfig(session, { scheme }, 'stats.setScheme');
  return schemeView(scheme);
}
