/**
 * The parts of fair sharing between tenants, each against the run's Redis with a prefix of its own
 * and the time passed in: a tenant's send slots (take-send-slot.lua: a sliding one-second window
 * and a line of waiting jobs), the priorities the dispatch queues give each tenant's jobs (their
 * place in the tenant's backlog), and the move of jobs left in the per-tenant queues of earlier
 * versions into the channel's queue (and, end to end, a worker process that sends what an earlier
 * version left there).
 */
import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_DISPATCH_JOB_OPTIONS, legacyDispatchQueueName } from '../../queues/index.js';
import { type DispatchQueues, drainLegacyQueues, makeDispatchQueues } from '../../src/jobs/dispatch-queues.js';
import { shareKeys } from '../../src/jobs/fair-share/keys.js';
import { makeSendSlots, type SendSlots } from '../../src/jobs/fair-share/send-slots.js';
import { providerEnv, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { reminderBody, sqliteOnly, startHarness, type Harness } from '../support/harness.js';
import { ACME_TENANT } from '../support/tenants.js';
import { waitFor } from '../support/wait.js';

const T0 = 1_800_000_000_000;

describe('fair sharing between tenants', () => {
  let redis: Redis;
  let prefix: string;
  let slots: SendSlots;
  let queues: DispatchQueues;

  beforeAll(() => {
    redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: null });
  });
  afterAll(async () => {
    await queues?.close();
    redis.disconnect();
  });
  const fresh = () => {
    prefix = `t${randomBytes(5).toString('hex')}`;
    slots = makeSendSlots(redis, prefix);
  };

  it('lets a tenant’s channel start its rate in a second, and tells the next job when the oldest leaves the window', async () => {
    fresh();
    for (let i = 0; i < 3; i++) expect(await slots.take('acme', 'sms', `j${i}`, 3, T0 + i * 10)).toBe(0);
    expect(await slots.take('acme', 'sms', 'j3', 3, T0 + 50)).toBe(950);
    // Another tenant, and the same tenant's other channel, have windows of their own.
    expect(await slots.take('bravo', 'sms', 'b0', 3, T0 + 50)).toBe(0);
    expect(await slots.take('acme', 'email', 'e0', 3, T0 + 50)).toBe(0);
  });

  it('keeps time by Redis’s clock when none is given (one clock for every worker process)', async () => {
    fresh();
    expect(await slots.take('acme', 'sms', 'a', 1)).toBe(0);
    const wait = await slots.take('acme', 'sms', 'b', 1);
    expect(wait).toBeGreaterThan(900);
    expect(wait).toBeLessThanOrEqual(1000);
  });

  it('gives waiting jobs distinct turns, 1/rate apart, so a backlog wakes at the rate', async () => {
    fresh();
    expect(await slots.take('acme', 'sms', 'a', 2, T0)).toBe(0);
    expect(await slots.take('acme', 'sms', 'b', 2, T0)).toBe(0);
    const turns = [];
    for (const id of ['c', 'd', 'e', 'f']) turns.push(await slots.take('acme', 'sms', id, 2, T0 + 1));
    expect(turns).toEqual([999, 1499, 1999, 2499]);
  });

  it('lets a job back from the line go before one that has not waited, which joins the end', async () => {
    fresh();
    await slots.take('acme', 'sms', 'a', 1, T0);
    expect(await slots.take('acme', 'sms', 'w1', 1, T0 + 1)).toBe(999);
    expect(await slots.take('acme', 'sms', 'w2', 1, T0 + 2)).toBe(1998);
    // At w1's turn a job that never waited asks first: the line is ahead of it.
    expect(await slots.take('acme', 'sms', 'fresh', 1, T0 + 1000)).toBe(2000);
    expect(await slots.take('acme', 'sms', 'w1', 1, T0 + 1001)).toBe(0);
    // A waiting job back when the window is still full (sends ran late) tries again as soon as
    // there is room, keeping its place ahead of the line.
    expect(await slots.take('acme', 'sms', 'w2', 1, T0 + 1500)).toBe(501);
    expect(await slots.take('acme', 'sms', 'w2', 1, T0 + 2001)).toBe(0);
  });

  it('applies a changed rate to the next job asked: the window and the line ahead follow it', async () => {
    fresh();
    for (let i = 0; i < 2; i++) await slots.take('acme', 'sms', `s${i}`, 2, T0);
    // Four wait at 2 a second: the line ends 2 s on.
    for (const id of ['w1', 'w2', 'w3', 'w4']) await slots.take('acme', 'sms', id, 2, T0 + 1);
    // Raised to 10 a second: the line ahead is shortened to the rate, so a new job's turn comes sooner.
    // (The line ended at T0 + 3000: 2,990 ms ahead at 500 ms a turn becomes 598 at 100.)
    expect(await slots.take('acme', 'sms', 'raised', 10, T0 + 10)).toBe(598);
    // Lowered to 1 a second: a full window holds the next job until its oldest send leaves.
    fresh();
    await slots.take('acme', 'sms', 'x', 5, T0);
    await slots.take('acme', 'sms', 'y', 5, T0 + 100);
    expect(await slots.take('acme', 'sms', 'z', 1, T0 + 200)).toBe(900);
  });

  it('gives each tenant’s jobs their place in its own backlog as priority, and counts the ones let through', async () => {
    fresh();
    queues = makeDispatchQueues(redis, prefix, DEFAULT_DISPATCH_JOB_OPTIONS);
    const job = (tenant: string, i: number) => ({
      jobId: `${tenant}-${i}`,
      messageId: `${tenant}-${i}`,
      tenant,
      channel: 'sms' as const,
      delayMs: 0,
    });
    await queues.add(Array.from({ length: 5 }, (_, i) => job('big', i)));
    await queues.add([job('small', 0), job('big', 5), job('small', 1)]);
    const priorities = Object.fromEntries(
      (await queues.byChannel.sms.getJobs(['prioritized'])).map((j) => [j.id, [j.priority, j.data.tenant]]),
    );
    expect(priorities).toEqual({
      'big-0': [1, 'big'],
      'big-1': [2, 'big'],
      'big-2': [3, 'big'],
      'big-3': [4, 'big'],
      'big-4': [5, 'big'],
      'big-5': [6, 'big'],
      'small-0': [1, 'small'],
      'small-1': [2, 'small'],
    });
    // Small's two come before big's third.
    const order = [];
    for (let i = 0; i < 4; i++) order.push((await queues.byChannel.sms.getJobs(['prioritized'], i, i, true))[0]!.id);
    expect(order).toEqual(['big-0', 'small-0', 'big-1', 'small-1']);
    // A job let through leaves its tenant's backlog: the next one added takes its place.
    await slots.take('big', 'sms', 'big-0', 100, T0);
    expect(await redis.hget(shareKeys(prefix, 'big', 'sms').state, 'backlog')).toBe('5');
    await queues.close();
  });

  it('moves the jobs left in an earlier version’s per-tenant queue into the channel’s queue, keeping their ids and due times', async () => {
    fresh();
    queues = makeDispatchQueues(redis, prefix, DEFAULT_DISPATCH_JOB_OPTIONS);
    const legacy = new Queue(legacyDispatchQueueName('acme', 'sms'), { connection: redis, prefix });
    const dueLater = Date.now() + 3_600_000;
    await legacy.add('d', { messageId: 'm-now' }, { jobId: 'm-now' });
    await legacy.add('d', { messageId: 'm-later' }, { jobId: 'm-later', delay: dueLater - Date.now() });
    expect(await drainLegacyQueues(redis, prefix, queues, ['default', 'acme', 'bravo'])).toBe(2);
    expect(await legacy.getJobCountByTypes('wait', 'delayed', 'prioritized')).toBe(0);
    const now = await queues.byChannel.sms.getJob('m-now');
    expect(now?.data).toEqual({ messageId: 'm-now', tenant: 'acme' });
    expect(await now?.getState()).toBe('prioritized');
    const later = await queues.byChannel.sms.getJob('m-later');
    expect(await later?.getState()).toBe('delayed');
    expect(Math.abs(later!.timestamp + later!.delay - dueLater)).toBeLessThan(1_000);
    // A second pass finds nothing left.
    expect(await drainLegacyQueues(redis, prefix, queues, ['acme'])).toBe(0);
    await legacy.close();
  });
});

