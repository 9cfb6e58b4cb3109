/**
 * The store's suppression-address key as SIGNING_SECRET and SIGNING_SECRET_PREVIOUS give it
 * (store/address-key.ts): the keys that wrap it (HKDF label "suppression-key-wrap:v1"), and the
 * keys a store without one starts with (HKDF label "suppression-address:v1", what erased
 * borrowers' entries were hashed under before the key was kept in the store).
 */
import type { AddressKeySource } from '../../store/address-key.js';
import {
  deriveKey,
  secretFingerprint,
  SUPPRESSION_ADDRESS_KEY_INFO,
  SUPPRESSION_KEY_WRAP_INFO,
} from '../../http/webhooks/signing-keys.js';

export function addressKeySource(secret: string, previous: string | undefined): AddressKeySource {
  const wrapping = (s: string) => ({ key: deriveKey(s, SUPPRESSION_KEY_WRAP_INFO), fingerprint: secretFingerprint(s) });
  const secrets = previous ? [secret, previous] : [secret];
  return {
    wrap: wrapping(secret),
    ...(previous ? { previous: wrapping(previous) } : {}),
    initial: secrets.map((s) => deriveKey(s, SUPPRESSION_ADDRESS_KEY_INFO)),
  };
}
