/**
 * Starts one BullMQ worker per channel, running the shared dispatch processor on the channel's
 * queue (every tenant's jobs): one blocking Redis connection per channel, however many tenants
 * there are. Before a job runs it takes a send slot of its tenant's channel at the rate read from
 * the tenant's record now (fair-share/send-slots.ts); a job over its tenant's rate goes back to
 * the delayed set until its turn, without spending an attempt. A tenant created while the service
 * runs is served by the same workers at once.
 */
import { DelayedError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import { type Channel, DISPATCH_KEEP, DISPATCH_QUEUE, DispatchJob } from '../../queues/index.js';
import { DEFAULT_TENANT, TenantNotKnownYetError } from '../domain/tenant.js';

/** How long a job of a tenant this process does not know yet waits for it before failing. */
const NEW_TENANT_GRACE_MS = 10 * 60_000;
import type { SendSlots } from '../jobs/fair-share/send-slots.js';
import type { Logger } from '../observability/logger.js';
import { bullPrefix } from '../jobs/bull-prefix.js';

export interface DispatchWorkers {
  workers: Worker[];
  close(graceMs: number): Promise<void>;
}

export function startDispatchWorkers(opts: {
  connection: ConnectionOptions;
  prefix: string;
  /** On a Redis Cluster: each queue's keys in a hash slot of their own (jobs/bull-prefix.ts). */
  clustered?: boolean;
  channels: readonly Channel[];
  concurrency: number;
  /** Sends per second a tenant's channel may start (its sender's allowance), read for every job. */
  rateOf: (tenant: string, channel: Channel) => Promise<number>;
  slots: SendSlots;
  /** BullMQ's job lock (renewed at half of it) and stalled-job check period. */
  lockMs?: number;
  processor: (job: Job, token?: string) => Promise<unknown>;
  /** A job over its tenant's rate, sent back for `waitMs`. */
  onWait?: (tenant: string, channel: Channel, waitMs: number) => void;
  log: Logger;
}): DispatchWorkers {
  const workers = opts.channels.map((channel) => {
    const worker = new Worker(
      DISPATCH_QUEUE[channel],
      async (job: Job, token?: string) => {
        const tenant = DispatchJob.parse(job.data).tenant ?? DEFAULT_TENANT;
        let rate: number;
        try {
          rate = await opts.rateOf(tenant, channel);
        } catch (err) {
          // A tenant created a moment ago by another process: the job waits for this process's next
          // read of the tenants (at most a second away), without spending an attempt; one still
          // unknown after NEW_TENANT_GRACE_MS fails as any error does.
          if (!(err instanceof TenantNotKnownYetError) || Date.now() - job.timestamp > NEW_TENANT_GRACE_MS) throw err;
          await job.moveToDelayed(Date.now() + 1_000, token);
          throw new DelayedError();
        }
        const wait = await opts.slots.take(tenant, channel, job.id!, rate);
        if (wait > 0) {
          opts.onWait?.(tenant, channel, wait);
          // Its turn in the tenant's line: waits without spending an attempt.
          await job.moveToDelayed(Date.now() + wait, token);
          throw new DelayedError();
        }
        return opts.processor(job, token);
      },
      {
        connection: opts.connection,
        prefix: bullPrefix(opts.prefix, DISPATCH_QUEUE[channel], opts.clustered ?? false),
        concurrency: opts.concurrency,
        ...DISPATCH_KEEP,
        // A job whose process died is retried after the lock lapses (it counts as an attempt).
        maxStalledCount: 3,
        ...(opts.lockMs ? { lockDuration: opts.lockMs, stalledInterval: opts.lockMs } : {}),
      },
    );
    worker.on('error', (err) => opts.log.error({ channel, err: err.message }, 'worker error'));
    return worker;
  });
  return {
    workers,
    async close(graceMs) {
      // Stop taking work and let jobs in flight finish; past the grace period, force-close
      // (their locks lapse and the jobs are retried; the audit store stops a double send).
      let timer: NodeJS.Timeout | undefined;
      const graceful = Promise.all(workers.map((w) => w.close())).then(() => true);
      const timeout = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), graceMs);
      });
      const finished = await Promise.race([graceful, timeout]);
      clearTimeout(timer);
      if (!finished) {
        opts.log.warn({ graceMs }, 'jobs still running after the grace period; closing workers now');
        await Promise.all(workers.map((w) => w.close(true)));
      }
    },
  };
}
