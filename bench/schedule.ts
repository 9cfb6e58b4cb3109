/**
 * The store as the schedule (issue 16): Redis per reminder scheduled 1–30 days ahead, the idle
 * service's CPU with that book, the feeder's throughput, and sendAt → provider call for messages
 * that came through the feeder. Same Redis and fake Twilio as the baselines.
 */
import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { FakeTwilio } from '../test/support/fake-twilio.js';
import {
  type BenchContext,
  postBatches,
  reminder,
  type Running,
  sleep,
  startBenchService,
  twilioEnv,
  waitUntil,
} from './pipeline.js';

export const usedMemory = async (redis: Redis) => Number(/used_memory:(\d+)/.exec(await redis.info('memory'))![1]);

/** Share of one core the process used over `ms`. */
async function cpuShare(ms: number): Promise<number> {
  const before = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await sleep(ms);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / (Number(process.hrtime.bigint() - t0) / 1e6);
}

async function postSpread(r: Running, n: number, startMs: number, spanMs: number, offset: number): Promise<void> {
  for (let i = 0; i < n; i += 10_000) {
    const items = Array.from({ length: Math.min(10_000, n - i) }, (_, j) => {
      const k = i + j;
      return reminder(offset + k, 1e9, 'sms', new Date(startMs + Math.floor((k / n) * spanMs)).toISOString());
    });
    await postBatches(r, items);
  }
}

async function book(ctx: BenchContext, redis: Redis, n: number): Promise<void> {
  const r = await startBenchService(ctx, { role: 'all' });
  try {
    const before = await usedMemory(redis);
    const t0 = Date.now();
    await postSpread(r, n, Date.now() + 86_400_000, 29 * 86_400_000, 0);
    const seconds = (Date.now() - t0) / 1000;
    await sleep(3_000);
    const per = ((await usedMemory(redis)) - before) / n;
    ctx.rows.push({
      section: 'schedule',
      measure: `Redis used_memory per reminder scheduled 1–30 days ahead (${n.toLocaleString('en-US')})`,
      value: Math.round(per),
      unit: 'bytes',
      note: `target ≤ 100; posted through the batch endpoint at ${Math.round(n / seconds)}/s`,
    });
    global.gc?.();
    const idle = await cpuShare(10_000);
    ctx.rows.push({
      section: 'schedule',
      measure: 'CPU of the idle service with that book scheduled (10 s)',
      value: Number((idle * 100).toFixed(1)),
      unit: '% of a core',
      note: 'target ≤ 5 %',
    });
    // The feeder with a horizon that takes the first day and a bit: ~2 % of the book, moved at once.
    const t1 = Date.now();
    const { fed } = await r.service.feeder.run({ horizonMs: 86_400_000 + (29 * 86_400_000 * Math.min(20_000, n)) / n });
    const feedSeconds = (Date.now() - t1) / 1000;
    ctx.rows.push({
      section: 'schedule',
      measure: `feeder: ${fed.toLocaleString('en-US')} messages into BullMQ`,
      value: Math.round(fed / feedSeconds),
      unit: 'messages/s',
      note: 'addBulk 1,000 a batch, marked queued',
    });
  } finally {
    await r.stop();
  }
  // For comparison: what the same reminders cost as bare BullMQ delayed jobs (ids only, as before this change).
  const connection = new Redis(ctx.redisUrl, { maxRetriesPerRequest: null });
  const q = new Queue('bare', { connection, prefix: `bench${randomBytes(4).toString('hex')}` });
  const m = Math.min(n, 100_000);
  const before = await usedMemory(redis);
  for (let i = 0; i < m; i += 1000) {
    await q.addBulk(
      Array.from({ length: Math.min(1000, m - i) }, (_, j) => ({
        name: 'd',
        data: { messageId: `msg_${randomBytes(16).toString('base64url')}` },
        opts: { delay: 86_400_000 + j * 1000 },
      })),
    );
  }
  ctx.rows.push({
    section: 'schedule',
    measure: 'bare BullMQ delayed job, ids only (for comparison)',
    value: Math.round(((await usedMemory(redis)) - before) / m),
    unit: 'bytes',
  });
  await q.obliterate({ force: true });
  await q.close();
  connection.disconnect();
}

async function fedLatency(ctx: BenchContext, tw: FakeTwilio, n: number): Promise<void> {
  const r = await startBenchService(ctx, {
    role: 'all',
    env: {
      ...twilioEnv(tw),
      SCHEDULE_HORIZON: '5s',
      FEED_EVERY_MS: '2000',
    },
  });
  try {
    const first = tw.requests.length;
    const start = Date.now() + 10_000;
    const items = Array.from({ length: n }, (_, i) =>
      reminder(7_000_000 + i, 1e9, 'sms', new Date(start + Math.floor((i / n) * 10_000)).toISOString()),
    );
    await postBatches(r, items);
    const due = new Map(items.map((it) => [it.borrower.phone, Date.parse(it.sendAt!)]));
    await waitUntil(() => tw.requests.length - first >= n, 120_000, 'fed messages to be sent');
    const lat = tw.requests
      .slice(first)
      .map((q) => q.at - due.get(q.form.To!)!)
      .sort((a, b) => a - b);
    const pct = (p: number) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))]!;
    ctx.rows.push({
      section: 'schedule',
      measure: `sendAt → provider call through the feeder, ${n.toLocaleString('en-US')} over 10 s (p50)`,
      value: pct(0.5),
      unit: 'ms',
    });
    ctx.rows.push({
      section: 'schedule',
      measure: 'p99',
      value: pct(0.99),
      unit: 'ms',
      note: `none early: min ${lat[0]} ms`,
    });
  } finally {
    await r.stop();
  }
}

export async function scheduleSections(ctx: BenchContext, tw: FakeTwilio): Promise<void> {
  const redis = new Redis(ctx.redisUrl);
  try {
    await book(ctx, redis, ctx.quick ? 100_000 : 1_000_000);
    await fedLatency(ctx, tw, 2_000);
  } finally {
    redis.disconnect();
  }
}
