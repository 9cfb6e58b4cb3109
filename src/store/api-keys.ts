/** API keys kept in the audit store, as SHA-256 hashes only; the token is shown once, at creation. */
import type { Kysely } from 'kysely';
import { type ApiKeyRecord, type ApiRole, generateToken, hashToken, keyIdOf } from '../domain/keys.js';
import type { Database } from './schema.js';

export interface StoredKey extends ApiKeyRecord {
  label: string | null;
  createdAt: string;
  revokedAt: string | null;
}

/** A new key: its token (shown once) and what the store keeps of it. */
export interface CreatedApiKey {
  token: string;
  key: StoredKey;
}

export async function createApiKey(
  db: Kysely<Database>,
  role: ApiRole,
  label: string | null,
  now: Date,
  tenant?: string,
): Promise<CreatedApiKey> {
  const token = generateToken(role);
  const hash = hashToken(token);
  const key = {
    id: keyIdOf(hash),
    role,
    hash,
    label,
    createdAt: now.toISOString(),
    revokedAt: null,
    ...(tenant ? { tenant } : {}),
  };
  await db
    .insertInto('api_keys')
    .values({ id: key.id, role, hash, label, created_at: key.createdAt, revoked_at: null, tenant: tenant ?? null })
    .execute();
  return { token, key };
}

export async function listApiKeys(db: Kysely<Database>): Promise<StoredKey[]> {
  const rows = await db.selectFrom('api_keys').selectAll().orderBy('created_at').execute();
  return rows.map((r) => ({
    id: r.id,
    role: r.role as ApiRole,
    hash: r.hash,
    label: r.label,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
    ...(r.tenant ? { tenant: r.tenant } : {}),
  }));
}

export async function revokeApiKey(db: Kysely<Database>, id: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('api_keys')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** A live (not revoked) key by the hash of its token. */
export async function findApiKeyByHash(db: Kysely<Database>, hash: string): Promise<ApiKeyRecord | undefined> {
  const r = await db
    .selectFrom('api_keys')
    .select(['id', 'role', 'hash', 'tenant'])
    .where('hash', '=', hash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return r ? { id: r.id, role: r.role as ApiRole, hash: r.hash, ...(r.tenant ? { tenant: r.tenant } : {}) } : undefined;
}
