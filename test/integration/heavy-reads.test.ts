/**
 * Heavy reads (export, verify) run off the event loop: /healthz keeps answering while they run,
 * on SQLite (a worker thread with its own read-only connection) and PostgreSQL (the pool, in
 * batches). Progress is judged by ordering (health answers counted between the heavy read's start
 * and its end), never by wall-clock thresholds. How many run at once is bounded per key and per
 * tenant: past that, 429 with Retry-After, and a slot comes back when its client goes away.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbVariants, startHarness, type Harness } from '../support/harness.js';
import { seedChains, seedMessages } from '../support/seed.js';
import { waitFor } from '../support/wait.js';

const COUNT = 20_000;

/** Calls /healthz one after another until `done` settles; returns how many answered before it did. */
async function healthAnswersUntil(url: string, done: Promise<unknown>): Promise<number> {
  let finished = false;
  void done.finally(() => (finished = true)).catch(() => undefined);
  let answered = 0;
  while (!finished) {
    const res = await fetch(`${url}/healthz`);
    await res.text();
    if (!finished) answered++;
  }
  return answered;
}

describe.each(dbVariants())('heavy reads on $name', (variant) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      db: variant,
      env: { HEAVY_READS_PER_KEY: '2', HEAVY_READS_PER_TENANT: '3', HEAVY_READ_THREADS: '4' },
    });
    await seedMessages(h.service.store.db, COUNT, { chunk: 1_000 });
    await seedChains(h.service.store.db, h.service.store.dialect, COUNT, { eventsEach: 2 });
  });
  afterAll(async () => {
    await h?.destroy();
  });

  const auth = (token = h.keys.tokens.compliance) => ({ authorization: `Bearer ${token}` });

  /** An export whose client reads its headers and then nothing more: it keeps its slot until `release`. */
  async function holdExport(token?: string) {
    const stop = new AbortController();
    const res = await fetch(`${h.url}/v1/audit/export?format=csv`, { headers: auth(token), signal: stop.signal });
    const body = res.status === 200 ? undefined : await res.text();
    return {
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      type: res.headers.get('content-type'),
      body,
      release: () => stop.abort(),
    };
  }

  it('answers /healthz while a verify of the whole store runs', async () => {
    const verify = fetch(`${h.url}/v1/audit/verify`, { headers: auth() }).then(async (r) => ({
      status: r.status,
      body: (await r.json()) as { ok: boolean; checked: number },
    }));
    const answered = await healthAnswersUntil(h.url, verify);
    const { status, body } = await verify;
    expect(status).toBe(200);
    expect(body.ok).toBe(true);
    // Two events a message, and the registrations: one a shard for each chunk of 1,000 new chains
    // (the seeded ids fill all 16 shards in every chunk), no longer one a chain.
    expect(body.checked).toBe(COUNT * 2 + (COUNT / 1_000) * 16);
    expect(answered).toBeGreaterThanOrEqual(3);
  });

  it('answers /healthz between the first and the last byte of a CSV export', async () => {
    const res = await fetch(`${h.url}/v1/audit/export?format=csv`, { headers: auth() });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    let lines = 0;
    const count = (chunk: Uint8Array) => {
      for (const b of chunk) if (b === 10) lines++;
    };
    count(first.value!);
    const drained = (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        count(value);
      }
    })();
    const answered = await healthAnswersUntil(h.url, drained);
    await drained;
    // The header, then one line per message plus the one newline inside each seeded body.
    expect(lines).toBe(1 + COUNT * 2);
    expect(answered).toBeGreaterThanOrEqual(3);
  });

  it('refuses a third heavy read running with one key with 429 problem+json and Retry-After', async () => {
    const held = [await holdExport(), await holdExport()];
    try {
      expect(held.map((x) => x.status)).toEqual([200, 200]);
      const third = await fetch(`${h.url}/v1/audit/verify`, { headers: auth() });
      expect(third.status).toBe(429);
      expect(third.headers.get('content-type')).toContain('application/problem+json');
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await third.json()) as { detail: string }).detail).toContain('HEAVY_READS_PER_KEY');
    } finally {
      held.forEach((x) => x.release());
    }
  });

  it('refuses a heavy read past the tenant count with another key of that tenant', async () => {
    const other = (await h.service.store.apiKeys.create('compliance', 'second compliance key', new Date())).token;
    const held = [await holdExport(), await holdExport(), await holdExport(other)];
    try {
      expect(held.map((x) => x.status)).toEqual([200, 200, 200]);
      const fourth = await holdExport(other);
      expect(fourth.status).toBe(429);
      expect(fourth.retryAfter).not.toBeNull();
      expect(fourth.body).toContain('HEAVY_READS_PER_TENANT');
    } finally {
      held.forEach((x) => x.release());
    }
  });

  it('gives a slot back when the client of a running export goes away', async () => {
    const held = [await holdExport(), await holdExport()];
    try {
      expect((await holdExport()).status).toBe(429);
      held[0]!.release();
      const next = await waitFor(
        async () => {
          const x = await holdExport();
          if (x.status === 200) return x;
          return undefined;
        },
        { what: 'an export accepted after a client went away' },
      );
      held.push(next);
    } finally {
      held.forEach((x) => x.release());
    }
  });
});
