/**
 * Export streams from the database in batches: 20,000 messages (a test-sized run; `npm run
 * bench` measures 200,000) go out as CSV with the process's memory growing less than 100 MB, and
 * the CSV parses back, row for row, to what the store holds.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteOnly, startHarness, type Harness } from '../support/harness.js';
import { seedMessages } from '../support/seed.js';

const COUNT = 20_000;

describe('export memory', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ db: sqliteOnly });
    await seedMessages(h.service.store.db, COUNT);
  });
  afterAll(async () => {
    await h?.destroy();
  });

  it(`streams ${COUNT.toLocaleString('en-US')} messages as CSV with under 100 MB of memory growth, parsing back to the same rows`, async () => {
    // The heavy-read thread starts with the first heavy read: its fixed footprint is not growth.
    await (
      await fetch(`${h.url}/v1/audit/export?format=csv&template=none`, {
        headers: { authorization: `Bearer ${h.keys.tokens.compliance}` },
      })
    ).text();
    global.gc?.();
    const base = process.memoryUsage().rss;
    let peak = base;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 10);
    const res = await fetch(`${h.url}/v1/audit/export?format=csv`, {
      headers: { authorization: `Bearer ${h.keys.tokens.compliance}` },
    });
    const parser = Readable.fromWeb(res.body as never).pipe(parse({ columns: true }));
    const digest = createHash('sha256');
    let rows = 0;
    for await (const row of parser as AsyncIterable<Record<string, string>>) {
      digest.update(`${row.id}|${row.body}|${row.to}\n`);
      rows++;
    }
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);

    const expected = createHash('sha256');
    const db = h.service.store.db;
    for (let offset = 0; offset < COUNT; offset += 5_000) {
      const page = await db
        .selectFrom('messages')
        .select(['id', 'body', 'to_addr'])
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(5_000)
        .offset(offset)
        .execute();
      for (const m of page) expected.update(`${m.id}|${m.body}|'${m.to_addr}\n`);
    }
    expect(rows).toBe(COUNT);
    expect(digest.digest('hex')).toBe(expected.digest('hex'));
    const growthMb = (peak - base) / 1024 / 1024;
    expect(growthMb).toBeLessThan(100);
  });
});
