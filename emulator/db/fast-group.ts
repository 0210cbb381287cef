import { Lazy, type Iterator } from 'mingo/lazy';
import * as pipeline from 'mingo/operators/pipeline';
import type { PipelineOperator } from 'mingo/types';

/**
 * `$group` with the accumulators the statistics use — `_id` null or a field path, `$sum` of a field
 * path, of a number or of `{$sum: [field paths]}` (each document's paths added first, in their
 * order, as mingo adds them), `$push` of a field path array, `$mergeObjects` of a field path (the
 * keys of each document's value in turn, a missing or null value skipped) — computed directly
 * instead of through mingo's expression evaluator, which costs microseconds per field and document. The same answer as mingo
 * gives (test/unit/db/fast-group.test.ts holds the two side by side on random data): a missing path
 * sums as nothing and pushes as null inside an array; a missing key groups with null; a value that
 * is not a number, or NaN, is left out of a sum; a constant sums as count × constant; groups come in
 * the order their first document came. Any other shape, or a path that meets an array or a key that
 * is not a string or null, is left to mingo.
 */
type Accumulator =
  | { kind: 'sum'; path: string[] | null; constant: number }
  | { kind: 'sumOf'; paths: string[][] }
  | { kind: 'push'; paths: string[][] }
  | { kind: 'merge'; path: string[] };

interface Plan {
  key: string[] | null;
  fields: [string, Accumulator][];
}

const BAIL = Symbol('bail');

function fieldPath(value: unknown): string[] | null {
  if (typeof value !== 'string' || !value.startsWith('$') || value.startsWith('$$') || value.length < 2) return null;
  const parts = value.slice(1).split('.');
  return parts.every((p) => p !== '' && !p.startsWith('$')) ? parts : null;
}

function planOf(expr: unknown): Plan | null {
  if (!expr || typeof expr !== 'object' || Array.isArray(expr)) return null;
  const spec = expr as Record<string, unknown>;
  if (!('_id' in spec)) return null;
  const key = spec['_id'] === null ? null : fieldPath(spec['_id']);
  if (spec['_id'] !== null && key === null) return null;
  const fields: [string, Accumulator][] = [];
  for (const [name, value] of Object.entries(spec)) {
    if (name === '_id') continue;
    if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
    const ops = Object.entries(value as Record<string, unknown>);
    if (ops.length !== 1) return null;
    const [op, arg] = ops[0]!;
    if (op === '$sum') {
      if (typeof arg === 'number') fields.push([name, { kind: 'sum', path: null, constant: arg }]);
      else if (arg && typeof arg === 'object' && !Array.isArray(arg)) {
        const inner = Object.entries(arg as Record<string, unknown>);
        if (inner.length !== 1 || inner[0]![0] !== '$sum' || !Array.isArray(inner[0]![1])) return null;
        const paths = (inner[0]![1] as unknown[]).map(fieldPath);
        if (paths.length === 0 || paths.some((p) => p === null)) return null;
        fields.push([name, { kind: 'sumOf', paths: paths as string[][] }]);
      } else {
        const path = fieldPath(arg);
        if (!path) return null;
        fields.push([name, { kind: 'sum', path, constant: 0 }]);
      }
    } else if (op === '$push' && Array.isArray(arg)) {
      const paths = arg.map(fieldPath);
      if (paths.some((p) => p === null)) return null;
      fields.push([name, { kind: 'push', paths: paths as string[][] }]);
    } else if (op === '$mergeObjects') {
      const path = fieldPath(arg);
      if (!path) return null;
      fields.push([name, { kind: 'merge', path }]);
    } else return null;
  }
  return { key, fields };
}

