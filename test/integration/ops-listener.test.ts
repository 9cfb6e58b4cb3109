/**
 * The operations listener (OPS_PORT): /healthz, /readyz and /metrics apart from the API, in any
 * role; and the gauge of the oldest due and unsent message, read from the store at each scrape.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reminderBody, sqliteOnly, startHarness, type Harness } from '../support/harness.js';
import { waitFor } from '../support/wait.js';

const gauge = async (base: string) => {
  const text = await (await fetch(`${base}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('oldest_due_message_age_seconds '));
  return line === undefined ? undefined : Number(line.split(' ')[1]);
};

describe('the operations listener', () => {
  let h: Harness;
  let ops: string;

  beforeAll(async () => {
    // The api role alone: nothing sends, so an accepted reminder stays due and unsent.
    h = await startHarness({ db: sqliteOnly, role: 'api', env: { OPS_PORT: '0' } });
    ops = h.service.opsUrl!;
  });
  afterAll(async () => {
    await h?.destroy();
  });

  it('serves liveness and readiness on a port of its own, and nothing of the API', async () => {
    expect(ops).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(ops).not.toBe(h.url);
    expect(await (await fetch(`${ops}/healthz`)).json()).toEqual({ ok: true });
    const ready = await fetch(`${ops}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ok: true, checks: { redis: { ok: true }, database: { ok: true } } });
    expect((await fetch(`${ops}/v1/reminders`)).status).toBe(404);
  });

  it('reports how long the oldest due message has waited unsent, 0 when none has', async () => {
    expect(await gauge(ops)).toBe(0);
    const res = await h.api('POST', '/v1/reminders', { body: reminderBody() });
    expect(res.status).toBe(202);
    const age = await waitFor(async () => ((await gauge(ops))! > 0.5 ? gauge(ops) : undefined), {
      what: 'the gauge to show the waiting message',
    });
    expect(age).toBeGreaterThan(0.5);
    // The API's own /metrics says the same (one store).
    expect(await gauge(h.url)).toBeGreaterThan(0.5);
  });
});
