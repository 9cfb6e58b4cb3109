/**
 * Why a message did not arrive, in words, from the code its provider gave: a Twilio error code on
 * an undelivered or failed text or call, an SMTP enhanced status on a bounced email (RFC 3463), or
 * the service's own code for a message it could not render. Pure: the reach report groups by code
 * and shows these words beside it (docs/reach.md, "Reach in the reports").
 */

/** Twilio's codes in delivery reports and refusals (https://www.twilio.com/docs/api/errors). */
const TWILIO: Readonly<Record<string, string>> = {
  '30001': 'queue overflow at Twilio',
  '30002': 'the Twilio account is suspended',
  '30003': 'the handset was unreachable (switched off or out of coverage)',
  '30004': 'the message was blocked (by the recipient or the carrier)',
  '30005': 'the carrier does not know the number',
  '30006': 'the number cannot receive texts (a landline or an unreachable carrier)',
  '30007': 'the carrier filtered the message',
  '30008': 'unknown error from the carrier',
  '30034': 'the sender number is not registered for A2P 10DLC',
  '30036': 'the validity period expired (the contact window closed before delivery)',
  '21211': 'the number is not valid',
  '21214': 'the number cannot be reached',
  '21217': 'the number does not appear to be valid',
  '21407': 'the number type does not support texts',
  '21408': 'sending to this region is not enabled',
  '21610': 'the recipient replied STOP to this sender',
  '21612': 'the number is not reachable from the sender',
  '21614': 'the number is not a mobile number',
  '21635': 'the number cannot receive messages',
  '13224': 'the number is not valid',
  '13225': 'the number is forbidden',
};

/** The service's own codes for a message that never reached a provider. */
const OWN: Readonly<Record<string, string>> = {
  'render-error': 'the template could not be rendered',
  'lint-error': 'the rendered message failed the wording linter',
};

/** SMTP enhanced status codes by subject and detail (RFC 3463). */
const SMTP_DETAIL: Readonly<Record<string, string>> = {
  '1.1': 'the mailbox does not exist',
  '1.2': 'the domain does not exist',
  '1.3': 'the address is malformed',
  '1.10': 'the domain accepts no mail (null MX)',
  '2.1': 'the mailbox is disabled',
  '2.2': 'the mailbox is full',
  '2.3': 'the message is too large for the mailbox',
  '3.4': 'the message is too large',
  '4.1': 'the receiving server did not answer',
  '4.4': 'no route to the receiving server',
  '4.7': 'the delivery time expired',
  '7.1': 'the receiving server refused it by policy',
  '7.26': 'the sender could not be authenticated',
};

const SMTP_STATUS = /^([245])\.(\d{1,3})\.(\d{1,3})$/;

/** Words for a message's error code on its channel ("no reason given" when there is none). */
export function reasonOf(code: string | null): string {
  if (!code) return 'no reason given';
  if (TWILIO[code]) return TWILIO[code];
  if (OWN[code]) return OWN[code];
  const smtp = SMTP_STATUS.exec(code);
  if (smtp) {
    const kind = smtp[1] === '5' ? 'hard bounce' : smtp[1] === '4' ? 'soft bounce' : 'delivered';
    const detail = SMTP_DETAIL[`${smtp[2]}.${smtp[3]}`];
    return detail ? `${kind}: ${detail}` : kind;
  }
  if (/^http-\d{3}$/.test(code)) return `the provider answered HTTP ${code.slice(5)}`;
  return 'code not known to the service';
}
