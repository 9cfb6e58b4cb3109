/**
 * API keys: `Authorization: Bearer <token>`. Keys are held only as SHA-256 hashes; a key's id
 * (a prefix of its hash) names the client for idempotency and the audit trail.
 * `admin` may do everything; other roles only what each route names.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { HttpProblem } from './problem.js';

export const API_ROLES = ['collector', 'agent', 'compliance', 'admin'] as const;
export type ApiRole = (typeof API_ROLES)[number];

export interface ApiKeyRecord {
  id: string;
  role: ApiRole;
  hash: string;
}

export interface Principal {
  keyId: string;
  role: ApiRole;
}

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const keyIdOf = (hash: string) => `key_${hash.slice(0, 12)}`;

export class ApiKeyError extends Error {
  override name = 'ApiKeyError';
}

/** Parses `role:token,role:token`. */
export function parseApiKeys(spec: string): ApiKeyRecord[] {
  return spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const i = entry.indexOf(':');
      const role = entry.slice(0, i);
      const token = entry.slice(i + 1);
      if (i <= 0 || !(API_ROLES as readonly string[]).includes(role)) {
        throw new ApiKeyError(`API_KEYS: "${entry.slice(0, Math.max(i, 0)) || entry.slice(0, 10)}…" must be role:token with a role of ${API_ROLES.join(', ')}`);
      }
      if (token.length < 16) throw new ApiKeyError(`API_KEYS: the ${role} token is shorter than 16 characters`);
      const hash = hashToken(token);
      return { id: keyIdOf(hash), role: role as ApiRole, hash };
    });
}

export function generateToken(role: ApiRole): string {
  return `rd_${role}_${randomBytes(24).toString('base64url')}`;
}

export interface KeyRing {
  find(token: string): Promise<ApiKeyRecord | undefined>;
}

/**
 * Keys from API_KEYS (or the development file), then keys managed with `npm run keys` (looked
 * up by hash on each request, so a revoked key stops working at once).
 */
export function makeKeyRing(keys: ApiKeyRecord[], stored?: (hash: string) => Promise<ApiKeyRecord | undefined>): KeyRing {
  const byHash = new Map(keys.map((k) => [k.hash, k]));
  return {
    async find(token) {
      const hash = hashToken(token);
      const key = byHash.get(hash);
      // Map lookup by hash is already constant-time with respect to the secret; compare anyway.
      if (key && timingSafeEqual(Buffer.from(key.hash), Buffer.from(hash))) return key;
      return stored ? stored(hash) : undefined;
    },
  };
}

function tokenFrom(req: Request, allowBasic: boolean): string | undefined {
  const header = req.get('authorization') ?? '';
  const bearer = /^Bearer\s+(.+)$/i.exec(header);
  if (bearer) return bearer[1]!.trim();
  if (allowBasic) {
    // Browsers can only prompt for Basic: the token is the password (any user name).
    const basic = /^Basic\s+(.+)$/i.exec(header);
    if (basic) {
      const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
      return decoded.slice(decoded.indexOf(':') + 1);
    }
  }
  return undefined;
}

export function requireRole(ring: KeyRing, roles: readonly ApiRole[], options: { allowBasic?: boolean } = {}) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const token = tokenFrom(req, options.allowBasic ?? false);
    if (!token) {
      if (options.allowBasic) res.set('WWW-Authenticate', 'Basic realm="reminder-dispatch admin", charset="UTF-8"');
      return next(new HttpProblem(401, 'Unauthorized', 'send an API key as "Authorization: Bearer <key>"'));
    }
    const key = await ring.find(token);
    if (!key) {
      if (options.allowBasic) res.set('WWW-Authenticate', 'Basic realm="reminder-dispatch admin", charset="UTF-8"');
      return next(new HttpProblem(401, 'Unauthorized', 'the API key is not known (or was revoked)'));
    }
    if (key.role !== 'admin' && !roles.includes(key.role)) {
      return next(new HttpProblem(403, 'Forbidden', `this route needs the role ${roles.join(' or ')}; the key has role ${key.role}`));
    }
    req.principal = { keyId: key.id, role: key.role };
    next();
  };
}
