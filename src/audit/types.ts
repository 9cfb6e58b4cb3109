/** The domain records the audit store hands out (camelCase, JSON parsed). */
import type { Channel } from '../../queues/index.js';

export const MESSAGE_STATUSES = [
  'accepted',
  'queued',
  'deferred',
  'sending',
  'sent',
  'delivered',
  'undelivered',
  'failed',
  'answered',
  'no-answer',
  'busy',
  'machine',
  'suppressed',
  'cancelled',
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** States from which a message may still be sent (or cancelled). */
export const PENDING_STATUSES: readonly MessageStatus[] = ['accepted', 'queued', 'deferred'];
/** States a worker may pick up: pending, or `sending` left behind by an interrupted attempt. */
export const SENDABLE_STATUSES: readonly MessageStatus[] = ['accepted', 'queued', 'deferred', 'sending'];

export type BorrowerStatus = 'active' | 'resolved' | 'ceased';

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
}

export interface Blackout {
  days: string[];
  from: string;
  to: string;
}

export interface Borrower {
  id: string;
  name: string | null;
  locale: string;
  timezone: string | string[] | null;
  phone: string | null;
  email: string | null;
  consent: Consent;
  optOuts: OptOut[];
  blackouts: Blackout[];
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
  borrowerId: string;
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
  borrowerId: string;
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
  attempts: number;
  error: { code: string | null; message: string | null } | null;
  sendAt: string;
  createdAt: string;
  updatedAt: string;
}

export interface AuditEvent {
  chain: string;
  seq: number;
  messageId: string | null;
  borrowerId: string;
  type: string;
  at: string;
  actor: string;
  data: Record<string, unknown>;
  prevHash: string;
  hash: string;
}
