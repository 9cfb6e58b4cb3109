/**
 * Keyed hashes of addresses, for suppressions that outlive an erasure: an erased borrower's
 * opted-out number or email stays on the suppression list as `hmac:<HMAC-SHA256 of the normalised
 * address>` under a key derived for this purpose alone (HKDF of SIGNING_SECRET, label
 * "suppression-address:v1"; the wiring derives it). A plain hash of a phone number can be
 * reversed by trying every number; without the key it cannot. Lookups hash the address asked
 * about under the current key and the previous one (SIGNING_SECRET_PREVIOUS), so a rotation keeps
 * the entries matching until the previous secret is dropped (docs/security.md).
 */
import { createHmac } from 'node:crypto';

export const HASHED_ADDRESS_PREFIX = 'hmac:';

export interface AddressHasher {
  /** The hash an entry is stored under now (the current key). */
  current(address: string): string;
  /** Every hash the address may be stored under (current key first). */
  all(address: string): string[];
}

/** Phone numbers are E.164 already; an email's case does not matter. */
export const normalisedForHash = (address: string) =>
  address.includes('@') ? address.trim().toLowerCase() : address.trim();

export const isHashedAddress = (stored: string) => stored.startsWith(HASHED_ADDRESS_PREFIX);

/** `keys[0]` is the current key; the rest are still matched (a rotated secret's). */
export function makeAddressHasher(keys: readonly Buffer[]): AddressHasher {
  if (keys.length === 0) throw new TypeError('an address hasher needs at least one key');
  const under = (key: Buffer, address: string) =>
    HASHED_ADDRESS_PREFIX + createHmac('sha256', key).update(normalisedForHash(address)).digest('hex');
  return {
    current: (address) => under(keys[0]!, address),
    all: (address) => keys.map((k) => under(k, address)),
  };
}