describe('a worker process started after an upgrade', () => {
  let tw: FakeTwilio;
  let api: Harness | undefined;
  let worker: Harness | undefined;

  beforeAll(async () => {
    tw = await startFakeTwilio();
  });
  afterAll(async () => {
    await worker?.close();
    await api?.destroy();
    await tw?.close();
  });

  it('sends a message whose job an earlier version left in the tenant’s own queue', { timeout: 60_000 }, async () => {
    api = await startHarness({ db: sqliteOnly, env: providerEnv(tw), role: 'api' });
    expect((await api.api('PUT', '/v1/tenants/acme', { role: 'admin', body: ACME_TENANT })).status).toBe(201);
    const key = (await api.service.store.apiKeys.create('collector', 'acme', new Date(), 'acme')).token;
    const res = await api.api('POST', '/v1/reminders', {
      role: null,
      headers: { authorization: `Bearer ${key}` },
      body: reminderBody({ channel: 'sms' }, { phone: '+14155550777' }),
    });
    expect(res.status).toBe(202);
    const id = res.body.messages[0].id as string;
    // As the earlier version left it: in `dispatch-sms.acme`, ids only, no tenant in the job.
    expect(await api.service.queues.byChannel.sms.remove(id)).toBe(1);
    const legacy = new Queue(legacyDispatchQueueName('acme', 'sms'), {
      connection: { url: api.env.REDIS_URL! },
      prefix: api.prefix,
    });
    await legacy.add('d', { messageId: id }, { jobId: id });
    await legacy.close();
    worker = await startHarness({ db: sqliteOnly, env: providerEnv(tw), role: 'worker', reuse: api });
    await waitFor(async () => (await api!.service.store.getMessage(id))?.status === 'sent' || undefined, {
      what: 'the message left in the old queue to be sent',
    });
    expect(tw.messages().filter((r) => r.form.To === '+14155550777')).toHaveLength(1);
    expect(tw.messages().find((r) => r.form.To === '+14155550777')?.form.From).toBe(ACME_TENANT.senders.sms.from);
  });
});
