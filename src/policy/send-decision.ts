/** What the gate tells the worker for one message at one instant. */
import type { Borrower, Message, Reminder } from '../domain/index.js';
import type { Denial } from './evaluate.js';

export type SuppressReason =
  | 'opted-out'
  | 'no-consent'
  | 'resolved'
  | 'ceased'
  | 'expired'
  | 'cap-expired'
  | 'superseded'
  | 'third-party-sms'
  // The address cannot take the channel (a landline for SMS, a hard bounce): docs/reach.md.
  | 'unreachable'
  // The validation notice sent on its own, when the account's notice went already (an email carried it) or is not owed.
  | 'notice-given';

/** `send`: for an SMS, how long it may wait at the provider before the contact window closes (seconds). */
export type SendDecision =
  | { action: 'send'; validitySeconds?: number }
  | { action: 'defer'; until: Date; reasons: Denial[] }
  | { action: 'suppress'; reason: SuppressReason; detail: string };

export interface DecisionInput {
  borrower: Borrower;
  reminder: Reminder;
  message: Message;
  now: Date;
}
