/**
 * Caps hold across processes: 4 worker processes × concurrency 20 share one Redis and one audit
 * store; 200 borrowers get 5,000 reminders, all due now. Every cap is pressed: each borrower
 * asks for more than one of the caps allows, and which cap binds depends on the borrower's group.
 * The sends are counted where they arrive (the fake Twilio and a real SMTP server), not in the
 * service's own tables.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { evaluatePolicy } from '../../src/policy/evaluate.js';
import { resolveProfile, US_REGF } from '../../src/policy/profile.js';
import { providerEnv, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { dbVariants, startHarness, type Harness } from '../support/harness.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { waitFor } from '../support/wait.js';

const BORROWERS = 200;
const REMINDERS = 5_000;
const PROCESSES = 4;
const CONCURRENCY = 20;

// US-REGF's caps (7 calls and 10 contacts in 7 days, 1 email a day), with the SMS cap raised from
// 1 to 5 a day so that SMS, email and calls together can ask for more than 10, and the contact
// window open all day so the test means the same at any hour.
const SMS_PER_DAY = 5;
const profile = resolveProfile({
  ...US_REGF,
  name: 'caps-under-test',
  windows: {
    sms: { from: '00:00', to: '24:00' },
    voice: { from: '00:00', to: '24:00' },
    email: { from: '00:00', to: '24:00' },
  },
  caps: US_REGF.caps.map((c) =>
    c.name === 'sms-1-per-day' ? { ...c, name: `sms-${SMS_PER_DAY}-per-day`, max: SMS_PER_DAY } : c,
  ),
  spreadSeconds: 0,
});
const capOf = (name: string) => profile.caps.find((c) => c.name === name)!.max;
const VOICE_CAP = capOf('voice-7-per-7-days');
const ALL_CAP = capOf('all-10-per-7-days');
const EMAIL_CAP = capOf('email-1-per-day');
const SMS_CAP = capOf(`sms-${SMS_PER_DAY}-per-day`);

type Group = 'voice' | 'all' | 'daily';
/**
 * Each borrower's 25 reminders, by group (what each asks for, and what the caps let through):
 * - voice: 23 calls, 1 SMS, 1 email: the 7-call cap binds (7 + 1 + 1 = 9, under 10 contacts);
 * - all:   10 SMS, 5 emails, 10 calls: per channel at most 5 + 1 + 7 = 13, so the 10-contact cap binds;
 * - daily: 20 SMS, 5 emails: the per-day SMS and email caps bind (5 + 1 = 6).
 */
const DEMAND: Record<Group, { sms: number; email: number; voice: number }> = {
  voice: { sms: 1, email: 1, voice: 23 },
  all: { sms: 10, email: 5, voice: 10 },
  daily: { sms: 20, email: 5, voice: 0 },
};
const groupOf = (i: number): Group => (['voice', 'all', 'daily'] as const)[i % 3]!;

