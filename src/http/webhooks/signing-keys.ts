/**
 * One key per purpose, derived from the deployment's SIGNING_SECRET with HKDF-SHA256 (RFC 5869,
 * node:crypto hkdfSync): salt "reminder-dispatch", 32 bytes, and a distinct `info` label for each
 * purpose. Whoever holds one derived key learns nothing of the secret or of the other keys: a
 * collection system that verifies its events cannot sign unsubscribe tokens, nor another tenant's
 * events. See docs/security.md, "Keys: one per purpose".
 */
import { hkdfSync } from 'node:crypto';

const SALT = 'reminder-dispatch';
/** The label of the key that signs unsubscribe tokens (the `u2` scheme). */
export const UNSUBSCRIBE_KEY_INFO = 'unsubscribe:v2';
/**
 * The label of the key erased borrowers' suppressed addresses were first hashed under
 * (store/address-hash.ts): a store's first start keeps it as its suppression-address key.
 */
export const SUPPRESSION_ADDRESS_KEY_INFO = 'suppression-address:v1';
/** The label of the key that wraps the stored suppression-address key (store/address-key.ts). */
export const SUPPRESSION_KEY_WRAP_INFO = 'suppression-key-wrap:v1';
/** The label of a tenant's events key (used when the tenant's record gives no events secret). */
export const eventsKeyInfo = (tenant: string) => `events:${tenant}`;

export function deriveKey(secret: string, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, SALT, info, 32));
}

/** A tenant's derived events secret, as the receiver is given it: base64url of the derived key (43 characters). */
export function derivedEventsSecret(secret: string, tenant: string): string {
  return deriveKey(secret, eventsKeyInfo(tenant)).toString('base64url');
}

/** A name for a secret that reveals nothing of it (HKDF label "fingerprint", 16 hex digits): which secret was first used when. */
export function secretFingerprint(secret: string): string {
  return deriveKey(secret, 'fingerprint').subarray(0, 8).toString('hex');
}
