/** The domain's records, as every part sees them (camelCase, JSON parsed). */
import type { Channel } from './channels.js';
import type { EventType } from './events.js';
import type { Itemization } from './validation-notice.js';
import type { BorrowerStatus, MessageStatus } from './statuses.js';

/** Consent per channel: true given, false refused, null not recorded. */
export interface Consent {
  sms: boolean | null;
  voice: boolean | null;
  email: boolean | null;
}

export interface OptOut {
  channel: Channel;
  source: string;
  at: string;
  /**
   * The borrower did not opt out: the address they had was not theirs (a wrong number or email).
   * Lifted when the collection system gives them another address for the channel.
   */
  detached?: true;
}

export interface Blackout {
  days: string[];
  from: string;
  to: string;
}

/**
 * The borrower's language preference as recorded (6 RCNY 2-193(b)(5)): what the collection system
 * said (`borrower.locale` in a request), and when. `preference` null: never said; messages then go
 * in the default locale.
 */
export interface BorrowerLanguage {
  preference: string | null;
  /** Null: not said, or said before the service recorded when. */
  recordedAt: string | null;
}

export interface Borrower {
  /** The store's key of the borrower: opaque outside the store (it names the borrower, nothing more). */
  id: string;
  /** The tenant the borrower belongs to. */
  tenant: string;
  /** The borrower's id as its tenant knows it (what the API shows). */
  ref: string;
  name: string | null;
  /** What its messages are rendered in (the catalogue falls back from it): its stated language, else en-US. */
  locale: string;
  /** Its language preference as recorded; the store always gives it (fakes in tests may leave it out). */
  language?: BorrowerLanguage | undefined;
  timezone: string | string[] | null;
  phone: string | null;
  email: string | null;
  consent: Consent;
  optOuts: OptOut[];
  blackouts: Blackout[];
  /** Where the borrower lives, ISO 3166-2 (`US-MA`): its state and local rules apply on top of the profile. */
  region?: string | null;
  status: BorrowerStatus;
  createdAt: string;
  updatedAt: string;
}

export interface Money {
  amount: string;
  currency: string;
}

export interface Debt {
  accountRef: string;
  creditor: string;
  amountDue: Money;
  dueDate: string;
  daysOverdue: number;
  minimumPayment?: Money | undefined;
  paymentUrl?: string | undefined;
  /** What a validation notice itemizes (12 CFR 1006.34(c)(2)); an agency's first email needs it. */
  itemization?: Itemization | undefined;
}

export interface Contact {
  name?: string | null | undefined;
  agent?: string | null | undefined;
  phone?: string | null | undefined;
  hours?: string | null | undefined;
}

export interface Reminder {
  id: string;
  clientId: string;
  externalId: string | null;
  /** The borrower's key in the store (Borrower.id). */
  borrowerId: string;
  tenant: string;
  /** The borrower's id as its tenant knows it. */
  borrowerRef: string;
  channel: Channel | 'auto';
  template: string;
  debt: Debt;
  sendAt: string;
  expiresAt: string | null;
  metadata: Record<string, unknown> | null;
  contact: Contact | null;
  createdAt: string;
}

export interface Message {
  id: string;
  reminderId: string;
  /** The borrower's key in the store (Borrower.id). */
  borrowerId: string;
  /** The tenant of the message's borrower (the `tenant` column). */
  tenant: string;
  /** The borrower's id as its tenant knows it. */
  borrowerRef: string;
  channel: Channel;
  template: string;
  templateVersion: string | null;
  locale: string;
  to: string;
  subject: string | null;
  body: string | null;
  status: MessageStatus;
  provider: string | null;
  providerId: string | null;
  /**
   * The provider route it was handed to (`twilio:primary`, `smtp:secondary`), on a channel with a
   * secondary route: the one that sent it, or the one an attempt of unknown outcome pins it to.
   */
  route?: string;
  attempts: number;
  error: { code: string | null; message: string | null } | null;
  sendAt: string;
  /** When it is next due: `sendAt`, or the end of its last deferral. */
  dueAt: string;
  /** Which job of the message is current (see jobIdOf): one more each time it is parked in the store. */
  jobSeq: number;
  createdAt: string;
  updatedAt: string;
  /** The experiment whose arm chose its template (absent: none). */
  experiment?: { id: string; arm: string };
}

export interface AuditEvent {
  chain: string;
  seq: number;
  messageId: string | null;
  borrowerId: string;
  /** One of EVENT_TYPES for events this service writes; a string for forward compatibility. */
  type: EventType | (string & {});
  at: string;
  actor: string;
  data: Record<string, unknown>;
  prevHash: string;
  hash: string;
}
