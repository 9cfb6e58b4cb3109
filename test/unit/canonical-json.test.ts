import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/lib/seeded-random.js';
import { canonicalJson } from '../../src/store/canonical-json.js';

/** A small seeded generator, so a failure names a value that can be replayed. */
const rng = seededRandom;

const PIECES = [
  'a',
  'Z',
  '0',
  ' ',
  '"',
  '\\',
  '\n',
  '\u0000',
  '\u001f',
  '\u007f',
  'é',
  '您',
  '好',
  '€',
  '\u2028',
  '😀',
  '\uD83D',
  '\uDE00',
  'key',
  '-',
  '_',
];
const NUMBERS = [
  0,
  -0,
  1,
  -1,
  0.1,
  1e21,
  1e-7,
  123456789012345680000,
  5e-324,
  Number.MAX_SAFE_INTEGER,
  2 ** 53 + 2,
  -3.5,
  120.5,
];

function gen(r: () => number, depth: number): unknown {
  const k = Math.floor(r() * (depth > 3 ? 5 : 8));
  switch (k) {
    case 0:
      return null;
    case 1:
      return r() < 0.5;
    case 2:
      return r() < 0.5 ? NUMBERS[Math.floor(r() * NUMBERS.length)] : (r() - 0.5) * 10 ** Math.floor(r() * 30);
    case 3:
    case 4:
      return Array.from({ length: Math.floor(r() * 6) }, () => PIECES[Math.floor(r() * PIECES.length)]).join('');
    case 5:
      return Array.from({ length: Math.floor(r() * 4) }, () => (r() < 0.1 ? undefined : gen(r, depth + 1)));
    default: {
      const o: Record<string, unknown> = {};
      for (let i = Math.floor(r() * 5); i > 0; i--) o[String(gen(r, 9))] = r() < 0.1 ? undefined : gen(r, depth + 1);
      return o;
    }
  }
}

const outcome = (f: () => unknown) => {
  try {
    return { value: f() };
  } catch (err) {
    return { error: (err as Error).message };
  }
};

describe('canonical JSON', () => {
  it('is what the canonicalize package writes, for 20,000 random values (and the same errors)', () => {
    const r = rng(20261201);
    let offPath = 0;
    for (let i = 0; i < 20_000; i++) {
      const v = gen(r, 0);
      const ours = outcome(() => canonicalJson(v));
      const theirs = outcome(() => canonicalize(v));
      if ('error' in theirs) offPath++;
      expect(ours, `value ${i}: ${JSON.stringify(v)}`).toEqual(theirs);
    }
    // The generator reaches the package's refusals too (lone surrogates), not only the fast path.
    expect(offPath).toBeGreaterThan(100);
  });

  it('hands the package what the fast path does not take: toJSON, Date, NaN, cycles, deep nesting', () => {
    const date = new Date('2026-12-01T00:00:00.000Z');
    expect(canonicalJson({ at: date, x: { toJSON: () => 'y' } })).toBe(
      canonicalize({ at: date, x: { toJSON: () => 'y' } }),
    );
    expect(() => canonicalJson({ n: NaN })).toThrow('NaN is not allowed');
    expect(() => canonicalJson({ n: Infinity })).toThrow('Infinity is not allowed');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow('Circular reference detected');
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = { d: deep };
    expect(canonicalJson(deep)).toBe(canonicalize(deep));
    expect(canonicalJson(undefined)).toBe(canonicalize(undefined));
  });

  it('writes an event body in the order RFC 8785 sorts its keys', () => {
    expect(canonicalJson({ type: 'sent', seq: 2, data: { b: [1, 'x'], a: null }, actor: 'worker' })).toBe(
      '{"actor":"worker","data":{"a":null,"b":[1,"x"]},"seq":2,"type":"sent"}',
    );
  });
});
