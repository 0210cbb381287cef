import { ACTIVITY_TYPES, type ActivityType } from '@zhibu/types';

/** The totals of one branch-month document (or of several summed), as the counter reads hand them over. */
export interface MonthRow {
  month: string;
  held?: Partial<Record<ActivityType, number>> | null;
  minuted?: Partial<Record<ActivityType, number>> | null;
  expected?: number | null;
  present?: number | null;
  leave?: number | null;
  studyExpected?: number | null;
  studyDone?: number | null;
  studyLate?: number | null;
  quizExpected?: number | null;
  quizTaken?: number | null;
  quizPassed?: number | null;
  alsoHeld?: number | null;
  noticeExpected?: number | null;
  noticeRead?: number | null;
  noticeConfirmed?: number | null;
  noticeConfirmExpected?: number | null;
}

/** What each pushed row holds, in order: the field of MonthRow and the path of the document it is read from. */
export const MONTH_ROW_FIELDS: [keyof MonthRow, string][] = [
  ['month', '$month'],
  ['held', '$held'],
  ['minuted', '$minuted'],
  ['expected', '$expected'],
  ['present', '$present'],
  ['leave', '$leave'],
  ['studyExpected', '$study.expected'],
  ['studyDone', '$study.done'],
  ['studyLate', '$study.late'],
  ['quizExpected', '$quizExpected'],
  ['quizTaken', '$quizTaken'],
  ['quizPassed', '$quizPassed'],
  ['alsoHeld', '$alsoHeld'],
  ['noticeExpected', '$noticeExpected'],
  ['noticeRead', '$noticeRead'],
  ['noticeConfirmed', '$noticeConfirmed'],
  ['noticeConfirmExpected', '$noticeConfirmExpected'],
];

export function toMonthRow(values: unknown[]): MonthRow {
  const row: Record<string, unknown> = {};
  MONTH_ROW_FIELDS.forEach(([field], i) => {
    row[field] = values[i];
  });
  return row as unknown as MonthRow;
}

/** A figure summed by the database: a MonthRow field (or one activity type of `held`) and its path in a document's totals. */
export type Figure = [keyof MonthRow | `held.${ActivityType}`, string];

/** Every figure of a month's totals that the statistics add up (`minuted` is read per month only, for the calendar). */
export const TOTAL_FIGURES: Figure[] = [
  ...ACTIVITY_TYPES.map((t) => [`held.${t}`, `held.${t}`] as Figure),
  ...MONTH_ROW_FIELDS.filter(([field]) => !['month', 'held', 'minuted'].includes(field)).map(
    ([field, path]) => [field, path.slice(1)] as Figure,
  ),
];

/**
 * The figures of the monthly trend, summed over branches: what toTrend (metrics.ts) shows — meetings
 * (held by type less alsoHeld), 到会率, study completion, pass rate, read rate.
 */
const TREND_FIELDS: (keyof MonthRow)[] = [
  'alsoHeld',
  'expected',
  'present',
  'studyExpected',
  'studyDone',
  'studyLate',
  'quizExpected',
  'quizPassed',
  'noticeExpected',
  'noticeRead',
];
export const TREND_FIGURES: Figure[] = TOTAL_FIGURES.filter(
  ([field]) => field.startsWith('held.') || TREND_FIELDS.includes(field as keyof MonthRow),
);

/** A MonthRow's figures in the order of TOTAL_FIGURES (absent ones 0): rowOfFigures the other way. */
export function figuresOfRow(row: MonthRow): Float64Array {
  return Float64Array.from(TOTAL_FIGURES, ([field]) =>
    Number(
      (field.startsWith('held.') ? row.held?.[field.slice(5) as ActivityType] : row[field as keyof MonthRow]) ?? 0,
    ),
  );
}

/** A MonthRow from the sums of some figures, in their order. */
export function rowOfFigures(month: string, figures: Figure[], values: readonly unknown[]): MonthRow {
  const held: Record<string, number> = {};
  const row: Record<string, unknown> = { month, held };
  for (let f = 0; f < figures.length; f++) {
    const field = figures[f]![0];
    const n = Number(values[f] ?? 0);
    if (field.startsWith('held.')) held[field.slice(5)] = n;
    else row[field] = n;
  }
  return row as unknown as MonthRow;
}
