import { COLLECTIONS, type BranchMonthDoc, type BranchYearDoc, type YearRollupDoc } from '@zhibu/types';
import { database } from '../runtime/cloud';
import { isDuplicateKeyError } from '../runtime/db-errors';
import { getAllDocs } from '../runtime/documents';
import { ENTRY_CONTAINERS, emptyYearDoc, monthDocId, rollupMarkId, yearDocId } from './rollup';
import { periodOrThrow } from './rules';

/**
 * Brings the year documents (and each month's own `byMonth` copy) to what the month documents say,
 * after the recounts have brought the months to what the records say. The months are the truth
 * here: a year must hold exactly the entries of its months, their summed totals, and under
 * `byMonth` each month's totals.
 *
 * A live write moves a month and its year in one operation, so a difference can be a write that has
 * reached one document and not yet the other. Three rules keep such a write from being counted twice
 * or lost: the year is read before its months (a write landing in between changes the year, and the
 * compare-and-set below then misses); each correction is a compare-and-set on the values as read;
 * and a difference is corrected only when a second look, SETTLE_MS later, finds exactly the same
 * difference (one operation does not take that long between its two documents). What is skipped
 * is taken up by the next run.
 */
const SETTLE_MS = 300;

/** Every field an entry (activity, notice, quiz, study task) may have: absent ones are part of its state. */
const ENTRY_FIELDS = [
  'type',
  'also',
  'expected',
  'present',
  'leave',
  'minutes',
  'read',
  'confirmed',
  'confirm',
  'done',
  'late',
  'taken',
  'passed',
];
const IDENTITY = new Set([
  '_id',
  'branchId',
  'month',
  'year',
  'byMonth',
  'activities',
  'notices',
  'quizzes',
  'revs',
  'rev',
]);

type AnyDoc = Partial<BranchMonthDoc> & Partial<BranchYearDoc> & Record<string, unknown>;

/** The numeric totals of a document as `path → n` (entries, identity and `byMonth` left out). */
function totalsOf(doc: Record<string, unknown> | undefined, prefix = '', out = new Map<string, number>()) {
  for (const [key, value] of Object.entries(doc ?? {})) {
    if (!prefix && IDENTITY.has(key)) continue;
    if (prefix === 'study.' && key === 'tasks') continue;
    if (typeof value === 'number') out.set(prefix + key, value);
    else if (value && typeof value === 'object' && !Array.isArray(value)) {
      totalsOf(value as Record<string, unknown>, `${prefix}${key}.`, out);
    }
  }
  return out;
}

function entriesOf(doc: AnyDoc | undefined, out = new Map<string, Record<string, unknown>>()) {
  for (const container of ENTRY_CONTAINERS) {
    const list = container === 'study.tasks' ? doc?.study?.tasks : (doc?.[container] as object | undefined);
    for (const [id, entry] of Object.entries(list ?? {}))
      out.set(`${container}.${id}`, entry as Record<string, unknown>);
  }
  return out;
}

const canonical = (value: unknown): string =>
  value === undefined
    ? 'undefined'
    : JSON.stringify(value, (_key, v: unknown) =>
        v && typeof v === 'object' && !Array.isArray(v)
          ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
          : v,
      );

/** One value to correct in one document: as read, and as it should be. */
interface Fix {
  docId: string;
  /** Fixes of one group are written together (entries; totals; one month's totals). */
  group: string;
  path: string;
  kind: 'entry' | 'total';
  actual: unknown;
  expected: unknown;
}

const fixKey = (f: Fix) => `${f.docId} ${f.path} ${canonical(f.actual)} ${canonical(f.expected)}`;

function diffTotals(
  docId: string,
  group: string,
  prefix: string,
  actual: Map<string, number>,
  expected: Map<string, number>,
): Fix[] {
  const out: Fix[] = [];
  for (const path of new Set([...actual.keys(), ...expected.keys()])) {
    if ((actual.get(path) ?? 0) === (expected.get(path) ?? 0)) continue;
    out.push({
      docId,
      group,
      path: prefix + path,
      kind: 'total',
      actual: actual.get(path),
      expected: expected.get(path) ?? 0,
    });
  }
  return out;
}

