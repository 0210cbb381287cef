import { BSONRegExp, EJSON } from 'bson';
import { invalidParam, unsupported } from './errors';
import { isPlainObject } from './documents';

/**
 * The SDK sends queries, documents, updates and pipeline stages as canonical Extended JSON strings
 * and parses every returned document with `EJSON.parse`. Inside the engine values are plain JS:
 * numbers, strings, booleans, null, Date, RegExp, arrays and plain objects.
 */

/** MongoDB regex options that JS RegExp understands; `x` (extended) has no JS equivalent. */
const REGEX_FLAGS: Record<string, string> = { i: 'i', m: 'm', s: 's', u: 'u' };

function toRegExp(value: BSONRegExp): RegExp {
  let flags = '';
  for (const option of value.options) {
    const flag = REGEX_FLAGS[option];
    if (flag === undefined) throw unsupported(`regular expression option "${option}"`);
    flags += flag;
  }
  try {
    return new RegExp(value.pattern, flags);
  } catch (error) {
    throw invalidParam(`invalid regular expression /${value.pattern}/: ${(error as Error).message}`);
  }
}

function serverDate(spec: unknown, now: number): Date {
  const offset = isPlainObject(spec) ? spec['offset'] : undefined;
  if (offset !== undefined && (typeof offset !== 'number' || !Number.isFinite(offset))) {
    throw invalidParam('serverDate offset must be a finite number of milliseconds');
  }
  return new Date(now + (offset ?? 0));
}

/**
 * Converts a parsed EJSON value into engine values: BSON regexes become RegExp (mingo only knows
 * RegExp), `{$tcb_server_date: {offset}}` (from `db.serverDate()`) becomes the server's time plus
 * the offset, and BSON types without a JS counterpart are refused by name.
 */
export function toNative(value: unknown, now: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value;
  if (value instanceof RegExp) return value;
  if (value instanceof BSONRegExp) return toRegExp(value);
  if (Array.isArray(value)) return value.map((item) => toNative(item, now));
  if (!isPlainObject(value)) {
    const bsonType = (value as { _bsontype?: unknown })._bsontype;
    throw unsupported(`the BSON type ${typeof bsonType === 'string' ? bsonType : 'of this value'}`);
  }
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === '$tcb_server_date') return serverDate(value['$tcb_server_date'], now);
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    if (key === '__proto__') throw invalidParam('the key "__proto__" is not allowed');
    out[key] = toNative(value[key], now);
  }
  return out;
}

/** Parses one EJSON string from a request payload. `what` names the payload field in errors. */
export function decodeWire(text: string, now: number, what: string): unknown {
  let parsed: unknown;
  try {
    parsed = EJSON.parse(text, { relaxed: true });
  } catch (error) {
    throw invalidParam(`${what} is not valid Extended JSON: ${(error as Error).message}`);
  }
  return toNative(parsed, now);
}

/**
 * Encodes a document for a response or for storage. Relaxed EJSON keeps numbers as JSON numbers
 * and turns Date and RegExp into `$date` / `$regularExpression`, which the SDK's EJSON.parse
 * turns back into Date and a BSON regex, as with the production server.
 */
export function encodeDocument(doc: unknown): string {
  return EJSON.stringify(doc, { relaxed: true });
}

/** Parses a stored document (written by {@link encodeDocument}). */
export function decodeStored(text: string): unknown {
  return toNative(EJSON.parse(text, { relaxed: true }), 0);
}
