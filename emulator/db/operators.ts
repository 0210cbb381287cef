import { invalidParam, undocumented, unsupported } from './errors';
import { isPlainObject } from './documents';

/**
 * What the local runtime supports, checked before mingo sees a request so that anything else is
 * refused by name instead of being ignored or half-applied.
 */

const QUERY_OPERATORS = new Set([
  '$eq',
  '$ne',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$in',
  '$nin',
  '$and',
  '$or',
  '$nor',
  '$not',
  '$exists',
  '$type',
  '$size',
  '$elemMatch',
  '$all',
  '$mod',
  '$regex',
  '$options',
  '$expr',
]);

const GEO_OPERATORS = new Set([
  '$near',
  '$nearSphere',
  '$geoWithin',
  '$geoIntersects',
  '$geometry',
  '$maxDistance',
  '$minDistance',
  '$centerSphere',
  '$center',
  '$box',
  '$polygon',
]);

/**
 * Update operators: only what CloudBase documents. The update commands of `db.command`
 * (云开发 数据库 API, Command · 更新 · 字段操作符 / 数组操作符:
 * developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/database/Command.html;
 * docs.cloudbase.net/api-reference/server/node-sdk/database/command) are set, remove, inc, mul,
 * min, max, rename, push (with each/position/slice/sort), pop, shift, unshift, pull, pullAll and
 * addToSet; the SDK sends them as the operators below (remove as $unset, shift as $pop -1,
 * unshift as $push with $position 0), and plain fields of update() as $set. MongoDB's $bit,
 * $currentDate and $setOnInsert are not documented there, so a raw request carrying them is refused.
 */
export const UPDATE_OPERATORS = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$rename',
  '$push',
  '$addToSet',
  '$pull',
  '$pullAll',
  '$pop',
]);

/** MongoDB update operators CloudBase does not document, refused with a message that says so. */
const UNDOCUMENTED_UPDATE_OPERATORS = new Set(['$bit', '$currentDate', '$setOnInsert']);

/**
 * Aggregation stages: only what CloudBase documents. The stages of `Aggregate`
 * (云开发 数据库 API, Aggregate: developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/database/aggregate/Aggregate.html;
 * docs.cloudbase.net/api-reference/server/node-sdk/database/aggregate) are addFields, bucket,
 * bucketAuto, count, geoNear, group, limit, lookup, match, project, replaceRoot, sample, skip,
 * sort, sortByCount and unwind ($geoNear is refused separately: the local engine has no geo).
 */
const PIPELINE_STAGES = new Set([
  '$addFields',
  '$bucket',
  '$bucketAuto',
  '$count',
  '$group',
  '$limit',
  '$lookup',
  '$match',
  '$project',
  '$replaceRoot',
  '$sample',
  '$skip',
  '$sort',
  '$sortByCount',
  '$unwind',
]);

/** MongoDB stages mingo would run but CloudBase does not document, refused with a message that says so. */
const UNDOCUMENTED_STAGES = new Set([
  '$facet',
  '$graphLookup',
  '$redact',
  '$replaceWith',
  '$set',
  '$unset',
  '$unionWith',
  '$setWindowFields',
  '$densify',
  '$fill',
  '$documents',
]);

/** Projection operators of `field()` (`db.command.project.slice` / `.elemMatch`). */
const PROJECTION_OPERATORS = new Set(['$slice', '$elemMatch']);

/** Throws unless `op` is an update operator CloudBase documents. */
export function assertDocumentedUpdateOperator(op: string): void {
  if (UNDOCUMENTED_UPDATE_OPERATORS.has(op)) throw undocumented(`the update operator ${op}`);
  if (!UPDATE_OPERATORS.has(op)) throw unsupported(`the update operator ${op}`);
}

function checkQueryOperator(op: string): void {
  if (GEO_OPERATORS.has(op)) throw unsupported(`the geo query operator ${op}`);
  if (!QUERY_OPERATORS.has(op)) throw unsupported(`the query operator ${op}`);
}

