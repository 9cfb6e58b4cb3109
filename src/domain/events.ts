/** Every event type the service writes on a hash chain (the relay and the console depend on these names). */
import { MESSAGE_STATUSES } from './statuses.js';

export const EVENT_TYPES = [
  // A message's own chain: one per state it enters, and a few that are not states.
  ...MESSAGE_STATUSES,
  'retry-scheduled',
  // An email came back: a DSN or a relay's bounce webhook (hard: 5.x.x, soft: 4.x.x).
  'email.bounced',
  'content.erased',
  // A borrower's chain.
  'borrower.opted_out',
  'borrower.opted_in',
  'borrower.resolved',
  'borrower.escalated',
  'borrower.erased',
  'inbound.sms',
  'inbound.email',
  // What a reply was understood to say, and what was done about it.
  'reply.understood',
  'consent.revoked',
  'contact.wrong_number',
  // An agent's correction of what a reply was understood to say (the agents' inbox).
  'reply.corrected',
  // An agent's answer to the borrower, composed in the inbox (its words kept as content).
  'agent.replied',
  'strategy.stage',
  // Holds: nothing is sent while one is open (docs/compliance.md), and a cease.
  'dispute.opened',
  'dispute.closed',
  'hold.opened',
  'hold.released',
  'borrower.ceased',
  // Outcomes the collection system reports for an account.
  'payment.reported',
  'promise.reported',
  // A promise or plan decided: every instalment paid, or missed past the limit; an instalment missed.
  'promise.kept',
  'promise.broken',
  'promise.instalment_missed',
  // What a channel learned about a borrower's address (a landline, not in service, a hard bounce).
  'address.learned',
  // A message's channel could not reach the borrower: the next channel of its reminder's fallback got a new message.
  'fallback.taken',
  // An agency's first email about a debt carried the validation notice (12 CFR 1006.34), with its dates.
  'validation-notice.sent',
  // An agency's first contact about a debt was a text or a call and the borrower has no usable email: the
  // collection system must provide the notice (on paper) by the `dueBy` it names.
  'validation-notice.required',
  // An address's chain (the suppression list).
  'address.suppressed',
  'address.unsuppressed',
  // Registry chains.
  'chain.registered',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
