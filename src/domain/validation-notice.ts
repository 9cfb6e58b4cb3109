/**
 * What a validation notice (12 CFR 1006.34) itemizes: the debt on the itemization date, one of the
 * five reference dates of 1006.34(b)(3), and what was added and taken off since.
 */
import type { Money } from './entities.js';

/** The five reference dates of 1006.34(b)(3)(i)–(v). */
export const ITEMIZATION_DATE_KINDS = [
  'last-statement',
  'charge-off',
  'last-payment',
  'transaction',
  'judgment',
] as const;
export type ItemizationDateKind = (typeof ITEMIZATION_DATE_KINDS)[number];

export interface Itemization {
  /** The itemization date (YYYY-MM-DD). */
  date: string;
  dateKind: ItemizationDateKind;
  /** What was owed on the itemization date. */
  atItemization: Money;
  /** Interest charged since the itemization date. */
  interest: Money;
  /** Fees charged since. */
  fees: Money;
  /** Payments applied since. */
  payments: Money;
  /** Credits applied since. */
  credits: Money;
}

/** A validation notice as sent: the message that carried it and the dates it named. */
export interface ValidationNoticeRecord {
  tenant: string;
  /** The store's borrower id. */
  borrowerId: string;
  accountRef: string;
  messageId: string;
  sentAt: string;
  sentOn: string;
  assumedReceiptOn: string;
  /** The last day of the validation period. */
  endsOn: string;
  /** The instant the period ends (the end of `endsOn` in the borrower's zone). */
  endsAt: string;
  itemizationDate: string;
}

/** The catalogue template of the notice sent on its own (an agency's first contact was a text or a call). */
export const VALIDATION_NOTICE_TEMPLATE = 'validation-notice';

/**
 * The reserved metadata key of a notice sent on its own: the first communication it follows and
 * when it is due (written by the service only; POST /v1/reminders refuses the key).
 */
export const VALIDATION_NOTICE_KEY = 'validationNotice';

/** What `metadata.validationNotice` says of a notice sent on its own. */
export interface NoticeFollowUpMark {
  /** The first communication about the account (an SMS or a call) the notice follows. */
  after: string;
  channel: 'sms' | 'voice';
  /** Five days after that communication went: the latest the notice may be provided (1006.34(a)(1)(i)(B)). */
  dueBy: string;
}

/** The mark of a reminder's metadata, if it carries a notice on its own. */
export function noticeFollowUpOf(metadata: Record<string, unknown> | null | undefined): NoticeFollowUpMark | undefined {
  const m = metadata?.[VALIDATION_NOTICE_KEY] as Partial<NoticeFollowUpMark> | undefined;
  return m &&
    typeof m.after === 'string' &&
    typeof m.dueBy === 'string' &&
    (m.channel === 'sms' || m.channel === 'voice')
    ? (m as NoticeFollowUpMark)
    : undefined;
}

/** A notice the collection system was asked to provide itself (the borrower has no email it could go to). */
export interface ValidationNoticeRequest {
  tenant: string;
  /** The store's borrower id. */
  borrowerId: string;
  accountRef: string;
  /** The first communication about the account. */
  messageId: string;
  channel: 'sms' | 'voice';
  dueBy: string;
  requestedAt: string;
}
