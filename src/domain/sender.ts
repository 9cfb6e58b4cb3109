/**
 * Who is sending. A creditor collects its own debts and is not a "debt collector" under the FDCPA
 * (15 U.S.C. 1692a(6)): it must not claim to be one. An agency collects for others: Regulation F
 * requires its disclosure (12 CFR 1006.18(e)), and Twilio forbids its texts to US and Canadian
 * numbers (third-party debt collection, Twilio Messaging Policy).
 */
export const SENDER_KINDS = ['creditor', 'agency'] as const;
export type SenderKind = (typeof SENDER_KINDS)[number];

/** What a template sees as `sender`: `{{#if sender.agency}}This is from a debt collector.{{/if}}`. */
export function senderContext(kind: SenderKind): { kind: SenderKind; agency: boolean; creditor: boolean } {
  return { kind, agency: kind === 'agency', creditor: kind === 'creditor' };
}

/** US and Canadian numbers (the North American Numbering Plan, +1). */
export const isNanpNumber = (to: string | null | undefined): boolean => typeof to === 'string' && to.startsWith('+1');

/** Who sends, as the policy needs it. */
export interface Sender {
  kind: SenderKind;
  /** The agency's SMS provider allows third-party collection texts to +1 numbers. */
  agencySmsToNanp: boolean;
}

/** Twilio forbids third-party debt collection by SMS to the US and Canada; an agency may not text there. */
export function thirdPartySmsBlocked(
  sender: Sender | undefined,
  channel: string,
  to: string | null | undefined,
): boolean {
  return sender?.kind === 'agency' && !sender.agencySmsToNanp && channel === 'sms' && isNanpNumber(to);
}

export const THIRD_PARTY_SMS_DETAIL =
  'a collection agency may not text US or Canadian (+1) numbers through Twilio: its acceptable use policy forbids third-party debt collection by SMS (Twilio Messaging Policy); set AGENCY_SMS_TO_NANP=true only for a provider that allows it';
