/**
 * What WAIT costs a caps reservation: reserve-contact-slot on a local Redis Cluster (three masters,
 * a replica each) with and without `WAIT 1` in the same round trip, sequential and 20 at a time.
 * `npx tsx scripts/measure-ledger-wait.ts`; the figures are in docs/operations.md.
 */
import { performance } from 'node:perf_hooks';
import { connectRedis } from '../src/compose/startup/redis-connection.js';
import { loadConfig } from '../src/config/config.js';
import { makeContactLedger } from '../src/jobs/caps/contact-ledger.js';
import { startRedisCluster } from '../test/support/redis-topologies.js';

const N = 2_000;

async function main() {
  const cluster = await startRedisCluster();
  const config = loadConfig({ ...cluster.env });
  const redis = connectRedis(config.redis);
  try {
    for (const replicas of [0, 1, 0, 1]) {
      const ledger = makeContactLedger(redis, `m${replicas}${Date.now()}`, { replicas, timeoutMs: 100 });
      const one = (i: number) =>
        ledger.reserve(
          `b${i % 500}`,
          `m${i}`,
          {
            id: `m${i}`,
            channel: 'sms',
            outcome: 'pending',
            to: '+14155550100',
            at: Date.now(),
            direction: 'outbound',
          },
          [],
          60_000,
        );
      const times: number[] = [];
      for (let i = 0; i < N; i++) {
        const t = performance.now();
        await one(i);
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      const t0 = performance.now();
      for (let i = 0; i < N; i += 20) await Promise.all(Array.from({ length: 20 }, (_, j) => one(N + i + j)));
      const rate = N / ((performance.now() - t0) / 1000);
      process.stdout.write(
        `WAIT ${replicas}: sequential p50 ${times[N / 2]!.toFixed(2)} ms, p99 ${times[Math.floor(N * 0.99)]!.toFixed(2)} ms; 20 at a time ${rate.toFixed(0)}/s\n`,
      );
    }
  } finally {
    redis.disconnect();
    await cluster.stop();
  }
}

await main();
