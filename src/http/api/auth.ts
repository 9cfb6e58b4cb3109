/**
 * API keys: `Authorization: Bearer <token>`. Keys are held only as SHA-256 hashes; a key's id
 * (a prefix of its hash) names the client for idempotency and the audit trail.
 * `admin` may do everything; other roles only what each route names.
 */
import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { HttpProblem } from './problem.js';

import {
  API_ROLES,
  type ApiKeyRecord,
  type ApiRole,
  generateToken,
  hashToken,
  keyIdOf,
  TOKEN_ALPHABET,
  tenantOfKey,
} from '../../domain/keys.js';
import { DEFAULT_TENANT, TenantId } from '../../domain/tenant.js';

export { API_ROLES, type ApiKeyRecord, type ApiRole, generateToken, hashToken, keyIdOf, TOKEN_ALPHABET };

export interface Principal {
  keyId: string;
  role: ApiRole;
  /** The tenant whose data the key reaches; null: every tenant (a deployment-wide compliance or admin key). */
  tenant: string | null;
}

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
    /** What `authenticate` found for the presented credentials (before any role check). */
    presented?: { token: string; key: ApiKeyRecord | undefined } | { invalid: true };
  }
}

const ALPHABET_TEXT = 'letters, digits and - . _ ~ + / (then = padding)';

export class ApiKeyError extends Error {
  override name = 'ApiKeyError';
}

/** Parses `role:token,role@tenant:token` (a key without a tenant: see tenantOfKey). */
export function parseApiKeys(spec: string): ApiKeyRecord[] {
  return spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const i = entry.indexOf(':');
      const [role, tenant] = entry.slice(0, Math.max(i, 0)).split('@', 2) as [string, string | undefined];
      const token = entry.slice(i + 1);
      if (i <= 0 || !(API_ROLES as readonly string[]).includes(role)) {
        // Never echo the entry: without a colon it is the token itself.
        throw new ApiKeyError(
          `API_KEYS: entry ${
            spec
              .split(',')
              .map((x) => x.trim())
              .filter(Boolean)
              .indexOf(entry) + 1
          } must be role:token with a role of ${API_ROLES.join(', ')}${i > 0 ? ` (not "${role.slice(0, 20)}")` : ''}`,
        );
      }
      if (token.length < 16) throw new ApiKeyError(`API_KEYS: the ${role} token is shorter than 16 characters`);
      if (!TOKEN_ALPHABET.test(token))
        throw new ApiKeyError(`API_KEYS: the ${role} token may have only ${ALPHABET_TEXT}`);
      if (tenant !== undefined && !TenantId.safeParse(tenant).success)
        throw new ApiKeyError(
          `API_KEYS: the tenant of a ${role} key must be a tenant id (lower-case letters, digits and -)`,
        );
      const hash = hashToken(token);
      return { id: keyIdOf(hash), role: role as ApiRole, hash, ...(tenant ? { tenant } : {}) };
    });
}

export interface KeyRing {
  find(token: string): Promise<ApiKeyRecord | undefined>;
}

/**
 * Keys from API_KEYS (or the development file), then keys managed with `npm run keys` (looked
 * up by hash on each request, so a revoked key stops working at once).
 */
export function makeKeyRing(
  keys: ApiKeyRecord[],
  stored?: (hash: string) => Promise<ApiKeyRecord | undefined>,
): KeyRing {
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

/** The presented token, exactly as sent: a token with any byte outside the alphabet is invalid, never trimmed into a valid one. */
function tokenFrom(req: Request, allowBasic: boolean): string | { invalid: true } | undefined {
  const header = req.get('authorization') ?? '';
  const bearer = /^Bearer +([^ ].*)$/is.exec(header);
  if (bearer) return TOKEN_ALPHABET.test(bearer[1]!) ? bearer[1]! : { invalid: true };
  if (allowBasic) {
    // Browsers can only prompt for Basic: the token is the password (any user name).
    const basic = /^Basic +([A-Za-z0-9+/]+=*)$/i.exec(header);
    if (basic) {
      const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
      const token = decoded.slice(decoded.indexOf(':') + 1);
      return TOKEN_ALPHABET.test(token) ? token : { invalid: true };
    }
  }
  return undefined;
}

/**
 * Runs before the rate limiter: finds the key the request presents (Bearer, or Basic where a
 * route allows it), so the limiter counts by key id whatever bytes carried it. It refuses
 * nothing itself; `requireRole` does, per route.
 */
export function authenticate(ring: KeyRing) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    try {
      const token = tokenFrom(req, true);
      if (token !== undefined)
        req.presented = typeof token === 'string' ? { token, key: await ring.find(token) } : token;
      next();
    } catch (err) {
      next(err);
    }
  };
}

/**
 * `onlyThese`: admin keys are refused too (they pass every other route): for a route whose record
 * must name a key of the role itself (erasure on request: compliance's).
 */
export function requireRole(
  ring: KeyRing,
  roles: readonly ApiRole[],
  options: { allowBasic?: boolean; onlyThese?: boolean } = {},
) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const token = tokenFrom(req, options.allowBasic ?? false);
    if (!token) {
      if (options.allowBasic) res.set('WWW-Authenticate', 'Basic realm="reminder-dispatch admin", charset="UTF-8"');
      return next(new HttpProblem(401, 'Unauthorized', 'send an API key as "Authorization: Bearer <key>"'));
    }
    if (typeof token !== 'string') {
      return next(
        new HttpProblem(
          401,
          'Unauthorized',
          `the API key has characters a key never has: a key is ${ALPHABET_TEXT}, with nothing before or after it`,
        ),
      );
    }
    const presented = req.presented;
    const key = presented && 'token' in presented && presented.token === token ? presented.key : await ring.find(token);
    if (!key) {
      if (options.allowBasic) res.set('WWW-Authenticate', 'Basic realm="reminder-dispatch admin", charset="UTF-8"');
      return next(new HttpProblem(401, 'Unauthorized', 'the API key is not known (or was revoked)'));
    }
    if ((options.onlyThese || key.role !== 'admin') && !roles.includes(key.role)) {
      return next(
        new HttpProblem(
          403,
          'Forbidden',
          `this route needs the role ${roles.join(' or ')}; the key has role ${key.role}`,
        ),
      );
    }
    req.principal = { keyId: key.id, role: key.role, tenant: tenantOfKey(key, DEFAULT_TENANT) };
    next();
  };
}
