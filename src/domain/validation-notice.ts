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
