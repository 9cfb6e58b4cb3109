/**
 * The contract between producers (API, scheduler, reconciler) and the dispatch workers.
 * A queue name, once used, keeps its meaning: a breaking job shape gets a new queue name. The set of
 * names changed once: until issue 31 each tenant other than the default had its own queue per
 * channel (`dispatch-sms.<tenant>`, see legacyDispatchQueueName); since, every tenant's jobs are in
 * the channel's queue (DISPATCH_QUEUE, the default tenant's names as they always were) and the job
 * names its tenant. Workers move what is left in the old names into the channel's queue at start.
 * This module imports only zod and opens no connection.
 */
import { z } from 'zod';

export const CHANNELS = ['sms', 'voice', 'email'] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

export const DISPATCH_QUEUE: Readonly<Record<Channel, string>> = Object.freeze({
  sms: 'dispatch-sms',
  voice: 'dispatch-voice',
  email: 'dispatch-email',
});

/**
 * The per-tenant queue of versions before issue 31 (the default tenant's was DISPATCH_QUEUE's name):
 * nothing is added to it any more; workers drain what is left in it (drainLegacyQueues).
 */
export function legacyDispatchQueueName(tenant: string, channel: Channel): string {
  return tenant === 'default' ? DISPATCH_QUEUE[channel] : `${DISPATCH_QUEUE[channel]}.${tenant}`;
}

/** Periodic housekeeping (the reconciler) runs from this queue. */
export const MAINTENANCE_QUEUE = 'maintenance';
export const RECONCILE_JOB = 'reconcile';

/**
 * Job data is ids only: the audit store holds the content, so a delayed job costs little Redis
 * memory and can never disagree with the record. The job id is the message id.
 */
export const DispatchJob = z.object({
  messageId: z.string().min(1),
  // Optional since producers stopped sending them (a delayed job costs less Redis memory without);
  // workers read everything from the audit store by message id.
  reminderId: z.string().min(1).optional(),
  borrowerId: z.string().min(1).optional(),
  channel: Channel.optional(),
  // The message's tenant (absent: the default tenant, and every job added before issue 31, whose
  // queue named the tenant): the worker holds the job to that tenant's send rate before loading it.
  tenant: z.string().min(1).optional(),
});
export type DispatchJob = z.infer<typeof DispatchJob>;

export interface DispatchJobOptionsInput {
  /** First retry delay in ms; each later one doubles (with jitter). */
  backoffMs: number;
  /** Attempts in all, the first included. */
  attempts: number;
}

export const DEFAULT_DISPATCH_JOB_OPTIONS: DispatchJobOptionsInput = { backoffMs: 5_000, attempts: 10 };

export function dispatchJobOptions(input: DispatchJobOptionsInput = DEFAULT_DISPATCH_JOB_OPTIONS) {
  return {
    attempts: input.attempts,
    backoff: { type: 'exponential' as const, delay: input.backoffMs, jitter: 0.3 },
  };
}

/** Set on the workers, not on every job (each job's options cost Redis memory while it waits). */
export const DISPATCH_KEEP = {
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 100_000 },
};
