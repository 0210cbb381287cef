import { invalidParam, unsupported } from './errors';
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
  '$bit',
  '$currentDate',
]);

const PIPELINE_STAGES = new Set([
  '$match',
  '$group',
  '$project',
  '$sort',
  '$limit',
  '$skip',
  '$lookup',
  '$unwind',
  '$count',
  '$addFields',
  '$set',
  '$unset',
  '$sortByCount',
  '$replaceRoot',
  '$replaceWith',
  '$sample',
  '$bucket',
  '$bucketAuto',
  '$facet',
  '$graphLookup',
  '$redact',
]);

/** Projection operators of `field()` (`db.command.project.slice` / `.elemMatch`). */
const PROJECTION_OPERATORS = new Set(['$slice', '$elemMatch']);

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
    if (!PIPELINE_STAGES.has(name)) throw unsupported(`the aggregation stage ${name}`);
    const spec = stage[name];
    if (name === '$match') assertSupportedQuery(spec);
    if (name === '$lookup' && isPlainObject(spec) && Array.isArray(spec['pipeline'])) {
      assertSupportedPipeline(spec['pipeline']);
    }
    if (name === '$facet' && isPlainObject(spec)) {
      for (const sub of Object.values(spec)) {
        if (!Array.isArray(sub)) throw invalidParam('each $facet output needs a pipeline array');
        assertSupportedPipeline(sub);
      }
    }
  }
}
