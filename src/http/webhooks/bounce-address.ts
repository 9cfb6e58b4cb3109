/**
 * Bounce addresses (VERP): each reminder email's envelope sender (SMTP `MAIL FROM`, the
 * Return-Path the receiving system bounces to) is `bounces+<token>@<BOUNCE_DOMAIN>`, the token
 * naming the message and bound to its tenant, so a delivery status notification maps back to
 * exactly the message that bounced. The token is a reply token's (reply-address.ts: lowercase
 * base32, so a folded case reads the same) under a key of its own (HKDF label
 * "bounce-address:v1", mac over `bounce:v1`, the tenant and the id): a reply address cannot be
 * turned into a bounce address, nor the other way. Old tokens verify under SIGNING_SECRET_PREVIOUS.
 */
import { type AddressScheme, makeSignedAddresses, type ReplyAddresses } from './reply-address.js';

/** The label of the key that signs bounce addresses. */
export const BOUNCE_KEY_INFO = 'bounce-address:v1';
/** The local part's fixed beginning. */
export const BOUNCE_LOCAL_PREFIX = 'bounces+';

export const BOUNCE_SCHEME: AddressScheme = {
  localPrefix: BOUNCE_LOCAL_PREFIX,
  keyInfo: BOUNCE_KEY_INFO,
  macLabel: 'bounce:v1',
};

/** The same operations as reply addresses: the address of a message, the token of an address, a token opened. */
export type BounceAddresses = ReplyAddresses;

export function makeBounceAddresses(o: {
  secret: string;
  previous?: string | undefined;
  domain: string;
}): BounceAddresses {
  return makeSignedAddresses(o, BOUNCE_SCHEME);
}
