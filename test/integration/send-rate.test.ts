/**
 * The per-channel send rate (SMS_PER_SECOND, the default tenant's: every worker process takes a
 * slot of the tenant's one-second window before a job runs, fair-share/take-send-slot.lua): messages
 * due at once start no faster than the rate. The slot is taken when a job starts, so the spacing is
 * measured on BullMQ's own start times (`processedOn`: a job sent back for its turn starts again);
 * the requests' arrival at the fake Twilio add whatever each job took from start to request, which
 * a busy host stretches unevenly (one slow render bunches two windows' requests together), so they
 * are checked for order and the overall span only.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerEnv, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { reminderBody, sqliteOnly, startHarness, type Harness } from '../support/harness.js';
import { waitFor } from '../support/wait.js';
import { shareKeys } from '../../src/jobs/fair-share/keys.js';

const RATE = 2; // SMS a second
const N = 7;
/**
 * Slack: a window opens when its first job starts, and the second may start a few milliseconds
 * after it, so job i + RATE may start a little less than a second after job i.
 */
const SLACK_MS = 150;

describe('the per-second send rate', () => {
  let tw: FakeTwilio;
  let h: Harness;

  beforeAll(async () => {
    tw = await startFakeTwilio();
    // Plenty of workers, so only the limiter can hold messages back.
    h = await startHarness({
      db: sqliteOnly,
      env: { ...providerEnv(tw), SMS_PER_SECOND: String(RATE), WORKER_CONCURRENCY: '20' },
    });
  });
  afterAll(async () => {
    await h?.destroy();
    await tw?.close();
  });

  it(`sends ${N} SMS due at once no faster than ${RATE} a second`, { timeout: 30_000 }, async () => {
    // A first message warms the path (template version stored, HTTP agent up): its first job is
    // slower from job start to request than the others, which would blur the spacing measured.
    const warm = await h.api('POST', '/v1/reminders', {
      body: reminderBody({ channel: 'sms' }, { phone: '+14155556099' }),
    });
    await waitFor(
      async () => (await h.service.store.getMessage(warm.body.messages[0].id))?.status === 'sent' || undefined,
      { what: 'the warm-up SMS' },
    );
    // Then the tenant's window of sends is empty (its key in Redis expires), so the batch starts one.
    const limiterKey = shareKeys(h.prefix, 'default', 'sms').window;
    const redis = new Redis(h.env.REDIS_URL!);
    try {
      await waitFor(async () => (await redis.pttl(limiterKey)) < 0 || undefined, { what: 'the limiter window to end' });
    } finally {
      redis.disconnect();
    }

    const numbers = Array.from({ length: N }, (_, i) => `+1415555${String(6100 + i).padStart(4, '0')}`);
    // One batch: all seven jobs are in the queue together, due now.
    const res = await h.api('POST', '/v1/reminders/batch', {
      body: { reminders: numbers.map((phone) => reminderBody({ channel: 'sms' }, { phone })) },
    });
    expect(res.body.accepted).toBe(N);
    const ids = res.body.results.map(
      (r: { reminder: { messages: { id: string }[] } }) => r.reminder.messages[0]!.id as string,
    );
    await waitFor(
      async () =>
        (await Promise.all(ids.map((id: string) => h.service.store.getMessage(id)))).every(
          (m) => m?.status === 'sent',
        ) || undefined,
      { what: 'all sent', timeoutMs: 20_000 },
    );

    const arrivals = tw
      .messages()
      .filter((r) => numbers.includes(r.form.To!))
      .map((r) => r.at)
      .sort((a, b) => a - b);
    expect(arrivals).toHaveLength(N);
    const queue = h.service.queues.byChannel.sms;
    const started = (await Promise.all(ids.map(async (id: string) => (await queue.getJob(id))!.processedOn!))).sort(
      (a, b) => a - b,
    );
    const shown = `job starts ${JSON.stringify(started.map((t) => t - started[0]!))}`;
    // No RATE + 1 jobs started within one second: each starts at least a second after the one
    // RATE places before it.
    const gaps = started.slice(RATE).map((t, i) => t - started[i]!);
    for (const gap of gaps) expect(gap, shown).toBeGreaterThanOrEqual(1000 - SLACK_MS);
    // So N messages span at least (N - 1) / RATE seconds; at the provider too, give or take the
    // start-to-request time of the first and the last (well under a second).
    const span = ((N - 1) / RATE) * 1000;
    expect(started.at(-1)! - started[0]!, shown).toBeGreaterThanOrEqual(span - SLACK_MS);
    expect(
      arrivals.at(-1)! - arrivals[0]!,
      `arrivals ${JSON.stringify(arrivals.map((t) => t - arrivals[0]!))}`,
    ).toBeGreaterThan(span - 1000);
  });
});
