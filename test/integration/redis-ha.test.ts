/**
 * The service on highly available Redis: a local Redis Cluster (three masters, a replica each) and
 * a Sentinel group (three sentinels, one master and its replica), started by the test
 * (support/redis-topologies.ts). On each: the pipeline sends every channel once; then 4 worker
 * processes work through a load that presses every cap while the master that serves the SMS
 * queue is killed and its replica promoted. Nothing accepted is lost or sent twice (the store is
 * the truth: the reconciler adds back a queued row whose job went missing) and no cap is exceeded
 * (a caps reservation waits for a replica before the send: docs/operations.md).
 */
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bullPrefix } from '../../src/jobs/bull-prefix.js';
import {
  capsBorrowers,
  capsProfile,
  capsReminders,
  expectNoCapExceeded,
  spawnRoles,
  stopAll,
  tallyAtProviders,
  waitSettled,
} from '../support/caps-load.js';
import { providerEnv, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { dbVariants, reminderBody, startHarness, type Harness } from '../support/harness.js';
import {
  startRedisCluster,
  startRedisSentinel,
  type RedisCluster,
  type RedisSentinelGroup,
} from '../support/redis-topologies.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { waitFor } from '../support/wait.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const BORROWERS = 30;
const PROCESSES = 4;
const CONCURRENCY = 20;
/** Sends counted at the providers before the master is killed (of about 250 the caps let through). */
const KILL_AFTER_SENDS = 60;

const variant = dbVariants().at(-1)!; // PostgreSQL when available: the store many processes share

interface Topology {
  name: 'cluster' | 'sentinel';
  start(): Promise<{
    env: Record<string, string>;
    /** Kills the master serving the SMS queue of a run with this prefix; resolves once a replica took over. */
    killMaster(prefix: string): Promise<unknown>;
    stop(): Promise<void>;
  }>;
}

const TOPOLOGIES: Topology[] = [
  {
    name: 'cluster',
    async start() {
      const c: RedisCluster = await startRedisCluster();
      return {
        env: c.env,
        killMaster: async (prefix) =>
          c.killMaster(await c.masterOf(`${bullPrefix(prefix, 'dispatch-sms', true)}:dispatch-sms:wait`)),
        stop: () => c.stop(),
      };
    },
  },
  {
    name: 'sentinel',
    async start() {
      const s: RedisSentinelGroup = await startRedisSentinel();
      return { env: s.env, killMaster: () => s.killMaster(), stop: () => s.stop() };
    },
  },
];

/** The message id a provider request carries: `?m=<id>` in Twilio's status callback, the Message-ID of a mail. */
function sentIds(twilio: FakeTwilio, smtp: SmtpSink): string[] {
  const fromCallback = (form: Record<string, string>) => new URL(form.StatusCallback!).searchParams.get('m')!;
  return [
    ...twilio.messages().map((m) => fromCallback(m.form)),
    ...twilio.calls().map((c) => fromCallback(c.form)),
    ...smtp.mails.map((m) => m.messageId!.replace(/^<([^@]+)@.*$/, '$1')),
  ];
}

describe.each(TOPOLOGIES)('on a Redis $name', (topology) => {
  let redis: Awaited<ReturnType<Topology['start']>>;
  let twilio: FakeTwilio;
  let smtp: SmtpSink;

  beforeAll(async () => {
    redis = await topology.start();
    twilio = await startFakeTwilio();
    smtp = await startSmtpSink();
  }, 90_000);

  afterAll(async () => {
    await twilio?.close();
    await smtp?.close();
    await redis?.stop();
  });

  it('sends an SMS, a call and an email, each once', { timeout: 90_000 }, async () => {
    const h = await startHarness({ db: variant, env: { ...providerEnv(twilio, smtp), ...redis.env } });
    try {
      const phone = '+14155550142';
      const email = 'ha.pipeline@example.com';
      const ids: string[] = [];
      for (const channel of ['sms', 'voice', 'email'] as const) {
        const res = await h.api('POST', '/v1/reminders', { body: reminderBody({ channel }, { phone, email }) });
        expect(res.status, JSON.stringify(res.body)).toBe(202);
        ids.push(res.body.messages[0].id);
      }
      for (const id of ids)
        await waitFor(async () => (await h.service.store.getMessage(id))?.status === 'sent', {
          timeoutMs: 30_000,
          what: `message ${id} to be sent`,
        });
      expect(sentIds(twilio, smtp).sort()).toEqual([...ids].sort());
      // Each queue's keys in a slot of its own on a cluster, under the plain prefix otherwise.
      const sms = h.service.queues.byChannel.sms.toKey('x');
      expect(sms.startsWith(topology.name === 'cluster' ? `{${h.prefix}:dispatch-sms}:` : `${h.prefix}:`)).toBe(true);
    } finally {
      await h.destroy();
    }
  });

  describe(`${PROCESSES} worker processes, the master killed mid-run`, () => {
    let h: Harness;
    let twilio: FakeTwilio;
    let smtp: SmtpSink;
    const children: ChildProcess[] = [];

    beforeAll(async () => {
      twilio = await startFakeTwilio();
      smtp = await startSmtpSink();
      // A provider some way off, so the run is still going when the master dies.
      twilio.latencyMs = 100;
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-ha-'));
      const profileFile = path.join(dir, 'profile.json');
      fs.writeFileSync(profileFile, JSON.stringify(capsProfile));
      h = await startHarness({
        db: variant,
        role: 'api',
        env: {
          POLICY_FILE: profileFile,
          ...providerEnv(twilio, smtp),
          ...redis.env,
          // A job lost with the master comes back within seconds, from the store.
          RECONCILE_EVERY_MS: '2000',
          RECONCILE_AFTER_MS: '3000',
          // A job whose completion was lost with the master is taken up again after its lock lapses.
          JOB_LOCK_MS: '5000',
          // The fake provider lives in this process, which stalls for seconds on a loaded machine: a
          // timeout there would be a send of unknown outcome, retried (a double send that has
          // nothing to do with Redis: docs/reach.md, "Never sent twice"), so give it time.
          PROVIDER_TIMEOUT_MS: '30000',
        },
      });
      const logDir = inject('logDir');
      const name = `ha-${topology.name}`;
      children.push(
        ...spawnRoles('worker', PROCESSES, { ...h.env, WORKER_CONCURRENCY: String(CONCURRENCY) }, logDir, name),
        ...spawnRoles('scheduler', 1, h.env, logDir, name),
      );
    }, 60_000);

    afterAll(async () => {
      await stopAll(children);
      // Bounded: a close that hangs after the failover is reported, not waited for forever.
      const closed = await Promise.race([
        h?.destroy().then(() => true),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), 30_000).unref()),
      ]);
      if (closed === false) console.warn(`the ${topology.name} harness did not close within 30 s of the failover`);
      await twilio?.close();
      await smtp?.close();
    }, 90_000);

    it(
      'loses nothing accepted, sends nothing twice and exceeds no cap while a replica takes over',
      { timeout: 330_000 },
      async () => {
        const borrowers = capsBorrowers(BORROWERS);
        const reminders = capsReminders(borrowers);
        const res = await h.api('POST', '/v1/reminders/batch', { body: { reminders } });
        expect(res.status).toBe(200);
        expect(res.body.accepted).toBe(reminders.length);

        await waitFor(() => sentIds(twilio, smtp).length >= KILL_AFTER_SENDS || undefined, {
          // The worker processes start first (tsx compiles the service: slow on a loaded 2-core machine).
          timeoutMs: 120_000,
          intervalMs: 20,
          what: `${KILL_AFTER_SENDS} sends before the failover`,
        });
        await redis.killMaster(h.prefix);
        const sentAtKill = sentIds(twilio, smtp).length;

        const db = h.service.store.db;
        // Settled: nothing in flight, and every deferral waits for a cap (days), not a retry.
        await waitSettled(h, children, { timeoutMs: 180_000, what: 'every message to be sent or held by a cap' });
        for (const w of children) expect(w.exitCode).toBeNull();

        const ids = sentIds(twilio, smtp);
        // The run went on after the failover.
        expect(ids.length).toBeGreaterThan(sentAtKill);
        // Sent once: no message id reached a provider twice, and each is a `sent` row.
        const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
        expect(twice, 'sent twice').toEqual([]);
        const rows = await db.selectFrom('messages').select(['id', 'status']).execute();
        expect(rows).toHaveLength(reminders.length);
        const sent = rows.filter((r) => r.status === 'sent').map((r) => r.id);
        expect([...ids].sort()).toEqual(sent.sort());
        // Nothing lost or failed: every other message waits, held by a cap.
        expect(rows.filter((r) => !['sent', 'deferred', 'scheduled'].includes(r.status))).toEqual([]);

        const perBorrower = tallyAtProviders(borrowers, twilio, smtp);
        expect(perBorrower.size).toBe(BORROWERS);
        expectNoCapExceeded(perBorrower);

        const { verifyChains } = await import('../../src/store/verify.js');
        expect(await verifyChains(db)).toMatchObject({ ok: true });
      },
    );
  });
});
