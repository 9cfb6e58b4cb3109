/**
 * A load that presses every cap, for tests of the caps across processes (caps-concurrency.test.ts)
 * and across Redis failovers (redis-ha.test.ts): each borrower asks for more than one of the caps
 * allows, and which cap binds depends on the borrower's group. Sends are counted where they
 * arrive (the fake Twilio and a real SMTP server), not in the service's own tables.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { Database } from '../../src/store/schema.js';
import { resolveProfile, US_REGF } from '../../src/policy/profile.js';
import type { FakeTwilio } from './fake-twilio.js';
import type { Harness } from './harness.js';
import { waitFor } from './wait.js';
import type { SmtpSink } from './smtp-sink.js';

// US-REGF's caps (7 calls and 10 contacts in 7 days, 1 email a day), with the SMS cap raised from
// 1 to 5 a day so that SMS, email and calls together can ask for more than 10, and the contact
// window open all day so the test means the same at any hour.
export const SMS_PER_DAY = 5;
export const capsProfile = resolveProfile({
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
const capOf = (name: string) => capsProfile.caps.find((c) => c.name === name)!.max;
export const VOICE_CAP = capOf('voice-7-per-7-days');
export const ALL_CAP = capOf('all-10-per-7-days');
export const EMAIL_CAP = capOf('email-1-per-day');
export const SMS_CAP = capOf(`sms-${SMS_PER_DAY}-per-day`);

export type Group = 'voice' | 'all' | 'daily';
/**
 * Each borrower's 25 reminders, by group (what each asks for, and what the caps let through):
 * - voice: 23 calls, 1 SMS, 1 email: the 7-call cap binds (7 + 1 + 1 = 9, under 10 contacts);
 * - all:   10 SMS, 5 emails, 10 calls: per channel at most 5 + 1 + 7 = 13, so the 10-contact cap binds;
 * - daily: 20 SMS, 5 emails: the per-day SMS and email caps bind (5 + 1 = 6).
 */
export const DEMAND: Record<Group, { sms: number; email: number; voice: number }> = {
  voice: { sms: 1, email: 1, voice: 23 },
  all: { sms: 10, email: 5, voice: 10 },
  daily: { sms: 20, email: 5, voice: 0 },
};
export const PER_BORROWER = 25;
export const groupOf = (i: number): Group => (['voice', 'all', 'daily'] as const)[i % 3]!;

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

export interface CapsBorrower {
  id: string;
  name: string;
  locale: string;
  timezone: string;
  phone: string;
  email: string;
}

export function capsBorrowers(n: number): CapsBorrower[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `cap-b-${i}`,
    name: `Borrower ${i}`,
    locale: i % 2 ? 'zh-CN' : 'en-US',
    timezone: ['America/New_York', 'America/Los_Angeles', 'Asia/Shanghai', 'Europe/London'][i % 4]!,
    phone: `+1415555${String(1000 + i).padStart(4, '0')}`,
    email: `borrower${i}@example.com`,
  }));
}

