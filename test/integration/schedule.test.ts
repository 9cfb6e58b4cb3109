/**
 * The store is the schedule: a message due beyond the horizon is a `scheduled` row with no job;
 * the feeder brings it into BullMQ as it enters the horizon; deferrals beyond the horizon go back
 * to the store; maintenance survives Redis losing everything; a crash between the feeder's add and
 * its mark loses nothing and sends nothing twice; two feeders on PostgreSQL take disjoint batches.
 * Real Redis, the real store (SQLite and PostgreSQL), the fake Twilio.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openAuditStore } from '../../src/store/audit-store.js';
import { jobIdOf, type Message } from '../../src/domain/index.js';
import { makeLogger } from '../../src/observability/logger.js';
import { makeFeeder } from '../../src/jobs/feeder.js';
import type { Gate } from '../../src/workers/dispatch.processor.js';
import { spawnService } from '../support/child-service.js';
import { startFakeTwilio, providerEnv, type FakeTwilio } from '../support/fake-twilio.js';
import { dbVariants, prepareRun, reminderBody, startHarness, type Harness } from '../support/harness.js';
import { waitFor } from '../support/wait.js';

const silent = makeLogger({ level: 'silent' });

/**
 * Every key of one service's queue prefix, gone at once: what Redis losing its data looks like to
 * it. One script, so nothing runs in between: a SCAN-and-DEL loop over a Redis shared with other
 * test files takes many round trips, during which the reconciler re-adds jobs and a later batch
 * deletes half of them (a job's hash kept, its place in the queue gone), which no restart does.
 */
async function loseRedisData(prefix: string): Promise<number> {
  const redis = new Redis(inject('redisUrl'));
  try {
    const script = `local keys = redis.call('KEYS', ARGV[1])
      for i = 1, #keys, 1000 do redis.call('DEL', unpack(keys, i, math.min(i + 999, #keys))) end
      return #keys`;
    return (await redis.eval(script, 0, `${prefix}:*`)) as number;
  } finally {
    redis.disconnect();
  }
}

/** On a timeout: each message not sent, with its events and the state of its job in Redis. */
async function unsentReport(h: Harness, ids: string[]): Promise<string> {
  const lines: string[] = [];
  for (const id of ids) {
    const m = await h.service.store.getMessage(id);
    if (!m || m.status === 'sent') continue;
    const events = (await h.service.store.listEvents(id)).map(
      (e) => `${e.type}@${e.at}${e.data ? ` ${JSON.stringify(e.data)}` : ''}`,
    );
    const job = await h.service.queues.byChannel[m.channel].getJob(jobIdOf(m));
    const state = job ? await job.getState() : 'no job';
    lines.push(
      `${id} ${m.status} due ${m.dueAt} job ${jobIdOf(m)} ${state} attempts ${job?.attemptsMade ?? '-'}: ${events.join(' → ')}`,
    );
  }
  return lines.join('\n');
}

async function post(h: Harness, count: number, sendAt: Date, phoneBase: number, area = '415') {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 100) {
    const reminders = Array.from({ length: Math.min(100, count - i) }, (_, k) =>
      reminderBody(
        { sendAt: sendAt.toISOString() },
        { phone: `+1${area}${String(phoneBase + i + k).padStart(7, '0')}` },
      ),
    );
    const res = await h.api('POST', '/v1/reminders/batch', { body: { reminders } });
    expect(res.status).toBe(200);
    expect(res.body.accepted).toBe(reminders.length);
    for (const r of res.body.results) ids.push(r.reminder.messages[0].id as string);
  }
  return ids;
}

