/**
 * Graceful shutdown with sends in flight: closing the service stops taking new jobs and lets the
 * jobs already talking to the provider finish and record their outcome, within
 * SHUTDOWN_GRACE_MS. A restart sends the rest; nothing is lost and nothing goes twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAuditStore } from '../../src/store/audit-store.js';
import { providerEnv, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { dropData, reminderBody, sqliteOnly, startHarness, type Harness } from '../support/harness.js';
import { waitFor } from '../support/wait.js';

const CONCURRENCY = 4;
const N = 10;
const LATENCY_MS = 1_500;

describe('graceful shutdown', () => {
  let tw: FakeTwilio;

  beforeAll(async () => {
    tw = await startFakeTwilio();
  });
  afterAll(async () => {
    await tw?.close();
  });

  it(
    'lets the sends in flight finish and be recorded before it stops, and a restart sends the rest once',
    { timeout: 60_000 },
    async () => {
      const env = {
        ...providerEnv(tw),
        WORKER_CONCURRENCY: String(CONCURRENCY),
        SHUTDOWN_GRACE_MS: '10000',
        PROVIDER_TIMEOUT_MS: '10000',
      };
      const first = await startHarness({ db: sqliteOnly, env });
      let second: Harness | undefined;
      try {
        // A provider far away: each reply takes 1.5 s, so the first jobs are mid-request for a while.
        tw.latencyMs = LATENCY_MS;
        const numbers = Array.from({ length: N }, (_, i) => `+1415555${String(6200 + i).padStart(4, '0')}`);
        const res = await first.api('POST', '/v1/reminders/batch', {
          body: { reminders: numbers.map((phone) => reminderBody({ channel: 'sms' }, { phone })) },
        });
        expect(res.body.accepted).toBe(N);
        const ids: string[] = res.body.results.map(
          (r: { reminder: { messages: { id: string }[] } }) => r.reminder.messages[0]!.id,
        );
        const arrived = () => tw.messages().filter((r) => numbers.includes(r.form.To!));

        // As many requests in flight as there are workers, none answered yet.
        await waitFor(() => arrived().length === CONCURRENCY || undefined, { what: 'the first sends to reach Twilio' });
        const inFlight = arrived().map((r) => r.form.To!);
        const inFlightIds = ids.filter((_, i) => inFlight.includes(numbers[i]!));
        expect(inFlightIds).toHaveLength(CONCURRENCY);
        for (const id of inFlightIds) expect((await first.service.store.getMessage(id))!.status).toBe('sending');

        const closing = Date.now();
        await first.close();
        // close() waited for the replies (it took about the provider's latency), and every message
        // in flight was recorded as sent; no new job was taken meanwhile.
        expect(Date.now() - closing).toBeGreaterThanOrEqual(LATENCY_MS - 500);
        expect(arrived()).toHaveLength(CONCURRENCY);
        // Read with the service stopped: what it recorded before it stopped.
        const peek = await openAuditStore(first.db.url);
        try {
          for (const id of inFlightIds) {
            const m = (await peek.getMessage(id))!;
            expect(m, id).toMatchObject({ status: 'sent', attempts: 1 });
            expect(m.providerId).toMatch(/^SM/);
            expect((await peek.listEvents(id)).map((e) => e.type)).toEqual(['accepted', 'queued', 'sending', 'sent']);
          }
          const rest = ids.filter((id) => !inFlightIds.includes(id));
          for (const id of rest) expect((await peek.getMessage(id))!.status, id).toBe('queued');
        } finally {
          await peek.close();
        }

        // A restart sends the ones that had not started, and none of the others again.
        tw.latencyMs = 0;
        second = await startHarness({ db: sqliteOnly, env, reuse: first });
        await waitFor(
          async () =>
            (await Promise.all(ids.map((id) => second!.service.store.getMessage(id)))).every(
              (m) => m?.status === 'sent',
            ) || undefined,
          { what: 'all sent after the restart' },
        );
        const perNumber = new Map<string, number>();
        for (const r of arrived()) perNumber.set(r.form.To!, (perNumber.get(r.form.To!) ?? 0) + 1);
        expect([...perNumber.keys()].sort()).toEqual([...numbers].sort());
        expect([...perNumber.values()].every((n) => n === 1)).toBe(true);
        for (const id of ids)
          expect((await second.service.store.listEvents(id)).filter((e) => e.type === 'sending')).toHaveLength(1);
      } finally {
        tw.latencyMs = 0;
        await second?.close();
        await first.close().catch(() => undefined);
        await dropData(first);
      }
    },
  );
});
