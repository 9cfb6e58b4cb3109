/**
 * One processor serves every channel: load → gate (policy) → render → record `sending` → send →
 * record the outcome (the steps are in dispatch/). The audit store is checked before every send,
 * so a repeated job (the reconciler, a stalled job) never sends a message that already went.
 */
import type { Job } from 'bullmq';
import { DispatchJob } from '../../queues/index.js';
import type { Clock } from '../domain/index.js';
import { settleJob } from './dispatch/bullmq-adapter.js';
import type { DispatchOutcome, OutcomeKind } from './dispatch/outcome.js';
import { storeUnavailable } from '../store/store-unavailable.js';
import type { DispatchDeps } from './dispatch/ports.js';
import { processMessage } from './dispatch/process-message.js';

export type { Clock };
export type { DispatchOutcome } from './dispatch/outcome.js';
export {
  type ContactSlots,
  type DispatchDeps,
  type Gate,
  type Links,
  NO_SLOTS,
  displayZone,
} from './dispatch/ports.js';

export function makeDispatchProcessor(deps: DispatchDeps) {
  return async function processDispatch(job: Job, token?: string): Promise<OutcomeKind> {
    // Due → picked up, for a job's first run (a deferred or retried job's due time is not kept on it).
    if (job.attemptsMade === 0 && (job.attemptsStarted ?? 0) <= 1)
      deps.metrics.stage.observe(
        { stage: 'pickup' },
        Math.max(0, Date.now() - job.timestamp - (job.delay ?? 0)) / 1000,
      );
    const data = DispatchJob.parse(job.data);
    const attempt = { number: job.attemptsMade + 1, of: job.opts.attempts ?? 1 };
    const log = deps.log.child({
      messageId: data.messageId,
      queue: job.queueName,
      jobId: job.id,
      attempt: attempt.number,
    });
    const outcome = await processMessage(deps, data.messageId, attempt, log).catch((err: unknown) => {
      const unavailable = storeUnavailable(err);
      if (!unavailable) throw err;
      deps.metrics.deferred.inc({ channel: data.channel, code: STORE_UNAVAILABLE });
      // Said once per outage by the store's own log line (compose/core.ts), not once per job.
      log.debug({ reason: unavailable.reason }, 'database unavailable; the job waits without spending an attempt');
      return storeWait(deps.clock.now(), unavailable.reason);
    });
    return settleJob(outcome, job, token, deps.clock.now());
  };
}

const STORE_UNAVAILABLE = 'store-unavailable';
/** How long a job waits for the database before it looks again, plus up to as much again at random (spread). */
export const STORE_WAIT_MS = 2_000;

/**
 * The database could not be read or written (down, or locked by another process): the job goes
 * back to BullMQ's delayed set for a few seconds without spending an attempt (DelayedError), and
 * nothing is recorded, since nothing can be. Whatever this attempt had not yet recorded it does
 * again next time; a `sending` claim whose commit the outage cut off is taken over after
 * SENDING_LEASE_MS, as after a crash. A write that records a provider's answer never comes here:
 * it waits in the job (until-stored.ts).
 */
function storeWait(now: Date, reason: string): DispatchOutcome {
  return {
    kind: 'deferred',
    until: new Date(now.getTime() + STORE_WAIT_MS + Math.floor(Math.random() * STORE_WAIT_MS)),
    reasons: [{ code: STORE_UNAVAILABLE, rule: 'audit store', detail: reason }],
  };
}
