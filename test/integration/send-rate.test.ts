/**
 * The per-channel send rate (SMS_PER_SECOND: BullMQ's limiter, shared by every worker of the
 * queue): messages due at once reach the provider no faster than the rate, measured at the fake
 * Twilio from the times the requests arrived there.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerEnv, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { reminderBody, sqliteOnly, startHarness, type Harness } from '../support/harness.js';
import { waitFor } from '../support/wait.js';

const RATE = 2; // SMS a second
const N = 7;
/** Scheduling slack: a request arrives a little after its job started (gate, render, claim). */
const SLACK_MS = 150;

describe('the per-second send limiter', () => {
  let tw: FakeTwilio;
  let h: Harness;

  beforeAll(async () => {
    tw = await startFakeTwilio();
    // Plenty of workers, so only the limiter can hold messages back.
    h = await startHarness({ db: sqliteOnly, env: { ...providerEnv(tw), SMS_PER_SECOND: String(RATE), WORKER_CONCURRENCY: '20' } });
  });
  afterAll(async () => {
    await h?.destroy();
    await tw?.close();
  });

  it(`sends ${N} SMS due at once no faster than ${RATE} a second`, { timeout: 30_000 }, async () => {
    // A first message warms the path (template version stored, HTTP agent up): its first job is
    // slower from job start to request than the others, which would blur the spacing measured.
    const warm = await h.api('POST', '/v1/reminders', { body: reminderBody({ channel: 'sms' }, { phone: '+14155556099' }) });
    await waitFor(async () => (await h.service.store.getMessage(warm.body.messages[0].id))?.status === 'sent' || undefined, { what: 'the warm-up SMS' });
    // Then the limiter's current window ends (its key in Redis expires), so the batch starts one.
    const limiterKey = h.service.queues.byChannel.sms.keys.limiter!;
    const redis = new Redis(h.env.REDIS_URL!);
    try {
      await waitFor(async () => (await redis.pttl(limiterKey)) < 0 || undefined, { what: 'the limiter window to end' });
    } finally {
      redis.disconnect();
    }

    const numbers = Array.from({ length: N }, (_, i) => `+1415555${String(6100 + i).padStart(4, '0')}`);
    // One batch: all seven jobs are in the queue together, due now.
    const res = await h.api('POST', '/v1/reminders/batch', { body: { reminders: numbers.map((phone) => reminderBody({ channel: 'sms' }, { phone })) } });
    expect(res.body.accepted).toBe(N);
    const ids = res.body.results.map((r: { reminder: { messages: { id: string }[] } }) => r.reminder.messages[0]!.id as string);
    await waitFor(async () => (await Promise.all(ids.map((id: string) => h.service.store.getMessage(id)))).every((m) => m?.status === 'sent') || undefined, { what: 'all sent', timeoutMs: 20_000 });

    const arrivals = tw
      .messages()
      .filter((r) => numbers.includes(r.form.To!))
      .map((r) => r.at)
      .sort((a, b) => a - b);
    expect(arrivals).toHaveLength(N);
    // No RATE + 1 requests within one second: each request is at least a second after the one
    // RATE places before it.
    const gaps = arrivals.slice(RATE).map((t, i) => t - arrivals[i]!);
    for (const gap of gaps) expect(gap, `arrivals ${JSON.stringify(arrivals.map((t) => t - arrivals[0]!))}`).toBeGreaterThanOrEqual(1000 - SLACK_MS);
    // So N messages span at least (N - 1) / RATE seconds.
    expect(arrivals.at(-1)! - arrivals[0]!).toBeGreaterThanOrEqual(((N - 1) / RATE) * 1000 - SLACK_MS);
  });
});
