/**
 * Starts the real service for a test file: real Redis (the run's private server, a random queue
 * prefix), a fresh SQLite file or PostgreSQL schema, the fake Twilio and a real SMTP server.
 */
import { checkAnswersOf } from './contract.js';
import type { Kysely } from 'kysely';
import { type Dialect, openDb } from '../../src/store/db.js';
import type { Database } from '../../src/store/schema.js';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { inject } from 'vitest';
import { type ApiKeyRecord, generateToken, hashToken, keyIdOf, type ApiRole } from '../../src/http/api/auth.js';
import { loadConfig } from '../../src/config/config.js';
import { makeLogger } from '../../src/observability/logger.js';
import { loadPolicyProfile } from '../../src/compose/startup/policy-profile.js';
import { loadStrategy } from '../../src/compose/startup/strategy-file.js';
import { startService, type Service, type ServiceOptions } from '../../src/service.js';
import './provided.js';
import { waitFor } from './wait.js';

export const OPEN_PROFILE = path.resolve('test/support/open-profile.json');

export interface DbVariant {
  name: 'sqlite' | 'postgres';
  /** A DATABASE_URL and schema for one test file. */
  make(dir: string): { url: string; schema?: string };
}

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). */
export function dbVariants(): DbVariant[] {
  const variants: DbVariant[] = [{ name: 'sqlite', make: (dir) => ({ url: `sqlite:${path.join(dir, 'audit.db')}` }) }];
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl)
    variants.push({ name: 'postgres', make: () => ({ url: pgUrl, schema: `t_${randomBytes(6).toString('hex')}` }) });
  return variants;
}

export const sqliteOnly: DbVariant = dbVariants()[0]!;

export interface TestKeys {
  tokens: Record<ApiRole, string>;
  records: ApiKeyRecord[];
}

export function makeTestKeys(): TestKeys {
  const roles: ApiRole[] = ['collector', 'agent', 'compliance', 'admin'];
  const tokens = Object.fromEntries(roles.map((r) => [r, generateToken(r)])) as Record<ApiRole, string>;
  const records = roles.map((role) => {
    const hash = hashToken(tokens[role]);
    return { id: keyIdOf(hash), role, hash };
  });
  return { tokens, records };
}

/**
 * The service, with `store.db` a connection of the test's own to the same database (and
 * `store.dialect` its dialect): tests look at and tamper with rows directly, and the store itself
 * hands out no connection.
 */
export type InspectableService = Service & { store: Service['store'] & { db: Kysely<Database>; dialect: Dialect } };

export interface Harness {
  service: InspectableService;
  /** Where this service's log lines go. */
  logFile: string;
  url: string;
  keys: TestKeys;
  dir: string;
  db: { url: string; schema?: string };
  prefix: string;
  env: Record<string, string>;
  /** fetch against the service with a role's key. */
  api(
    method: string,
    route: string,
    options?: { role?: ApiRole | null; body?: unknown; raw?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; body: any; headers: Headers }>;
  /** Stops the service (data stays: a later harness may reuse it). */
  close(): Promise<void>;
  /** Stops the service and removes its data (files, PostgreSQL schema). */
  destroy(): Promise<void>;
}

export interface HarnessOptions {
  db: DbVariant;
  env?: Record<string, string>;
  /** Reuse the same database, prefix and data dir as an earlier harness (a restart). */
  reuse?: Pick<Harness, 'dir' | 'db' | 'prefix' | 'keys'>;
  role?: 'all' | 'api' | 'worker' | 'scheduler';
  service?: Partial<Pick<ServiceOptions, 'intakeHooks' | 'gate' | 'clock' | 'signingSecret'>>;
  logLevel?: string;
}

/** Log lines of a test file go to a file in the run's log folder (scanned for personal data). */
function testLogger(name: string, level: string) {
  const dir = inject('logDir');
  const file = path.join(dir, `${name}-${process.pid}-${randomBytes(3).toString('hex')}.log`);
  return { file, log: makeLogger({ level, destination: pino.destination({ dest: file, sync: true }) }) };
}

/** What a run of the service is made of: its data dir, database, queue prefix, keys and environment. */
export interface RunData {
  dir: string;
  db: { url: string; schema?: string };
  prefix: string;
  keys: TestKeys;
  env: Record<string, string>;
}

/**
 * The data and environment a harness starts the service with, without starting it: for tests
 * that run the service in a child process (`tsx src/main.ts`) on the same run's Redis.
 */
export function prepareRun(options: Pick<HarnessOptions, 'db' | 'env' | 'reuse'>): RunData {
  const dir = options.reuse?.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'rd-test-'));
  const db = options.reuse?.db ?? options.db.make(dir);
  const prefix = options.reuse?.prefix ?? `t${randomBytes(5).toString('hex')}`;
  const keys = options.reuse?.keys ?? makeTestKeys();
  const env: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    REDIS_URL: inject('redisUrl'),
    QUEUE_PREFIX: prefix,
    DATA_DIR: dir,
    DATABASE_URL: db.url,
    ...(db.schema ? { DATABASE_SCHEMA: db.schema } : {}),
    RETRY_BACKOFF_MS: '20',
    RETRY_ATTEMPTS: '5',
    RECONCILE_EVERY_MS: '60000',
    // Long enough that the reconciler never races a request in flight (no-loss tests set 0).
    RECONCILE_AFTER_MS: '5000',
    SHUTDOWN_GRACE_MS: '5000',
    SMS_PER_SECOND: '10000',
    VOICE_PER_SECOND: '10000',
    EMAIL_PER_SECOND: '10000',
    PROVIDER_TIMEOUT_MS: '5000',
    // Tests about the pipeline must not depend on the hour they run at: contact windows open all
    // day and no caps, unless a test chooses a profile (POLICY_PROFILE / POLICY_FILE).
    ...(options.env?.POLICY_PROFILE ? {} : { POLICY_FILE: OPEN_PROFILE }),
    // One secret for every process of the run, in-process or child: the store's suppression-address
    // key is wrapped under it, and a process given another refuses to start.
    SIGNING_SECRET: `test-secret-${prefix}`,
    ...options.env,
  };
  return { dir, db, prefix, keys, env };
}