describe.each(dbVariants())('the store is the schedule on $name', (variant) => {
  let twilio: FakeTwilio;
  beforeAll(async () => {
    twilio = await startFakeTwilio();
  });
  afterAll(async () => {
    await twilio?.close();
  });
  const sendsTo = (phone: string) => twilio.messages().filter((r) => r.form.To === phone).length;
  const manual = () => ({
    ...providerEnv(twilio),
    RECONCILE_EVERY_MS: '0',
    RECONCILE_AFTER_MS: '0',
    FEED_EVERY_MS: '0',
    SCHEDULE_HORIZON: '2s',
  });

  it('keeps a reminder due beyond the horizon as a row with no job, and feeds it in as it comes due', async () => {
    const h = await startHarness({ db: variant, env: manual() });
    try {
      const sendAt = new Date(Date.now() + 4_000);
      const res = await h.api('POST', '/v1/reminders', {
        body: reminderBody({ sendAt: sendAt.toISOString() }, { phone: '+14155550301' }),
      });
      expect(res.status).toBe(202);
      const m = res.body.messages[0];
      expect(m).toMatchObject({ status: 'scheduled', sendAt: sendAt.toISOString(), dueAt: sendAt.toISOString() });
      expect(await h.service.queues.byChannel.sms.getJob(m.id)).toBeUndefined();
      // Not yet within the horizon: the feeder leaves it.
      expect(await h.service.feeder.run()).toEqual({ fed: 0 });
      await waitFor(() => Date.now() >= sendAt.getTime() - 1_900 || undefined, {
        what: 'the message to enter the horizon',
      });
      expect(await h.service.feeder.run()).toEqual({ fed: 1 });
      expect(await h.service.feeder.run()).toEqual({ fed: 0 });
      const job = await h.service.queues.byChannel.sms.getJob(m.id);
      expect(job?.opts.delay).toBeGreaterThan(0);
      await waitFor(async () => (await h.service.store.getMessage(m.id))?.status === 'sent', {
        what: 'the message to be sent',
        timeoutMs: 10_000,
      });
      const sent = twilio.messages().find((r) => r.form.To === '+14155550301')!;
      // BullMQ's delay, not the feeder's period, decides when it goes.
      expect(sent.at).toBeGreaterThanOrEqual(sendAt.getTime());
      expect(sent.at - sendAt.getTime()).toBeLessThan(1_500);
      const events = await h.service.store.listEvents(m.id);
      expect(events.map((e) => [e.type, e.actor.replace(/:.*/, '')])).toEqual([
        ['scheduled', 'api'],
        ['queued', 'feeder'],
        ['sending', 'worker'],
        ['sent', 'worker'],
      ]);
      expect(sendsTo('+14155550301')).toBe(1);
    } finally {
      await h.destroy();
    }
  });

  it('refuses a sendAt too far ahead or malformed, naming the field, and takes one in the past as now', async () => {
    const h = await startHarness({ db: variant, env: { ...manual(), SEND_AT_MAX_AHEAD: '30d' } });
    try {
      const far = await h.api('POST', '/v1/reminders', {
        body: reminderBody({ sendAt: new Date(Date.now() + 31 * 86_400_000).toISOString() }),
      });
      expect(far.status).toBe(400);
      expect(far.headers.get('content-type')).toContain('application/problem+json');
      expect(far.body.errors).toEqual([{ path: 'sendAt', message: expect.stringContaining('at most 30 days ahead') }]);
      const bad = await h.api('POST', '/v1/reminders', { body: reminderBody({ sendAt: 'next tuesday' }) });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].path).toBe('sendAt');
      const batch = await h.api('POST', '/v1/reminders/batch', {
        body: {
          reminders: [reminderBody({ sendAt: new Date(Date.now() + 40 * 86_400_000).toISOString() }), reminderBody()],
        },
      });
      expect(batch.body.results.map((r: { status: number }) => r.status)).toEqual([400, 202]);
      expect(batch.body.results[0].problem.errors[0].path).toBe('sendAt');
      const past = await h.api('POST', '/v1/reminders', {
        body: reminderBody({ sendAt: '2020-01-01T00:00:00Z' }, { phone: '+14155550302' }),
      });
      expect(past.status).toBe(202);
      expect(past.body.messages[0].status).toMatch(/^(accepted|queued)$/);
      await waitFor(async () => (await h.service.store.getMessage(past.body.messages[0].id))?.status === 'sent', {
        what: 'the past-dated message to go now',
      });
    } finally {
      await h.destroy();
    }
  });

  it('parks a deferral beyond the horizon back in the store, and brings it back with a new job id', async () => {
    let deferOnce = true;
    const gate: Gate = async ({ now }) => {
      if (!deferOnce) return { action: 'send' };
      deferOnce = false;
      return {
        action: 'defer',
        until: new Date(now.getTime() + 3_600_000),
        reasons: [{ code: 'outside-contact-window', rule: 'test', detail: 'closed for an hour' }],
      };
    };
    const h = await startHarness({ db: variant, env: manual(), service: { gate } });
    try {
      const res = await h.api('POST', '/v1/reminders', { body: reminderBody({}, { phone: '+14155550303' }) });
      const id = res.body.messages[0].id as string;
      const parked = await waitFor(async () => {
        const m = await h.service.store.getMessage(id);
        return m?.status === 'scheduled' ? m : undefined;
      });
      expect(parked.jobSeq).toBe(1);
      expect(Date.parse(parked.dueAt)).toBeGreaterThan(Date.now() + 3_500_000);
      expect(await h.service.queues.byChannel.sms.getJob(jobIdOf(parked))).toBeUndefined();
      const view = await h.api('GET', `/v1/reminders/${res.body.id}`, { role: 'compliance' });
      expect(view.body.messages[0]).toMatchObject({ status: 'scheduled', dueAt: parked.dueAt });
      // The first job ended; when the hour is up the feeder adds `<id>.1` (as if the hour had passed: a wider horizon).
      expect(await h.service.feeder.run({ horizonMs: 2 * 3_600_000 })).toEqual({ fed: 1 });
      const job = await h.service.queues.byChannel.sms.getJob(`${id}.1`);
      expect(job).toBeDefined();
      await job!.changeDelay(0);
      await waitFor(async () => (await h.service.store.getMessage(id))?.status === 'sent', {
        what: 'the parked message to be sent',
      });
      expect((await h.service.store.listEvents(id)).map((e) => e.type)).toEqual([
        'accepted',
        'queued',
        'scheduled',
        'queued',
        'sending',
        'sent',
      ]);
      expect(sendsTo('+14155550303')).toBe(1);
    } finally {
      await h.destroy();
    }
  });

  it(
    'sends every queued, deferred and scheduled message once after Redis loses everything, without a restart',
    { timeout: 150_000 },
    async () => {
      // Borrowers in area code 416 are deferred 3 s once (within the horizon: a delayed job).
      const deferred = new Set<string>();
      const gate: Gate = async ({ message, now }) => {
        if (message.to.startsWith('+1416') && !deferred.has(message.id)) {
          deferred.add(message.id);
          return {
            action: 'defer',
            until: new Date(now.getTime() + 3_000),
            reasons: [{ code: 'cap-reached', rule: 'test', detail: 'wait 3 s' }],
          };
        }
        return { action: 'send' };
      };
      const h = await startHarness({
        db: variant,
        env: {
          ...providerEnv(twilio),
          SCHEDULE_HORIZON: '8s',
          FEED_EVERY_MS: '300',
          RECONCILE_EVERY_MS: '500',
          RECONCILE_AFTER_MS: '1000',
        },
        service: { gate },
      });
      try {
        // Times leave room for a slow machine: the scheduled ones stay beyond the horizon until well after the loss.
        const now = Date.now();
        const scheduledIds = await post(h, 40, new Date(now + 25_000), 4_100_000);
        const queuedIds = await post(h, 40, new Date(now + 6_000), 4_000_000);
        const deferredIds = await post(h, 40, new Date(now), 4_200_000, '416');
        await waitFor(
          async () =>
            (await Promise.all(deferredIds.map((id) => h.service.store.getMessage(id)))).filter(
              (m) => m?.status === 'deferred',
            ).length >= 4 || undefined,
          {
            what: 'some messages to be deferred',
          },
        );
        const statuses = async (ids: string[]) =>
          (await Promise.all(ids.map((id) => h.service.store.getMessage(id)))).map((m) => m!.status);
        expect(new Set(await statuses(scheduledIds))).toEqual(new Set(['scheduled']));
        expect(await statuses(queuedIds)).not.toContain('scheduled');
        expect(await loseRedisData(h.prefix)).toBeGreaterThan(0);
        const all = [...queuedIds, ...scheduledIds, ...deferredIds];
        // A job re-added for a row another worker is still sending waits out that worker's lease (30 s).
        await waitFor(async () => (await statuses(all)).every((s) => s === 'sent') || undefined, {
          what: 'all 120 messages to be sent',
          timeoutMs: 100_000,
          intervalMs: 250,
        }).catch(async (err: Error) => {
          throw new Error(`${err.message}\n${await unsentReport(h, all)}`);
        });
        const messages = (await Promise.all(all.map((id) => h.service.store.getMessage(id)))) as Message[];
        for (const m of messages) expect(sendsTo(m.to)).toBe(1);
      } finally {
        await h.destroy();
      }
    },
  );

  it(
    'loses nothing and sends nothing twice when the feeder is killed between adding jobs and marking rows',
    { timeout: 90_000 },
    async () => {
      // This process only accepts; a scheduler in a child process feeds and dies; workers start after.
      const h = await startHarness({ db: variant, env: { ...manual(), SCHEDULE_HORIZON: '5s' }, role: 'api' });
      let child;
      let workers: Harness | undefined;
      try {
        const ids = await post(h, 30, new Date(Date.now() + 8_000), 4_300_000);
        const run = prepareRun({
          db: variant,
          reuse: h,
          env: { ...manual(), SCHEDULE_HORIZON: '60s', FEED_EVERY_MS: '200', FAULT_INJECTION: 'feeder-after-enqueue' },
        });
        child = await spawnService('scheduler', run);
        expect(await child.exited).toEqual({ code: null, signal: 'SIGKILL' });
        // It died with the jobs added and the rows not marked.
        // (Due, a job is prioritized: its priority is its place in its tenant's backlog.)
        const jobs = await h.service.queues.byChannel.sms.getJobCounts('delayed', 'waiting', 'prioritized');
        expect((jobs.delayed ?? 0) + (jobs.waiting ?? 0) + (jobs.prioritized ?? 0)).toBe(30);
        const rows = await Promise.all(ids.map((id) => h.service.store.getMessage(id)));
        expect(new Set(rows.map((m) => m!.status))).toEqual(new Set(['scheduled']));
        // The next feed adds nothing new (same job ids) and marks them.
        expect(await h.service.feeder.run({ horizonMs: 60_000 })).toEqual({ fed: 30 });
        const after = await h.service.queues.byChannel.sms.getJobCounts('delayed', 'waiting', 'prioritized');
        expect((after.delayed ?? 0) + (after.waiting ?? 0) + (after.prioritized ?? 0)).toBe(30);
        workers = await startHarness({ db: variant, env: manual(), reuse: h, role: 'worker' });
        await waitFor(
          async () =>
            (await Promise.all(ids.map((id) => h.service.store.getMessage(id)))).every((m) => m!.status === 'sent') ||
            undefined,
          {
            what: 'every message to be sent',
            timeoutMs: 30_000,
          },
        );
        for (const m of rows) expect(sendsTo(m!.to)).toBe(1);
      } finally {
        if (child && child.child.exitCode === null && child.child.signalCode === null) child.child.kill('SIGKILL');
        await workers?.close();
        await h.destroy();
      }
    },
  );

  it('cancels a resolved borrower’s scheduled messages in the store alone: none is fed or sent', async () => {
    const h = await startHarness({ db: variant, env: manual() });
    try {
      const body = reminderBody(
        { sendAt: new Date(Date.now() + 14 * 86_400_000).toISOString() },
        { phone: '+14155550304' },
      );
      const a = await h.api('POST', '/v1/reminders', { body });
      const b = await h.api('POST', '/v1/reminders', {
        body: {
          ...body,
          externalId: `${body.externalId}-2`,
          sendAt: new Date(Date.now() + 21 * 86_400_000).toISOString(),
        },
      });
      expect([a.body.messages[0].status, b.body.messages[0].status]).toEqual(['scheduled', 'scheduled']);
      const resolved = await h.api('POST', `/v1/borrowers/${body.borrower.id}/resolve`, { body: {} });
      expect(resolved.status).toBe(200);
      expect(resolved.body.cancelled).toHaveLength(2);
      expect(await h.service.feeder.run({ horizonMs: 30 * 86_400_000 })).toEqual({ fed: 0 });
      expect((await h.service.store.getMessage(a.body.messages[0].id))!.status).toBe('cancelled');
      expect(sendsTo('+14155550304')).toBe(0);
    } finally {
      await h.destroy();
    }
  });

  it.runIf(variant.name === 'postgres')(
    'lets two feeders on PostgreSQL take disjoint batches: each message is enqueued once',
    { timeout: 60_000 },
    async () => {
      const h = await startHarness({ db: variant, env: { ...manual(), SCHEDULE_HORIZON: '60s' }, role: 'api' });
      const other = await openAuditStore(h.db.url, h.db.schema ? { schema: h.db.schema } : {});
      try {
        const ids = await post(h, 1_000, new Date(Date.now() + 10 * 60_000), 4_400_000);
        const seen: string[][] = [[], []];
        const feeders = [h.service.store, other].map((store, i) =>
          makeFeeder({
            store,
            queues: h.service.queues,
            clock: { now: () => new Date() },
            log: silent,
            horizonMs: 3_600_000,
            batchSize: 100,
            hooks: { afterEnqueue: async (ms) => void seen[i]!.push(...ms.map((m) => m.id)) },
          }),
        );
        const [x, y] = await Promise.all(feeders.map((f) => f.run()));
        expect(x!.fed + y!.fed).toBe(1_000);
        expect(x!.fed).toBeGreaterThan(0);
        expect(y!.fed).toBeGreaterThan(0);
        const first = new Set(seen[0]);
        expect(seen[1]!.filter((id) => first.has(id))).toEqual([]);
        expect(new Set([...seen[0]!, ...seen[1]!])).toEqual(new Set(ids));
        const queuedEvents = await h.service.store.db
          .selectFrom('events')
          .select(['message_id'])
          .where('type', '=', 'queued')
          .execute();
        expect(queuedEvents).toHaveLength(1_000);
        expect((await h.service.queues.byChannel.sms.getJobCounts('delayed')).delayed).toBe(1_000);
      } finally {
        await other.close();
        await h.destroy();
      }
    },
  );
});
