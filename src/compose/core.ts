/** What every role shares: the store, Redis, metrics, queues, the catalogue and renderer, the caps, opt-outs and signed links. */
import fs from 'node:fs';
import { Queue } from 'bullmq';
import { bullPrefix } from '../jobs/bull-prefix.js';
import { connectRedis, type RedisClient } from './startup/redis-connection.js';
import { EVENTS_OUT_QUEUE, eventsOutJobOptions, type OutboundEventJob } from '../../queues/index.js';
import { type AuditStore, openAuditStore } from '../store/audit-store.js';
import { makeContactLedger, type ContactLedger } from '../jobs/caps/contact-ledger.js';
import type { Config } from '../config/config.js';
import { callbackLinks, type Clock } from '../domain/index.js';
import type { Logger } from '../observability/logger.js';
import { makeMetrics, type Metrics } from '../observability/metrics.js';
import { startLoopMonitor } from '../observability/loop-monitor.js';
import type { Profile } from '../policy/profile.js';
import type { Breakers } from '../providers/circuit-breaker.js';
import type { Providers } from '../providers/provider.js';
import type { SecondaryRoutes } from '../workers/dispatch/ports.js';
import { type DispatchQueues, makeDispatchQueues } from '../jobs/dispatch-queues.js';
import { makeOptOuts, type OptOuts } from '../services/opt-outs.js';
import { type AddressFacts, makeAddressFacts } from '../services/address-facts.js';
import { makeReconciler, type Reconciler } from '../jobs/reconciler.js';
import { type Catalogue, loadCatalogue } from '../templates/catalogue.js';
import { makeRenderer, type Render } from '../templates/render.js';
import { makeTokenSigner, type TokenSigner } from '../http/webhooks/unsubscribe-token.js';
import { addressKeySource } from './startup/address-key-source.js';
import type { AddressKeyOpened } from '../store/address-key.js';
import { makeReplyAddresses, type ReplyAddresses } from '../http/webhooks/reply-address.js';
import { type BounceAddresses, makeBounceAddresses } from '../http/webhooks/bounce-address.js';
import type { Links } from '../workers/dispatch.processor.js';
import { composeBreakers, composeProviders, composeSecondaryRoutes } from './providers.js';
import type { Releasers } from './releasers.js';
import { makeTenantRegistry, type TenantRegistry } from './tenants.js';
import { type Experiments, loadExperiments } from './experiments.js';
import { makeEventRouting } from './event-routing.js';
import type { EventRouting } from '../http/webhooks/outbound-events.js';

export interface Core {
  config: Readonly<Config>;
  log: Logger;
  clock: Clock;
  profile: Profile;
  store: AuditStore;
  /** One server, a Cluster or a Sentinel-found master (config.redis). */
  redis: RedisClient;
  metrics: Metrics;
  queues: DispatchQueues;
  reconciler: Reconciler;
  catalogue: Catalogue;
  render: Render;
  ledger: ContactLedger;
  providers: Providers | undefined;
  breakers: Breakers;
  /** Provider failover: the channels' secondary routes, a breaker each (docs/reach.md). */
  secondary: SecondaryRoutes;
  signer: TokenSigner;
  links: Links;
  /** Reply-To addresses of reminder emails, and their tokens (INBOUND_MAIL_DOMAIN; absent: off). */
  replyAddresses: ReplyAddresses | undefined;
  /** Envelope senders (VERP) of reminder emails, and their tokens (BOUNCE_DOMAIN or INBOUND_MAIL_DOMAIN; absent: off). */
  bounceAddresses: BounceAddresses | undefined;
  optOuts: OptOuts;
  /** What channels learned about addresses (a landline, a hard bounce): docs/reach.md. */
  addressFacts: AddressFacts;
  /** The tenants (the default one always), read again every few seconds. */
  tenants: TenantRegistry;
  /** EXPERIMENTS_FILE's experiments, checked against the catalogue. */
  experiments: Experiments;
  /** Outbound events to the collection systems: each tenant's to its own receiver (event-routing.ts). */
  eventsQueue: Queue<OutboundEventJob>;
  events: EventRouting;
  runs(part: 'api' | 'worker' | 'scheduler'): boolean;
}

