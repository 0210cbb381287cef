import type { Collections } from './collections';
import { type Fields, isPlainObject } from './documents';
import { DEFAULT_AGGREGATE_LIMIT } from './limits';
import { assertSupportedPipeline } from './operators';
import { filterDocuments } from './query';
import { engineAggregator } from './sample';
import { deepClone } from './clone';

/**
 * Stages that only read their input documents. mingo changes input documents in place in other
 * stages ($addFields on nested paths, fields of `$lookup` results), so a pipeline with any other
 * stage runs on deep copies.
 */
const READ_ONLY_STAGES = new Set([
  '$match',
  '$group',
  '$count',
  '$sortByCount',
  '$sort',
  '$skip',
  '$limit',
  '$project',
  '$sample',
]);

/**
 * Runs a pipeline over the committed documents of a collection. A leading `$match` is answered
 * like a query (from the `_id` map or an equality index) before anything is copied. Collections named by `$lookup` are
 * copied once per run.
 */
export function runPipeline(collections: Collections, name: string, pipeline: Fields[]): Fields[] {
  assertSupportedPipeline(pipeline);
  let start = 0;
  let input: readonly Fields[] = collections.get(name).all();
  const first = pipeline[0];
  if (first !== undefined && isPlainObject(first['$match'])) {
    input = filterDocuments(collections.get(name), first['$match']);
    start = 1;
  }
  const stages = pipeline.slice(start);
  if (!pipeline.some((stage) => '$limit' in stage)) stages.push({ $limit: DEFAULT_AGGREGATE_LIMIT });

  const copies = new Map<string, Fields[]>();
  const collectionResolver = (from: string): Fields[] => {
    let docs = copies.get(from);
    if (docs === undefined) {
      docs = deepClone<Fields[]>(collections.get(from).all().slice());
      copies.set(from, docs);
    }
    return docs;
  };
  const readOnly = stages.every((stage) => Object.keys(stage).every((stageName) => READ_ONLY_STAGES.has(stageName)));
  const source = readOnly ? input.slice() : deepClone<Fields[]>(input.slice());
  return engineAggregator(stages, { collectionResolver }).run<Fields>(source);
}