function checkCondition(value: unknown, field: string): void {
  if (!isPlainObject(value)) return;
  const keys = Object.keys(value);
  if (keys.length === 0) {
    // wx-server-sdk drops empty objects from where(), so `{}` only comes from its broken encodings.
    throw invalidParam(
      `the condition on "${field}" arrived empty: wx-server-sdk 4.0.2 encodes _.not() of and/or/nor and _.not(db.RegExp(...)) as {}, which matches nothing on CloudBase; use _.nor([...]) or _.not(/regex/) instead`,
    );
  }
  if (!keys.some((key) => key.startsWith('$'))) return;
  for (const op of keys) {
    checkQueryOperator(op);
    const arg = value[op];
    if (op === '$not') checkCondition(arg, field);
    else if (op === '$elemMatch') checkQuery(arg);
  }
}

function checkQuery(query: unknown): void {
  if (!isPlainObject(query)) throw invalidParam('a query must be an object');
  for (const [key, value] of Object.entries(query)) {
    if (!key.startsWith('$')) {
      checkCondition(value, key);
      continue;
    }
    checkQueryOperator(key);
    if (key === '$and' || key === '$or' || key === '$nor') {
      if (!Array.isArray(value)) throw invalidParam(`${key} needs an array`);
      value.forEach(checkQuery);
    } else if (key !== '$expr') {
      checkCondition({ [key]: value }, key);
    }
  }
}

/**
 * wx-server-sdk 4.0.2 leaves some commands unencoded: an and()/or() chain inside elemMatch(), and
 * any command inside all([...]) or a pull() condition, arrive as `{operator, operands, fieldName}`.
 * CloudBase would compare against that object literally and match nothing; refuse it instead.
 */
export function assertEncodedCommands(value: unknown): void {
  if (Array.isArray(value)) {
    value.forEach(assertEncodedCommands);
    return;
  }
  if (!isPlainObject(value)) return;
  if (typeof value['operator'] === 'string' && Array.isArray(value['operands'])) {
    throw invalidParam(
      `the command "${value['operator']}" was not encoded by wx-server-sdk 4.0.2 (it arrived as {operator, operands}, which matches nothing on CloudBase); write it with plain operators, e.g. _.elemMatch({ $gt: 80, $lt: 100 })`,
    );
  }
  Object.values(value).forEach(assertEncodedCommands);
}

/** Throws for geo and other unsupported operators, and for commands the SDK failed to encode, anywhere in a query. */
export function assertSupportedQuery(query: unknown): void {
  checkQuery(query);
  assertEncodedCommands(query);
}

export function assertSupportedProjection(projection: unknown): asserts projection is Record<string, unknown> {
  if (!isPlainObject(projection)) throw invalidParam('a projection must be an object');
  for (const [field, spec] of Object.entries(projection)) {
    if (!isPlainObject(spec)) continue;
    for (const op of Object.keys(spec)) {
      if (!PROJECTION_OPERATORS.has(op)) throw unsupported(`the projection operator ${op} (on "${field}")`);
    }
  }
}

export function assertSupportedPipeline(pipeline: readonly unknown[]): void {
  for (const stage of pipeline) {
    if (!isPlainObject(stage)) throw invalidParam('an aggregation stage must be an object');
    const names = Object.keys(stage);
    const name = names[0];
    if (names.length !== 1 || name === undefined) throw invalidParam('an aggregation stage must have exactly one key');
    if (name === '$geoNear') throw unsupported('the geo aggregation stage $geoNear');
    if (UNDOCUMENTED_STAGES.has(name)) throw undocumented(`the aggregation stage ${name}`);
    if (!PIPELINE_STAGES.has(name)) throw unsupported(`the aggregation stage ${name}`);
    const spec = stage[name];
    if (name === '$match') assertSupportedQuery(spec);
    if (name === '$lookup' && isPlainObject(spec) && Array.isArray(spec['pipeline'])) {
      assertSupportedPipeline(spec['pipeline']);
    }
  }
}