export async function composeCore(
  config: Readonly<Config>,
  o: { log: Logger; clock: Clock; profile: Profile; signingSecret: string },
  releasers: Releasers,
): Promise<Core> {
  fs.mkdirSync(config.dataDir, { recursive: true });
  const store = await openAuditStore(config.databaseUrl, {
    ...(config.databaseSchema ? { schema: config.databaseSchema } : {}),
    readThreads: config.heavyReads.threads,
    busyTimeoutMs: config.sqliteBusyTimeoutMs,
    // Erased borrowers' suppressions are hashed under a key kept in the store, wrapped under SIGNING_SECRET.
    addressKey: addressKeySource(o.signingSecret, config.signingSecretPrevious),
    onAddressKey: (k) => logAddressKey(k, o.log),
    now: o.clock.now(),
  });
  releasers.add(() => store.close());
  logStoreAvailability(store, o.log);
  const redis = connectRedis(config.redis);
  const clustered = config.redis.kind === 'cluster';
  redis.on('error', (err) => o.log.error({ err: err.message }, 'redis connection error'));
  releasers.add(async () => {
    await redis.quit().catch(() => redis.disconnect());
  });
  const queues = makeDispatchQueues(redis, config.queuePrefix, config.retry, clustered);
  releasers.add(() => queues.close());
  // A stored tenant that no longer resolves (an unknown profile) stops the start here, naming it.
  const tenants = makeTenantRegistry(store.tenants, config, o.profile, { refreshMs: config.tenantRefreshMs });
  const kinds = [...new Set((await tenants.list()).map((t) => t.kind))];
  // Every template is linted for each kind of sender it may be sent for.
  const catalogue = loadCatalogue(config.templatesDir, {
    lint: { profile: o.profile, smsMaxSegments: config.smsMaxSegments, kinds },
  });
  const runs = (part: 'api' | 'worker' | 'scheduler') => config.role === 'all' || config.role === part;
  const providers = runs('worker') || runs('api') ? composeProviders(config, store, o.clock, releasers) : undefined;
  const signer = makeTokenSigner({ secret: o.signingSecret, previous: config.signingSecretPrevious });
  // When this secret was first used: tokens under the previous one are honoured only for messages before it.
  await store.noteKeyScheme(`secret:${signer.fingerprint}`, o.clock.now());
  const replyAddresses = config.inboundMail.domain
    ? makeReplyAddresses({
        secret: o.signingSecret,
        previous: config.signingSecretPrevious,
        domain: config.inboundMail.domain,
      })
    : undefined;
  const bounceAddresses = config.bounces.domain
    ? makeBounceAddresses({
        secret: o.signingSecret,
        previous: config.signingSecretPrevious,
        domain: config.bounces.domain,
      })
    : undefined;
  // Always there: a tenant may be given an events address while the service runs.
  const eventsQueue = new Queue<OutboundEventJob>(EVENTS_OUT_QUEUE, {
    connection: redis,
    prefix: bullPrefix(config.queuePrefix, EVENTS_OUT_QUEUE, clustered),
    defaultJobOptions: eventsOutJobOptions,
  });
  releasers.add(() => eventsQueue.close());
  const metrics = makeMetrics({ defaultMetrics: true });
  if (config.loopStallMs > 0) {
    const monitor = startLoopMonitor({ metrics, log: o.log, stallMs: config.loopStallMs });
    releasers.add(async () => monitor.stop());
  }
  return {
    config,
    ...o,
    store,
    redis,
    metrics,
    queues,
    reconciler: makeReconciler({
      store,
      queues,
      clock: o.clock,
      log: o.log.child({ part: 'reconciler' }),
      afterMs: config.reconcile.afterMs,
      horizonMs: config.schedule.horizonMs,
    }),
    catalogue,
    render: makeRenderer(catalogue),
    ledger: makeContactLedger(redis, config.queuePrefix, {
      ...config.ledgerWait,
      onShort: (acked) =>
        o.log.warn(
          { acked, asked: config.ledgerWait.replicas, timeoutMs: config.ledgerWait.timeoutMs },
          'a caps reservation reached fewer Redis replicas than asked (REDIS_LEDGER_REPLICAS); sending anyway',
        ),
    }),
    providers,
    breakers: composeBreakers(config, providers),
    secondary: providers ? composeSecondaryRoutes(config, releasers) : {},
    signer,
    links: {
      ...callbackLinks(config.publicBaseUrl, (id, tenant) => signer.sign(id, tenant)),
      ...(replyAddresses ? { replyTo: replyAddresses.addressOf } : {}),
      ...(bounceAddresses ? { bounceAddress: bounceAddresses.addressOf } : {}),
    },
    replyAddresses,
    bounceAddresses,
    optOuts: makeOptOuts({
      store,
      queues,
      list: store.suppressions,
      listOf: (t) => store.suppressionsOf(t),
      clock: o.clock,
    }),
    addressFacts: makeAddressFacts({ store, clock: o.clock }),
    tenants,
    experiments: loadExperiments(config.experimentsFile, catalogue),
    eventsQueue,
    events: makeEventRouting({ tenants, config, signingSecret: o.signingSecret }),
    runs,
  };
}

/** One line when the database becomes unavailable and one when it is back: not one per query (docs/operations.md). */
function logStoreAvailability(store: AuditStore, log: Logger): void {
  store.availability.onChange((down, cause) => {
    if (down)
      log.warn(
        { reason: down.reason, err: (cause as Error | undefined)?.message },
        'database unavailable: requests answer 503, jobs and maintenance wait for it',
      );
    else log.warn('database available again');
  });
}

/** What became of the suppression-address key at start-up: a re-wrap after a rotation is worth a line of its own. */
function logAddressKey(k: AddressKeyOpened, log: Logger): void {
  const fields = { keys: k.keys, wrappedUnder: k.wrappedUnder };
  if (k.kind === 'rewrapped')
    log.warn(
      fields,
      'suppression-address key re-wrapped under the new SIGNING_SECRET: SIGNING_SECRET_PREVIOUS is no longer needed for it',
    );
  else if (k.kind === 'created') log.info(fields, 'suppression-address key stored (wrapped under SIGNING_SECRET)');
  else log.debug(fields, 'suppression-address key unwrapped');
}
