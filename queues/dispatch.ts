/**
 * The contract between producers (API, scheduler, reconciler) and the dispatch workers.
 * Queue names never change: a breaking job shape gets a new queue name.
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

/** A tenant's queue for a channel: the default tenant's is DISPATCH_QUEUE's name, another's adds `.<tenant>`. */
export function dispatchQueueName(tenant: string, channel: Channel): string {
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
