import { runPipeline } from '../aggregate';
import { type Fields, isPlainObject } from '../documents';
import { encodeDocument } from '../ejson';
import { invalidParam } from '../errors';
import { type Action, existingCollection } from './context';

/**
 * database.aggregateDocuments: `aggregate()...end()`. Each stage arrives as
 * `{stageKey: "$match", stageValue: "<EJSON or JSON>"}`; answers `{data: {list: [EJSON string]}}`.
 */
export const aggregateDocuments: Action = (ctx, payload) => {
  const collection = existingCollection(ctx, payload);
  if (payload.optionalString('transactionId') !== undefined) {
    throw invalidParam('aggregate() cannot run inside a transaction');
  }
  const pipeline: Fields[] = payload.array('stages').map((stage) => {
    if (!isPlainObject(stage) || typeof stage['stageKey'] !== 'string') {
      throw invalidParam('each aggregation stage must be {stageKey, stageValue}');
    }
    return { [stage['stageKey']]: payload.ejsonItem(stage['stageValue'], `stages.${stage['stageKey']}`) };
  });
  const list = runPipeline(ctx.collections, collection, pipeline);
  return { data: { list: list.map(encodeDocument) } };
};
