import { validateCollectionName } from './collections';
import { isPlainObject } from './documents';
import { decodeWire } from './ejson';
import { invalidParam } from './errors';

/** One request as `send(action, data)` received it, with typed readers for its fields. */
export class Payload {
  private readonly fields: Record<string, unknown>;

  constructor(
    readonly action: string,
    data: unknown,
    /** The server time of this request, for `db.serverDate()`. */
    readonly now: number,
  ) {
    if (data === undefined || data === null) this.fields = {};
    else if (isPlainObject(data)) this.fields = data;
    else throw invalidParam(`${action}: the request data must be an object`);
  }

  private fail(key: string, expected: string): never {
    throw invalidParam(`${this.action}: "${key}" must be ${expected}`);
  }

  collectionName(): string {
    return validateCollectionName(this.string('collectionName'));
  }

  string(key: string): string {
    const value = this.fields[key];
    if (typeof value !== 'string' || value === '') this.fail(key, 'a non-empty string');
    return value;
  }

  optionalString(key: string): string | undefined {
    const value = this.fields[key];
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string') this.fail(key, 'a string');
    return value;
  }

  optionalBoolean(key: string): boolean | undefined {
    const value = this.fields[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') this.fail(key, 'a boolean');
    return value;
  }

  optionalInteger(key: string): number | undefined {
    const value = this.fields[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) this.fail(key, 'a non-negative integer');
    return value;
  }

  array(key: string): unknown[] {
    const value = this.fields[key];
    if (!Array.isArray(value)) this.fail(key, 'an array');
    return value;
  }

  /** An Extended JSON string field, decoded; undefined when absent. */
  optionalEjson(key: string): unknown {
    const value = this.fields[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') this.fail(key, 'an Extended JSON string');
    return decodeWire(value, this.now, `${this.action}: "${key}"`);
  }

  /** An Extended JSON field that must decode to an object; `{}` when absent and `absentIsEmpty`. */
  ejsonObject(key: string, absentIsEmpty: boolean): Record<string, unknown> {
    const value = this.optionalEjson(key);
    if (value === undefined && absentIsEmpty) return {};
    if (!isPlainObject(value)) this.fail(key, 'an object');
    return value;
  }

  /** Decodes one element of an array of Extended JSON strings. */
  ejsonItem(value: unknown, key: string): unknown {
    if (typeof value !== 'string') this.fail(key, 'an array of Extended JSON strings');
    return decodeWire(value, this.now, `${this.action}: "${key}"`);
  }
}
