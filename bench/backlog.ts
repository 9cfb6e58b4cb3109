/**
 * A book of reminders spread over the next 30 days (issue 32's table):
 * - ingest30: the batch endpoint taking 100,000 reminders spread over 30 days (the API alone),
 *   on SQLite and, with a PostgreSQL URL, on PostgreSQL (`--only ingest30`);
 * - backlog: reminders due now sent while 100,000 wait in the store for the next 30 days, against
 *   the same reminders on an empty store, the unloaded rate (`--only backlog`).
 */
import { randomBytes } from 'node:crypto';
import type { FakeTwilio } from '../test/support/fake-twilio.js';
import {
  type BenchContext,
  postBatches,
  reminder,
  sleep,
  startBenchService,
  waitUntil,
  twilioEnv,
} from './pipeline.js';

const DAY = 86_400_000;

/** n reminders (indices offset …) with sendAt spread evenly from `startMs` over `spanMs`, each its own borrower. */
function spread(n: number, startMs: number, spanMs: number, offset: number) {
  return Array.from({ length: n }, (_, k) =>
    reminder(offset + k, 1e9, 'sms', new Date(startMs + Math.floor((k / n) * spanMs)).toISOString()),
  );
}

/** The batch endpoint, 1,000 a request, with the reminders due from now to 30 days ahead (intake only, as the ingest rows). */
export async function ingest30Section(ctx: BenchContext, dbUrl?: string): Promise<void> {
  const n = ctx.quick ? 10_000 : 100_000;
  const store = dbUrl ? 'PostgreSQL' : 'SQLite';
  const r = await startBenchService(ctx, {
    role: 'api',
    ...(dbUrl ? { env: { DATABASE_URL: dbUrl }, schema: `bench_${randomBytes(4).toString('hex')}` } : {}),
  });
  try {
    // A warm-up batch, as the ingest rows have: prepared statements, JIT, the borrowers' pages.
    await postBatches(r, spread(1000, Date.now() + 7 * DAY, DAY, 7_000_000));
    const items = spread(n, Date.now() + 60_000, 30 * DAY, 0);
    const t0 = process.hrtime.bigint();
    await postBatches(r, items);
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    ctx.rows.push({
      section: 'ingest30',
      measure: `batch endpoint, ${n.toLocaleString('en-US')} reminders spread over 30 days, ${store}`,
      value: Math.round(n / seconds),
      unit: 'reminders/s',
      note: `${seconds.toFixed(1)} s; the API alone (target ≥ ${dbUrl ? '5,000' : '10,000'}/s)`,
      ...(dbUrl
        ? {}
        : {
            goal: {
              figure: `batch ingest, ${n.toLocaleString('en-US')} reminders over 30 days`,
              target: '≥ 10,000/s',
              met: n / seconds >= 10_000,
            },
          }),
    });
  } finally {
    await r.stop();
  }
}

/**
 * `now` reminders due now, posted in batches of 1,000 to one process (API and workers), timed from
 * the first post to the last provider call; with `waiting` reminders due 1–30 days ahead stored first.
 */
async function dueNowRate(
  ctx: BenchContext,
  tw: FakeTwilio,
  now: number,
  waiting: number,
): Promise<{ rate: number; bookSeconds: number }> {
  const r = await startBenchService(ctx, {
    role: 'all',
    env: {
      ...twilioEnv(tw),
    },
  });
  try {
    // A warm-up, sent before anything is timed (JIT, prepared statements, sockets), so that neither run pays it.
    const warm = tw.requests.length;
    await postBatches(
      r,
      Array.from({ length: 500 }, (_, i) => reminder(6_000_000 + i, 1e9, 'sms')),
    );
    await waitUntil(() => tw.requests.length - warm >= 500, 600_000, 'the warm-up to be sent');
    let bookSeconds = 0;
    if (waiting > 0) {
      const t = process.hrtime.bigint();
      for (let i = 0; i < waiting; i += 10_000)
        await postBatches(
          r,
          spread(
            Math.min(10_000, waiting - i),
            Date.now() + DAY + (i / waiting) * 29 * DAY,
            (10_000 / waiting) * 29 * DAY,
            i,
          ),
        );
      bookSeconds = Number(process.hrtime.bigint() - t) / 1e9;
    }
    // Whatever the warm-up or the book left behind (group commits, a WAL checkpoint) settles first, in both runs.
    await sleep(2_000);
    const first = tw.requests.length;
    const items = Array.from({ length: now }, (_, i) => reminder(7_000_000 + i, 1e9, 'sms'));
    const t0 = process.hrtime.bigint();
    await postBatches(r, items);
    await waitUntil(() => tw.requests.length - first >= now, 600_000, 'the due-now reminders to be sent');
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    return { rate: now / seconds, bookSeconds };
  } finally {
    await r.stop();
  }
}

/** Due-now sends while a book of 100,000 waits, beside the same on an empty store; the ratio is the row's value. */
export async function backlogSection(ctx: BenchContext, tw: FakeTwilio): Promise<void> {
  const waiting = ctx.quick ? 10_000 : 100_000;
  const now = ctx.quick ? 2_000 : 5_000;
  // The service runs in this process, so its code warms over the first runs: one run thrown away, then
  // without, with, with, without, so that a drifting host load weighs on both sides alike.
  await dueNowRate(ctx, tw, now, 0);
  const a1 = await dueNowRate(ctx, tw, now, 0);
  const b1 = await dueNowRate(ctx, tw, now, waiting);
  const b2 = await dueNowRate(ctx, tw, now, waiting);
  const a2 = await dueNowRate(ctx, tw, now, 0);
  const unloaded = { rate: (a1.rate + a2.rate) / 2 };
  const loaded = { rate: (b1.rate + b2.rate) / 2, bookSeconds: (b1.bookSeconds + b2.bookSeconds) / 2 };
  ctx.rows.push({
    section: 'backlog',
    measure: `${now.toLocaleString('en-US')} due now while ${waiting.toLocaleString('en-US')} wait 1–30 days ahead, vs an empty store`,
    value: Number((loaded.rate / unloaded.rate).toFixed(2)),
    unit: '×',
    note: `${Math.round(loaded.rate)} sends/s with the book (${Math.round(b1.rate)}, ${Math.round(b2.rate)}), ${Math.round(unloaded.rate)}/s without (${Math.round(a1.rate)}, ${Math.round(a2.rate)}); book posted in ${loaded.bookSeconds.toFixed(1)} s; SQLite, 1 process (target 1.0 ×: the unloaded rate)`,
    goal: {
      figure: `due-now sends while ${waiting.toLocaleString('en-US')} wait`,
      target: '1.0 × the unloaded rate',
      // Within a few per cent of the unloaded rate is the unloaded rate: two runs of each differ by more.
      met: loaded.rate / unloaded.rate >= 0.95,
      beside: `${Math.round(loaded.rate)} vs ${Math.round(unloaded.rate)} sends/s`,
    },
  });
}
