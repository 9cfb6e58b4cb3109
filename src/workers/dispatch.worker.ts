/** Starts one BullMQ worker per channel, each running the shared dispatch processor. */
import { Worker, type ConnectionOptions, type Job } from 'bullmq';
import { type Channel, DISPATCH_KEEP, DISPATCH_QUEUE } from '../../queues/index.js';
import type { Logger } from '../observability/logger.js';

export interface DispatchWorkers {
  workers: Worker[];
  close(graceMs: number): Promise<void>;
}

export function startDispatchWorkers(opts: {
  connection: ConnectionOptions;
  prefix: string;
  channels: readonly Channel[];
  concurrency: number;
  /** Sends per second per channel (BullMQ's limiter, shared by every worker of the queue). */
  rates?: Partial<Record<Channel, number>>;
  /** BullMQ's job lock (renewed at half of it) and stalled-job check period. */
  lockMs?: number;
  processor: (job: Job, token?: string) => Promise<unknown>;
  log: Logger;
}): DispatchWorkers {
  const workers = opts.channels.map((channel) => {
    const worker = new Worker(DISPATCH_QUEUE[channel], opts.processor, {
      connection: opts.connection,
      prefix: opts.prefix,
      concurrency: opts.concurrency,
      ...DISPATCH_KEEP,
      ...(opts.rates?.[channel] ? { limiter: { max: opts.rates[channel]!, duration: 1_000 } } : {}),
      // A job whose process died is retried after the lock lapses (it counts as an attempt).
      maxStalledCount: 3,
      ...(opts.lockMs ? { lockDuration: opts.lockMs, stalledInterval: opts.lockMs } : {}),
    });
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
