/**
 * Caps hold across processes: 4 worker processes × concurrency 20 share one Redis and one audit
 * store; 200 borrowers get 5,000 reminders, all due now. Every cap is pressed: each borrower
 * asks for more than one of the caps allows, and which cap binds depends on the borrower's group.
 * The sends are counted where they arrive (the fake Twilio and a real SMTP server), not in the
 * service's own tables.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { evaluatePolicy } from '../../src/policy/evaluate.js';
import {
  ALL_CAP,
  capsBorrowers,
  capsProfile as profile,
  capsReminders,
  EMAIL_CAP,
  expectNoCapExceeded,
  type Group,
  groupOf,
  SMS_CAP,
  spawnRoles,
  stopAll,
  tallyAtProviders,
  waitSettled,
  VOICE_CAP,
} from '../support/caps-load.js';
import { providerEnv, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { dbVariants, startHarness, type Harness } from '../support/harness.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';

const BORROWERS = 200;
const REMINDERS = 5_000;
const PROCESSES = 4;
const CONCURRENCY = 20;

const variant = dbVariants().at(-1)!; // PostgreSQL when available: the store many processes share in production

describe(`caps across ${PROCESSES} worker processes (${variant.name})`, () => {
  let twilio: FakeTwilio;
  let smtp: SmtpSink;
  let h: Harness;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    twilio = await startFakeTwilio();
    smtp = await startSmtpSink();
    const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'rd-caps-'));
    const profileFile = path.join(dir, 'profile.json');
    fs.writeFileSync(profileFile, JSON.stringify(profile));
    // This process serves the API only; the sending happens in the worker processes.
    h = await startHarness({
      db: variant,
      role: 'api',
      env: { POLICY_FILE: profileFile, ...providerEnv(twilio, smtp) },
    });
    workers.push(
      ...spawnRoles(
        'worker',
        PROCESSES,
        { ...h.env, WORKER_CONCURRENCY: String(CONCURRENCY) },
        inject('logDir'),
        'caps',
      ),
    );
  });

  afterAll(async () => {
    await stopAll(workers);
    await h?.destroy();
    await twilio?.close();
    await smtp?.close();
  });

  it(
    'lets no borrower receive more than any cap allows, and defers the rest to a time the caps allow',
    { timeout: 480_000 },
    async () => {
      const borrowers = capsBorrowers(BORROWERS);
      // Each borrower's 25 reminders are next to each other in the queues, so many workers reach
      // for the same borrower's slots at the same moment.
      const reminders = capsReminders(borrowers);
      expect(reminders).toHaveLength(REMINDERS);
      for (let i = 0; i < reminders.length; i += 1000) {
        const res = await h.api('POST', '/v1/reminders/batch', { body: { reminders: reminders.slice(i, i + 1000) } });
        expect(res.status).toBe(200);
        expect(res.body.accepted).toBe(1000);
      }

      const db = h.service.store.db;
      // Settled: nothing in flight, and no message waiting only for a moment (a worker that lost
      // the race for a slot retries a second later before deferring properly).
      await waitSettled(h, workers, { timeoutMs: 420_000, what: 'every message to be sent or deferred' });
      for (const w of workers) expect(w.exitCode).toBeNull();

      // Count at the providers, per borrower.
      const perBorrower = tallyAtProviders(borrowers, twilio, smtp);
      expect(perBorrower.size).toBe(BORROWERS);
      expectNoCapExceeded(perBorrower);
      // The caps were used, not just avoided: every borrower got exactly what the binding cap of
      // its group allows, and every cap bound for some borrowers.
      const byGroup = (g: Group) =>
        borrowers.filter((_, i) => groupOf(i) === g).map((b) => ({ id: b.id, ...perBorrower.get(b.id)! }));
      for (const t of byGroup('voice'))
        expect(t, `${t.id}: the 7-call cap`).toMatchObject({ voice: VOICE_CAP, sms: 1, email: 1 });
      for (const t of byGroup('all')) expect(t.sms + t.email + t.voice, `${t.id}: the 10-contact cap`).toBe(ALL_CAP);
      for (const t of byGroup('daily'))
        expect(t, `${t.id}: the daily SMS and email caps`).toMatchObject({ sms: SMS_CAP, email: EMAIL_CAP, voice: 0 });

      // Everything else waits, with a time at which the caps allow it given all that was sent.
      const sentTotal = twilio.messages().length + twilio.calls().length + smtp.envelopes.length;
      const rows = await db
        .selectFrom('messages')
        .select(['id', 'status', 'borrower_id', 'channel', 'to_addr'])
        .execute();
      expect(rows.filter((r) => r.status === 'sent')).toHaveLength(sentTotal);
      // Held for days by a cap: back in the store (`scheduled`, beyond the horizon) or a delayed job (`deferred`).
      const deferred = rows.filter((r) => r.status === 'deferred' || r.status === 'scheduled');
      expect(deferred).toHaveLength(REMINDERS - sentTotal);
      const ledger = await import('../../src/jobs/caps/contact-ledger.js');
      const { Redis } = await import('ioredis');
      const redis = new Redis(h.env.REDIS_URL!);
      try {
        const contacts = ledger.makeContactLedger(redis, h.prefix);
        // A sample from every group: 150 deferred messages of each.
        const sample = (['voice', 'all', 'daily'] as const).flatMap((g) =>
          deferred.filter((r) => groupOf(Number(r.borrower_id.slice('cap-b-'.length))) === g).slice(0, 150),
        );
        expect(sample).toHaveLength(450);
        for (const row of sample) {
          const group = groupOf(Number(row.borrower_id.slice('cap-b-'.length)));
          const events = await h.service.store.listEvents(row.id);
          const last = events.at(-1)!;
          expect(['deferred', 'scheduled']).toContain(last.type);
          const reasons = last.data.reasons as { code: string; detail: string }[];
          expect(reasons.map((r) => r.code)).toContain('cap-reached');
          const until = Date.parse(last.data.until as string);
          expect(until).toBeGreaterThan(Date.now());
          const borrower = (await h.service.store.getBorrower(row.borrower_id))!;
          const history = await contacts.history(row.borrower_id);
          const attempt = { channel: row.channel as 'sms', at: until, to: row.to_addr };
          const answer = evaluatePolicy({ profile, borrower, history, attempt });
          if (answer.allowed) continue;
          // Only where two caps compete (the "all" group) may a deferral be overtaken: a message
          // held for its daily cap, after which other channels filled the 10-contact cap. Then the
          // cap it waits for has room at `until`, only the 10-contact cap (full since) says no,
          // and the message will be deferred again when it wakes, not sent.
          const named = reasons.map((r) => r.detail.split(':')[0]!);
          expect(group, `${row.id} (${row.channel}) at ${last.data.until}: ${JSON.stringify(answer.reasons)}`).toBe(
            'all',
          );
          expect(named, row.id).not.toContain('all-10-per-7-days');
          expect(
            evaluatePolicy({
              profile: { ...profile, caps: profile.caps.filter((c) => named.includes(c.name)) },
              borrower,
              history,
              attempt,
            }).allowed,
            `${row.id}: ${named.join(', ')} at ${last.data.until}`,
          ).toBe(true);
          expect(answer.reasons.map((r) => r.detail.split(':')[0])).toEqual(['all-10-per-7-days']);
          expect(Date.parse(answer.earliestAllowedAt!)).toBeGreaterThan(until);
        }
      } finally {
        redis.disconnect();
      }
      // Bulk acceptance, five processes writing at once: every hash chain still verifies.
      const { verifyChains } = await import('../../src/store/verify.js');
      expect(await verifyChains(db)).toMatchObject({ ok: true });
    },
  );
});
