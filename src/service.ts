/**
 * Wires the service for a role from a Config: the audit store, Redis, queues, providers,
 * workers, reconciler and HTTP API. main.ts reads the environment and calls this; tests call it
 * with a Config of their own and choose fakes through the options.
 */
import { type Channel } from './domain/channels.js';
import { makeDraftLinter } from './templates/draft-sandbox.js';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { EVENTS_OUT_QUEUE, eventsOutJobOptions, MAINTENANCE_QUEUE, type OutboundEventJob } from '../queues/index.js';
import { makeApp } from './api/app.js';
import { type ApiKeyRecord, makeKeyRing } from './api/auth.js';
import { applyRetention } from './audit/retention.js';
import { type AuditStore, openAuditStore } from './audit/audit-store.js';
import type { Config } from './config/config.js';
import type { Logger } from './observability/logger.js';
import { type Metrics, makeMetrics } from './observability/metrics.js';
import { makeContactLedger } from './caps/contact-ledger.js';
import type { Profile } from './policy/profile.js';
import { makeOutboxProviders } from './providers/outbox.provider.js';
import type { Providers } from './providers/provider.js';
import { makeSmtpEmailProvider } from './providers/smtp-email.provider.js';
import { makeTwilioClient } from './providers/twilio-client.js';
import { makeTwilioSmsProvider } from './providers/twilio-sms.provider.js';
import { makeTwilioVoiceProvider } from './providers/twilio-voice.provider.js';
import { type DispatchQueues, makeDispatchQueues } from './scheduler/dispatch-queues.js';
import { type IntakeHooks, makeIntake } from './scheduler/intake.js';
import { makeReconciler, startReconcilerSchedule, type Reconciler } from './scheduler/reconciler.js';
import { loadCatalogue } from './templates/catalogue.js';
import { makeRenderer } from './templates/render.js';
import { makeContactSlots } from './workers/contact-slots.js';
import { type Clock, type Gate, type Links, makeDispatchProcessor } from './workers/dispatch.processor.js';
import { type Breakers, makeCircuitBreaker } from './providers/circuit-breaker.js';
import { makeOptOuts } from './scheduler/opt-outs.js';
import { callbackLinks } from './domain/paths.js';
import { normaliseAddress } from './policy/address.js';
import { makeStrategyRunner, type StrategyRunner } from './scheduler/strategy-runner.js';
import { DEFAULT_STRATEGY, type Strategy } from './policy/strategy.js';
import { makeEventDelivery, makeEventRelay } from './webhooks/outbound-events.js';
import { twilioWebhooksRouter } from './webhooks/twilio.routes.js';
import { makeTokenSigner, type TokenSigner } from './webhooks/unsubscribe-token.js';
import { unsubscribeRouter } from './webhooks/unsubscribe.routes.js';
import { makePolicyGate } from './workers/policy-gate.js';
import { startDispatchWorkers } from './workers/dispatch.worker.js';

export interface ServiceOptions {
  log: Logger;
  /** The compliance profile (main.ts resolves POLICY_PROFILE / POLICY_FILE). */
  profile: Profile;
  apiKeys: ApiKeyRecord[];
  clock?: Clock;
  intakeHooks?: IntakeHooks;
  /** Replaces the policy gate (tests only). */
  gate?: Gate;
  /** Signs unsubscribe tokens and outbound events (main.ts: SIGNING_SECRET or a generated one). */
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
  /** Base URL of the HTTP listener, when the role serves HTTP. */
  url: string | undefined;
  /** The collection strategy runner (roles that serve the API). */
  strategyRunner: StrategyRunner | undefined;
  /** Signs and checks unsubscribe tokens. */
  signer: TokenSigner;
  close(): Promise<void>;
}

const systemClock: Clock = { now: () => new Date() };

function makeProviders(config: Readonly<Config>, store: AuditStore, clock: Clock): Providers {
  const dkim = config.dkim ? { domainName: config.dkim.domainName, keySelector: config.dkim.keySelector, privateKey: fs.readFileSync(config.dkim.privateKeyFile, 'utf8') } : undefined;
  const outbox = makeOutboxProviders((entry) => store.recordOutbox(entry, clock.now()));
  let sms = outbox.sms;
  let voice = outbox.voice;
  if (config.twilio) {
    const client = makeTwilioClient({
      accountSid: config.twilio.accountSid,
      authToken: config.twilio.authToken,
      apiBaseUrl: config.twilio.apiBaseUrl,
      timeoutMs: config.providerTimeoutMs,
      maxSockets: Math.max(50, config.workerConcurrency * 2),
    });
    sms = makeTwilioSmsProvider({ client, from: config.twilio.from });
    voice = makeTwilioVoiceProvider({ client, from: config.twilio.from });
  }
  const email = config.smtp ? makeSmtpEmailProvider({ url: config.smtp.url, from: config.smtp.from, timeoutMs: config.providerTimeoutMs, dkim }) : outbox.email;
  return { sms, voice, email };
}

