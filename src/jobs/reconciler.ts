/**
 * The reconciler closes the gap between the audit store (the source of truth) and Redis:
 * - `accepted` rows older than `afterMs` were committed but never enqueued (a crash between
 *   the commit and the add): enqueue them and mark them `queued`;
 * - `queued`, `deferred` and `sending` rows due within the horizon whose job is missing from
 *   Redis (Redis lost its data): add the job again. Their jobs are checked a batch at a time, in
 *   one round trip. `scheduled` rows are not its business (they have no job; the feeder's are).
 * Its work grows with what is due, not with what is scheduled. The job id comes from the row and
 * the worker checks the store before sending, so running it any number of times, from any number
 * of processes, sends nothing twice.
 */
import type { Clock } from '../domain/clock.js';
import type { ReconcilerStore } from '../store/ports.js';
import type { Logger } from '../observability/logger.js';
import type { DispatchQueues } from './dispatch-queues.js';
import { enqueueMessages, withoutJobs } from './enqueue.js';

export interface ReconcilerDeps {
  store: ReconcilerStore;
  queues: DispatchQueues;
  clock: Clock;
  log: Logger;
  afterMs: number;
  horizonMs: number;
  batchSize?: number;
}

export interface ReconcileReport {
  enqueuedAccepted: number;
  restoredMissing: number;
}

export function makeReconciler(deps: ReconcilerDeps) {
  const batch = deps.batchSize ?? 500;

  async function enqueueStaleAccepted(): Promise<number> {
    let total = 0;
    for (;;) {
      const cutoff = new Date(deps.clock.now().getTime() - deps.afterMs);
      const stale = await deps.store.findAccepted(cutoff, batch);
      if (stale.length === 0) return total;
      // Marked queued first, then enqueued: a worker that picks the job up at once finds it queued
      // (not racing this transition), and a crash in between leaves a queued row without a job,
      // which restoreMissingJobs finds.
      const moved = await deps.store.transitionMany(
        stale.map((m) => m.id),
        {
          from: ['accepted'],
          to: 'queued',
          type: 'queued',
          actor: 'reconciler',
          data: { reason: 'accepted-without-job' },
        },
        deps.clock.now(),
      );
      const movedIds = new Set(moved);
      await enqueueMessages(
        deps.queues,
        stale.filter((m) => movedIds.has(m.id)),
        deps.clock.now(),
      );
      total += moved.length;
      if (stale.length < batch) return total;
    }
  }

  async function restoreMissingJobs(): Promise<number> {
    let restored = 0;
    let after = '';
    for (;;) {
      const dueBy = new Date(deps.clock.now().getTime() + deps.horizonMs);
      const open = await deps.store.findAwaitingJob(after, batch, dueBy);
      if (open.length === 0) return restored;
      after = open[open.length - 1]!.id;
      const missing = await withoutJobs(deps.queues, open);
      if (missing.length > 0) {
        await enqueueMessages(deps.queues, missing, deps.clock.now());
        restored += missing.length;
      }
      if (open.length < batch) return restored;
    }
  }

  return {
    async run(): Promise<ReconcileReport> {
      const enqueuedAccepted = await enqueueStaleAccepted();
      const restoredMissing = await restoreMissingJobs();
      if (enqueuedAccepted + restoredMissing > 0) {
        deps.log.warn({ enqueuedAccepted, restoredMissing }, 'reconciler re-enqueued messages that had no job');
      }
      return { enqueuedAccepted, restoredMissing };
    },
  };
}

export type Reconciler = ReturnType<typeof makeReconciler>;
