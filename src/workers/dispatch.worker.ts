/**
 * Starts one BullMQ worker per tenant and channel, each running the shared dispatch processor on
 * that tenant's queue with the rate of that tenant's sender; `add` starts those of a tenant
 * created while the service runs.
 */
import { Worker, type ConnectionOptions, type Job } from 'bullmq';
import { type Channel, DISPATCH_KEEP, dispatchQueueName } from '../../queues/index.js';
import type { Logger } from '../observability/logger.js';
import { bullPrefix } from '../jobs/bull-prefix.js';

export interface DispatchWorkers {
  workers: Worker[];
  /** Starts the workers of a tenant not served yet (a no-op for one already served). */
  add(tenant: string, rates?: Partial<Record<Channel, number>>): void;
  close(graceMs: number): Promise<void>;
}

export function startDispatchWorkers(opts: {
  connection: ConnectionOptions;
  prefix: string;
  /** On a Redis Cluster: each queue's keys in a hash slot of their own (jobs/bull-prefix.ts). */
  clustered?: boolean;
  channels: readonly Channel[];
  concurrency: number;
  /** The tenants to serve at start, each with its senders' rates (sends per second per channel: BullMQ's limiter, shared by every worker of the queue). */
  tenants?: ReadonlyArray<{ id: string; rates?: Partial<Record<Channel, number>> }>;
  /** The default tenant's rates when `tenants` is not given. */
  rates?: Partial<Record<Channel, number>>;
  /** BullMQ's job lock (renewed at half of it) and stalled-job check period. */
  lockMs?: number;
  processor: (job: Job, token?: string) => Promise<unknown>;
  log: Logger;
}): DispatchWorkers {
  const workers: Worker[] = [];
  const served = new Set<string>();
  const add = (tenant: string, rates: Partial<Record<Channel, number>> = {}) => {
    if (served.has(tenant)) return;
    served.add(tenant);
    for (const channel of opts.channels) {
      const name = dispatchQueueName(tenant, channel);
      const worker = new Worker(name, opts.processor, {
        connection: opts.connection,
        prefix: bullPrefix(opts.prefix, name, opts.clustered ?? false),
        concurrency: opts.concurrency,
        ...DISPATCH_KEEP,
        ...(rates[channel] ? { limiter: { max: rates[channel], duration: 1_000 } } : {}),
        // A job whose process died is retried after the lock lapses (it counts as an attempt).
        maxStalledCount: 3,
        ...(opts.lockMs ? { lockDuration: opts.lockMs, stalledInterval: opts.lockMs } : {}),
      });
      worker.on('error', (err) => opts.log.error({ tenant, channel, err: err.message }, 'worker error'));
      workers.push(worker);
    }
  };
  for (const t of opts.tenants ?? [{ id: 'default', ...(opts.rates ? { rates: opts.rates } : {}) }]) add(t.id, t.rates);
  return {
    workers,
    add,
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