/** A borrower's channels, interleaved (sms, email, voice, sms, …) so every channel's queue holds the borrower at once. */
function channelsFor(demand: { sms: number; email: number; voice: number }): Array<'sms' | 'email' | 'voice'> {
  const left = { ...demand };
  const out: Array<'sms' | 'email' | 'voice'> = [];
  while (left.sms + left.email + left.voice > 0) {
    for (const c of ['sms', 'email', 'voice'] as const) {
      if (left[c] > 0) {
        out.push(c);
        left[c]--;
      }
    }
  }
  return out;
}

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
    const logDir = inject('logDir');
    for (let i = 0; i < PROCESSES; i++) {
      const child = spawn(path.resolve('node_modules/.bin/tsx'), ['src/main.ts', 'worker'], {
        env: {
          ...process.env,
          ...h.env,
          WORKER_CONCURRENCY: String(CONCURRENCY),
          REDIS_AUTOSTART: 'false',
          LOG_LEVEL: 'warn',
          API_KEYS: 'admin:worker-process-unused-key',
        },
        stdio: [
          'ignore',
          fs.openSync(path.join(logDir, `caps-worker-${i}-${process.pid}.log`), 'a'),
          fs.openSync(path.join(logDir, `caps-worker-${i}-${process.pid}.err`), 'a'),
        ],
      });
      workers.push(child);
    }
  });

  afterAll(async () => {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.exitCode !== null) return resolve();
            w.once('exit', () => resolve());
            w.kill('SIGTERM');
          }),
      ),
    );
    await h?.destroy();
    await twilio?.close();
    await smtp?.close();
  });

  it(
    'lets no borrower receive more than any cap allows, and defers the rest to a time the caps allow',
    { timeout: 480_000 },
    async () => {
      const borrowers = Array.from({ length: BORROWERS }, (_, i) => ({
        id: `cap-b-${i}`,
        name: `Borrower ${i}`,
        locale: i % 2 ? 'zh-CN' : 'en-US',
        timezone: ['America/New_York', 'America/Los_Angeles', 'Asia/Shanghai', 'Europe/London'][i % 4],
        phone: `+1415555${String(1000 + i).padStart(4, '0')}`,
        email: `borrower${i}@example.com`,
      }));
      // Each borrower's 25 reminders are next to each other in the queues, so many workers reach
      // for the same borrower's slots at the same moment.
      const perBorrowerCount = REMINDERS / BORROWERS;
      const reminders = borrowers.flatMap((borrower, b) => {
        const channels = channelsFor(DEMAND[groupOf(b)]);
        expect(channels).toHaveLength(perBorrowerCount);
        return channels.map((channel, j) => {
          const i = b * perBorrowerCount + j;
          return {
            externalId: `cap-r-${i}`,
            borrower,
            debt: {
              accountRef: `4111${String(i).padStart(12, '0')}`,
              creditor: 'Northwind Bank',
              amountDue: { amount: '120.50', currency: 'USD' },
              dueDate: '2026-11-20',
              daysOverdue: 3,
            },
            channel,
            template: 'gentle-overdue',
          };
        });
      });
      expect(reminders).toHaveLength(REMINDERS);
      for (let i = 0; i < reminders.length; i += 1000) {
        const res = await h.api('POST', '/v1/reminders/batch', { body: { reminders: reminders.slice(i, i + 1000) } });
        expect(res.status).toBe(200);
        expect(res.body.accepted).toBe(1000);
      }

      const db = h.service.store.db;
      // Settled: nothing in flight, and no message waiting only for a moment (a worker that lost
      // the race for a slot retries a second later before deferring properly).
      try {
        await waitFor(
          async () => {
            const busy = await db
              .selectFrom('messages')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('status', 'in', ['accepted', 'queued', 'sending'])
              .executeTakeFirstOrThrow();
            if (Number(busy.n) > 0) return undefined;
            const deferrals = await db
              .selectFrom('events')
              .select(['message_id', 'seq', 'data'])
              .where('type', 'in', ['deferred', 'scheduled'])
              .execute();
            const latest = new Map<string, { seq: number; until: number }>();
            for (const d of deferrals) {
              const prev = latest.get(d.message_id!);
              if (!prev || prev.seq < d.seq)
                latest.set(d.message_id!, { seq: d.seq, until: Date.parse(JSON.parse(d.data).until) });
            }
            return [...latest.values()].every((d) => d.until > Date.now() + 60_000) || undefined;
          },
          { timeoutMs: 420_000, intervalMs: 500, what: 'every message to be sent or deferred' },
        );
      } catch (err) {
        // Say where it stands: how many messages in each state, and the last event of a few busy ones.
        const counts = await db
          .selectFrom('messages')
          .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
          .groupBy('status')
          .execute();
        const stuck = await db
          .selectFrom('messages')
          .select(['id', 'status', 'attempts', 'updated_at'])
          .where('status', 'in', ['accepted', 'queued', 'sending'])
          .limit(5)
          .execute();
        const last = await Promise.all(
          stuck.map(async (m) => ({
            ...m,
            events: (await h.service.store.listEvents(m.id)).slice(-3).map((e) => `${e.type}@${e.at}`),
          })),
        );
        const jobs = await Promise.all(
          stuck.map(async (m) => (await h.service.queues.byChannel.sms.getJobState(m.id)) ?? 'none'),
        );
        const alive = workers.map((w) => w.exitCode ?? w.signalCode ?? 'running');
        throw new Error(`${(err as Error).message}: ${JSON.stringify({ counts, last, jobs, alive })}`);
      }
      for (const w of workers) expect(w.exitCode).toBeNull();

      // Count at the providers, per borrower.
      const perBorrower = new Map<string, { sms: number; voice: number; email: number }>();
      const tally = (phoneOrEmail: string, ch: 'sms' | 'voice' | 'email') => {
        const b = borrowers.find((x) => x.phone === phoneOrEmail || x.email === phoneOrEmail)!;
        const t = perBorrower.get(b.id) ?? { sms: 0, voice: 0, email: 0 };
        t[ch]++;
        perBorrower.set(b.id, t);
      };
      for (const m of twilio.messages()) tally(m.form.To!, 'sms');
      for (const c of twilio.calls()) tally(c.form.To!, 'voice');
      for (const e of smtp.envelopes) tally(e.to[0]!, 'email');
      expect(perBorrower.size).toBe(BORROWERS);
      for (const [id, t] of perBorrower) {
        expect(t.sms, `${id} sms`).toBeLessThanOrEqual(SMS_CAP);
        expect(t.email, `${id} email`).toBeLessThanOrEqual(EMAIL_CAP);
        expect(t.voice, `${id} voice`).toBeLessThanOrEqual(VOICE_CAP);
        expect(t.sms + t.email + t.voice, `${id} all channels`).toBeLessThanOrEqual(ALL_CAP);
      }
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
