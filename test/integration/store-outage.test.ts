/**
 * The database goes away under load and comes back (docs/operations.md, "When the database is
 * unavailable"): the service runs as production runs it (`src/main.ts all`, a child process) while
 * clients post reminders and workers send them; then PostgreSQL is stopped for 20 s (a private
 * server of the test's own, `pg_ctl stop -m fast`), or another process holds the SQLite file's
 * write lock (`BEGIN EXCLUSIVE`) for 10 s. Meanwhile the API answers 503 with Retry-After and
 * accepts nothing, /readyz says why without naming the server, no message is sent, failed or
 * charged an attempt (RETRY_ATTEMPTS=1: one spent attempt would fail it), and the feeder, relay
 * and retention wait, each process saying so once. Afterwards every reminder the clients got
 * accepted (they retry a 503 after Retry-After) is sent exactly once.
 *
 * About 40 s for PostgreSQL (20 s of it down) plus 5 s to start the server, and 30 s for SQLite.
 */
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DISPATCH_QUEUE } from '../../queues/index.js';
import { openDb } from '../../src/store/db.js';
import { spawnService } from '../support/child-service.js';
import { startEventReceiver, type EventReceiver } from '../support/event-receiver.js';
import { providerEnv, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { type DbVariant, dropData, prepareRun, reminderBody, type RunData, sqliteOnly } from '../support/harness.js';
import { privatePostgresAvailable, startPrivatePostgres, type PrivatePostgres } from '../support/private-postgres.js';
import { holdSqliteLock, type SqliteLock } from '../support/sqlite-lock.js';
import { waitFor } from '../support/wait.js';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What makes the database unavailable, and what the service must say about it. */
interface Outage {
  db: DbVariant;
  env: Record<string, string>;
  begin(run: RunData): Promise<void>;
  end(): Promise<void>;
  holdMs: number;
  /** How /readyz and the 503 name the cause. */
  reason: RegExp;
  /** What /readyz must not show (the server's address, port, user). */
  secrets: string[];
}

/** Every reminder goes: one failed or charged attempt would fail it for good. */
const ENV = {
  RETRY_ATTEMPTS: '1',
  WORKER_CONCURRENCY: '8',
  // Some reminders are beyond the horizon when posted: the feeder brings them in, during or after the outage.
  SCHEDULE_HORIZON: '4s',
  FEED_EVERY_MS: '500',
  PROVIDER_TIMEOUT_MS: '2000',
  SENDING_LEASE_MS: '4000',
};

let tw: FakeTwilio;
/** The collection system: the relay brings it a `message.sent` for each message, during the outage or after. */
let receiver: EventReceiver;
beforeAll(async () => {
  tw = await startFakeTwilio();
  // Sends take a moment, so some are in flight when the database goes.
  tw.latencyMs = 100;
  receiver = await startEventReceiver();
});
afterAll(async () => {
  await tw?.close();
  await receiver?.close();
});

/** Each run's phone numbers are its own (the fake Twilio and the receiver serve the whole file). */
let runs = 0;

async function underLoad(outage: Outage): Promise<void> {
  const block = ++runs;
  const run = prepareRun({
    db: outage.db,
    env: { ...providerEnv(tw), ...ENV, EVENTS_WEBHOOK_URL: receiver.url, ...outage.env },
  });
  const service = await spawnService('all', run);
  const redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: null });
  const queue = new Queue(DISPATCH_QUEUE.sms, { connection: redis, prefix: run.prefix });
  const phones: string[] = [];
  const unavailable: Array<{ status: number; body: any; headers: Headers }> = [];
  const otherStatuses: number[] = [];
  const clients: Array<Promise<void>> = [];
  let posting = true;

  /** A client as the API asks: a 503 is sent again after Retry-After, with the same externalId. */
  async function remind(phone: string, sendAt: Date | undefined): Promise<void> {
    const body = reminderBody({ channel: 'sms', ...(sendAt ? { sendAt: sendAt.toISOString() } : {}) }, { phone });
    for (;;) {
      const res = await service.api('POST', '/v1/reminders', { body });
      if (res.status === 202 || res.status === 200) return;
      if (res.status !== 503) return void otherStatuses.push(res.status);
      unavailable.push(res);
      await pause(Number(res.headers.get('retry-after')) * 1000);
    }
  }
  // A reminder every 150 ms: most due now, some in 2 s (a delayed job), some in 7 s (a row the feeder brings in).
  const load = (async () => {
    while (posting) {
      const n = phones.length;
      const phone = `+1415556${block}${String(n).padStart(3, '0')}`;
      phones.push(phone);
      const ahead = n % 5 === 0 ? 7_000 : n % 3 === 0 ? 2_000 : 0;
      clients.push(remind(phone, ahead ? new Date(Date.now() + ahead) : undefined));
      await pause(150);
    }
  })();
  const sendsTo = (phone: string) => tw.messages().filter((r) => r.form.To === phone).length;
  const mine = () => tw.messages().filter((r) => phones.includes(r.form.To!)).length;

  try {
    await waitFor(() => mine() >= 10 || undefined, { what: 'the first sends', timeoutMs: 30_000 });
    const began = Date.now();
    await outage.begin(run);

    // The API refuses what it cannot store: 503, Retry-After, problem+json saying why.
    await waitFor(() => unavailable.length > 0 || undefined, { what: 'a 503 from the API', timeoutMs: 15_000 });
    const refused = unavailable[0]!;
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(refused.body).toMatchObject({
      type: 'https://reminder-dispatch.dev/problems/store-unavailable',
      title: 'Store unavailable',
      status: 503,
      detail: expect.stringMatching(outage.reason),
    });
    // /readyz says why, in the service's words, naming no host, port or user.
    const ready = await fetch(`${service.url}/readyz`);
    const readyText = await ready.text();
    expect(ready.status).toBe(503);
    expect(JSON.parse(readyText).checks.database).toEqual({
      ok: false,
      error: expect.stringMatching(outage.reason),
    });
    for (const secret of outage.secrets) expect(readyText).not.toContain(secret);

    // Workers pause: once the sends in flight at the start have answered, none goes until the database is back.
    await pause(2_000);
    const sentWhileDown = mine();
    await pause(Math.max(0, began + outage.holdMs - Date.now()));
    expect(mine()).toBe(sentWhileDown);
    expect(await queue.getFailedCount()).toBe(0);
    await outage.end();

    // Load goes on a little after the outage; then every client's reminder is accepted and sent, once.
    await pause(2_000);
    posting = false;
    await load;
    await Promise.all(clients);
    expect(otherStatuses).toEqual([]);
    await waitFor(() => phones.every((p) => sendsTo(p) >= 1) || undefined, {
      what: 'every accepted reminder sent',
      timeoutMs: 40_000,
    });
    await waitFor(
      async () =>
        Object.values(await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized')).every((n) => n === 0) ||
        undefined,
      { what: 'the queue to drain' },
    );
    expect(phones.filter((p) => sendsTo(p) !== 1)).toEqual([]);
    expect(await queue.getFailedCount()).toBe(0);

    // The store agrees: each one sent, none failed or retried (the outage spent no attempt).
    const peek = await openDb(run.db.url);
    try {
      const rows = await peek.db.selectFrom('messages').select(['id', 'status']).execute();
      expect(rows).toHaveLength(phones.length);
      expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
      // The relay waited and caught up: the collection system heard of every send, and of none twice.
      const ids = new Set(rows.map((r) => r.id));
      const sentEvents = () =>
        receiver.received.filter((e) => e.json.type === 'message.sent' && ids.has(e.json.data.messageId as string));
      await waitFor(() => sentEvents().length >= rows.length || undefined, {
        what: 'the relay to deliver every message.sent',
        timeoutMs: 20_000,
      });
      expect(new Set(sentEvents().map((e) => e.json.data.messageId)).size).toBe(rows.length);
      expect(new Set(sentEvents().map((e) => e.json.id)).size).toBe(sentEvents().length);
      const bad = await peek.db
        .selectFrom('events')
        .select(['type'])
        .where('type', 'in', ['failed', 'retry-scheduled'])
        .execute();
      expect(bad).toEqual([]);
    } finally {
      await peek.db.destroy();
    }

    // Said once each, not once per request, job or tick.
    const log = service.output();
    const count = (s: string) => log.split(s).length - 1;
    expect(count('database unavailable: requests answer 503')).toBe(1);
    expect(count('database unavailable: the feeder, relay, retention')).toBe(1);
    expect(count('database available again')).toBeGreaterThanOrEqual(1);
    expect(count('maintenance job failed')).toBe(0);
    expect(count('could not read the tenants')).toBe(0);
    expect(count('unhandled error')).toBe(0);
    // A connection the server ended while in use is the outage, not a stray exception.
    expect(count('an exception reached the process')).toBe(0);
  } finally {
    posting = false;
    await load.catch(() => undefined);
    // After a failure the clients still retrying see the service go: that is not another failure.
    for (const c of clients) c.catch(() => undefined);
    service.child.kill('SIGTERM');
    await service.exited;
    await queue.close();
    redis.disconnect();
    await dropData(run);
  }
}

