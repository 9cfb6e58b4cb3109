/** The scheduler role: the reconciler and the maintenance jobs (event relay, retention) on their schedules. */
import { retentionJob } from '../scheduler/retention-job.js';
import { startReconcilerSchedule } from '../scheduler/reconciler.js';
import { makeEventRelay } from '../webhooks/outbound-events.js';
import type { Core } from './core.js';
import type { Releasers } from './releasers.js';

export async function composeScheduler(core: Core, releasers: Releasers): Promise<void> {
  const { config, store, clock, eventsQueue } = core;
  const schedule = await startReconcilerSchedule({
    connection: core.redis,
    prefix: config.queuePrefix,
    everyMs: config.reconcile.everyMs,
    reconciler: core.reconciler,
    log: core.log,
    jobs: [
      ...(eventsQueue ? [{ name: 'relay-events', everyMs: 1_000, run: () => makeEventRelay({ store, queue: eventsQueue, clock }).run() }] : []),
      { name: 'retention', everyMs: 24 * 3_600_000, run: retentionJob({ store, years: core.profile.retentionYears, clock, log: core.log.child({ part: 'retention' }) }) },
    ],
  });
  releasers.add(() => schedule.close());
}
