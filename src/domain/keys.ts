/**
 * API keys as the domain knows them: roles, how a token is hashed and named. Keys are held only
 * as SHA-256 hashes; a key's id (a prefix of its hash) names the client for idempotency and the
 * audit trail.
 */
import { createHash, randomBytes } from 'node:crypto';

export const API_ROLES = ['collector', 'agent', 'compliance', 'admin'] as const;
export type ApiRole = (typeof API_ROLES)[number];

export interface ApiKeyRecord {
  id: string;
  role: ApiRole;
  hash: string;
  /**
   * The tenant whose data the key reaches. Absent: collector and agent keys are the default
   * tenant's; compliance and admin keys are deployment-wide (every tenant's).
   */
  tenant?: string | undefined;
}

/** Collector and agent keys always act for one tenant; compliance and admin keys may be deployment-wide (null). */
export function tenantOfKey(key: Pick<ApiKeyRecord, 'role' | 'tenant'>, defaultTenant: string): string | null {
  if (key.tenant) return key.tenant;
  return key.role === 'collector' || key.role === 'agent' ? defaultTenant : null;
}

/** RFC 6750 b64token: the only characters a key may have (nothing that trimming could remove). */
export const TOKEN_ALPHABET = /^[A-Za-z0-9\-._~+/]+=*$/;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const keyIdOf = (hash: string) => `key_${hash.slice(0, 12)}`;

export function generateToken(role: ApiRole): string {
  return `rd_${role}_${randomBytes(24).toString('base64url')}`;
}