/** API_KEYS for a child process: the same keys the harness gives the service it starts. */
export function apiKeysEnv(keys: TestKeys): string {
  return (Object.entries(keys.tokens) as [ApiRole, string][]).map(([role, token]) => `${role}:${token}`).join(',');
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const { dir, db, prefix, keys, env } = prepareRun(options);
  const config = loadConfig(env, [options.role ?? 'all']);
  const logger = testLogger(path.basename(dir), options.logLevel ?? process.env.TEST_LOG_LEVEL ?? 'info');
  const service = await startService(config, {
    log: logger.log,
    profile: loadPolicyProfile(config),
    signingSecret: env.SIGNING_SECRET ?? `test-secret-${prefix}`,
    strategy: loadStrategy(config.strategyFile),
    apiKeys: keys.records,
    ...options.service,
  });
  const url = service.url ?? '';
  const inspect = await openDb(db.url, db.schema ? { schema: db.schema } : {});
  const inspectable = Object.assign(service, {
    store: Object.assign(service.store, { db: inspect.db, dialect: inspect.dialect }),
  }) as InspectableService;
  const closeAll = async () => {
    await service.close();
    await inspect.db.destroy();
  };
  return {
    service: inspectable,
    url,
    logFile: logger.file,
    keys,
    dir,
    db,
    prefix,
    env,
    api: makeApi(url, keys),
    close: closeAll,
    async destroy() {
      await closeAll();
      await dropData({ dir, db });
    },
  };
}

/** fetch against a service at `url` with a role's key (null: none), JSON in and out. */
export function makeApi(url: string, keys: TestKeys): Harness['api'] {
  // Its answers are held to the OpenAPI document by the suite's fetch (contract.ts).
  checkAnswersOf(url);
  return async (method, route, o = {}) => {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    const role = o.role === undefined ? 'collector' : o.role;
    if (role) headers.authorization = `Bearer ${keys.tokens[role]}`;
    let body: string | undefined;
    if (o.raw !== undefined) body = o.raw;
    else if (o.body !== undefined) body = JSON.stringify(o.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(`${url}${route}`, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed, headers: res.headers };
  };
}

export async function dropData(h: Pick<Harness, 'dir' | 'db'>): Promise<void> {
  // Dropped when the run ends (global-setup.ts): a drop now races other files' introspection.
  if (h.db.schema) fs.appendFileSync(inject('schemasToDrop'), `${h.db.schema}\n`);
  fs.rmSync(h.dir, { recursive: true, force: true });
}

/** A reminder body with sensible defaults; override any part. */
export function reminderBody(over: Record<string, unknown> = {}, borrowerOver: Record<string, unknown> = {}) {
  return {
    externalId: `ext-${randomBytes(6).toString('hex')}`,
    borrower: {
      id: `b-${randomBytes(4).toString('hex')}`,
      name: 'Alex Chen',
      locale: 'en-US',
      timezone: 'America/New_York',
      phone: '+14155550100',
      email: 'alex.chen@example.com',
      ...borrowerOver,
    },
    debt: {
      accountRef: '4111111111111234',
      creditor: 'Northwind Bank',
      amountDue: { amount: '120.50', currency: 'USD' },
      dueDate: '2026-11-20',
      daysOverdue: 3,
      paymentUrl: 'https://pay.example.com/a/1234',
    },
    channel: 'sms',
    template: 'gentle-overdue',
    ...over,
  };
}

/** A reminder's first message as `GET /v1/reminders/:id` shows it (with its deferral and events), once in one of `statuses`. */
export function reminderMessageIn(h: Pick<Harness, 'api'>, reminderId: string, statuses: string[]) {
  return waitFor(
    async () => {
      const r = await h.api('GET', `/v1/reminders/${reminderId}`, { role: 'agent' });
      const m = r.body.messages[0];
      return statuses.includes(m.status) ? m : undefined;
    },
    { what: `message of ${reminderId} to be ${statuses.join('/')}` },
  );
}

/** The message once it has settled: past the states a job is still working it through (sent, failed, suppressed…). */
export function messageSettled(h: Pick<Harness, 'service'>, id: string) {
  return waitFor(
    async () => {
      const m = await h.service.store.getMessage(id);
      return m && !['accepted', 'queued', 'sending', 'deferred'].includes(m.status) ? m : undefined;
    },
    { what: `message ${id} settled` },
  );
}