/** What must change for one branch's year (and its months' own `byMonth`) to agree with its months. */
function fixesOf(branchId: string, year: string, yearDoc: AnyDoc | undefined, months: AnyDoc[]): Fix[] {
  const yearId = yearDocId(branchId, year);
  const fixes: Fix[] = [];
  const expectedEntries = new Map<string, Record<string, unknown>>();
  const expectedTotals = new Map<string, number>();
  for (const month of months) {
    entriesOf(month, expectedEntries);
    const totals = totalsOf(month);
    for (const [path, n] of totals) expectedTotals.set(path, (expectedTotals.get(path) ?? 0) + n);
    const slot = (doc: AnyDoc | undefined) => totalsOf(doc?.byMonth?.[month.month!] as Record<string, unknown>);
    fixes.push(...diffTotals(yearId, `byMonth.${month.month}`, `byMonth.${month.month}.`, slot(yearDoc), totals));
    fixes.push(...diffTotals(month._id!, 'byMonth', `byMonth.${month.month}.`, slot(month), totals));
  }
  // A month of the year with no document left has no totals either.
  const monthsWithDocs = new Set(months.map((m) => m.month));
  for (const [month, totals] of Object.entries(yearDoc?.byMonth ?? {})) {
    if (monthsWithDocs.has(month)) continue;
    fixes.push(
      ...diffTotals(
        yearId,
        `byMonth.${month}`,
        `byMonth.${month}.`,
        totalsOf(totals as Record<string, unknown>),
        new Map(),
      ),
    );
  }
  fixes.push(...diffTotals(yearId, 'totals', '', totalsOf(yearDoc), expectedTotals));
  const actualEntries = entriesOf(yearDoc);
  for (const path of new Set([...actualEntries.keys(), ...expectedEntries.keys()])) {
    const [actual, expected] = [actualEntries.get(path), expectedEntries.get(path)];
    if (canonical(actual) === canonical(expected)) continue;
    fixes.push({ docId: yearId, group: 'entries', path, kind: 'entry', actual, expected });
  }
  return fixes;
}

/** The year documents of some branches (all when absent), then their months: in this order (see above). */
async function observe(year: string, branchIds?: string[]) {
  const db = database();
  const _ = db.command;
  const months = periodOrThrow(year).months;
  const yearWhere = branchIds ? { _id: _.in(branchIds.map((b) => yearDocId(b, year))) } : { year };
  const years = await getAllDocs<AnyDoc>(() =>
    db.collection(COLLECTIONS.branchMonths).where(yearWhere).orderBy('_id', 'asc'),
  );
  const monthWhere = branchIds
    ? { _id: _.in(branchIds.flatMap((b) => months.map((m) => monthDocId(b, m)))) }
    : { month: _.in(months) };
  const monthDocs = await getAllDocs<AnyDoc>(() =>
    db.collection(COLLECTIONS.branchMonths).where(monthWhere).orderBy('_id', 'asc'),
  );
  const byBranch = new Map<string, { year?: AnyDoc; months: AnyDoc[] }>();
  const of = (branchId: string) => {
    const found = byBranch.get(branchId) ?? { months: [] };
    byBranch.set(branchId, found);
    return found;
  };
  for (const doc of years) of(doc.branchId!).year = doc;
  for (const doc of monthDocs) of(doc.branchId!).months.push(doc);
  return byBranch;
}

/** The where-terms matching an entry exactly as read (absent fields included). */
function entryWhere(path: string, entry: Record<string, unknown> | undefined): Record<string, unknown> {
  const _ = database().command;
  if (entry === undefined) return { [path]: _.exists(false) };
  const where: Record<string, unknown> = {};
  for (const field of ENTRY_FIELDS) {
    const value = entry[field];
    if (value === undefined) where[`${path}.${field}`] = _.exists(false);
    else if (Array.isArray(value)) {
      where[`${path}.${field}`] = _.size(value.length);
      value.forEach((v, i) => (where[`${path}.${field}.${i}`] = v));
    } else where[`${path}.${field}`] = value;
  }
  return where;
}

const updated = (result: unknown) => (result as { stats: { updated: number } }).stats.updated > 0;

