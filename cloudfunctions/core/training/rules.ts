import type { SecretaryTrainingItem, StoredTerm } from '@zhibu/types';

/**
 * The counting rule of the training register, written once. Dates are Beijing calendar days
 * (YYYY-MM-DD), which compare as strings.
 */

/** How the latest term keeps a training it counts: its Beijing start date and its id. */
export const trainedEntry = (date: string, trainingId: string) => `${date}:${trainingId}`;

export function parseTrainedEntry(entry: string): { date: string; trainingId: string } {
  const at = entry.indexOf(':');
  return { date: entry.slice(0, at), trainingId: entry.slice(at + 1) };
}

// Rule: a training counts in the term in which it starts — its first day on or after the term's
// first day, and on or before the term's last day when the term has ended.
export function inTerm(date: string, term: Pick<StoredTerm, 'startDate' | 'endDate'>): boolean {
  return date >= term.startDate && (term.endDate === null || date <= term.endDate);
}

/** Trainings (each once) among `entries` that count in `term`. */
export function countInTerm(entries: readonly string[], term: Pick<StoredTerm, 'startDate' | 'endDate'>): number {
  const ids = new Set<string>();
  for (const entry of entries) {
    const { date, trainingId } = parseTrainedEntry(entry);
    if (inTerm(date, term)) ids.add(trainingId);
  }
  return ids.size;
}

/** The calendar day before `date` (a new term ends the previous one the day before it starts). */
export function dayBefore(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

export const TRAINING_ITEM_NAME = '书记培训';
export const trainingRuleText = (required: number) => `支部书记每届任期至少参加培训 ${required} 次`;

// Rule: the item is 已完成 once the term has its trainings, 进行中 (with how many still needed)
// while the term runs short of them, and 已逾期 when the term ended short.
export function trainingItem(term: StoredTerm, trained: number): SecretaryTrainingItem {
  const status = trained >= term.required ? 'done' : term.endDate === null ? 'due' : 'overdue';
  return {
    itemName: TRAINING_ITEM_NAME,
    termId: term.termId,
    secretaryId: term.secretaryId,
    secretaryName: term.secretaryName,
    startDate: term.startDate,
    endDate: term.endDate,
    trained,
    required: term.required,
    status,
    needed: Math.max(0, term.required - trained),
    rule: trainingRuleText(term.required),
  };
}

/** The reason a branch's light gives for the item, or null when it asks for nothing. */
export function trainingReason(item: SecretaryTrainingItem): { light: 'red'; reason: string } | null {
  if (item.status !== 'overdue') return null;
  const verb = item.trained > 0 ? `只参加培训 ${item.trained} 次` : '未参加培训';
  return {
    light: 'red',
    reason: `红：支部书记${item.secretaryName}本届任期（${item.startDate} 至 ${item.endDate}）${verb}（${item.rule}）`,
  };
}