export async function startService(config: Readonly<Config>, options: ServiceOptions): Promise<Service> {
  const log = options.log;
  const clock = options.clock ?? systemClock;
  const closers: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const c of closers.reverse()) {
      try {
        await c();
      } catch (err) {
        log.error({ err: (err as Error).message }, 'error while shutting down');
      }
    }
    closers.length = 0;
  };

  try {
    fs.mkdirSync(config.dataDir, { recursive: true });
    const store = await openAuditStore(config.databaseUrl, config.databaseSchema ? { schema: config.databaseSchema } : {});
    closers.push(() => store.close());

    const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
    redis.on('error', (err) => log.error({ err: err.message }, 'redis connection error'));
    closers.push(async () => {
      await redis.quit().catch(() => redis.disconnect());
    });

    const metrics = makeMetrics({ defaultMetrics: true });
    const queues = makeDispatchQueues(redis, config.queuePrefix, config.retry);
    closers.push(() => queues.close());
    const reconciler = makeReconciler({ store, queues, clock, log: log.child({ part: 'reconciler' }), afterMs: config.reconcile.afterMs });
    const catalogue = loadCatalogue(config.templatesDir, { lint: { profile: options.profile, smsMaxSegments: config.smsMaxSegments } });
    const ledger = makeContactLedger(redis, config.queuePrefix);
    const runs = (part: 'api' | 'worker' | 'scheduler') => config.role === 'all' || config.role === part;

    const providers = runs('worker') || runs('api') ? makeProviders(config, store, clock) : undefined;
    if (providers) {
      closers.push(async () => {
        await Promise.all([providers.sms.close?.(), providers.voice.close?.(), providers.email.close?.()]);
      });
    }
    const breakers: Breakers = {
      sms: makeCircuitBreaker(providers?.sms.name ?? 'sms', config.breaker),
      voice: makeCircuitBreaker(providers?.voice.name ?? 'voice', config.breaker),
      email: makeCircuitBreaker(providers?.email.name ?? 'email', config.breaker),
    };
    const signer = makeTokenSigner(options.signingSecret);
    const links: Links = callbackLinks(config.publicBaseUrl, (id) => signer.sign(id));
    const suppressionList = store.suppressions;
    const optOuts = makeOptOuts({ store, queues, list: suppressionList, clock });
    /** A provider says the address refuses this channel (Twilio 21610): the address is suppressed, for every borrower. */
    const optOut = async (m: { borrowerId: string; channel: Channel; to: string }, source: string) => {
      const address = normaliseAddress(m.to);
      if (address.ok) await optOuts.suppressAddress({ address: address.address, kind: address.kind, channels: [m.channel], source: 'provider-21610', detail: source, actor: 'provider' });
      else await optOuts.optOutBorrower(m.borrowerId, m.channel, source, 'provider-21610', 'provider');
    };
    const eventsQueue = config.eventsWebhookUrl ? new Queue<OutboundEventJob>(EVENTS_OUT_QUEUE, { connection: redis, prefix: config.queuePrefix, defaultJobOptions: eventsOutJobOptions }) : undefined;
    if (eventsQueue) closers.push(() => eventsQueue.close());

    if (runs('worker') && providers) {
      const processor = makeDispatchProcessor({
        store,
        gate: options.gate ?? makePolicyGate({ profile: options.profile, ledger, suppressionsOf: (a) => suppressionList.of(a) }),
        slots: makeContactSlots(ledger),
        render: makeRenderer(catalogue),
        providers,
        log: log.child({ part: 'worker' }),
        metrics,
        clock,
        sendingLeaseMs: Math.max(30_000, 2 * config.providerTimeoutMs),
        knownVersions: new Set<string>(),
        breakers,
        links,
        optOut,
      });
      const workers = startDispatchWorkers({ connection: redis, prefix: config.queuePrefix, channels: config.workerChannels, concurrency: config.workerConcurrency, rates: config.sendRate, processor, log });
      closers.push(() => workers.close(config.shutdownGraceMs));
      if (config.eventsWebhookUrl) {
        const delivery = new Worker(EVENTS_OUT_QUEUE, makeEventDelivery({ url: config.eventsWebhookUrl, secret: options.signingSecret, clock, timeoutMs: config.providerTimeoutMs, store }), { connection: redis, prefix: config.queuePrefix, concurrency: 10 });
        delivery.on('error', (err) => log.error({ err: err.message }, 'outbound event worker error'));
        closers.push(() => delivery.close());
      }
    }

    if (runs('scheduler')) {
      const retentionLog = log.child({ part: 'retention' });
      const schedule = await startReconcilerSchedule({
        connection: redis,
        prefix: config.queuePrefix,
        everyMs: config.reconcile.everyMs,
        reconciler,
        log,
        jobs: [
          ...(eventsQueue
            ? [{ name: 'relay-events', everyMs: 1_000, run: () => makeEventRelay({ store, queue: eventsQueue, clock }).run() }]
            : []),
          {
            name: 'retention',
            everyMs: 24 * 3_600_000,
            run: async () => {
              const report = await applyRetention(store, { years: options.profile.retentionYears, now: clock.now(), dryRun: false });
              if (report.borrowers.length > 0) retentionLog.info({ erased: report.borrowers.length, cutoff: report.cutoff }, 'retention erased expired content');
              return { erased: report.borrowers.length };
            },
          },
        ],
      });
      closers.push(() => schedule.close());
    }

    let url: string | undefined;
    let strategyRunnerOut: StrategyRunner | undefined;
    if (runs('api')) {
      const intake = makeIntake({
        store,
        queues,
        clock,
        ...(options.intakeHooks ? { hooks: options.intakeHooks } : {}),
        onQueued: (ms) => {
          for (const m of ms) metrics.queued.inc({ channel: m.channel });
        },
      });
      const strategyRunner = makeStrategyRunner({
        eventsWebhook: config.eventsWebhookUrl !== undefined,
        store,
        intake,
        queues,
        strategy: options.strategy ?? DEFAULT_STRATEGY,
        dayMs: config.strategyDayMs,
        clock,
        templateChannels: (key) => {
          const e = catalogue.get(key);
          return e ? (['sms', 'voice', 'email'] as const).filter((c) => e.variants.some((v) => v.channel === c || (c === 'voice' && v.channel === 'voicemail'))) : [];
        },
      });
      strategyRunnerOut = strategyRunner;
      const maintenance = new Queue(MAINTENANCE_QUEUE, { connection: redis, prefix: config.queuePrefix });
      closers.push(() => maintenance.close());
      const draftLinter = makeDraftLinter({ budgetMs: config.draftLintBudgetMs });
      closers.push(() => draftLinter.close());
      const app = makeApp({
        draftLinter,
        optOuts,
        store,
        intake,
        queues,
        boardQueues: [...queues.all(), maintenance],
        catalogue,
        profile: options.profile,
        smsMaxSegments: config.smsMaxSegments,
        ledger,
        keyRing: makeKeyRing(options.apiKeys, (hash) => store.apiKeys.findByHash(hash)),
        log: log.child({ part: 'api' }),
        metrics,
        clock,
        checks: {
          redis: async () => {
            await redis.ping();
          },
          database: () => store.ping(),
        },
        breakers,
        strategyRunner,
        webhooks: {
          twilio: twilioWebhooksRouter({
            store,
            ledger,
            profile: options.profile,
            render: makeRenderer(catalogue),
            voice: providers?.voice,
            authToken: config.twilio?.authToken,
            publicBaseUrl: config.publicBaseUrl,
            clock,
            log: log.child({ part: 'webhooks' }),
            optOuts,
          }),
          unsubscribe: unsubscribeRouter({ store, signer, optOuts }),
        },
        version: options.version ?? '0.0.0',
        rateLimitPerMinute: config.rateLimitPerMinute,
        publicRateLimitPerMinute: config.publicRateLimitPerMinute,
        webhookRateLimitPerMinute: config.webhookRateLimitPerMinute,
      });
      const server = http.createServer(app);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => resolve());
      });
      const addr = server.address() as AddressInfo;
      url = `http://${addr.family === 'IPv6' ? `[${addr.address}]` : addr.address}:${addr.port}`;
      closers.push(
        () =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeIdleConnections();
          }),
      );
      log.info({ url, role: config.role }, 'HTTP API listening');
    }

    return { config, store, queues, metrics, reconciler, url, strategyRunner: strategyRunnerOut, signer, close };
  } catch (err) {
    await close();
    throw err;
  }
}
