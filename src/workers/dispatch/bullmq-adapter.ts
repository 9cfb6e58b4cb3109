/** The one place a DispatchOutcome becomes BullMQ control flow. */
import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import type { DispatchOutcome, OutcomeKind } from './outcome.js';

export async function settleJob(outcome: DispatchOutcome, job: Job, token: string | undefined): Promise<OutcomeKind> {
  switch (outcome.kind) {
    case 'deferred':
      // Wait without spending an attempt.
      await job.moveToDelayed(outcome.until.getTime(), token);
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
