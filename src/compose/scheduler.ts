/**
 * The scheduler role: the feeder, the reconciler and the maintenance jobs (event relay,
 * retention), on timers in this process with leases in the store, so they survive Redis losing
 * its data (see scheduler/maintenance.ts).
 */
import { Queue } from 'bullmq';
import { MAINTENANCE_QUEUE, RECONCILE_JOB } from '../../queues/index.js';
import { makeFeeder, type Feeder, type FeederHooks } from '../jobs/feeder.js';
import { startMaintenance } from '../jobs/maintenance.js';
import { bullPrefix } from '../jobs/bull-prefix.js';
import { retentionJob } from '../jobs/retention-job.js';
import { makeEventRelay } from '../http/webhooks/outbound-events.js';
import type { Core } from './core.js';
import { composePromises } from './promises.js';
import { composeFallbacks } from './reach.js';
import { composeInboundSmtp } from './inbound-mail.js';
import type { Releasers } from './releasers.js';

/** Earlier versions ran maintenance from BullMQ job schedulers: remove them, or their jobs would wait for a worker forever. */
async function removeLegacySchedulers(core: Core): Promise<void> {
  const queue = new Queue(MAINTENANCE_QUEUE, {
    connection: core.redis,
    prefix: bullPrefix(core.config.queuePrefix, MAINTENANCE_QUEUE, core.config.redis.kind === 'cluster'),
  });
  try {
    for (const name of [RECONCILE_JOB, 'relay-events', 'retention']) await queue.removeJobScheduler(name);
  } finally {
    await queue.close();
  }
}

export function makeCoreFeeder(core: Core, hooks?: FeederHooks): Feeder {
  return makeFeeder({
    store: core.store,
    queues: core.queues,
    clock: core.clock,
    log: core.log.child({ part: 'feeder' }),
    horizonMs: core.config.schedule.horizonMs,
    tenants: async () => (await core.tenants.list()).map((t) => t.id),
    ...(hooks ? { hooks } : {}),
    onFed: (ms) => ms.forEach((m) => core.metrics.queued.inc({ channel: m.channel })),
  });
}

/** The scheduler's parts; the port of the inbound SMTP receiver when INBOUND_SMTP_PORT is set. */
export async function composeScheduler(
  core: Core,
  feeder: Feeder,
  releasers: Releasers,
): Promise<{ inboundSmtpPort: number | undefined }> {
  const { config, store, clock, eventsQueue } = core;
  await removeLegacySchedulers(core);
  const promises = composePromises(core);
  const fallbacks = composeFallbacks(core);
  const maintenance = startMaintenance({
    store,
    clock,
    log: core.log.child({ part: 'maintenance' }),
    jobs: [
      { name: 'feed', everyMs: config.schedule.feedEveryMs, exclusive: false, run: () => feeder.run() },
      { name: RECONCILE_JOB, everyMs: config.reconcile.everyMs, exclusive: true, run: () => core.reconciler.run() },
      {
        name: 'relay-events',
        everyMs: 1_000,
        exclusive: true,
        run: () => makeEventRelay({ store, queue: eventsQueue, routing: core.events, clock }).run(),
      },
      {
        // Promises decided on time (services/promises.ts): a due date plus its grace days that passes at 02:00
        // is decided within one feed period, and the messages it held go through the policy (the window) again.
        name: 'promises',
        everyMs: config.schedule.feedEveryMs,
        exclusive: true,
        run: () => promises.watch(),
      },
      {
        // Channel fallback on silence (docs/reach.md): texts with no delivery report FALLBACK_AFTER after they went.
        name: 'fallback-silence',
        everyMs: Math.max(config.schedule.feedEveryMs, 1_000),
        exclusive: true,
        run: () =>
          fallbacks.watchSilence(
            config.fallbackAfterMs,
            async (tenant) => ((await core.tenants.get(tenant))?.profile ?? core.profile).fallbackOnSilence,
          ),
      },
      {
        name: 'retention',
        everyMs: 24 * 3_600_000,
        exclusive: true,
        run: retentionJob({
          store,
          tenants: () => core.tenants.list(),
          clock,
          log: core.log.child({ part: 'retention' }),
        }),
      },
    ],
  });
  releasers.add(() => maintenance.close());
  return { inboundSmtpPort: await composeInboundSmtp(core, releasers) };
}
