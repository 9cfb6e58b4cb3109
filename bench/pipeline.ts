/**
 * The pipeline sections of `npm run bench`: baselines (bare BullMQ, and bare BullMQ calling the
 * twilio SDK), pipeline throughput, ingest, latency, Redis memory per delayed reminder, a
 * far-away provider and a contact window opening. Every figure comes from the same run, on the
 * same Redis and the same fake Twilio, so ratios mean something.
 */
import type { Kysely } from 'kysely';
import { openDb } from '../src/store/db.js';
import type { Database } from '../src/store/schema.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { Worker as Thread } from 'node:worker_threads';
import os from 'node:os';
import path from 'node:path';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { stageRows } from './latency-stages.js';
import { generateToken, hashToken, keyIdOf } from '../src/http/api/auth.js';
import { loadConfig } from '../src/config/config.js';
import { type Profile, resolveProfile, US_REGF } from '../src/policy/profile.js';
import { makeTwilioClient } from '../src/providers/twilio-client.js';
import { startService, type Service } from '../src/service.js';
import { startFakeTwilio, type FakeTwilio } from '../test/support/fake-twilio.js';
import { startSmtpSink, type SmtpSink } from '../test/support/smtp-sink.js';

export interface Row {
  section: string;
  measure: string;
  value: number;
  unit: string;
  note?: string;
  /** A row of issue 32's table: printed again at the end of the run with its target and whether this run met it. */
  goal?: Goal;
}

export interface Goal {
  /** The row of the issue's table this measures. */
  figure: string;
  target: string;
  met: boolean;
  /** What the figure is read beside (B1 of the same run for a ratio). */
  beside?: string;
}

export interface BenchContext {
  quick: boolean;
  redisUrl: string;
  rows: Row[];
}

const silent = pino({ level: 'silent' });
const prefix = () => `bench${randomBytes(4).toString('hex')}`;
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** US-REGF's caps with the contact window open all day, so figures do not depend on the hour. */
const allDay = (over: Partial<Profile> = {}): Profile =>
  resolveProfile({
    ...US_REGF,
    name: 'bench',
    windows: {
      sms: { from: '00:00', to: '24:00' },
      voice: { from: '00:00', to: '24:00' },
      email: { from: '00:00', to: '24:00' },
    },
    ...over,
  });

/** The service's settings for the fake Twilio of a bench section. */
export function twilioEnv(tw: FakeTwilio): Record<string, string> {
  return {
    TWILIO_ACCOUNT_SID: tw.accountSid,
    TWILIO_AUTH_TOKEN: tw.authToken,
    TWILIO_FROM: '+15005550006',
    TWILIO_API_BASE_URL: tw.url,
  };
}

export async function waitUntil(probe: () => Promise<boolean> | boolean, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`bench: timed out waiting for ${what}`);
    await sleep(50);
  }
}

export interface Running {
  service: Service;
  token: string;
  env: Record<string, string>;
  dir: string;
  /** The bench's own connection, for counting rows. */
  inspect?: Kysely<Database>;
  stop(): Promise<void>;
}

