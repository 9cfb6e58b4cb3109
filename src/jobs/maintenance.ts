/**
 * Maintenance on timers in each scheduler process, not on BullMQ job schedulers: those live in
 * Redis, and when Redis loses its data they are gone with it. An exclusive job (reconciler, relay,
 * retention) runs in one process: a lease in the store, renewed at every tick, says which, and when
 * the job last ran (so a restart does not run a daily job again); when the holder dies its lease
 * expires and another process takes over. The feeder is not exclusive: every
 * scheduler feeds, and the store keeps their batches disjoint. While the database is unavailable
 * every job skips its turns (nothing is lost: each works from what the store holds) and the
 * process says so once, and once more when the database is back.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { MaintenanceStore } from '../store/ports.js';
import type { Clock } from '../domain/index.js';
import type { Logger } from '../observability/logger.js';
import { trackActivity } from '../observability/activity.js';
import { storeUnavailable } from '../store/store-unavailable.js';

export interface MaintenanceJob {
  name: string;
  everyMs: number;
  /** One process per period (a lease), or every process (the feeder). */
  exclusive: boolean;
  run(): Promise<unknown>;
}

export interface Maintenance {
  close(): Promise<void>;
}

/** How long a lease outlives its holder's last tick: then another process takes over. */
const leaseTtl = (tickMs: number) => Math.min(Math.max(4 * tickMs, 30_000), 10 * 60_000);
/** An exclusive job's process checks its lease at least every minute. */
const tickOf = (job: MaintenanceJob) => (job.exclusive ? Math.min(job.everyMs, 60_000) : job.everyMs);

export function startMaintenance(opts: {
  store: MaintenanceStore;
  clock: Clock;
  log: Logger;
  jobs: MaintenanceJob[];
}): Maintenance {
  const holder = `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();
  let closed = false;
  /** The database is unavailable: every job skips its turns until one succeeds (said once, not at every tick). */
  let waiting = false;

  function failed(job: MaintenanceJob, err: unknown): void {
    const unavailable = storeUnavailable(err);
    if (!unavailable) return opts.log.error({ job: job.name, err: (err as Error).message }, 'maintenance job failed');
    if (waiting) return;
    waiting = true;
    opts.log.warn(
      { job: job.name, reason: unavailable.reason },
      'database unavailable: the feeder, relay, retention and other maintenance jobs wait for it',
    );
  }

  function succeeded(): void {
    if (!waiting) return;
    waiting = false;
    opts.log.warn('database available again: maintenance jobs resume');
  }

  async function once(job: MaintenanceJob): Promise<void> {
    if (!job.exclusive) {
      await job.run();
      return;
    }
    const now = opts.clock.now();
    const lease = await opts.store.leases.claim(job.name, holder, leaseTtl(tickOf(job)), now);
    if (!lease) return;
    // Timers fire late, never early: a little slack keeps a period from being skipped.
    const slack = Math.min(job.everyMs / 10, 1_000);
    if (lease.lastRunAt !== null && Date.parse(lease.lastRunAt) > now.getTime() - job.everyMs + slack) return;
    await opts.store.leases.ran(job.name, holder, now);
    await job.run();
  }

  function schedule(job: MaintenanceJob, delayMs: number): void {
    if (closed) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      const run = trackActivity(job.name, () => once(job))
        .then(succeeded, (err: unknown) => failed(job, err))
        .finally(() => {
          running.delete(run);
          schedule(job, tickOf(job));
        });
      running.add(run);
    }, delayMs);
    timers.add(timer);
  }

  for (const job of opts.jobs) if (job.everyMs > 0) schedule(job, Math.min(job.everyMs, 1_000) * Math.random());
  return {
    async close() {
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await Promise.all([...running]);
      const now = opts.clock.now();
      for (const job of opts.jobs)
        if (job.exclusive) await opts.store.leases.release(job.name, holder, now).catch(() => undefined);
    },
  };
}
