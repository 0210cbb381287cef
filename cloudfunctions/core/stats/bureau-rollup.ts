import { randomBytes } from 'node:crypto';
import { COLLECTIONS, type BureauCumDoc, type BureauTrendDoc } from '@zhibu/types';
import { database } from '../runtime/cloud';
import { getAllDocs } from '../runtime/documents';
import { aggregate } from './grouped';
import { rowOfFigures, TOTAL_FIGURES, TREND_FIGURES, type MonthRow } from './month-row';
import { periodOrThrow } from './rules';

/**
 * The bureau's rollups of a year, so that the bureau's statistics need not add up every branch's
 * months: summed from the year documents they grow with branches × months, kept summed they cost a
 * few small documents whatever the months.
 *
 * - `trend_<YYYY>`: the monthly trend summed over the branches;
 * - `cum_<YYYY-MM>`: each branch's totals from January to that month, so that the totals of any
 *   run of a year's months are two documents apart (`cum` of the last month less `cum` of the month
 *   before the first).
 *
 * The hourly job (and jobs.recount with `years`) builds them from one grouped read of the year's
 * documents, which also takes each document's `revs`: a document is read whole in one version, so
 * its figures and its counts agree. Every write to a month's totals in a year document moves that
 * month's count in the same update (counter writes in rollup.ts, repairs in rollup-sync.ts). So a
 * branch's figures of a month are exactly what the rollups hold while its count for the month is
 * still the one they saw; where it is not, the statistics read that branch (or sum that month)
 * afresh, and only that (counters.ts). The counts come with the per-branch read the statistics make
 * anyway. All documents of one build carry its `build`, and are used together only if it agrees.
 */
export const trendRollupId = (year: string) => `trend_${year}`;
export const cumRollupId = (month: string) => `cum_${month}`;

const trendPaths = TREND_FIGURES.map(([, path]) => path);
const totalPaths = TOTAL_FIGURES.map(([, path]) => path);
/** Where each trend figure is among the totals. */
const trendAt = trendPaths.map((path) => totalPaths.indexOf(path));

/** The trend's figures of some months summed over the year documents matched (month by month, in the order of TREND_FIGURES): one operation. */
export async function sumTrend(match: object, months: string[]): Promise<number[]> {
  const $ = database().command.aggregate;
  const paths = months.flatMap((m) => trendPaths.map((path) => `$byMonth.${m}.${path}`));
  const group = { _id: null, ...Object.fromEntries(paths.map((path, i) => [`s${i}`, $.sum(path)])) };
  const [summed] = await aggregate(COLLECTIONS.branchMonths, match, group);
  return paths.map((_, i) => Number(summed?.[`s${i}`] ?? 0));
}

/** Trend rows of some months from their sums, month by month in the order of TREND_FIGURES. */
export function trendRows(months: string[], sums: readonly number[]): MonthRow[] {
  const width = trendPaths.length;
  return months.map((month, m) => rowOfFigures(month, TREND_FIGURES, sums.slice(m * width, (m + 1) * width)));
}

