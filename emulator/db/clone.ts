/**
 * A deep copy of a stored value (plain objects, arrays, dates, regular expressions and scalars),
 * made with this module's own Array and Object. `structuredClone` would do the copying, but under a
 * test runner that gives each test file its own global scope it is the host's, and returns arrays
 * of another realm: mingo compares constructors, so `where({tags: ['a', 'b']})` would stop matching
 * a document once an update had copied it. CloudBase compares values, whatever made them.
 */
export function deepClone<T>(value: T): T {
  return copy(value) as T;
}

function copy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copy);
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') {
    return new Date((value as Date).getTime());
  }
  if (value instanceof RegExp || Object.prototype.toString.call(value) === '[object RegExp]') {
    const re = value as RegExp;
    return new RegExp(re.source, re.flags);
  }
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) out[key] = copy(field);
  return out;
}
