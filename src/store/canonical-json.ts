/**
 * RFC 8785 canonical JSON, byte for byte what the `canonicalize` package produces, on a fast path
 * for the values events carry (plain objects, arrays, strings, finite numbers, booleans, null).
 * The package checks every string character by character for lone surrogates and tracks cycles
 * in a Set per call; on the ingest path that was 5–6 % of the CPU. Here a string is scanned only
 * when a regular expression finds a surrogate in it, and anything outside the fast path (a lone
 * surrogate, `toJSON`, a Date, NaN, a cycle or very deep nesting) is handed to the package, so
 * its output and its errors stay the reference. test/unit/canonical-json.test.ts compares both.
 */
import canonicalize from 'canonicalize';

const SURROGATE = /[\uD800-\uDFFF]/;
const MAX_DEPTH = 64;

class OffPath extends Error {}
const OFF_PATH = new OffPath();

function str(s: string): string {
  if (SURROGATE.test(s)) throw OFF_PATH;
  return JSON.stringify(s);
}

function value(v: unknown, depth: number): string {
  switch (typeof v) {
    case 'string':
      return str(v);
    case 'number':
      if (!Number.isFinite(v)) throw OFF_PATH;
      return JSON.stringify(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object': {
      if (v === null) return 'null';
      if (depth > MAX_DEPTH) throw OFF_PATH;
      if (Array.isArray(v)) {
        let out = '[';
        for (let i = 0; i < v.length; i++) {
          const item: unknown = v[i];
          out += (i ? ',' : '') + (item === undefined ? 'null' : value(item, depth + 1));
        }
        return out + ']';
      }
      const proto: unknown = Object.getPrototypeOf(v);
      if ((proto !== Object.prototype && proto !== null) || typeof (v as { toJSON?: unknown }).toJSON === 'function')
        throw OFF_PATH;
      const o = v as Record<string, unknown>;
      let out = '{';
      let first = true;
      for (const key of Object.keys(o).sort()) {
        const item = o[key];
        if (item === undefined) continue;
        out += (first ? '' : ',') + str(key) + ':' + value(item, depth + 1);
        first = false;
      }
      return out + '}';
    }
    default:
      // undefined at the top, functions, symbols, bigints: the package's answer.
      throw OFF_PATH;
  }
}

/** The canonical JSON of `v` (as `canonicalize(v)`). */
export function canonicalJson(v: unknown): string | undefined {
  try {
    return value(v, 0);
  } catch (err) {
    if (err !== OFF_PATH) throw err;
    return canonicalize(v);
  }
}
