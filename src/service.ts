/**
 * Starts the service for a role from a Config: the parts are built in src/compose/, each with its
 * releaser; this module only picks them by role. main.ts reads the environment and calls this;
 * tests call it with a Config of their own and choose fakes through the options.
 */
import type { ApiKeyRecord } from './http/api/auth.js';
import type { AuditStore } from './store/audit-store.js';
import { composeApi } from './compose/api.js';
import { composeOps } from './compose/ops.js';
import { composeCore } from './compose/core.js';
import { makeReleasers } from './compose/releasers.js';
import { composeScheduler, makeCoreFeeder } from './compose/scheduler.js';
import { composeWorkers } from './compose/workers.js';
import type { Config } from './config/config.js';
import { type Clock, systemClock } from './domain/clock.js';
import type { Logger } from './observability/logger.js';
import type { Metrics } from './observability/metrics.js';
import type { Profile } from './policy/profile.js';
import type { Strategy } from './policy/strategy.js';
import type { DispatchQueues } from './jobs/dispatch-queues.js';
import type { Feeder, FeederHooks } from './jobs/feeder.js';
import type { IntakeHooks } from './services/intake.js';
import type { Reconciler } from './jobs/reconciler.js';
import type { StrategyRunner } from './services/strategy-runner.js';
import type { TokenSigner } from './http/webhooks/unsubscribe-token.js';
import type { Gate } from './workers/dispatch.processor.js';

export interface ServiceOptions {
  log: Logger;
  /** The compliance profile (main.ts resolves POLICY_PROFILE / POLICY_FILE). */
  profile: Profile;
  apiKeys: ApiKeyRecord[];
  clock?: Clock;
  intakeHooks?: IntakeHooks;
  feederHooks?: FeederHooks;
  /** Replaces the policy gate (tests only). */
  gate?: Gate;
  /** The deployment secret the keys per purpose are derived from: unsubscribe tokens, each tenant's events (main.ts: SIGNING_SECRET or a generated one). */
  signingSecret: string;
  /** The collection strategy (main.ts: STRATEGY_FILE or the default). */
  strategy?: Strategy;
  version?: string;
}

export interface Service {
  config: Readonly<Config>;
  store: AuditStore;
  queues: DispatchQueues;
  metrics: Metrics;
  reconciler: Reconciler;
  /** Moves `scheduled` messages into BullMQ as they enter the horizon (the scheduler role runs it on a timer). */
  feeder: Feeder;
  /** Base URL of the HTTP listener, when the role serves HTTP. */
  url: string | undefined;
  /** Base URL of the operations listener (/healthz, /readyz, /metrics), when OPS_PORT is set. */
  opsUrl: string | undefined;
  /** The collection strategy runner (roles that serve the API). */
  strategyRunner: StrategyRunner | undefined;
  /** Signs and checks unsubscribe tokens. */
  signer: TokenSigner;
  /** The port of the SMTP receiver of borrowers' replies (scheduler role, INBOUND_SMTP_PORT set). */
  inboundSmtpPort: number | undefined;
  close(): Promise<void>;
}

export async function startService(config: Readonly<Config>, options: ServiceOptions): Promise<Service> {
  const releasers = makeReleasers(options.log);
  try {
    const core = await composeCore(
      config,
      {
        log: options.log,
        clock: options.clock ?? systemClock,
        profile: options.profile,
        signingSecret: options.signingSecret,
      },
      releasers,
    );
    if (core.runs('worker')) await composeWorkers(core, { gate: options.gate }, releasers);
    const feeder = makeCoreFeeder(core, options.feederHooks ?? faultHooks(config));
    const scheduler = core.runs('scheduler') ? await composeScheduler(core, feeder, releasers) : undefined;
    const api = core.runs('api')
      ? await composeApi(
          core,
          {
            apiKeys: options.apiKeys,
            intakeHooks: options.intakeHooks,
            strategy: options.strategy,
            version: options.version,
          },
          releasers,
        )
      : undefined;
    const opsUrl = await composeOps(core, releasers);
    return {
      config,
      store: core.store,
      queues: core.queues,
      metrics: core.metrics,
      reconciler: core.reconciler,
      feeder,
      url: api?.url,
      opsUrl,
      strategyRunner: api?.strategyRunner,
      signer: core.signer,
      inboundSmtpPort: scheduler?.inboundSmtpPort,
      close: () => releasers.releaseAll(),
    };
  } catch (err) {
    await releasers.releaseAll().catch(() => undefined);
    throw err;
  }
}

/** FAULT_INJECTION (tests of crash recovery only): die with SIGKILL at a named point. */
function faultHooks(config: Readonly<Config>): FeederHooks | undefined {
  if (config.faultInjection !== 'feeder-after-enqueue') return undefined;
  return { afterEnqueue: () => void process.kill(process.pid, 'SIGKILL') };
}