/** The value at a path, undefined when missing; BAIL where MongoDB would traverse an array. */
function resolve(doc: unknown, path: string[]): unknown {
  let value = doc;
  for (const part of path) {
    if (value === null || value === undefined) return undefined;
    if (Array.isArray(value)) throw BAIL;
    if (typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  if (Array.isArray(value)) throw BAIL;
  return value;
}

/**
 * Each accumulator's path as (its parent path, its last key), the parents shared: a parent such as
 * `byMonth.2026-03` is resolved once per document for every figure read under it.
 */
function compile(plan: Plan) {
  // Each parent is registered after its own parent (its path less one key), so that a document's
  // parents are resolved one key each, in order: `byMonth`, then `byMonth.2026-03`, then its `held`.
  const parents = new Map<string, { path: string[]; at: number; up: number }>();
  const register = (parent: string[]): number => {
    const key = parent.join('.');
    let found = parents.get(key);
    if (!found) {
      const up = parent.length === 0 ? -1 : register(parent.slice(0, -1));
      found = { path: parent, at: parents.size, up };
      parents.set(key, found);
    }
    return found.at;
  };
  const slot = (path: string[]) => ({ parent: register(path.slice(0, -1)), last: path[path.length - 1]! });
  const fields = plan.fields.map(([name, acc]) =>
    acc.kind === 'sum'
      ? { name, kind: 'sum' as const, constant: acc.constant, read: acc.path ? slot(acc.path) : null }
      : acc.kind === 'sumOf'
        ? { name, kind: 'sumOf' as const, reads: acc.paths.map(slot) }
        : acc.kind === 'merge'
          ? { name, kind: 'merge' as const, read: slot(acc.path) }
          : { name, kind: 'push' as const, reads: acc.paths.map(slot) },
  );
  const list = [...parents.values()];
  return {
    parents: list.map((p) => p.path),
    /** Each parent's own parent by position (-1: the document), and the key that leads from it. */
    up: Int32Array.from(list.map((p) => p.up)),
    step: list.map((p) => p.path[p.path.length - 1] ?? ''),
    fields,
  };
}

function child(parent: unknown, key: string): unknown {
  if (parent === null || parent === undefined || typeof parent !== 'object') return undefined;
  if (Array.isArray(parent)) throw BAIL;
  const value = (parent as Record<string, unknown>)[key];
  if (Array.isArray(value)) throw BAIL;
  return value;
}

interface Group {
  /** The documents in the group. */
  count: number;
  /** Each summed path's total by position (a typed array: hundreds of sums are added per document). */
  sums: Float64Array;
  /** Each pushed field's rows by position. */
  pushes: unknown[][];
  /** Each merged field's object by position. */
  merged: Record<string, unknown>[];
}

function run(docs: readonly unknown[], plan: Plan): Record<string, unknown>[] {
  const { parents, up, step, fields } = compile(plan);
  // Per parent, the sums read under each of its keys: a parent's own keys are walked once instead
  // of looking up every summed key (most of which, such as activity types, a month does not hold).
  const sumsUnder = parents.map(() => new Map<string, number[]>());
  fields.forEach((field, f) => {
    if (field.kind !== 'sum' || !field.read) return;
    const under = sumsUnder[field.read.parent]!;
    under.set(field.read.last, [...(under.get(field.read.last) ?? []), f]);
  });
  const summedParents = sumsUnder.flatMap((under, parent) => (under.size > 0 ? [{ parent, under }] : []));
  const pushes = fields.flatMap((field, f) => (field.kind === 'push' ? [{ f, reads: field.reads }] : []));
  const merges = fields.flatMap((field, f) => (field.kind === 'merge' ? [{ f, read: field.read }] : []));
  const sumsOf = fields.flatMap((field, f) =>
    field.kind === 'sumOf'
      ? [{ f, under: Int32Array.from(field.reads.map((r) => r.parent)), keys: field.reads.map((r) => r.last) }]
      : [],
  );
  const groups = new Map<string | null, Group>();
  const resolved: unknown[] = new Array(parents.length);
  for (const doc of docs) {
    const raw = plan.key ? resolve(doc, plan.key) : null;
    if (raw !== undefined && raw !== null && typeof raw !== 'string') throw BAIL;
    const key = raw ?? null;
    let group = groups.get(key);
    if (group === undefined) {
      group = {
        count: 0,
        sums: new Float64Array(fields.length),
        pushes: fields.map(() => []),
        merged: fields.map(() => ({})),
      };
      groups.set(key, group);
    }
    group.count += 1;
    for (let i = 0; i < parents.length; i++) {
      const from = up[i]!;
      const value = from < 0 ? doc : child(resolved[from], step[i]!);
      if (Array.isArray(value)) throw BAIL;
      resolved[i] = value;
    }
    const totals = group.sums;
    for (const { parent, under } of summedParents) {
      const object = resolved[parent];
      if (object === null || typeof object !== 'object') continue;
      if (Array.isArray(object)) throw BAIL;
      for (const key in object) {
        if (!Object.hasOwn(object, key)) continue;
        const at = under.get(key);
        if (at === undefined) continue;
        const n = (object as Record<string, unknown>)[key];
        if (Array.isArray(n)) throw BAIL;
        // NaN !== NaN: a NaN is left out of the sum, as mingo does.
        if (typeof n === 'number' && n === n) for (const f of at) totals[f]! += n;
      }
    }
    for (const { f, under, keys } of sumsOf) {
      // The document's own sum first (a NaN or a non-number left out), then added to the group's.
      let own = 0;
      for (let r = 0; r < under.length; r++) {
        const parent = resolved[under[r]!];
        // Most paths of a sum over many months are under a month the document does not hold.
        if (parent === undefined || parent === null || typeof parent !== 'object') continue;
        const n = (parent as Record<string, unknown>)[keys[r]!];
        if (typeof n === 'number') {
          if (n === n) own += n;
        } else if (Array.isArray(n)) throw BAIL;
      }
      totals[f]! += own;
    }
    for (const push of pushes) {
      group.pushes[push.f]!.push(push.reads.map((r) => child(resolved[r.parent], r.last) ?? null));
    }
    for (const { f, read } of merges) {
      const value = child(resolved[read.parent], read.last);
      if (value === null || value === undefined) continue;
      // As mingo: the value's own keys whatever its type (a number or a date has none).
      const into = group.merged[f]!;
      for (const key of Object.keys(value)) {
        const v = (value as Record<string, unknown>)[key];
        if (v !== undefined) into[key] = v;
      }
    }
  }
  return [...groups].map(([key, group]) => {
    const out: Record<string, unknown> = { _id: key };
    fields.forEach((field, f) => {
      if (field.kind === 'push') out[field.name] = group.pushes[f];
      else if (field.kind === 'merge') out[field.name] = group.merged[f];
      // As mingo: a constant's sum is one product, not repeated additions (they differ for fractions).
      else if (field.kind === 'sumOf') out[field.name] = group.sums[f];
      else out[field.name] = field.read ? group.sums[f] : group.count * field.constant;
    });
    return out;
  });
}

/**
 * The `$group` stage over some documents computed directly, or null when its shape or the data is
 * one this path leaves to mingo.
 */
export function groupDirectly(docs: readonly unknown[], expr: unknown): Record<string, unknown>[] | null {
  const plan = planOf(expr);
  if (!plan) return null;
  try {
    return run(docs, plan);
  } catch (error) {
    if (error !== BAIL) throw error;
    return null;
  }
}

export const $group = ((collection: Iterator, expr: unknown, options: unknown) => {
  const mingoGroup = pipeline.$group as unknown as (c: Iterator, e: unknown, o: unknown) => Iterator;
  if (!planOf(expr)) return mingoGroup(collection, expr, options);
  return collection.transform((docs: unknown[]) => {
    const direct = groupDirectly(docs, expr);
    return direct ? Lazy(direct) : mingoGroup(Lazy(docs), expr, options);
  });
}) as unknown as PipelineOperator;
