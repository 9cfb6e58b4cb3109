/**
 * The operations listener (OPS_PORT): /healthz, /readyz and /metrics only, in every role. A
 * worker or scheduler serves no API, so without it nothing could probe it or read its counters
 * and circuits; the image's HEALTHCHECK and the Kubernetes probes (deploy/) use it.
 */
import http from 'node:http';
import express from 'express';
import type { BreakerViews } from '../domain/breaker.js';
import { healthRouter, type ReadinessCheck, refreshGauges } from '../http/api/health.routes.js';
import { listen } from './listen.js';
import type { Core } from './core.js';
import type { Releasers } from './releasers.js';

/** What /readyz checks in every role: Redis and the store answer. */
export function readinessChecks(core: Core): Record<string, ReadinessCheck> {
  return { redis: async () => void (await core.redis.ping()), database: () => core.store.ping() };
}

/** Every circuit of this process: the channels' primary routes and their secondaries. */
export function allBreakers(core: Core): BreakerViews {
  return {
    ...core.breakers,
    ...(core.secondary.sms ? { 'sms:secondary': core.secondary.sms.breaker } : {}),
    ...(core.secondary.email ? { 'email:secondary': core.secondary.email.breaker } : {}),
  };
}

/** Starts the operations listener when OPS_PORT is set; returns its URL. */
export async function composeOps(core: Core, releasers: Releasers): Promise<string | undefined> {
  const { config, metrics, log } = core;
  if (config.opsPort === undefined) return undefined;
  const app = express();
  app.disable('x-powered-by');
  const breakers = allBreakers(core);
  app.use(
    healthRouter({
      log,
      metrics,
      checks: readinessChecks(core),
      breakers,
      refreshGauges: () =>
        refreshGauges(
          { metrics, queues: core.queues, breakers, oldestDue: (now) => core.store.schedule.oldestDue(now) },
          core.clock.now(),
        ),
    }),
  );
  const url = await listen(http.createServer(app), config.opsPort, config.host, releasers);
  log.info({ url, role: config.role }, 'operations listener (/healthz, /readyz, /metrics) listening');
  return url;
}
