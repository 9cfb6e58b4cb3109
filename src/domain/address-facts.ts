/**
 * What a channel learns about an address (docs/reach.md): a provider's answer that says this
 * channel cannot reach the person at this number or address — a landline for SMS, a number that
 * does not exist, a fax, a hard bounce. Recorded per tenant and address; `auto` and the strategy's
 * later steps choose another channel, the gate does not send on a channel the address cannot take,
 * and a message that ends this way falls back to the next channel its reminder names.
 *
 * Pure: the mapping from provider codes to facts, and which channels each fact rules out.
 */
import type { Channel } from './channels.js';

export const ADDRESS_FACTS = [
  // Twilio 30006, 21614, 21407: the number cannot take texts (a landline, or not a mobile).
  'landline',
  // Twilio 30005 (the carrier does not know the number); 21211, 21217, 21401 (not a valid number).
  'unknown-number',
  // A call to the number failed as not in service (Twilio 13224/13225/21211/21217 or SIP 404/410/484/604).
  'not-in-service',
  // A call answered by a fax machine.
  'fax',
  // An email that bounced for good (5.x.x).
  'hard-bounce',
  // Twilio 30003: the handset was unreachable (off, out of coverage). Recorded and counted; rules nothing out alone.
  'unreachable',
] as const;
export type AddressFact = (typeof ADDRESS_FACTS)[number];

/** The channels each fact says cannot reach the person at that address. */
export const RULES_OUT: Readonly<Record<AddressFact, readonly Channel[]>> = {
  landline: ['sms'],
  'unknown-number': ['sms', 'voice'],
  'not-in-service': ['sms', 'voice'],
  fax: ['sms', 'voice'],
  'hard-bounce': ['email'],
  unreachable: [],
};

/** What each fact says, for the timeline and the reasons. */
export const FACT_DETAIL: Readonly<Record<AddressFact, string>> = {
  landline: 'the number cannot receive texts (a landline or not a mobile number)',
  'unknown-number': 'the carrier does not know the number',
  'not-in-service': 'the number is not in service',
  fax: 'a fax machine answered the number',
  'hard-bounce': 'the email address does not accept mail (a permanent bounce)',
  unreachable: 'the handset was unreachable (switched off or out of coverage)',
};

/** Twilio message error codes that teach something about the number. https://www.twilio.com/docs/api/errors */
const TWILIO_MESSAGE_FACTS: Readonly<Record<string, AddressFact>> = {
  '30006': 'landline',
  '21614': 'landline',
  '21407': 'landline',
  '30005': 'unknown-number',
  '21211': 'unknown-number',
  '21217': 'unknown-number',
  '21401': 'unknown-number',
  '30003': 'unreachable',
};

/** Twilio call error codes, and SIP responses, that say the number is not in service. */
const TWILIO_CALL_FACTS: Readonly<Record<string, AddressFact>> = {
  '13224': 'not-in-service',
  '13225': 'not-in-service',
  '21211': 'not-in-service',
  '21217': 'not-in-service',
};
const SIP_NOT_IN_SERVICE = new Set(['404', '410', '484', '604']);

/** What a text's error code says about its number (undefined: nothing). */
export function factOfMessageError(code: string | null | undefined): AddressFact | undefined {
  return code ? TWILIO_MESSAGE_FACTS[code] : undefined;
}

/** What a call's failure says about its number: its error code, or its SIP response (undefined: nothing). */
export function factOfCall(c: {
  errorCode?: string | null;
  sipResponseCode?: string | null;
  answeredBy?: string | null;
}): AddressFact | undefined {
  if (c.answeredBy === 'fax') return 'fax';
  if (c.errorCode && TWILIO_CALL_FACTS[c.errorCode]) return TWILIO_CALL_FACTS[c.errorCode];
  if (c.sipResponseCode && SIP_NOT_IN_SERVICE.has(c.sipResponseCode)) return 'not-in-service';
  return undefined;
}

/** Whether a fact says this channel cannot reach the person (a fallback is due). */
export function rulesOut(fact: AddressFact | undefined, channel: Channel): boolean {
  return !!fact && RULES_OUT[fact].includes(channel);
}

/** A fact recorded on an address. */
export interface AddressFactRecord {
  tenant: string;
  /** The E.164 number or the lower-cased email address. */
  address: string;
  fact: AddressFact;
  /** The provider's code or status that taught it (e.g. `twilio-30006`, `smtp-5.1.1`). */
  code: string;
  /** The message whose outcome taught it (null: none). */
  messageId: string | null;
  at: string;
}

/** The channels the recorded facts rule out for an address. */
export function channelsRuledOut(facts: readonly Pick<AddressFactRecord, 'fact'>[]): Set<Channel> {
  return new Set(facts.flatMap((f) => RULES_OUT[f.fact]));
}
