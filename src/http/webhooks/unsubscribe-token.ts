/**
 * Unsubscribe tokens. A token is `u2.<payload>.<mac>`: the payload is base64url of
 * `<tenant>/<message id>`, the mac base64url of HMAC-SHA256 over `u2.<payload>` under the
 * unsubscribe key (HKDF of SIGNING_SECRET, label "unsubscribe:v2"; see signing-keys.ts), a key
 * that signs nothing else and never leaves the service. Unguessable, and a token with any
 * character changed fails verification.
 *
 * Tokens of the scheme before keys per purpose (`<base64url(message id)>.<HMAC(SIGNING_SECRET,
 * "unsubscribe:" + payload)>`) are recognised as `legacy`: anyone who held SIGNING_SECRET to check
 * events could make them, so the caller accepts them only within limits (unsubscribe.routes.ts).
 *
 * After a rotation, tokens signed under the previous secret (SIGNING_SECRET_PREVIOUS) still verify,
 * marked `previous`: the caller honours them within limits too (the previous secret may have been
 * known outside, as SIGNING_SECRET was to every events receiver before keys per purpose).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { deriveKey, secretFingerprint, UNSUBSCRIBE_KEY_INFO } from './signing-keys.js';

export type VerifiedToken = (
  { scheme: 'u2'; tenant: string; messageId: string } | { scheme: 'legacy'; messageId: string }
) & {
  /** Signed under SIGNING_SECRET (`current`) or SIGNING_SECRET_PREVIOUS. */
  key: 'current' | 'previous';
};

export interface TokenSigner {
  /** The current secret's fingerprint (signing-keys.ts): the store records when it was first used. */
  fingerprint: string;
  sign(messageId: string, tenant: string): string;
  /** What the token names, or undefined for a token this service did not issue. */
  verify(token: string): VerifiedToken | undefined;
}

const PREFIX = 'u2';

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function makeTokenSigner(o: { secret: string; previous?: string | undefined }): TokenSigner {
  const secrets = [o.secret, ...(o.previous ? [o.previous] : [])];
  const keys = secrets.map((s) => deriveKey(s, UNSUBSCRIBE_KEY_INFO));
  const mac = (key: Buffer, payload: string) =>
    createHmac('sha256', key).update(`${PREFIX}.${payload}`).digest('base64url');
  const legacyMac = (secret: string, payload: string) =>
    createHmac('sha256', secret).update(`unsubscribe:${payload}`).digest('base64url');
  const keyOf = (i: number) => (i === 0 ? 'current' : 'previous');
  return {
    fingerprint: secretFingerprint(o.secret),
    sign(messageId, tenant) {
      const payload = Buffer.from(`${tenant}/${messageId}`).toString('base64url');
      return `${PREFIX}.${payload}.${mac(keys[0]!, payload)}`;
    },
    verify(token) {
      const parts = token.split('.');
      if (parts.length === 3 && parts[0] === PREFIX && parts[1] && parts[2]) {
        const [, payload, sig] = parts as [string, string, string];
        const i = keys.findIndex((k) => same(mac(k, payload), sig));
        if (i < 0) return undefined;
        const text = Buffer.from(payload, 'base64url').toString('utf8');
        const slash = text.indexOf('/');
        if (slash <= 0 || slash === text.length - 1) return undefined;
        return { scheme: 'u2', tenant: text.slice(0, slash), messageId: text.slice(slash + 1), key: keyOf(i) };
      }
      if (parts.length === 2 && parts[0] && parts[1]) {
        const [payload, sig] = parts as [string, string];
        const i = secrets.findIndex((s) => same(legacyMac(s, payload), sig));
        if (i < 0) return undefined;
        return { scheme: 'legacy', messageId: Buffer.from(payload, 'base64url').toString('utf8'), key: keyOf(i) };
      }
      return undefined;
    },
  };
}
