import superjson, { type SuperJSONResult } from 'superjson';

type JSONValue = SuperJSONResult['json'];

// The wire format is superjson's, which every client reads. Answers made of plain data are
// written by a fast path, the rest by superjson itself: superjson's walk, which copies every
// value and tries each of its rules on it, took 6% of the server's time for a page of search
// results.

/** A path segment as superjson writes it in an annotation: dots and backslashes escaped. */
const escapeKey = (key: string | number) =>
  typeof key === 'string' && (key.includes('.') || key.includes('\\')) ? key.replace(/\\/g, '\\\\').replace(/\./g, '\\.') : key;

type Annotations = Record<string, ['Date']>;

/**
 * The answer as superjson writes it, or null if it holds something but plain objects and arrays,
 * strings, finite numbers, booleans, null and dates. Such a value is its own JSON (a date's is
 * its ISO time, as superjson writes it): it is read, not copied, for the paths of its dates.
 */
export function serializePlain(root: object): SuperJSONResult | null {
  // superjson annotates a date at the root differently.
  if (root instanceof Date) return null;
  let values: Annotations | undefined;
  /** Objects met so far: one met twice is a referential equality, which superjson records. */
  const met = new Set<object>();
  const path: Array<string | number> = [];

  function plain(value: unknown): boolean {
    switch (typeof value) {
      case 'string':
      case 'boolean':
        return true;
      case 'number':
        // NaN, ±Infinity and -0 are annotated by superjson's own rules.
        return Number.isFinite(value) && !Object.is(value, -0);
      case 'object': {
        if (value === null) return true;
        if (met.has(value)) return false;
        met.add(value);
        const prototype = Object.getPrototypeOf(value);
        if (prototype === Date.prototype) {
          if (Number.isNaN((value as Date).getTime())) return false;
          values ??= {};
          values[path.map(escapeKey).join('.')] = ['Date'];
          return true;
        }
        if (prototype === Array.prototype) {
          const array = value as unknown[];
          for (let i = 0; i < array.length; i++) {
            // A hole, which superjson leaves unannotated, is the only way to miss an index.
            if (!(i in array)) return false;
            path.push(i);
            const ok = plain(array[i]);
            path.pop();
            if (!ok) return false;
          }
          return true;
        }
        if (prototype !== Object.prototype && prototype !== null) return false;
        for (const key in value) {
          // superjson refuses these (prototype pollution), and says so.
          if (key === '__proto__' || key === 'constructor' || key === 'prototype') return false;
          path.push(key);
          const ok = plain((value as Record<string, unknown>)[key]);
          path.pop();
          if (!ok) return false;
        }
        return true;
      }
      default:
        // undefined (written as null by superjson, left out by JSON), bigints, symbols, functions.
        return false;
    }
  }

  if (!plain(root)) return null;
  return values ? { json: root as JSONValue, meta: { values, v: 1 } } : { json: root as JSONValue };
}

/** superjson's serialize, the same output, faster for plain data. */
export function serialize(value: unknown): SuperJSONResult {
  return (typeof value === 'object' && value !== null && serializePlain(value)) || superjson.serialize(value);
}

/** tRPC's transformer: requests read by superjson, answers written as superjson writes them. */
export const transformer = {
  input: superjson,
  output: { serialize, deserialize: superjson.deserialize },
};