/** Builds each year's rollups afresh from its year documents: one read and thirteen writes per year. */
export async function buildBureauRollups(years: string[]): Promise<string[]> {
  const $ = database().command.aggregate;
  const built: string[] = [];
  for (const year of years) {
    const months = periodOrThrow(year).months;
    const rows = await aggregate(
      COLLECTIONS.branchMonths,
      { year },
      {
        _id: '$branchId',
        docs: $.push(['$rev', '$revs', ...months.flatMap((m) => totalPaths.map((path) => `$byMonth.${m}.${path}`))]),
      },
    );
    if (rows.length === 0) continue;
    const width = totalPaths.length;
    const sums = new Array<number>(months.length * trendPaths.length).fill(0);
    const revs: (string | number)[][] = [];
    let rev = 0;
    const cum = months.map(() => [] as (string | number)[][]);
    for (const row of rows) {
      const branchId = row._id as string;
      // One year document per branch and year (its `_id` is `<branchId>_<YYYY>`).
      const [docRev, counts, ...values] = (row.docs as unknown[][])[0]!;
      rev += Number(docRev ?? 0);
      const byMonth = (counts ?? {}) as Record<string, number>;
      revs.push([branchId, ...months.map((m) => byMonth[m] ?? 0)]);
      const running = new Array<number>(width).fill(0);
      months.forEach((_m, i) => {
        const month = values.slice(i * width, (i + 1) * width).map((v) => Number(v ?? 0));
        for (let f = 0; f < width; f++) running[f]! += month[f]!;
        trendAt.forEach((f, t) => (sums[i * trendPaths.length + t]! += month[f]!));
        cum[i]!.push([branchId, ...running]);
      });
    }
    const build = `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
    const builtAt = new Date();
    const collection = database().collection(COLLECTIONS.statsConfig);
    // The trend last: a reader that finds documents of two builds uses none of them.
    for (const [i, month] of months.entries()) {
      const doc: Omit<BureauCumDoc, '_id'> = {
        year,
        month,
        build,
        fields: totalPaths,
        branches: JSON.stringify(cum[i]),
        builtAt,
      };
      await collection.doc(cumRollupId(month)).set({ data: doc });
    }
    const trend: Omit<BureauTrendDoc, '_id'> = {
      year,
      build,
      docs: rows.length,
      rev,
      fields: trendPaths,
      sums,
      revs: JSON.stringify(revs),
      builtAt,
    };
    await collection.doc(trendRollupId(year)).set({ data: trend });
    built.push(year);
  }
  return built;
}

/**
 * The rows of a packed document by branch, kept by content in a warm instance: a past year's
 * rollups stay the same for hours, and the statistics read them again and again. Keyed by the
 * packed text itself, so that nothing but the very same content is ever taken from here.
 */
const unpacked = new Map<string, Map<string, (string | number)[]>>();
const KEPT_UNPACKED = 64;

function unpack(packed: string): Map<string, (string | number)[]> {
  let rows = unpacked.get(packed);
  if (!rows) {
    rows = new Map((JSON.parse(packed) as [string, ...number[]][]).map((row) => [row[0], row]));
    if (unpacked.size >= KEPT_UNPACKED) unpacked.delete(unpacked.keys().next().value!);
    unpacked.set(packed, rows);
  }
  return rows;
}

/** A year's rollups as read: usable only if every document asked for is there, of one build. */
export interface BureauRollup {
  year: string;
  /** Branch → `[branchId, n of January, …, n of December]`: the counts each month was built at. */
  revs: Map<string, (string | number)[]>;
  /** The trend's sums, as BureauTrendDoc `sums`. */
  sums: number[];
  /** As BureauTrendDoc. */
  docs: number;
  rev: number;
  /** Month → branch → `[branchId, ...totals from January to that month]`, in the order of TOTAL_FIGURES. */
  cum: Map<string, Map<string, (string | number)[]>>;
}

/**
 * The rollups of some years, with the `cum` documents of some of their months: one operation.
 * A year whose documents are missing, of different builds, or of other figures is left out.
 */
export async function readBureauRollups(years: string[], cumMonths: string[]): Promise<Map<string, BureauRollup>> {
  const db = database();
  const ids = [...years.map(trendRollupId), ...cumMonths.map(cumRollupId)];
  const docs = await getAllDocs<BureauTrendDoc | BureauCumDoc>(() =>
    db
      .collection(COLLECTIONS.statsConfig)
      .where({ _id: db.command.in(ids) })
      .orderBy('_id', 'asc'),
  );
  const out = new Map<string, BureauRollup>();
  for (const year of years) {
    const trend = docs.find((d): d is BureauTrendDoc => d._id === trendRollupId(year));
    if (!trend || trend.fields.join() !== trendPaths.join()) continue;
    const cum = new Map<string, Map<string, (string | number)[]>>();
    const wanted = cumMonths.filter((m) => m.startsWith(`${year}-`));
    for (const month of wanted) {
      const doc = docs.find((d): d is BureauCumDoc => d._id === cumRollupId(month));
      if (!doc || doc.build !== trend.build || doc.fields.join() !== totalPaths.join()) break;
      cum.set(month, unpack(doc.branches));
    }
    if (cum.size !== wanted.length) continue;
    out.set(year, { year, revs: unpack(trend.revs), sums: trend.sums, docs: trend.docs, rev: trend.rev, cum });
  }
  return out;
}

/** A branch's count of writes to a month of the rollup's year (0 for January) when it was built. */
export const builtCount = (rollup: BureauRollup, branchId: string, month: number): number =>
  Number(rollup.revs.get(branchId)?.[month + 1] ?? 0);

/** A rollup's trend rows of some months of its year (the caller has checked they are current). */
export function rollupTrend(rollup: BureauRollup, months: string[]): MonthRow[] {
  const yearMonths = periodOrThrow(rollup.year).months;
  const width = trendPaths.length;
  const picked = months.flatMap((month) => {
    const at = yearMonths.indexOf(month) * width;
    return rollup.sums.slice(at, at + width);
  });
  return trendRows(months, picked);
}

/**
 * A rollup's trend row of a month with some branches' totals of that month as they are now (in the
 * order of TOTAL_FIGURES) in place of theirs as built, which are their `cum` of the month less that
 * of the month before: both documents must have been read.
 */
export function rollupTrendWith(rollup: BureauRollup, month: string, now: ReadonlyMap<string, Float64Array>): MonthRow {
  const yearMonths = periodOrThrow(rollup.year).months;
  const at = yearMonths.indexOf(month);
  const before = at > 0 ? yearMonths[at - 1]! : null;
  const sums = rollup.sums.slice(at * trendPaths.length, (at + 1) * trendPaths.length);
  for (const [branchId, figures] of now) {
    const built = new Float64Array(totalPaths.length);
    addRollupTotals(built, rollup, branchId, month, before);
    trendAt.forEach((f, t) => (sums[t]! += figures[f]! - built[f]!));
  }
  return trendRows([month], sums)[0]!;
}

/**
 * Adds a branch's totals of a run of months from a rollup (in the order of TOTAL_FIGURES): `cum`
 * of its last month less `cum` of the month before its first.
 */
export function addRollupTotals(
  into: Float64Array,
  rollup: BureauRollup,
  branchId: string,
  last: string,
  before: string | null,
): void {
  const upTo = rollup.cum.get(last)?.get(branchId);
  const from = before ? rollup.cum.get(before)?.get(branchId) : undefined;
  // Each row is `[branchId, ...figures]`.
  for (let f = 0; f < into.length; f++) into[f]! += Number(upTo?.[f + 1] ?? 0) - Number(from?.[f + 1] ?? 0);
}
