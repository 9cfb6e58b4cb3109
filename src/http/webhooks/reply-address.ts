/**
 * Reply addresses: each reminder email's Reply-To is `reply+<token>@<INBOUND_MAIL_DOMAIN>`, the
 * token naming the message and bound to its tenant, so a borrower's answer maps back to exactly
 * that message and borrower.
 *
 * A token is `<m|r><base32(id)>-<base32(mac)>`, all lowercase (RFC 4648 base32, no padding): mail
 * systems may fold the case of a local part, so the token reads the same either way. `m` marks an
 * id of the form `msg_…` (the prefix is left out to keep the address short), `r` any other id. The
 * mac is the first 80 bits of HMAC-SHA256 over `reply:v1`, the tenant and the id, under a key of
 * its own (HKDF of SIGNING_SECRET, label "reply-address:v1"; signing-keys.ts): an unsubscribe
 * token, the unsubscribe key or a tenant's events secret cannot stand in for it. The whole address
 * stays within the 64 octets RFC 5321 allows a local part for the service's message ids.
 *
 * After a rotation, tokens under SIGNING_SECRET_PREVIOUS still verify (borrowers answer old mail).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { deriveKey } from './signing-keys.js';

/** The label of the key that signs reply addresses. */
export const REPLY_KEY_INFO = 'reply-address:v1';
/** The local part's fixed beginning. */
export const REPLY_LOCAL_PREFIX = 'reply+';
const MAC_BYTES = 10;
const MSG_PREFIX = 'msg_';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** Lowercase base32 without padding; undefined for any other character or a non-canonical tail. */
export function base32Decode(text: string): Buffer | undefined {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const c of text) {
    const v = ALPHABET.indexOf(c);
    if (v < 0) return undefined;
    value = ((value << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  // Left-over bits must be zero padding, and fewer than 5 (a canonical encoding).
  if (bits >= 5 || (value & ((1 << bits) - 1)) !== 0) return undefined;
  return Buffer.from(bytes);
}

export interface OpenedReplyToken {
  messageId: string;
  /** Whether the token was signed for this message of `tenant`: under the current secret, the previous, or not at all. */
  signedFor(tenant: string): 'current' | 'previous' | undefined;
}

export interface ReplyAddresses {
  domain: string;
  /** The Reply-To of a message of `tenant`. */
  addressOf(messageId: string, tenant: string): string;
  /** The token of an address at the domain (`reply+<token>@domain`, any case), or undefined. */
  tokenOf(address: string): string | undefined;
  /** The message a token names, to be checked against the message's tenant; undefined: malformed. */
  open(token: string): OpenedReplyToken | undefined;
}

/** A kind of signed address: its local part's beginning, its key's label and the text its mac begins with. */
export interface AddressScheme {
  localPrefix: string;
  keyInfo: string;
  macLabel: string;
}

/** Reply-To addresses (this file's header). */
export const REPLY_SCHEME: AddressScheme = {
  localPrefix: REPLY_LOCAL_PREFIX,
  keyInfo: REPLY_KEY_INFO,
  macLabel: 'reply:v1',
};

export function makeReplyAddresses(o: {
  secret: string;
  previous?: string | undefined;
  domain: string;
}): ReplyAddresses {
  return makeSignedAddresses(o, REPLY_SCHEME);
}

/**
 * Addresses of one scheme at a domain, each naming a message of a tenant (`<prefix><token>@domain`,
 * the token as described above, its mac under the scheme's own key and label).
 */
export function makeSignedAddresses(
  o: { secret: string; previous?: string | undefined; domain: string },
  scheme: AddressScheme,
): ReplyAddresses {
  const keys = [o.secret, ...(o.previous ? [o.previous] : [])].map((s) => deriveKey(s, scheme.keyInfo));
  const domain = o.domain.toLowerCase();
  const prefix = scheme.localPrefix;
  const mac = (key: Buffer, tenant: string, messageId: string) =>
    createHmac('sha256', key).update(`${scheme.macLabel}\0${tenant}\0${messageId}`).digest().subarray(0, MAC_BYTES);
  const sign = (messageId: string, tenant: string) => {
    const short = messageId.startsWith(MSG_PREFIX);
    const id = base32Encode(Buffer.from(short ? messageId.slice(MSG_PREFIX.length) : messageId, 'utf8'));
    return `${short ? 'm' : 'r'}${id}-${base32Encode(mac(keys[0]!, tenant, messageId))}`;
  };
  return {
    domain,
    addressOf: (messageId, tenant) => `${prefix}${sign(messageId, tenant)}@${domain}`,
    tokenOf(address) {
      const a = address.trim().toLowerCase();
      const at = a.lastIndexOf('@');
      if (at < 0 || a.slice(at + 1) !== domain) return undefined;
      const local = a.slice(0, at);
      return local.startsWith(prefix) ? local.slice(prefix.length) : undefined;
    },
    open(raw) {
      const token = raw.toLowerCase();
      const m = /^([mr])([a-z2-7]+)-([a-z2-7]+)$/.exec(token);
      if (!m) return undefined;
      const idBytes = base32Decode(m[2]!);
      const sig = base32Decode(m[3]!);
      if (!idBytes || !sig || sig.length !== MAC_BYTES) return undefined;
      const id = idBytes.toString('utf8');
      if (Buffer.from(id, 'utf8').compare(idBytes) !== 0 || id.length === 0) return undefined;
      const messageId = m[1] === 'm' ? `${MSG_PREFIX}${id}` : id;
      return {
        messageId,
        signedFor(tenant) {
          const i = keys.findIndex((k) => timingSafeEqual(mac(k, tenant, messageId), sig));
          return i < 0 ? undefined : i === 0 ? 'current' : 'previous';
        },
      };
    },
  };
}