export async function startBenchService(
  ctx: BenchContext,
  opts: { role?: 'all' | 'api'; env?: Record<string, string>; profile?: Profile; schema?: string },
): Promise<Running> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-bench-'));
  const token = generateToken('collector');
  const profile = opts.profile ?? allDay();
  const profileFile = path.join(dir, 'profile.json');
  fs.writeFileSync(profileFile, JSON.stringify(profile));
  const env: Record<string, string> = {
    PORT: '0',
    DATA_DIR: dir,
    REDIS_URL: ctx.redisUrl,
    QUEUE_PREFIX: prefix(),
    LOG_LEVEL: 'silent',
    POLICY_FILE: profileFile,
    WORKER_CONCURRENCY: '50',
    SMS_PER_SECOND: '100000',
    VOICE_PER_SECOND: '100000',
    EMAIL_PER_SECOND: '100000',
    RATE_LIMIT_PER_MINUTE: '1000000',
    RECONCILE_EVERY_MS: '0',
    // The worker processes and `npm run import` get the same secret: the store's suppression-address key is wrapped under it.
    SIGNING_SECRET: 'bench',
    ...(opts.schema ? { DATABASE_SCHEMA: opts.schema } : {}),
    ...opts.env,
  };
  const config = loadConfig(env, [opts.role ?? 'all']);
  const service = await startService(config, {
    log: silent,
    profile,
    signingSecret: env.SIGNING_SECRET ?? 'bench',
    apiKeys: [{ id: keyIdOf(hashToken(token)), role: 'collector', hash: hashToken(token) }],
  });
  const running: Running = {
    service,
    token,
    env,
    dir,
    async stop() {
      await service.close();
      await running.inspect?.destroy();
      // A PostgreSQL row's schema goes with it (a test run's migrator introspects every schema).
      // BENCH_KEEP_SCHEMA=1 leaves it for EXPLAIN ANALYZE by hand (use a database of its own).
      if (opts.schema && env.DATABASE_URL && process.env.BENCH_KEEP_SCHEMA !== '1')
        await dropSchema(env.DATABASE_URL, opts.schema);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return running;
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const pg = await import('pg');
  const client = new pg.default.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}

/** Reminder i of a batch; its phone is +1415 and 2,000,000 + i % borrowers, so i % borrowers < 8,000,000 keeps it valid. */
export function reminder(i: number, borrowers: number, channel: string, sendAt?: string) {
  const b = i % borrowers;
  return {
    externalId: `bench-${i}`,
    borrower: {
      id: `b-${b}`,
      name: `Borrower ${b}`,
      locale: 'en-US',
      timezone: 'UTC',
      phone: `+1415${String(2000000 + b).padStart(7, '0')}`,
      email: `b${b}@example.com`,
    },
    debt: {
      accountRef: `4111${String(i).padStart(12, '0')}`,
      creditor: 'Northwind Bank',
      amountDue: { amount: '120.50', currency: 'USD' },
      dueDate: '2026-11-20',
      daysOverdue: 3,
    },
    channel,
    template: 'gentle-overdue',
    ...(sendAt ? { sendAt } : {}),
  };
}

export async function postBatches(r: Running, items: unknown[]): Promise<void> {
  for (let i = 0; i < items.length; i += 1000) {
    const res = await fetch(`${r.service.url}/v1/reminders/batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${r.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reminders: items.slice(i, i + 1000) }),
    });
    if (res.status !== 200) throw new Error(`batch answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    // A refused item would leave a row measuring less than it says (a phone past 8 digits, say).
    const body = (await res.json()) as { rejected: number; results: { problem?: { detail?: string } }[] };
    if (body.rejected > 0)
      throw new Error(
        `batch refused ${body.rejected}: ${body.results.find((x) => x.problem)?.problem?.detail ?? ''}`.slice(0, 300),
      );
  }
}

export async function countWhere(r: Running, statuses: string[]): Promise<number> {
  r.inspect ??= (
    await openDb(
      r.service.config.databaseUrl,
      r.service.config.databaseSchema ? { schema: r.service.config.databaseSchema } : {},
    )
  ).db;
  const row = await r.inspect
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', statuses)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** B0 and B1: the same Redis, concurrency and payload; B1's processor only calls messages.create. */
export async function baselines(ctx: BenchContext, tw: FakeTwilio, n: number): Promise<{ b0: number; b1: number }> {
  const run = async (name: string, processor: () => Promise<unknown>) => {
    const connection = new Redis(ctx.redisUrl, { maxRetriesPerRequest: null });
    const p = prefix();
    const queue = new Queue(name, { connection, prefix: p });
    let done = 0;
    const worker = new Worker(name, processor, { connection, prefix: p, concurrency: 50, autorun: false });
    worker.on('completed', () => done++);
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i += 1000) {
      await queue.addBulk(
        Array.from({ length: Math.min(1000, n - i) }, (_, j) => ({
          name: 'job',
          data: { messageId: `msg_${i + j}`, reminderId: `rem_${i + j}`, borrowerId: `b-${i + j}`, channel: 'sms' },
          opts: { removeOnComplete: true },
        })),
      );
    }
    void worker.run();
    await waitUntil(() => done >= n, 600_000, `${name} to finish`);
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
    connection.disconnect();
    return n / seconds;
  };
  const b0 = await run('b0', async () => undefined);
  const client = makeTwilioClient({
    accountSid: tw.accountSid,
    authToken: tw.authToken,
    apiBaseUrl: tw.url,
    timeoutMs: 15_000,
    maxSockets: 100,
    transport: 'sdk',
  });
  let k = 0;
  const b1 = await run('b1', async () =>
    client.messages.create({
      to: `+1415${String(3000000 + k++).padStart(7, '0')}`,
      from: '+15005550006',
      body: 'Northwind Bank: a friendly reminder. Reply STOP to opt out.',
    }),
  );
  ctx.rows.push({
    section: 'baseline',
    measure: `B0 bare BullMQ, no-op (${n.toLocaleString('en-US')} jobs, concurrency 50)`,
    value: Math.round(b0),
    unit: 'jobs/s',
  });
  ctx.rows.push({
    section: 'baseline',
    measure: `B1 bare BullMQ + twilio SDK messages.create`,
    value: Math.round(b1),
    unit: 'sends/s',
  });
  return { b0, b1 };
}

/** Accept → last settled, for SMS only (one per borrower: every cap allows it) or mixed channels. */
export async function pipeline(
  ctx: BenchContext,
  tw: FakeTwilio,
  smtp: SmtpSink,
  label: string,
  n: number,
  mix: 'sms' | 'mixed',
  opts: { workers?: number; dbUrl?: string; env?: Record<string, string>; target?: number; figure?: string },
  base: { b0: number; b1: number },
) {
  const schema = opts.dbUrl ? `bench_${randomBytes(4).toString('hex')}` : undefined;
  const env: Record<string, string> = {
    ...twilioEnv(tw),
    SMTP_URL: smtp.url,
    EMAIL_FROM: 'Northwind Bank <reminders@northwind.example>',
    ...(opts.dbUrl ? { DATABASE_URL: opts.dbUrl } : {}),
    ...opts.env,
  };
  const r = await startBenchService(ctx, { role: opts.workers ? 'api' : 'all', env, ...(schema ? { schema } : {}) });
  const children: ChildProcess[] = [];
  try {
    for (let i = 0; i < (opts.workers ?? 0); i++) {
      children.push(
        spawn(path.resolve('node_modules/.bin/tsx'), ['src/main.ts', 'worker'], {
          env: { ...process.env, ...r.env, REDIS_AUTOSTART: 'false', API_KEYS: 'admin:bench-worker-unused-key' },
          stdio: 'ignore',
        }),
      );
    }
    // The clock starts once every worker process is up and listening on the SMS queue.
    if (opts.workers)
      await waitUntil(
        async () => (await r.service.queues.byChannel.sms.getWorkers()).length >= opts.workers!,
        60_000,
        'the worker processes to start',
      );
    const borrowers = mix === 'sms' ? n : Math.max(1, Math.floor(n / 5));
    const channels = ['sms', 'sms', 'sms', 'sms', 'sms', 'sms', 'sms', 'email', 'email', 'voice'];
    const items = Array.from({ length: n }, (_, i) =>
      reminder(i, borrowers, mix === 'sms' ? 'sms' : channels[i % 10]!),
    );
    const t0 = process.hrtime.bigint();
    await postBatches(r, items);
    await waitUntil(
      async () => (await countWhere(r, ['accepted', 'queued', 'sending'])) === 0,
      900_000,
      `${label} to settle`,
    );
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const sent = await countWhere(r, ['sent']);
    const rate = n / seconds;
    ctx.rows.push({
      section: 'pipeline',
      measure: label,
      value: Math.round(rate),
      unit: 'messages/s',
      note: `${sent} sent, ${n - sent} held by caps; ×${(rate / base.b0).toFixed(2)} B0, ×${(rate / base.b1).toFixed(2)} B1${opts.target ? ` (target ≥ ${opts.target.toFixed(1)} × B1)` : ''}`,
      ...(opts.figure && opts.target
        ? {
            goal: {
              figure: opts.figure,
              target: `≥ ${opts.target.toFixed(1)} × B1`,
              met: rate / base.b1 >= opts.target,
              beside: `${(rate / base.b1).toFixed(2)} × B1 (B1 ${Math.round(base.b1)} sends/s)`,
            },
          }
        : {}),
    });
    return rate;
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await r.stop();
  }
}

/**
 * The load generator of the single-endpoint rows: its clients run in a worker thread (as a
 * collection system's would run elsewhere), so their fetch work does not share the service's
 * event loop. Answers how long all requests took.
 */
const CLIENTS = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, token, bodies, concurrency } = workerData;
let next = 0;
const t0 = process.hrtime.bigint();
Promise.all(Array.from({ length: concurrency }, async () => {
  for (;;) {
    const i = next++;
    if (i >= bodies.length) return;
    const res = await fetch(url, { method: 'POST', headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json' }, body: bodies[i] });
    if (res.status !== 202) throw new Error('single answered ' + res.status + ': ' + (await res.text()).slice(0, 300));
    await res.arrayBuffer();
  }
})).then(() => parentPort.postMessage({ seconds: Number(process.hrtime.bigint() - t0) / 1e9 }), (err) => parentPort.postMessage({ error: String(err) }));
`;

export async function postFromClients(
  url: string,
  token: string,
  bodies: string[],
  concurrency: number,
): Promise<number> {
  const worker = new Thread(CLIENTS, { eval: true, workerData: { url, token, bodies, concurrency } });
  try {
    const answer = await new Promise<{ seconds?: number; error?: string }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    if (answer.error) throw new Error(answer.error);
    return answer.seconds!;
  } finally {
    await worker.terminate();
  }
}

/** Intake only (the API role): 1,000 a request on the batch endpoint, then single requests from 50 clients. */
export async function ingest(ctx: BenchContext, n: number, single: number, dbUrl?: string) {
  const store = dbUrl ? 'PostgreSQL' : 'SQLite';
  const r = await startBenchService(ctx, {
    role: 'api',
    ...(dbUrl ? { env: { DATABASE_URL: dbUrl }, schema: `bench_${randomBytes(4).toString('hex')}` } : {}),
  });
  try {
    const far = new Date(Date.now() + 7 * 86_400_000).toISOString();
    // A warm-up batch: prepared statements, JIT, the borrowers' pages.
    await postBatches(
      r,
      Array.from({ length: 1000 }, (_, i) => reminder(7_000_000 + i, 1e9, 'sms', far)),
    );
    const items = Array.from({ length: n }, (_, i) => reminder(i, n, 'sms', far));
    const t0 = process.hrtime.bigint();
    await postBatches(r, items);
    let seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    ctx.rows.push({
      section: 'ingest',
      measure: `batch endpoint, 1,000 per request, ${store} (${n.toLocaleString('en-US')})`,
      value: Math.round(n / seconds),
      unit: 'reminders/s',
      note: `target ≥ ${dbUrl ? '5,000' : '10,000'}/s`,
    });
    const bodies = Array.from({ length: single }, (_, i) => JSON.stringify(reminder(n + i, n + single, 'sms', far)));
    seconds = await postFromClients(`${r.service.url}/v1/reminders`, r.token, bodies, 50);
    ctx.rows.push({
      section: 'ingest',
      measure: `single endpoint, 50 concurrent clients, ${store} (${single.toLocaleString('en-US')})`,
      value: Math.round(single / seconds),
      unit: 'reminders/s',
      note: 'target ≥ 2,000/s; clients in a worker thread',
    });
  } finally {
    await r.stop();
  }
}

export async function latency(
  ctx: BenchContext,
  tw: FakeTwilio,
  n: number,
  rate: number,
  target: string,
  why = '',
  goal?: { figure: string; p99Below: number },
) {
  const r = await startBenchService(ctx, {
    role: 'all',
    env: {
      ...twilioEnv(tw),
    },
  });
  try {
    const accepted = new Map<string, number>();
    const first = tw.requests.length;
    const interval = 1000 / rate;
    const start = Date.now();
    const posts: Promise<void>[] = [];
    for (let i = 0; i < n; i++) {
      const due = start + i * interval;
      const wait = due - Date.now();
      if (wait > 0) await sleep(wait);
      const body = reminder(6_000_000 + i, 1e9, 'sms');
      posts.push(
        fetch(`${r.service.url}/v1/reminders`, {
          method: 'POST',
          headers: { authorization: `Bearer ${r.token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }).then(async (res) => {
          await res.arrayBuffer();
          accepted.set(body.borrower.phone, Date.now());
        }),
      );
    }
    await Promise.all(posts);
    await waitUntil(
      () => {
        const got = new Set(tw.requests.slice(first).map((q) => q.form.To));
        return [...accepted.keys()].every((p) => got.has(p));
      },
      120_000,
      'latency sends',
    );
    const at = new Map(tw.requests.slice(first).map((q) => [q.form.To!, q.at]));
    const lat = [...accepted].map(([p, t]) => Math.max(0, at.get(p)! - t)).sort((a, b) => a - b);
    const pct = (q: number) => lat[Math.min(lat.length - 1, Math.floor(q * lat.length))]!;
    ctx.rows.push({
      section: 'latency',
      measure: `accept → provider call, single requests at ${Math.round(rate)}/s${why}: p50`,
      value: pct(0.5),
      unit: 'ms',
    });
    ctx.rows.push({ section: 'latency', measure: 'p95', value: pct(0.95), unit: 'ms' });
    ctx.rows.push({
      section: 'latency',
      measure: 'p99',
      value: pct(0.99),
      unit: 'ms',
      note: target,
      ...(goal
        ? {
            goal: {
              figure: goal.figure,
              target: `p99 < ${goal.p99Below} ms`,
              met: pct(0.99) < goal.p99Below,
              beside: `p50 ${pct(0.5)} ms`,
            },
          }
        : {}),
    });
    ctx.rows.push(...(await stageRows(r.service.metrics, 'latency')));
  } finally {
    await r.stop();
  }
}