/** Each borrower's 25 reminders, next to each other, so many workers reach for the same borrower's slots at once. */
export function capsReminders(borrowers: CapsBorrower[]) {
  return borrowers.flatMap((borrower, b) => {
    const channels = channelsFor(DEMAND[groupOf(b)]);
    expect(channels).toHaveLength(PER_BORROWER);
    return channels.map((channel, j) => {
      const i = b * PER_BORROWER + j;
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
}

export type Tally = { sms: number; voice: number; email: number };

/** What each borrower received, counted at the providers. */
export function tallyAtProviders(borrowers: CapsBorrower[], twilio: FakeTwilio, smtp: SmtpSink): Map<string, Tally> {
  const byAddress = new Map<string, string>();
  for (const b of borrowers) byAddress.set(b.phone, b.id).set(b.email, b.id);
  const perBorrower = new Map<string, Tally>();
  const tally = (phoneOrEmail: string, ch: keyof Tally) => {
    const id = byAddress.get(phoneOrEmail)!;
    const t = perBorrower.get(id) ?? { sms: 0, voice: 0, email: 0 };
    t[ch]++;
    perBorrower.set(id, t);
  };
  for (const m of twilio.messages()) tally(m.form.To!, 'sms');
  for (const c of twilio.calls()) tally(c.form.To!, 'voice');
  for (const e of smtp.envelopes) tally(e.to[0]!, 'email');
  return perBorrower;
}

export function expectNoCapExceeded(perBorrower: Map<string, Tally>): void {
  for (const [id, t] of perBorrower) {
    expect(t.sms, `${id} sms`).toBeLessThanOrEqual(SMS_CAP);
    expect(t.email, `${id} email`).toBeLessThanOrEqual(EMAIL_CAP);
    expect(t.voice, `${id} voice`).toBeLessThanOrEqual(VOICE_CAP);
    expect(t.sms + t.email + t.voice, `${id} all channels`).toBeLessThanOrEqual(ALL_CAP);
  }
}

/** `tsx src/main.ts <role>` children with the run's environment, logging to the run's log folder. */
export function spawnRoles(
  role: 'worker' | 'scheduler',
  count: number,
  env: Record<string, string>,
  logDir: string,
  name: string,
): ChildProcess[] {
  return Array.from({ length: count }, (_, i) =>
    spawn(path.resolve('node_modules/.bin/tsx'), ['src/main.ts', role], {
      env: {
        ...process.env,
        ...env,
        REDIS_AUTOSTART: 'false',
        LOG_LEVEL: 'warn',
        API_KEYS: 'admin:worker-process-unused-key',
      },
      stdio: [
        'ignore',
        fs.openSync(path.join(logDir, `${name}-${role}-${i}-${process.pid}.log`), 'a'),
        fs.openSync(path.join(logDir, `${name}-${role}-${i}-${process.pid}.err`), 'a'),
      ],
    }),
  );
}

/** SIGTERM each child; one still running after `killAfterMs` (a shutdown that hangs) gets SIGKILL, and a warning. */
export async function stopAll(children: ChildProcess[], killAfterMs = 30_000): Promise<void> {
  await Promise.all(
    children.map(
      (w) =>
        new Promise<void>((resolve) => {
          if (w.exitCode !== null || w.signalCode !== null) return resolve();
          const timer = setTimeout(() => {
            console.warn(
              `child ${w.pid} (${w.spawnargs.slice(-1)[0]}) still running ${killAfterMs} ms after SIGTERM: SIGKILL`,
            );
            w.kill('SIGKILL');
          }, killAfterMs);
          w.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          w.kill('SIGTERM');
        }),
    ),
  );
}

/**
 * Where a capped run stands: messages in flight (`accepted`, `queued`, `sending`), and the ids of
 * those whose latest deferral is only for a moment (a worker that lost the race for a slot retries
 * a second later before deferring properly). Settled: none of either.
 */
export async function unsettled(db: Kysely<Database>): Promise<{ busy: number; soon: string[] }> {
  const busy = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', ['accepted', 'queued', 'sending'])
    .executeTakeFirstOrThrow();
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
  const soon = [...latest].filter(([, d]) => d.until <= Date.now() + 60_000).map(([id]) => id);
  return { busy: Number(busy.n), soon };
}

/** Waits until the run has settled (above); on a timeout, says where it stands. */
export async function waitSettled(
  h: Pick<Harness, 'service'>,
  children: ChildProcess[],
  o: { timeoutMs: number; what: string },
): Promise<void> {
  const db = h.service.store.db;
  try {
    await waitFor(
      async () => {
        const u = await unsettled(db);
        return (u.busy === 0 && u.soon.length === 0) || undefined;
      },
      { timeoutMs: o.timeoutMs, intervalMs: 500, what: o.what },
    );
  } catch (err) {
    // How many messages in each state, and the last events of a few busy or soon-retried ones.
    const counts = await db
      .selectFrom('messages')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute();
    const busy = await db
      .selectFrom('messages')
      .select(['id'])
      .where('status', 'in', ['accepted', 'queued', 'sending'])
      .limit(5)
      .execute();
    const ids = [...busy.map((m) => m.id), ...(await unsettled(db)).soon.slice(0, 5)];
    const last = await Promise.all(
      ids.map(async (id) => ({
        id,
        job: (await h.service.queues.byChannel.sms.getJobState(id)) ?? 'none',
        events: (await h.service.store.listEvents(id))
          .slice(-4)
          .map((e) => `${e.type}@${e.at} ${JSON.stringify(e.data)}`),
      })),
    );
    const alive = children.map((w) => w.exitCode ?? w.signalCode ?? 'running');
    throw new Error(`${(err as Error).message}: ${JSON.stringify({ counts, last, alive }, null, 1)}`);
  }
}
