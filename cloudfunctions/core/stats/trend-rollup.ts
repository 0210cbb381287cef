import { COLLECTIONS, type TrendRollupDoc } from '@zhibu/types';
import { database } from '../runtime/cloud';
import { getAllDocs } from '../runtime/documents';
import { aggregate } from './grouped';
import { rowOfFigures, TREND_FIGURES, type MonthRow } from './month-row';
import { periodOrThrow } from './rules';

/**
 * The bureau's monthly trend, per year. Summed from every branch's year document it grows with
 * branches × months; kept summed, a year costs one small document whatever the branches.
 *
 * The hourly job (and jobs.recount with `years`) sums a year's trend in one grouped read, which also
 * takes each year document's `rev` as it summed it: a document is read whole in one version, so the
 * sums and the revs agree. Every write to a year document moves its `rev` in the same update
 * (counter writes in rollup.ts, repairs in rollup-sync.ts). So when the statistics find every year
 * document of the year at the rev the rollup saw — no document more, none less — the rollup is
 * exactly what summing now would give; otherwise they sum the trend themselves, as before. The
 * check costs nothing: the revs come with the per-branch read the statistics make anyway.
 */
export const trendRollupId = (year: string) => `trend_${year}`;

const figurePaths = TREND_FIGURES.map(([, path]) => path);

/** The trend's figures of some months summed over the year documents matched (month by month, in the order of TREND_FIGURES), and their revs when asked: one operation. */
export async function sumTrend(
  match: object,
  months: string[],
  withRevs = false,
): Promise<{ sums: number[]; revs: [string, number][] }> {
  const $ = database().command.aggregate;
  const paths = months.flatMap((m) => figurePaths.map((path) => `$byMonth.${m}.${path}`));
  const group: Record<string, unknown> = {
    _id: null,
    ...Object.fromEntries(paths.map((path, i) => [`s${i}`, $.sum(path)])),
  };
  if (withRevs) group.revs = $.push(['$branchId', '$rev']);
  const [summed] = await aggregate(COLLECTIONS.branchMonths, match, group);
  const sums = paths.map((_, i) => Number(summed?.[`s${i}`] ?? 0));
  const revs = ((summed?.revs ?? []) as [string, number | null][]).map(([b, rev]) => [b, rev ?? 0] as [string, number]);
  return { sums, revs };
}

/** Trend rows of some months from their sums, month by month in the order of TREND_FIGURES. */
export function trendRows(months: string[], sums: readonly number[]): MonthRow[] {
  const width = figurePaths.length;
  return months.map((month, m) => rowOfFigures(month, TREND_FIGURES, sums.slice(m * width, (m + 1) * width)));
}

/** Sums each year's trend afresh and keeps it with the revs it saw. One read and one write per year. */
export async function buildTrendRollups(years: string[]): Promise<string[]> {
  const built: string[] = [];
  for (const year of years) {
    const { sums, revs } = await sumTrend({ year }, periodOrThrow(year).months, true);
    if (revs.length === 0) continue;
    const doc: Omit<TrendRollupDoc, '_id'> = { year, fields: figurePaths, sums, revs, builtAt: new Date() };
    await database().collection(COLLECTIONS.statsConfig).doc(trendRollupId(year)).set({ data: doc });
    built.push(year);
  }
  return built;
}

/** The rollups kept for some years (one operation). */
export async function readTrendRollups(years: string[]): Promise<Map<string, TrendRollupDoc>> {
  const db = database();
  const docs = await getAllDocs<TrendRollupDoc>(() =>
    db
      .collection(COLLECTIONS.statsConfig)
      .where({ _id: db.command.in(years.map(trendRollupId)) })
      .orderBy('_id', 'asc'),
  );
  return new Map(docs.map((doc) => [doc.year, doc]));
}

/**
 * A rollup's trend rows for some months of its year, if it is current: summed with today's figures
 * and at the rev of every year document of the year as read now (`revs`: branch → rev). Null when
 * any document moved, appeared or went.
 */
export function currentTrend(
  rollup: TrendRollupDoc | undefined,
  revs: ReadonlyMap<string, number>,
  months: string[],
): MonthRow[] | null {
  if (!rollup || rollup.fields.join() !== figurePaths.join()) return null;
  if (rollup.revs.length !== revs.size) return null;
  for (const [branchId, rev] of rollup.revs) if (revs.get(branchId) !== rev) return null;
  const yearMonths = periodOrThrow(rollup.year).months;
  const width = figurePaths.length;
  const picked = months.flatMap((month) => {
    const at = yearMonths.indexOf(month) * width;
    return rollup.sums.slice(at, at + width);
  });
  return trendRows(months, picked);
}