async function farProvider(ctx: BenchContext, tw: FakeTwilio, smtp: SmtpSink, n: number) {
  tw.latencyMs = 150;
  try {
    const r = await startBenchService(ctx, {
      role: 'all',
      env: {
        ...twilioEnv(tw),
        SMTP_URL: smtp.url,
        EMAIL_FROM: 'b <b@example.com>',
      },
    });
    try {
      const items = Array.from({ length: n }, (_, i) => reminder(5_000_000 + i, 1e9, 'sms'));
      const t0 = process.hrtime.bigint();
      await postBatches(r, items);
      await waitUntil(async () => (await countWhere(r, ['sent'])) === n, 600_000, 'far provider sends');
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      ctx.rows.push({
        section: 'provider',
        measure: 'fake Twilio answering after 150 ms, 1 process, concurrency 50',
        value: Math.round(n / seconds),
        unit: 'sends/s',
        note: 'socket pool = max(50, 2 × concurrency)',
      });
    } finally {
      await r.stop();
    }
  } finally {
    tw.latencyMs = 0;
  }
}

async function windowOpening(ctx: BenchContext, tw: FakeTwilio, n: number, perSecond: number) {
  // A window that opens at the next whole minute at least 20 s away, in UTC.
  const open = new Date(Math.ceil((Date.now() + 20_000) / 60_000) * 60_000);
  const hhmm = `${String(open.getUTCHours()).padStart(2, '0')}:${String(open.getUTCMinutes()).padStart(2, '0')}`;
  if (hhmm === '00:00') return; // a window cannot open at midnight exactly; skip rather than mislead
  const profile = allDay({
    windows: {
      sms: { from: hhmm, to: '24:00' },
      voice: { from: hhmm, to: '24:00' },
      email: { from: hhmm, to: '24:00' },
    },
    spreadSeconds: 30,
    caps: [],
  });
  const r = await startBenchService(ctx, {
    role: 'all',
    profile,
    env: {
      ...twilioEnv(tw),
      SMS_PER_SECOND: String(perSecond),
    },
  });
  try {
    const firstIndex = tw.requests.length;
    const items = Array.from({ length: n }, (_, i) => reminder(7_000_000 + i, 1e9, 'sms'));
    await postBatches(r, items);
    await waitUntil(async () => (await countWhere(r, ['sent'])) === n, 900_000, 'window drain');
    const sends = tw.requests.slice(firstIndex).map((q) => q.at);
    const last = Math.max(...sends);
    const perSec = new Map<number, number>();
    for (const t of sends) perSec.set(Math.floor(t / 1000), (perSec.get(Math.floor(t / 1000)) ?? 0) + 1);
    ctx.rows.push({
      section: 'window',
      measure: `${n.toLocaleString('en-US')} held until ${hhmm} UTC: drain time after opening`,
      value: Number(((last - open.getTime()) / 1000).toFixed(1)),
      unit: 's',
      note: `spread over 30 s, limiter ${perSecond}/s`,
    });
    ctx.rows.push({
      section: 'window',
      measure: 'peak sends in one second',
      value: Math.max(...perSec.values()),
      unit: 'sends',
      note: `limiter ${perSecond}/s`,
    });
  } finally {
    await r.stop();
  }
}