describe.skipIf(!privatePostgresAvailable())('PostgreSQL down for 20 s under load', () => {
  let pg: PrivatePostgres;
  beforeAll(async () => {
    pg = await startPrivatePostgres();
  });
  afterAll(async () => {
    await pg?.teardown();
  });

  it(
    'answers 503 and sends nothing while it is down, then sends every accepted reminder exactly once',
    { timeout: 120_000 },
    async () => {
      await underLoad({
        db: { name: 'postgres', make: () => ({ url: pg.url }) },
        env: {},
        begin: () => pg.stop(),
        end: () => pg.start(),
        holdMs: 20_000,
        reason: /the database server is not accepting connections/,
        secrets: ['127.0.0.1', String(pg.port), 'postgres'],
      });
    },
  );
});

describe('a SQLite database locked by another process under load', () => {
  it(
    'answers 503 and sends nothing while the lock is held, then sends every accepted reminder exactly once',
    { timeout: 120_000 },
    async () => {
      let lock: SqliteLock | undefined;
      try {
        await underLoad({
          db: sqliteOnly,
          // A write waits 300 ms for the lock (not the default 10 s), then the store counts as unavailable.
          env: { SQLITE_BUSY_TIMEOUT_MS: '300' },
          begin: async (run) => {
            lock = await holdSqliteLock(run.db.url.slice('sqlite:'.length));
          },
          end: async () => {
            await lock?.release();
            lock = undefined;
          },
          holdMs: 10_000,
          reason: /the SQLite database is locked by another process/,
          secrets: [],
        });
      } finally {
        await lock?.release().catch(() => undefined);
      }
    },
  );
});
