/**
 * The environment, parsed once. Only main.ts calls loadConfig(process.env); everything else
 * receives the frozen Config (or the part it needs) as an argument.
 */
import { type Channel } from '../domain/channels.js';
import path from 'node:path';
import { z } from 'zod';
import { type RedisTopology, redisTopologyOf } from './redis-topology.js';

const int = (def: number) => z.coerce.number().int().nonnegative().default(def);
const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/** A duration: `600000`, `600000ms`, `600s`, `10m`, `1h`, `366d`. */
const duration = (def: string) =>
  z
    .string()
    .default(def)
    .transform((v, ctx) => {
      const m = /^\s*(\d+)\s*(ms|s|m|h|d)?\s*$/.exec(v);
      if (!m) {
        ctx.addIssue({ code: 'custom', message: 'must be a duration such as 600000, 600s, 10m, 1h or 366d' });
        return z.NEVER;
      }
      return Number(m[1]) * UNIT_MS[m[2] ?? 'ms']!;
    });
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const Env = z.object({
  PORT: int(3000),
  HOST: z.string().default('127.0.0.1'),
  // A second listener for /healthz, /readyz and /metrics only, in every role (worker and scheduler included).
  OPS_PORT: optionalString.pipe(z.coerce.number<string | undefined>().int().min(0).max(65535).optional()),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z.string().min(1).default('rd'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: optionalString,
  DATABASE_SCHEMA: optionalString,
  // SQLite: how long a write waits for another process's lock before the store counts as unavailable.
  SQLITE_BUSY_TIMEOUT_MS: int(10_000),
  API_KEYS: optionalString,
  POLICY_PROFILE: z.string().default('US-REGF'),
  POLICY_FILE: optionalString,
  TWILIO_ACCOUNT_SID: optionalString,
  TWILIO_AUTH_TOKEN: optionalString,
  TWILIO_FROM: optionalString,
  TWILIO_API_BASE_URL: z.string().url().default('https://api.twilio.com'),
  // Who sends: a creditor collecting its own debts, or an agency collecting for others.
  SENDER_KIND: z.enum(['creditor', 'agency']).default('creditor'),
  // An agency whose SMS provider allows third-party collection texts to +1 numbers says so here.
  AGENCY_SMS_TO_NANP: z.enum(['true', 'false']).default('false'),
  // SMS through a Messaging Service (a pool of senders) instead of TWILIO_FROM; calls still use TWILIO_FROM.
  TWILIO_MESSAGING_SERVICE_SID: optionalString.pipe(
    z
      .string()
      .regex(/^MG[0-9a-f]{32}$/, 'must be a Messaging Service SID: MG followed by 32 hex digits')
      .optional(),
  ),
  // Provider failover (docs/reach.md): a second Twilio route (another account or subaccount, or a
  // number or Messaging Service of the same account) and a second SMTP relay, used while the
  // primary's circuit is open.
  TWILIO_SECONDARY_ACCOUNT_SID: optionalString,
  TWILIO_SECONDARY_AUTH_TOKEN: optionalString,
  TWILIO_SECONDARY_FROM: optionalString.pipe(
    z
      .string()
      .regex(/^\+[1-9][0-9]{6,14}$/, 'must be an E.164 number such as +14155550100')
      .optional(),
  ),
  TWILIO_SECONDARY_MESSAGING_SERVICE_SID: optionalString.pipe(
    z
      .string()
      .regex(/^MG[0-9a-f]{32}$/, 'must be a Messaging Service SID: MG followed by 32 hex digits')
      .optional(),
  ),
  TWILIO_SECONDARY_API_BASE_URL: optionalString.pipe(z.string().url().optional()),
  SMTP_URL: optionalString,
  SMTP_SECONDARY_URL: optionalString.pipe(z.string().url().optional()),
  EMAIL_FROM: optionalString,
  PUBLIC_BASE_URL: optionalString,
  SIGNING_SECRET: optionalString,
  // After a rotation of SIGNING_SECRET: the secret before it, so unsubscribe links already sent keep working.
  SIGNING_SECRET_PREVIOUS: optionalString,
  // How long after its message an unsubscribe link of the scheme before keys per purpose is still honoured.
  UNSUBSCRIBE_LEGACY_DAYS: int(90),
  TEMPLATES_DIR: z.string().default('./templates'),
  SMS_MAX_SEGMENTS: int(3),
  RATE_LIMIT_PER_MINUTE: int(1200),
  PUBLIC_RATE_LIMIT_PER_MINUTE: int(600),
  WEBHOOK_RATE_LIMIT_PER_MINUTE: int(6000),
  DRAFT_LINT_BUDGET_MS: int(2000),
  REPLY_INTERPRET_BUDGET_MS: int(1000),
  // The delinquency file (POST /v1/accounts/overdue/import, npm run import): the longest line, the largest file once decompressed.
  IMPORT_MAX_LINE_CHARS: int(64 * 1024),
  IMPORT_MAX_BYTES: int(1024 * 1024 * 1024),
  // Heavy reads (export, verify, searches, stats, reports): how many run at once per key and per tenant, and their threads (SQLite).
  HEAVY_READS_PER_KEY: int(2),
  HEAVY_READS_PER_TENANT: int(2),
  HEAVY_READ_THREADS: int(3),
  EVENTS_WEBHOOK_URL: optionalString,
  // The operator receives every tenant's events at EVENTS_WEBHOOK_URL, not only the default tenant's.
  EVENTS_ALL_TENANTS: z.enum(['true', 'false']).default('false'),
  STRATEGY_FILE: optionalString,
  // Champion/challenger experiments (JSON); see docs/outcomes.md.
  EXPERIMENTS_FILE: optionalString,
  // Payments and promises are attributed to the messages that reached the borrower this long before.
  ATTRIBUTION_WINDOW_DAYS: int(7),
  // Holds (docs/compliance.md): how long a claim to have paid and a hardship hold last unless ended sooner.
  PAID_CLAIM_HOLD_DAYS: z.coerce.number().int().positive().default(10),
  HARDSHIP_HOLD_DAYS: z.coerce.number().int().positive().default(30),
  // Promises (docs/outcomes.md): days after a due date a payment still keeps it; misses that break a plan; how far ahead a promise may be.
  PROMISE_GRACE_DAYS: z.coerce.number().int().min(0).max(30).default(2),
  PLAN_MISSED_LIMIT: z.coerce.number().int().min(1).max(60).default(1),
  PROMISE_MAX_AHEAD_DAYS: z.coerce.number().int().min(1).max(3660).default(90),
  // Channel fallback on silence (docs/reach.md): an SMS with no delivery report this long after it went, where the profile says so.
  FALLBACK_AFTER: duration('4h'),
  STRATEGY_DAY_MS: int(86_400_000),
  // Twilio's defaults: a long code sends about 1 SMS a second, an account places 1 call a second.
  SMS_PER_SECOND: int(10),
  // How often each process reads the tenant records again (a change takes effect within it).
  TENANT_REFRESH_MS: int(5_000),
  VOICE_PER_SECOND: int(1),
  EMAIL_PER_SECOND: int(50),
  BREAKER_FAILURES: int(5),
  BREAKER_OPEN_MS: int(15_000),
  DKIM_DOMAIN: optionalString,
  DKIM_SELECTOR: optionalString,
  DKIM_PRIVATE_KEY_FILE: optionalString,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WORKER_CHANNELS: z.string().default('sms,voice,email'),
  WORKER_CONCURRENCY: int(20),
  RETRY_ATTEMPTS: int(10),
  RETRY_BACKOFF_MS: int(5_000),
  RECONCILE_EVERY_MS: int(15_000),
  RECONCILE_AFTER_MS: int(10_000),
  SCHEDULE_HORIZON: duration('10m'),
  GROUP_COMMIT_MS: int(2),
  LOOP_STALL_MS: int(50),
  FEED_EVERY_MS: int(2_000),
  SEND_AT_MAX_AHEAD: duration('366d'),
  SHUTDOWN_GRACE_MS: int(10_000),
  // Tests of crash recovery only: `feeder-after-enqueue` kills the process between adding a batch's
  // jobs and marking its rows; `worker-after-sending-commit` kills it after the first group commit of
  // `sending` rows, before any provider call; `group-commit-fails-once` makes that commit fail.
  FAULT_INJECTION: z
    .enum(['feeder-after-enqueue', 'worker-after-sending-commit', 'group-commit-fails-once'])
    .optional(),
  PROVIDER_TIMEOUT_MS: int(15_000),
  // A job whose worker died is retried this long after its lock was last renewed.
  JOB_LOCK_MS: int(30_000),
  // A `sending` row older than this is taken over as interrupted (default: max(30 s, 2 × provider timeout)).
  SENDING_LEASE_MS: z.coerce.number().int().positive().optional(),
  REDIS_AUTOSTART: z.enum(['true', 'false']).default('true'),
  // Redis Cluster and Sentinel (docs/operations.md#redis-cluster-and-sentinel).
  REDIS_CLUSTER: z.enum(['true', 'false']).default('false'),
  REDIS_CLUSTER_NODES: optionalString,
  REDIS_SENTINELS: optionalString,
  REDIS_SENTINEL_NAME: z.string().min(1).default('mymaster'),
  REDIS_SENTINEL_PASSWORD: optionalString,
  // Replicas a caps reservation waits for (WAIT) before the send; default 1 on a cluster or Sentinel, 0 on one server.
  REDIS_LEDGER_REPLICAS: z.coerce.number().int().min(0).max(10).optional(),
  REDIS_LEDGER_WAIT_MS: z.coerce.number().int().min(1).max(10_000).default(100),
  // Borrowers' email replies (docs/replies.md): the domain of the per-message Reply-To addresses.
  INBOUND_MAIL_DOMAIN: optionalString.pipe(
    z
      .string()
      .regex(
        /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/,
        'must be a domain name',
      )
      .optional(),
  ),
  // The service's own SMTP receiver (scheduler role); unset: off.
  INBOUND_SMTP_PORT: optionalString.pipe(z.coerce.number<string | undefined>().int().min(0).max(65535).optional()),
  INBOUND_SMTP_HOST: optionalString,
  INBOUND_MAIL_MAX_BYTES: int(10 * 1024 * 1024),
  // STARTTLS on the receiver: both files, or neither (off).
  INBOUND_SMTP_TLS_KEY_FILE: optionalString,
  INBOUND_SMTP_TLS_CERT_FILE: optionalString,
  // POST /webhooks/inbound-mail: the HMAC secret relays sign raw MIME with; unset: 404.
  INBOUND_MAIL_SECRET: optionalString,
  // Bounces (docs/reach.md): the domain of the per-message envelope senders (VERP); default INBOUND_MAIL_DOMAIN.
  BOUNCE_DOMAIN: optionalString.pipe(
    z
      .string()
      .regex(
        /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/,
        'must be a domain name',
      )
      .optional(),
  ),
  // Soft bounces (4.x.x) of an address in a row that suppress it.
  SOFT_BOUNCE_LIMIT: z.coerce.number().int().min(1).max(100).default(3),
});

export const ROLES = ['all', 'api', 'worker', 'scheduler'] as const;
export type Role = (typeof ROLES)[number];

export interface Config {
  role: Role;
  port: number;
  host: string;
  /** The operations listener (/healthz, /readyz, /metrics) on HOST, in every role; undefined: none. */
  opsPort: number | undefined;
  redisUrl: string;
  /** One server, a cluster or Sentinel (redis-topology.ts); `redisUrl` is the one server's address. */
  redis: RedisTopology;
  /** The caps ledger: how many replicas hold a reservation (WAIT) before the send goes out, and how long to wait. */
  ledgerWait: { replicas: number; timeoutMs: number };
  redisAutostart: boolean;
  queuePrefix: string;
  dataDir: string;
  databaseUrl: string;
  /** PostgreSQL only: a schema of the service's own (created if missing). */
  databaseSchema: string | undefined;
  /** SQLite: how long a write waits for another process's lock (then: unavailable, docs/operations.md). */
  sqliteBusyTimeoutMs: number;
  apiKeys: string | undefined;
  policyProfile: string;
  policyFile: string | undefined;
  /** Who sends; an agency's SMS to +1 numbers are suppressed unless `agencySmsToNanp`. */
  sender: { kind: 'creditor' | 'agency'; agencySmsToNanp: boolean };
  /** `messagingServiceSid`: SMS go through that Messaging Service (`MessagingServiceSid`, no `From`). */
  twilio:
    | { accountSid: string; authToken: string; from: string; apiBaseUrl: string; messagingServiceSid?: string }
    | undefined;
  /**
   * The secondary Twilio route SMS take while the primary's circuit is open: its account (the
   * primary's when only a sender is given) and its sender.
   */
  twilioSecondary:
    | {
        accountSid: string;
        authToken: string;
        apiBaseUrl: string;
        sender: { from: string } | { messagingServiceSid: string };
      }
    | undefined;
  smtp: { url: string; from: string } | undefined;
  /** The secondary SMTP relay email takes while the primary's circuit is open (From as on the primary). */
  smtpSecondary: { url: string } | undefined;
  publicBaseUrl: string;
  signingSecret: string | undefined;
  /** The secret before the last rotation: unsubscribe tokens signed under it still verify. */
  signingSecretPrevious: string | undefined;
  /** Days after its message's creation that a token of the scheme before keys per purpose is honoured (0: never). */
  unsubscribeLegacyDays: number;
  templatesDir: string;
  /** The linter refuses an SMS template that renders to more segments than this. */
  smsMaxSegments: number;
  /** Requests per minute per API key (per address without one). */
  rateLimitPerMinute: number;
  /** Requests per minute per client address on the routes without a key: webhooks, /u/, /metrics. */
  publicRateLimitPerMinute: number;
  /** The same for /webhooks/* (provider callbacks come from few addresses, in bursts). */
  webhookRateLimitPerMinute: number;
  /** How long linting one draft template (POST /v1/templates/lint) may take in its worker thread. */
  draftLintBudgetMs: number;
  /** How long reading one reply may take in the interpreter's worker thread (past it: a person reads it). */
  replyInterpretBudgetMs: number;
  /** An imported file's longest line (characters; longer is a line error) and its largest size once decompressed (bytes). */
  accountImport: { maxLineChars: number; maxBytes: number };
  /**
   * Heavy reads (export, verify, searches, stats, outcome reports): how many may run at once with
   * one key and within one tenant (past either: 429), and how many worker threads run them on SQLite.
   */
  heavyReads: { perKey: number; perTenant: number; threads: number };
  /**
   * Borrowers' email replies (docs/replies.md): `domain` turns on the per-message Reply-To;
   * `smtpPort` the receiver (scheduler role), `secret` POST /webhooks/inbound-mail.
   */
  inboundMail: {
    domain: string | undefined;
    smtpPort: number | undefined;
    smtpHost: string;
    maxBytes: number;
    tls: { keyFile: string; certFile: string } | undefined;
    secret: string | undefined;
  };
  /**
   * Bounces (docs/reach.md): `domain` of the envelope senders, `bounces+<token>@domain` (BOUNCE_DOMAIN,
   * else INBOUND_MAIL_DOMAIN; undefined: no VERP, the From is the envelope sender); `softLimit` soft
   * bounces in a row suppress an address.
   */
  bounces: { domain: string | undefined; softLimit: number };
  /** Where outbound events (message.sent, borrower.opted_out…) are POSTed; none: not sent. */
  eventsWebhookUrl: string | undefined;
  /** Every tenant's events go to eventsWebhookUrl too (the operator's own), not only the default tenant's. */
  eventsAllTenants: boolean;
  strategyFile: string | undefined;
  experimentsFile: string | undefined;
  /** Days before a payment or promise in which a message that reached the borrower counts as a touch. */
  attributionWindowDays: number;
  /** Days a hold lasts unless ended sooner: a claim to have paid, hardship (a dispute lasts until closed). */
  holdDays: { paidClaim: number; hardship: number };
  promises: { graceDays: number; planMissedLimit: number; maxAheadDays: number };
  /** An SMS with no delivery report this long after it went falls back, where the profile says so (docs/reach.md). */
  fallbackAfterMs: number;
  /** The length of a cadence day (a calendar day; tests shorten it). */
  strategyDayMs: number;
  /** How often the tenant records are read again. */
  tenantRefreshMs: number;
  /** Per-channel send rate (each tenant's own window, jobs/fair-share/), matching the provider account's allowance. */
  sendRate: { sms: number; voice: number; email: number };
  /** Circuit breaker per provider: consecutive transient failures that open it, and for how long. */
  breaker: { failures: number; openMs: number };
  dkim: { domainName: string; keySelector: string; privateKeyFile: string } | undefined;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  workerChannels: Channel[];
  workerConcurrency: number;
  retry: { attempts: number; backoffMs: number };
  reconcile: { everyMs: number; afterMs: number };
  /**
   * Only messages due within `horizonMs` are jobs in BullMQ; later ones wait in the store as
   * `scheduled` and the feeder moves them in every `feedEveryMs` (0: only when called). A
   * `sendAt` more than `maxAheadMs` ahead is refused.
   */
  schedule: { horizonMs: number; feedEveryMs: number; maxAheadMs: number };
  faultInjection: 'feeder-after-enqueue' | 'worker-after-sending-commit' | 'group-commit-fails-once' | undefined;
  /** BullMQ's lock on a running job (and its stalled check): a dead worker's job runs again after it. */
  jobLockMs: number;
  /** A `sending` row this old is an interrupted attempt, taken over and flagged; always > providerTimeoutMs. */
  sendingLeaseMs: number;
  /** The workers' transitions are gathered this long and committed together (0: one transaction each). */
  groupCommitMs: number;
  /** The event loop late by more than this is a stall, counted by what ran then (0: not watched). */
  loopStallMs: number;
  shutdownGraceMs: number;
  providerTimeoutMs: number;
}

/** The horizon must outlast a feed period, or a message could enter and pass it between two runs. */
function scheduleOf(e: {
  SCHEDULE_HORIZON: number;
  FEED_EVERY_MS: number;
  SEND_AT_MAX_AHEAD: number;
}): Config['schedule'] {
  return {
    horizonMs: Math.max(e.SCHEDULE_HORIZON, 2 * e.FEED_EVERY_MS, 1_000),
    feedEveryMs: e.FEED_EVERY_MS === 0 ? 0 : Math.max(100, e.FEED_EVERY_MS),
    maxAheadMs: e.SEND_AT_MAX_AHEAD,
  };
}

/** Twilio: the account SID, auth token and a From number go together; a Messaging Service needs them. */
function twilioOf(e: z.infer<typeof Env>): Config['twilio'] {
  const set = [e.TWILIO_ACCOUNT_SID, e.TWILIO_AUTH_TOKEN, e.TWILIO_FROM].filter(Boolean).length;
  if (set > 0 && set < 3)
    throw new ConfigError('TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM go together: set all three or none');
  if (set === 0) {
    if (e.TWILIO_MESSAGING_SERVICE_SID)
      throw new ConfigError(
        'TWILIO_MESSAGING_SERVICE_SID: needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM (calls still use the From number)',
      );
    return undefined;
  }
  return {
    accountSid: e.TWILIO_ACCOUNT_SID!,
    authToken: e.TWILIO_AUTH_TOKEN!,
    from: e.TWILIO_FROM!,
    apiBaseUrl: e.TWILIO_API_BASE_URL,
    ...(e.TWILIO_MESSAGING_SERVICE_SID ? { messagingServiceSid: e.TWILIO_MESSAGING_SERVICE_SID } : {}),
  };
}

/** The secondary Twilio route: a sender, on another account (SID and token together) or the primary's. */
function twilioSecondaryOf(e: z.infer<typeof Env>, primary: Config['twilio']): Config['twilioSecondary'] {
  const sid = e.TWILIO_SECONDARY_ACCOUNT_SID;
  const token = e.TWILIO_SECONDARY_AUTH_TOKEN;
  const from = e.TWILIO_SECONDARY_FROM;
  const service = e.TWILIO_SECONDARY_MESSAGING_SERVICE_SID;
  if (!sid && !token && !from && !service && !e.TWILIO_SECONDARY_API_BASE_URL) return undefined;
  if (!primary)
    throw new ConfigError(
      'TWILIO_SECONDARY_*: a secondary Twilio route needs the primary (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM)',
    );
  if (Boolean(sid) !== Boolean(token))
    throw new ConfigError(
      'TWILIO_SECONDARY_ACCOUNT_SID and TWILIO_SECONDARY_AUTH_TOKEN go together: set both (another account) or neither (the primary account)',
    );
  if (Boolean(from) === Boolean(service))
    throw new ConfigError(
      'TWILIO_SECONDARY_FROM or TWILIO_SECONDARY_MESSAGING_SERVICE_SID: give exactly one (who sends on the secondary route)',
    );
  if (!sid && (service ?? from) === (primary.messagingServiceSid ?? primary.from))
    throw new ConfigError(
      'TWILIO_SECONDARY_*: the secondary route is the primary one (same account and sender); give another account or sender',
    );
  return {
    accountSid: sid ?? primary.accountSid,
    authToken: token ?? primary.authToken,
    apiBaseUrl: e.TWILIO_SECONDARY_API_BASE_URL ?? primary.apiBaseUrl,
    sender: service ? { messagingServiceSid: service } : { from: from! },
  };
}

/** A send still waiting for its provider must never look abandoned, so the lease outlasts the timeout. */
function sendingLeaseOf(e: {
  SENDING_LEASE_MS?: number | undefined;
  PROVIDER_TIMEOUT_MS: number;
  JOB_LOCK_MS: number;
}): number {
  const lease = e.SENDING_LEASE_MS ?? Math.max(30_000, 2 * e.PROVIDER_TIMEOUT_MS);
  if (lease <= e.PROVIDER_TIMEOUT_MS)
    throw new ConfigError('SENDING_LEASE_MS: must be longer than PROVIDER_TIMEOUT_MS');
  if (e.JOB_LOCK_MS < 1_000) throw new ConfigError('JOB_LOCK_MS: at least 1000');
  return lease;
}

function inboundMailOf(e: z.infer<typeof Env>): Config['inboundMail'] {
  if ((e.INBOUND_SMTP_TLS_KEY_FILE === undefined) !== (e.INBOUND_SMTP_TLS_CERT_FILE === undefined))
    throw new ConfigError('INBOUND_SMTP_TLS_KEY_FILE and INBOUND_SMTP_TLS_CERT_FILE go together: set both or neither');
  if ((e.INBOUND_SMTP_PORT !== undefined || e.INBOUND_MAIL_SECRET) && !e.INBOUND_MAIL_DOMAIN)
    throw new ConfigError('INBOUND_SMTP_PORT and INBOUND_MAIL_SECRET need INBOUND_MAIL_DOMAIN (the reply addresses)');
  return {
    domain: e.INBOUND_MAIL_DOMAIN?.toLowerCase(),
    smtpPort: e.INBOUND_SMTP_PORT,
    smtpHost: e.INBOUND_SMTP_HOST ?? e.HOST,
    maxBytes: Math.max(1024, e.INBOUND_MAIL_MAX_BYTES),
    tls:
      e.INBOUND_SMTP_TLS_KEY_FILE && e.INBOUND_SMTP_TLS_CERT_FILE
        ? { keyFile: e.INBOUND_SMTP_TLS_KEY_FILE, certFile: e.INBOUND_SMTP_TLS_CERT_FILE }
        : undefined,
    secret: e.INBOUND_MAIL_SECRET,
  };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv, argv: string[] = []): Readonly<Config> {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const roleArg = argv[0] ?? 'all';
  if (!(ROLES as readonly string[]).includes(roleArg)) {
    throw new ConfigError(`unknown role "${roleArg}": use one of ${ROLES.join(', ')}`);
  }
  const dataDir = path.resolve(e.DATA_DIR);

  if ((e.SMTP_URL === undefined) !== (e.EMAIL_FROM === undefined)) {
    throw new ConfigError('SMTP_URL and EMAIL_FROM go together: set both or neither');
  }
  if (e.SMTP_SECONDARY_URL !== undefined && e.SMTP_URL === undefined)
    throw new ConfigError('SMTP_SECONDARY_URL: a secondary relay needs the primary (SMTP_URL and EMAIL_FROM)');
  if (e.SMTP_SECONDARY_URL !== undefined && e.SMTP_SECONDARY_URL === e.SMTP_URL)
    throw new ConfigError('SMTP_SECONDARY_URL: the secondary relay is the primary one (SMTP_URL); give another relay');
  const twilio = twilioOf(e);
  const channels = e.WORKER_CHANNELS.split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  for (const c of channels) {
    if (c !== 'sms' && c !== 'voice' && c !== 'email') {
      throw new ConfigError(`WORKER_CHANNELS: unknown channel "${c}" (use sms, voice, email)`);
    }
  }
  if (e.RETRY_ATTEMPTS < 1) throw new ConfigError('RETRY_ATTEMPTS: at least 1');
  let redis: RedisTopology;
  try {
    redis = redisTopologyOf(e);
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }

  return Object.freeze({
    role: roleArg as Role,
    port: e.PORT,
    host: e.HOST,
    opsPort: e.OPS_PORT,
    redisUrl: e.REDIS_URL,
    redis,
    ledgerWait: {
      replicas: e.REDIS_LEDGER_REPLICAS ?? (redis.kind === 'single' ? 0 : 1),
      timeoutMs: e.REDIS_LEDGER_WAIT_MS,
    },
    redisAutostart: e.REDIS_AUTOSTART === 'true',
    queuePrefix: e.QUEUE_PREFIX,
    dataDir,
    databaseUrl: e.DATABASE_URL ?? `sqlite:${path.join(dataDir, 'reminders.db')}`,
    databaseSchema: e.DATABASE_SCHEMA,
    sqliteBusyTimeoutMs: e.SQLITE_BUSY_TIMEOUT_MS,
    apiKeys: e.API_KEYS,
    policyProfile: e.POLICY_PROFILE,
    policyFile: e.POLICY_FILE,
    twilio,
    twilioSecondary: twilioSecondaryOf(e, twilio),
    sender: { kind: e.SENDER_KIND, agencySmsToNanp: e.AGENCY_SMS_TO_NANP === 'true' },
    tenantRefreshMs: e.TENANT_REFRESH_MS,
    experimentsFile: e.EXPERIMENTS_FILE,
    attributionWindowDays: e.ATTRIBUTION_WINDOW_DAYS,
    holdDays: { paidClaim: e.PAID_CLAIM_HOLD_DAYS, hardship: e.HARDSHIP_HOLD_DAYS },
    promises: {
      graceDays: e.PROMISE_GRACE_DAYS,
      planMissedLimit: e.PLAN_MISSED_LIMIT,
      maxAheadDays: e.PROMISE_MAX_AHEAD_DAYS,
    },
    fallbackAfterMs: e.FALLBACK_AFTER,
    smtp: e.SMTP_URL && e.EMAIL_FROM ? { url: e.SMTP_URL, from: e.EMAIL_FROM } : undefined,
    smtpSecondary: e.SMTP_SECONDARY_URL ? { url: e.SMTP_SECONDARY_URL } : undefined,
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/+$/, ''),
    signingSecret: e.SIGNING_SECRET,
    signingSecretPrevious: e.SIGNING_SECRET_PREVIOUS,
    unsubscribeLegacyDays: e.UNSUBSCRIBE_LEGACY_DAYS,
    templatesDir: path.resolve(e.TEMPLATES_DIR),
    smsMaxSegments: Math.max(1, e.SMS_MAX_SEGMENTS),
    rateLimitPerMinute: Math.max(1, e.RATE_LIMIT_PER_MINUTE),
    publicRateLimitPerMinute: Math.max(1, e.PUBLIC_RATE_LIMIT_PER_MINUTE),
    webhookRateLimitPerMinute: Math.max(1, e.WEBHOOK_RATE_LIMIT_PER_MINUTE),
    draftLintBudgetMs: Math.max(50, e.DRAFT_LINT_BUDGET_MS),
    replyInterpretBudgetMs: Math.max(50, e.REPLY_INTERPRET_BUDGET_MS),
    accountImport: {
      maxLineChars: Math.max(256, e.IMPORT_MAX_LINE_CHARS),
      maxBytes: Math.max(1024, e.IMPORT_MAX_BYTES),
    },
    heavyReads: heavyReadLimits(e.HEAVY_READS_PER_KEY, e.HEAVY_READS_PER_TENANT, e.HEAVY_READ_THREADS),
    eventsWebhookUrl: e.EVENTS_WEBHOOK_URL,
    eventsAllTenants: e.EVENTS_ALL_TENANTS === 'true',
    strategyFile: e.STRATEGY_FILE,
    strategyDayMs: Math.max(1, e.STRATEGY_DAY_MS),
    sendRate: {
      sms: Math.max(1, e.SMS_PER_SECOND),
      voice: Math.max(1, e.VOICE_PER_SECOND),
      email: Math.max(1, e.EMAIL_PER_SECOND),
    },
    breaker: { failures: Math.max(1, e.BREAKER_FAILURES), openMs: Math.max(100, e.BREAKER_OPEN_MS) },
    dkim:
      e.DKIM_DOMAIN && e.DKIM_SELECTOR && e.DKIM_PRIVATE_KEY_FILE
        ? { domainName: e.DKIM_DOMAIN, keySelector: e.DKIM_SELECTOR, privateKeyFile: e.DKIM_PRIVATE_KEY_FILE }
        : undefined,
    logLevel: e.LOG_LEVEL,
    workerChannels: channels as Channel[],
    workerConcurrency: Math.max(1, e.WORKER_CONCURRENCY),
    retry: { attempts: e.RETRY_ATTEMPTS, backoffMs: e.RETRY_BACKOFF_MS },
    // 0 turns the periodic reconciler off (tests run it by hand); otherwise at least every 100 ms.
    reconcile: {
      everyMs: e.RECONCILE_EVERY_MS === 0 ? 0 : Math.max(100, e.RECONCILE_EVERY_MS),
      afterMs: e.RECONCILE_AFTER_MS,
    },
    schedule: scheduleOf(e),
    faultInjection: e.FAULT_INJECTION,
    groupCommitMs: e.GROUP_COMMIT_MS,
    loopStallMs: e.LOOP_STALL_MS,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    providerTimeoutMs: e.PROVIDER_TIMEOUT_MS,
    jobLockMs: e.JOB_LOCK_MS,
    sendingLeaseMs: sendingLeaseOf(e),
    inboundMail: inboundMailOf(e),
    bounces: { domain: (e.BOUNCE_DOMAIN ?? e.INBOUND_MAIL_DOMAIN)?.toLowerCase(), softLimit: e.SOFT_BOUNCE_LIMIT },
  });
}

/**
 * Heavy-read limits. One tenant may hold at most all threads but one (when there are two or more):
 * its long verifies never leave another tenant's search or report waiting behind them.
 */
export function heavyReadLimits(perKey: number, perTenant: number, threads: number): Config['heavyReads'] {
  const t = Math.max(1, threads);
  const tenant = Math.min(Math.max(1, perTenant), t > 1 ? t - 1 : 1);
  return { perKey: Math.min(Math.max(1, perKey), tenant), perTenant: tenant, threads: t };
}
