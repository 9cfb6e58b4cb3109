/** The one place a DispatchOutcome becomes BullMQ control flow. */
import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import type { DispatchOutcome, OutcomeKind } from './outcome.js';

/**
 * `now` is the service's clock: a deferral is a wait from now on it, and BullMQ counts delays on the
 * machine's clock, so the wait is handed over as a length (the same thing when the two agree; an
 * injected clock, or a wait that ran past `until` while it was decided, no longer waits for an
 * instant BullMQ's clock reaches at another time).
 */
export async function settleJob(
  outcome: DispatchOutcome,
  job: Job,
  token: string | undefined,
  now: Date,
): Promise<OutcomeKind> {
  switch (outcome.kind) {
    case 'deferred':
      // Wait without spending an attempt.
      await job.moveToDelayed(Date.now() + Math.max(0, outcome.until.getTime() - now.getTime()), token);
      throw new DelayedError();
    case 'parked':
      // Back in the store: this job ends; the feeder adds a new one (a new id) when it is due.
      return outcome.kind;
    case 'failed':
      throw new UnrecoverableError(outcome.message);
    case 'retry':
      // BullMQ retries with the queue's backoff, spending an attempt.
      throw outcome.error;
    default:
      return outcome.kind;
  }
}
