/**
 * 0033-suppression-key: the key erased borrowers' suppressed addresses are hashed under, kept in the
 * store, wrapped (AES-256-GCM) under a key derived from SIGNING_SECRET, so a rotation of the secret
 * re-wraps it instead of losing every hashed entry (store/address-key.ts, docs/security.md). One
 * row per key name: processes starting at once insert the same row, and only the first stays.
 * Nothing is written here: the first start with SIGNING_SECRET stores the key the entries made so
 * far were hashed under (derived from that secret), so they keep matching with no rewrite.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('wrapped_keys')
    .addColumn('name', 'text', (c) => c.primaryKey())
    // `v1.<iv>.<ciphertext>.<tag>`, base64url: the data keys, 32 bytes each, the current one first.
    .addColumn('wrapped', 'text', (c) => c.notNull())
    // The fingerprint of the secret it is wrapped under (HKDF label "fingerprint"): named in errors.
    .addColumn('wrapped_under', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('wrapped_at', 'text', (c) => c.notNull())
    .execute();
}
