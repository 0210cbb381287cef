import { randomInt } from 'node:crypto';
import { Context } from 'mingo';
import { Aggregator } from 'mingo/aggregator';
import { Lazy, type Iterator } from 'mingo/lazy';
import * as accumulator from 'mingo/operators/accumulator';
import * as expression from 'mingo/operators/expression';
import * as pipeline from 'mingo/operators/pipeline';
import * as projection from 'mingo/operators/projection';
import * as query from 'mingo/operators/query';
import * as window from 'mingo/operators/window';
import type { PipelineOperator } from 'mingo/types';
import { invalidParam } from './errors';
import { $group } from './fast-group';
import { isPlainObject } from './documents';

/**
 * `$sample: { size }` as MongoDB and CloudBase answer it: `size` distinct documents of the input,
 * chosen uniformly at random and in random order; all of them (shuffled) when there are fewer.
 * mingo's own stage draws with replacement — it repeats documents and, on an empty input, yields
 * `undefined` — so a paper drawn locally could hold the same question twice where production never
 * would. This one replaces it (a partial Fisher–Yates shuffle over the input).
 */
export function sampleDocuments<T>(input: readonly T[], size: number): T[] {
  const pool = input.slice();
  const take = Math.min(size, pool.length);
  for (let i = 0; i < take; i++) {
    const j = i + randomInt(pool.length - i);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, take);
}

export function checkSampleSpec(spec: unknown): number {
  const size = isPlainObject(spec) ? spec['size'] : undefined;
  if (typeof size !== 'number' || !Number.isInteger(size) || size <= 0) {
    throw invalidParam('$sample needs { size } with a positive integer size');
  }
  return size;
}

const $sample = ((collection: Iterator, expr: unknown) => {
  const size = checkSampleSpec(expr);
  return collection.transform((docs: unknown[]) => Lazy(sampleDocuments(docs, size)));
}) as unknown as PipelineOperator;

/**
 * mingo's operators with this `$sample` in place of its own. mingo's default Aggregator merges a
 * given context under its built-in one (the built-in operator wins), so the engine builds the whole
 * context and runs the base Aggregator with it; `$lookup` pipelines inherit it.
 */
const ENGINE_CONTEXT = Context.init({
  accumulator,
  expression,
  pipeline: { ...pipeline, $sample, $group },
  projection,
  query,
  window,
});

export function engineAggregator(
  stages: Record<string, unknown>[],
  options: { collectionResolver: (name: string) => unknown[] },
) {
  return new Aggregator(stages, { ...options, context: ENGINE_CONTEXT } as ConstructorParameters<typeof Aggregator>[1]);
}
