/** Promises and plans (services/promises.ts) with the store, the queues and an intake for what they send. */
import { makePromises, type Promises } from '../services/promises.js';
import type { Core } from './core.js';
import { composeIntake } from './intake.js';

export function composePromises(core: Core, intake = composeIntake(core)): Promises {
  const { store, queues, clock, config } = core;
  return makePromises({
    store,
    queues,
    clock,
    intake,
    settings: { graceDays: config.promises.graceDays, planMissedLimit: config.promises.planMissedLimit },
    templateChannels: (key) => core.catalogue.channelsOf(key),
    courtesyOn: async (tenant) => ((await core.tenants.get(tenant))?.profile ?? core.profile).promiseCourtesy,
  });
}
