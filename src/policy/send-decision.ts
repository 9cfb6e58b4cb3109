/**
 * Pure: decides, for one message at one instant, whether it may go now, must wait, or must not
 * go at all. Time is an argument. The policy engine (contact windows, caps) extends this; the
 * worker calls it through the `Gate` seam before rendering.
 */
import type { Borrower, Message, Reminder } from '../audit/types.js';

export type SuppressReason = 'opted-out' | 'no-consent' | 'resolved' | 'ceased' | 'expired' | 'cap-expired';

export interface DenialReason {
  code: string;
  rule: string;
  detail: string;
}

export type SendDecision =
  | { action: 'send' }
  | { action: 'defer'; until: Date; reasons: DenialReason[] }
  | { action: 'suppress'; reason: SuppressReason; detail: string };

export interface DecisionInput {
  borrower: Borrower;
  reminder: Reminder;
  message: Message;
  now: Date;
}

/** What stops a message for good regardless of time: borrower state, opt-out, consent, expiry. */
export function standingDecision({ borrower, reminder, message, now }: DecisionInput): SendDecision {
  if (borrower.status === 'resolved') return { action: 'suppress', reason: 'resolved', detail: 'the borrower has paid or settled' };
  if (borrower.status === 'ceased') return { action: 'suppress', reason: 'ceased', detail: 'the borrower asked that all contact cease' };
  if (borrower.optOuts.some((o) => o.channel === message.channel)) {
    return { action: 'suppress', reason: 'opted-out', detail: `the borrower opted out of ${message.channel}` };
  }
  if (borrower.consent[message.channel] === false) {
    return { action: 'suppress', reason: 'no-consent', detail: `no consent recorded for ${message.channel}` };
  }
  if (reminder.expiresAt !== null && now.getTime() >= Date.parse(reminder.expiresAt)) {
    return { action: 'suppress', reason: 'expired', detail: `the reminder expired at ${reminder.expiresAt}` };
  }
  return { action: 'send' };
}
