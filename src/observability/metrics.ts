/** Prometheus metrics, on a registry of their own (one per process, or per app in tests). */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
  accepted: Counter<'channel'>;
  queued: Counter<'channel'>;
  sent: Counter<'channel' | 'provider'>;
  /** Messages sent by provider route (`twilio:primary`, `smtp:secondary`; docs/reach.md). */
  sentByRoute: Counter<'channel' | 'route'>;
  failed: Counter<'channel' | 'code'>;
  retried: Counter<'channel' | 'code'>;
  suppressed: Counter<'channel' | 'reason'>;
  deferred: Counter<'channel' | 'code'>;
  /** Borrowers' email replies taken and acted on, by how they came (smtp, http). */
  inboundMail: Counter<'via'>;
  /** Mail refused: to no reply address, a bad or unknown token, too large. */
  inboundMailRefused: Counter<'via' | 'reason'>;
  /** Bounce reports taken (DSNs and relays' webhooks): hard, soft, delivered. */
  emailBounces: Counter<'via' | 'kind'>;
  providerLatency: Histogram<'channel' | 'provider' | 'outcome'>;
  queueDepth: Gauge<'queue' | 'state'>;
  breakerState: Gauge<'provider'>;
  /** Seconds since the longest-waiting due and unsent message fell due (0: none), read from the store at each scrape. */
  oldestDueAge: Gauge;
  /**
   * One reminder's way, stage by stage (docs/performance.md): `gather` (waiting for the intake
   * transaction in flight), `stored` (the intake transaction), `enqueued` (the job added and the row
   * marked queued), `pickup` (due → a worker starts it), `load`, `gate`, `render`, `claim` (`sending`
   * committed), `provider` (the provider call), `record` (its outcome committed).
   */
  stage: Histogram<'stage'>;
  /** From the later of accepted and due to the provider being called, by channel. */
  dueToProvider: Histogram<'channel'>;
  /** Event-loop stalls, by what ran during them (loop-monitor.ts). */
  loopStalls: Counter<'during'>;
  loopStallSeconds: Histogram<'during'>;
}

/** Fine buckets: the stages of a send take from tenths of a millisecond to seconds. */
const STAGE_BUCKETS = [0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10];

export function makeMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry, prefix: 'reminder_dispatch_' });
  const registers = [registry];
  return {
    registry,
    accepted: new Counter({
      name: 'reminders_accepted_total',
      help: 'Messages accepted through the API, by channel',
      labelNames: ['channel'],
      registers,
    }),
    queued: new Counter({
      name: 'messages_queued_total',
      help: 'Messages handed to BullMQ, by channel',
      labelNames: ['channel'],
      registers,
    }),
    sent: new Counter({
      name: 'messages_sent_total',
      help: 'Messages the provider accepted, by channel',
      labelNames: ['channel', 'provider'],
      registers,
    }),
    sentByRoute: new Counter({
      name: 'messages_sent_by_route_total',
      help: 'Messages the provider accepted, by channel and provider route (primary, or the secondary during failover)',
      labelNames: ['channel', 'route'],
      registers,
    }),
    failed: new Counter({
      name: 'messages_failed_total',
      help: 'Messages that ended failed, by channel and error code',
      labelNames: ['channel', 'code'],
      registers,
    }),
    retried: new Counter({
      name: 'messages_retried_total',
      help: 'Transient provider errors that scheduled a retry',
      labelNames: ['channel', 'code'],
      registers,
    }),
    suppressed: new Counter({
      name: 'messages_suppressed_total',
      help: 'Messages suppressed before sending, by reason',
      labelNames: ['channel', 'reason'],
      registers,
    }),
    inboundMail: new Counter({
      name: 'inbound_mail_total',
      help: "Borrowers' email replies taken and acted on, by how they came",
      labelNames: ['via'],
      registers,
    }),
    emailBounces: new Counter({
      name: 'email_bounces_total',
      help: 'Email bounce reports taken (a DSN or a relay webhook), by how they came and what they said: hard, soft, delivered',
      labelNames: ['via', 'kind'],
      registers,
    }),
    inboundMailRefused: new Counter({
      name: 'inbound_mail_refused_total',
      help: 'Inbound mail refused (no reply address, a bad or unknown token, too large), by how it came and why',
      labelNames: ['via', 'reason'],
      registers,
    }),
    deferred: new Counter({
      name: 'messages_deferred_total',
      help: 'Messages held back to a later time, by reason',
      labelNames: ['channel', 'code'],
      registers,
    }),
    providerLatency: new Histogram({
      name: 'provider_request_duration_seconds',
      help: 'Time the provider took to accept or refuse a message',
      labelNames: ['channel', 'provider', 'outcome'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    queueDepth: new Gauge({
      name: 'queue_jobs',
      help: 'Jobs in each dispatch queue, by state',
      labelNames: ['queue', 'state'],
      registers,
    }),
    breakerState: new Gauge({
      name: 'provider_circuit_state',
      help: 'Circuit breaker per provider: 0 closed, 1 half-open, 2 open',
      labelNames: ['provider'],
      registers,
    }),
    oldestDueAge: oldestDueGauge(registers),
    stage: new Histogram({
      name: 'message_stage_duration_seconds',
      help: 'Time a reminder spends in each stage of its way from the API to the provider (gather, stored, enqueued, pickup, load, gate, render, claim, provider, record)',
      labelNames: ['stage'],
      buckets: STAGE_BUCKETS,
      registers,
    }),
    dueToProvider: new Histogram({
      name: 'message_due_to_provider_seconds',
      help: 'From the later of a message being accepted and falling due to its provider being called',
      labelNames: ['channel'],
      buckets: STAGE_BUCKETS,
      registers,
    }),
    loopStalls: new Counter({
      name: 'event_loop_stalls_total',
      help: 'Event-loop stalls (the loop late by more than LOOP_STALL_MS), by what ran during them',
      labelNames: ['during'],
      registers,
    }),
    loopStallSeconds: new Histogram({
      name: 'event_loop_stall_seconds',
      help: 'How long each event-loop stall lasted, by what ran during it',
      labelNames: ['during'],
      buckets: [0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10],
      registers,
    }),
  };
}

/** The age of the longest-waiting due and unsent message: what a queue depth alone does not say (a lot of work, or stuck work). */
function oldestDueGauge(registers: Registry[]): Gauge {
  return new Gauge({
    name: 'oldest_due_message_age_seconds',
    help: 'Seconds since the longest-waiting message that is due and not yet sent fell due (0: none), read from the store',
    registers,
  });
}
