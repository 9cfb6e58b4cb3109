/**
 * One processor serves every channel: load → gate (policy) → render → record `sending` → send →
 * record the outcome (the steps are in dispatch/). The audit store is checked before every send,
 * so a repeated job (the reconciler, a stalled job) never sends a message that already went.
 */
import type { Job } from 'bullmq';
import { DispatchJob } from '../../queues/index.js';
import type { Clock } from '../domain/index.js';
import { settleJob } from './dispatch/bullmq-adapter.js';
import type { OutcomeKind } from './dispatch/outcome.js';
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
    const outcome = await processMessage(deps, data.messageId, attempt, log);
    return settleJob(outcome, job, token, deps.clock.now());
  };
}