/** Writes one group of fixes of one document, compare-and-set on every value as read. */
async function apply(docId: string, fixes: Fix[]): Promise<boolean> {
  const _ = database().command;
  const where: Record<string, unknown> = { _id: docId };
  const data: Record<string, unknown> = { rev: _.inc(1) };
  for (const fix of fixes) {
    // A repair of a month's totals is a write like any other: it moves that month's count, so the
    // bureau rollups built before it are not used for the month (bureau-rollup.ts).
    const month = /^byMonth\.(\d{4}-\d{2})\./.exec(fix.path)?.[1];
    if (month) data[`revs.${month}`] = _.inc(1);
    if (fix.kind === 'entry') {
      Object.assign(where, entryWhere(fix.path, fix.actual as Record<string, unknown> | undefined));
      data[fix.path] = fix.expected === undefined ? _.remove() : _.set(fix.expected as object);
    } else {
      where[fix.path] = fix.actual === undefined ? _.exists(false) : fix.actual;
      data[fix.path] = fix.expected;
    }
  }
  return updated(await database().collection(COLLECTIONS.branchMonths).where(where).update({ data }));
}

/**
 * Marks a year whose every year document now equals its months: the statistics read it from the
 * year documents from then on. Every later counter write moves a month and its year together (a
 * month document is only ever created with its year's), so a year stays rolled up once it is.
 */
async function markRolledUp(year: string): Promise<void> {
  const mark: Omit<YearRollupDoc, '_id'> = { year, rolledUpAt: new Date() };
  await database().collection(COLLECTIONS.statsConfig).doc(rollupMarkId(year)).set({ data: mark });
}

/**
 * Repairs the year documents of some years from their months (and creates a missing one); answers
 * the documents it corrected, the values it left for the next run because they were moving, and
 * the years it found (or made) whole, which it marks rolled up.
 */
export async function syncYears(
  years: string[],
): Promise<{ repaired: string[]; created: string[]; skipped: number; rolledUp: string[] }> {
  const repaired: string[] = [];
  const created: string[] = [];
  const rolledUp: string[] = [];
  let skipped = 0;
  for (const year of years) {
    // Whole when nothing was left for the next run: no value moving, no document created meanwhile.
    let whole = true;
    const first = await observe(year);
    const pending = new Map<string, Fix[]>();
    for (const [branchId, { year: yearDoc, months }] of first) {
      if (!yearDoc && months.length > 0) {
        // Created empty, then filled below like any other year that lacks what its months hold.
        const doc = emptyYearDoc(branchId, year);
        try {
          await database().collection(COLLECTIONS.branchMonths).add({ data: doc });
          created.push(doc._id);
        } catch (error) {
          if (!isDuplicateKeyError(error)) throw error;
          // Created meanwhile by a counter write: compared next run.
          whole = false;
          continue;
        }
      }
      const fixes = fixesOf(branchId, year, yearDoc ?? (emptyYearDoc(branchId, year) as AnyDoc), months);
      if (fixes.length > 0) pending.set(branchId, fixes);
    }
    if (pending.size > 0) {
      const left = await settle(year, pending, repaired);
      skipped += left;
      if (left > 0) whole = false;
    }
    if (whole) {
      await markRolledUp(year);
      rolledUp.push(year);
    }
  }
  return { repaired, created, skipped, rolledUp };
}

/** The second look and the corrections of one year (see above); answers how many values it left. */
async function settle(year: string, pending: Map<string, Fix[]>, repaired: string[]): Promise<number> {
  let skipped = 0;
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const second = await observe(year, [...pending.keys()]);
  for (const [branchId, firstFixes] of pending) {
    const seen = new Set(firstFixes.map(fixKey));
    const { year: yearDoc, months } = second.get(branchId) ?? { months: [] };
    if (!yearDoc) {
      skipped += firstFixes.length;
      continue;
    }
    const groups = new Map<string, Fix[]>();
    for (const fix of fixesOf(branchId, year, yearDoc, months)) {
      if (!seen.has(fixKey(fix))) {
        skipped += 1;
        continue;
      }
      const key = `${fix.docId} ${fix.group}`;
      groups.set(key, [...(groups.get(key) ?? []), fix]);
    }
    for (const fixes of groups.values()) {
      const docId = fixes[0]!.docId;
      if (await apply(docId, fixes)) {
        if (!repaired.includes(docId)) repaired.push(docId);
      } else skipped += fixes.length;
    }
  }
  return skipped;
}
