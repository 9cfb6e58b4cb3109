/** The wrapping of the suppression-address key (src/store/address-key.ts): AES-256-GCM, bound to the row's name. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { unwrapKeys, wrapKeys } from '../../src/store/address-key.js';

const WRAP = randomBytes(32);
const KEYS = [randomBytes(32), randomBytes(32)];

describe('the wrapped suppression-address key', () => {
  it('unwraps what it wrapped, the keys in order', () => {
    const wrapped = wrapKeys(WRAP, 'suppression-address', KEYS);
    expect(wrapped).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(unwrapKeys(WRAP, 'suppression-address', wrapped)).toEqual(KEYS);
  });

  it('gives nothing under another wrapping key, another row name, or a changed ciphertext', () => {
    const wrapped = wrapKeys(WRAP, 'suppression-address', KEYS);
    expect(unwrapKeys(randomBytes(32), 'suppression-address', wrapped)).toBeUndefined();
    expect(unwrapKeys(WRAP, 'another-key', wrapped)).toBeUndefined();
    const [v, iv, ct, tag] = wrapped.split('.') as [string, string, string, string];
    const flipped = Buffer.from(ct, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(
      unwrapKeys(WRAP, 'suppression-address', [v, iv, flipped.toString('base64url'), tag].join('.')),
    ).toBeUndefined();
  });

  it('wraps the same keys differently each time (a fresh IV)', () => {
    expect(wrapKeys(WRAP, 'suppression-address', KEYS)).not.toBe(wrapKeys(WRAP, 'suppression-address', KEYS));
  });

  it('refuses a stored value of an unknown format, saying which', () => {
    expect(() => unwrapKeys(WRAP, 'suppression-address', 'v9.a.b.c')).toThrow(/not in a known format \(v1\./);
  });
});
