/** The intake (services/intake.ts) with the deployment's settings: the API's, and the scheduler's for what promises send. */
import { type IntakeHooks, makeIntake } from '../services/intake.js';
import type { Core } from './core.js';

export function composeIntake(core: Core, hooks?: IntakeHooks) {
  const { config, metrics } = core;
  return makeIntake({
    store: core.store,
    queues: core.queues,
    clock: core.clock,
    horizonMs: config.schedule.horizonMs,
    sender: config.sender,
    senderOf: async (tenant: string) => {
      const t = await core.tenants.get(tenant);
      return t && { ...t.sender, channels: t.channels };
    },
    experiments: core.experiments,
    channelsOf: (key) => core.catalogue.channelsOf(key),
    // Single requests share a transaction while one is in flight (off with group commit off).
    gatherMax: config.groupCommitMs > 0 ? 500 : 0,
    ruledOut: (tenant, keys, addresses) => core.addressFacts.ruledOut(tenant, keys, addresses),
    ...(hooks ? { hooks } : {}),
    onQueued: (ms) => ms.forEach((m) => metrics.queued.inc({ channel: m.channel })),
    onStage: (stage, seconds, messages) => {
      for (let i = 0; i < messages; i++) metrics.stage.observe({ stage }, seconds);
    },
  });
}