/** Accept → provider call at 100/s and at 20/s, each with its stage breakdown (`--only latency`). */
export async function latencyRows(ctx: BenchContext, tw: FakeTwilio): Promise<void> {
  await latency(ctx, tw, ctx.quick ? 500 : 2_000, 100, 'target p99 < 100 ms', '', {
    figure: 'accept → provider call at 100/s',
    p99Below: 100,
  });
  await latency(ctx, tw, ctx.quick ? 200 : 600, 20, 'target p99 < 30 ms', '', {
    figure: 'accept → provider call at 20/s',
    p99Below: 30,
  });
}

/** The pipeline's rows; `scheduleSections` (bench/schedule.ts, which imports this file's helpers) runs between the latency and the far-provider rows. */
export async function pipelineSections(
  ctx: BenchContext,
  dbUrl: string | undefined,
  scheduleSections: (ctx: BenchContext, tw: FakeTwilio) => Promise<void>,
): Promise<void> {
  const tw = await startFakeTwilio();
  const smtp = await startSmtpSink();
  try {
    const n = ctx.quick ? 2_000 : 20_000;
    const base = await baselines(ctx, tw, n);
    const rate = await pipeline(
      ctx,
      tw,
      smtp,
      `SMS only, caps on, SQLite, 1 process (${n.toLocaleString('en-US')})`,
      n,
      'sms',
      { target: 0.7, figure: 'SMS pipeline, SQLite, 1 process, vs B1' },
      base,
    );
    // The same without group commit (one transaction per transition), to show what it buys.
    await pipeline(
      ctx,
      tw,
      smtp,
      `the same, group commit off (GROUP_COMMIT_MS=0)`,
      n,
      'sms',
      { env: { GROUP_COMMIT_MS: '0' } },
      base,
    );
    if (!ctx.quick) {
      await pipeline(
        ctx,
        tw,
        smtp,
        `mixed 70/20/10, caps on, SQLite, 1 process (50,000, 10,000 borrowers)`,
        50_000,
        'mixed',
        {},
        base,
      );
      await pipeline(
        ctx,
        tw,
        smtp,
        `SMS only, caps on, SQLite, api + 2 worker processes (${n.toLocaleString('en-US')})`,
        n,
        'sms',
        { workers: 2 },
        base,
      );
    }
    if (dbUrl) {
      await pipeline(
        ctx,
        tw,
        smtp,
        `SMS only, caps on, PostgreSQL, 1 process (${n.toLocaleString('en-US')})`,
        n,
        'sms',
        { dbUrl, target: 0.7 },
        base,
      );
      await pipeline(
        ctx,
        tw,
        smtp,
        `the same, group commit off (GROUP_COMMIT_MS=0)`,
        n,
        'sms',
        { dbUrl, env: { GROUP_COMMIT_MS: '0' } },
        base,
      );
      await pipeline(
        ctx,
        tw,
        smtp,
        `SMS only, caps on, PostgreSQL, api + 2 worker processes (${n.toLocaleString('en-US')})`,
        n,
        'sms',
        { dbUrl, workers: 2, target: 1.0 },
        base,
      );
    }
    await ingest(ctx, ctx.quick ? 5_000 : 20_000, ctx.quick ? 2_000 : 10_000);
    if (dbUrl) await ingest(ctx, ctx.quick ? 5_000 : 20_000, ctx.quick ? 2_000 : 10_000, dbUrl);
    await latencyRows(ctx, tw);
    await latency(
      ctx,
      tw,
      ctx.quick ? 500 : 2_000,
      Math.max(10, Math.round(rate / 2)),
      'target p99 < 250 ms',
      ' (50 % of the SQLite row above)',
    );
    await scheduleSections(ctx, tw);
    await farProvider(ctx, tw, smtp, ctx.quick ? 500 : 2_000);
    if (!ctx.quick) await windowOpening(ctx, tw, 20_000, 500);
  } finally {
    await tw.close();
    await smtp.close();
  }
}
