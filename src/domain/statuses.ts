/** Where a message can be, and the groups of states the parts act on. */

export const MESSAGE_STATUSES = [
  'accepted',
  'scheduled',
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

/** States from which a message may still be sent, suppressed or cancelled (nothing reached a provider). */
export const PENDING_STATUSES: readonly MessageStatus[] = ['accepted', 'scheduled', 'queued', 'deferred'];
/** States a worker may pick up: pending, or `sending` left behind by an interrupted attempt. */
export const SENDABLE_STATUSES: readonly MessageStatus[] = ['accepted', 'scheduled', 'queued', 'deferred', 'sending'];
/** Stored but not yet marked `queued`: the API or the feeder may not have marked it when its job starts. */
export const UNQUEUED_STATUSES: readonly MessageStatus[] = ['accepted', 'scheduled'];
/** States that have a job in BullMQ (`scheduled` rows have none: they wait in the store until the horizon). */
export const JOB_STATUSES: readonly MessageStatus[] = ['queued', 'deferred', 'sending'];
/** Handed to the provider; its callbacks may still move it on. */
export const LIVE_STATUSES: readonly MessageStatus[] = ['sending', 'sent'];
/** States a message never leaves. */
export const TERMINAL_STATUSES: readonly MessageStatus[] = [
  'delivered',
  'undelivered',
  'failed',
  'answered',
  'no-answer',
  'busy',
  'machine',
  'suppressed',
  'cancelled',
];
/** A carrier's later failure report turns it `undelivered`: sent, or delivered and then contradicted. */
export const CARRIER_HELD_STATUSES: readonly MessageStatus[] = ['sent', 'delivered'];
/**
 * The provider took it, whatever became of it after (a strategy step counts as done): an
 * undelivered text or a call nobody answered was still attempted.
 */
export const HANDED_OVER_STATUSES: readonly MessageStatus[] = [
  'sent',
  'delivered',
  'answered',
  'machine',
  'no-answer',
  'busy',
  'undelivered',
];
/**
 * It reached the borrower as far as anyone knows (the outcome reports' contacts): sent and not
 * reported lost, delivered, or a call answered by a person or a machine.
 */
export const REACHED_STATUSES: readonly MessageStatus[] = ['sent', 'delivered', 'answered', 'machine'];
/** Confirmed at the borrower's end: delivered, or a call answered (an email is never confirmed: the reports count it `sent`). */
export const DELIVERED_STATUSES: readonly MessageStatus[] = ['delivered', 'answered', 'machine'];
/** It will never go (a strategy step counts as dropped). */
export const DROPPED_STATUSES: readonly MessageStatus[] = ['suppressed', 'cancelled', 'failed'];

/** Where a message ended, as the dashboard counts it. */
export const STAT_OUTCOMES = ['pending', 'sent', 'delivered', 'failed', 'deferred', 'suppressed', 'cancelled'] as const;
export type StatOutcome = (typeof STAT_OUTCOMES)[number];

/** The dashboard's bucket for a status. */
export function outcomeOf(status: string): StatOutcome {
  switch (status) {
    case 'delivered':
      return 'delivered';
    case 'sent':
    case 'answered':
    case 'machine':
    case 'no-answer':
    case 'busy':
      return 'sent';
    case 'failed':
    case 'undelivered':
      return 'failed';
    case 'deferred':
    case 'suppressed':
    case 'cancelled':
      return status;
    default:
      return 'pending';
  }
}

export type BorrowerStatus = 'active' | 'resolved' | 'ceased';
