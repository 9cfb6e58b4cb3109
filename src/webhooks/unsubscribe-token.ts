/**
 * Unsubscribe tokens: the message id, signed with HMAC-SHA256 under SIGNING_SECRET. Unguessable,
 * and a token with any character changed fails verification.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface TokenSigner {
  sign(messageId: string): string;
  /** The message id, or undefined for a token this service did not issue. */
  verify(token: string): string | undefined;
}

export function makeTokenSigner(secret: string): TokenSigner {
  const mac = (payload: string) => createHmac('sha256', secret).update(`unsubscribe:${payload}`).digest('base64url');
  return {
    sign(messageId) {
      const payload = Buffer.from(messageId).toString('base64url');
      return `${payload}.${mac(payload)}`;
    },
    verify(token) {
      const [payload, sig] = token.split('.');
      if (!payload || !sig || token.split('.').length !== 2) return undefined;
      const expected = Buffer.from(mac(payload));
      const given = Buffer.from(sig);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
      return Buffer.from(payload, 'base64url').toString('utf8');
    },
  };
}
