/**
 * The fleet row of `npm run bench` (`--only fleet`): messages a second with 1, 2 and 3 worker
 * processes of the built service (`node dist/src/main.js worker`) on PostgreSQL, in one run, the
 * API in the bench's own process. SMS only, one per borrower (no cap holds any back), accept →
 * last settled; the fake Twilio answers at once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { buildDist } from '../test/support/built-service.js';
import type { FakeTwilio } from '../test/support/fake-twilio.js';
import {
  type BenchContext,
  countWhere,
  postBatches,
  reminder,
  startBenchService,
  twilioEnv,
  waitUntil,
} from './pipeline.js';

/** BENCH_CPU_PROF_DIR=<dir>: each worker process writes a V8 CPU profile there when it stops (bench/profile-summary.ts reads it). */
function profileArgs(): string[] {
  const dir = process.env.BENCH_CPU_PROF_DIR;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

/** CPU seconds a process has used so far (Linux: /proc/<pid>/stat, user + system, in clock ticks of 1/100 s). */
function cpuSecondsOf(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

export async function fleetSection(ctx: BenchContext, tw: FakeTwilio, dbUrl: string | undefined): Promise<void> {
  if (!dbUrl) {
    process.stderr.write('bench: the fleet row needs PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL)\n');
    return;
  }
  await buildDist(600_000);
  const n = ctx.quick ? 2_000 : 10_000;
  const rates: number[] = [];
  for (const workers of [1, 2, 3]) {
    const schema = `bench_${randomBytes(4).toString('hex')}`;
    const r = await startBenchService(ctx, {
      role: 'api',
      env: { ...twilioEnv(tw), DATABASE_URL: dbUrl, WORKER_CONCURRENCY: '20' },
      schema,
    });
    const children: ChildProcess[] = [];
    try {
      for (let i = 0; i < workers; i++)
        children.push(
          spawn(process.execPath, [...profileArgs(), 'dist/src/main.js', 'worker'], {
            env: { ...process.env, ...r.env, REDIS_AUTOSTART: 'false', API_KEYS: 'admin:bench-worker-unused-key' },
            stdio: 'ignore',
          }),
        );
      // The clock starts once every worker process is up and listening on the SMS queue.
      await waitUntil(
        async () => (await r.service.queues.byChannel.sms.getWorkers()).length >= workers,
        60_000,
        'the worker processes to start',
      );
      const items = Array.from({ length: n }, (_, i) => reminder(i, n, 'sms'));
      const t0 = process.hrtime.bigint();
      const workerCpu0 = children.reduce((sum, c) => sum + cpuSecondsOf(c.pid), 0);
      const ownCpu0 = process.cpuUsage();
      await postBatches(r, items);
      await waitUntil(
        async () => (await countWhere(r, ['accepted', 'queued', 'sending'])) === 0,
        900_000,
        `the fleet row with ${workers} workers to settle`,
      );
      const rate = n / (Number(process.hrtime.bigint() - t0) / 1e9);
      // CPU per message, steadier than a rate on a shared host: the workers', and this process's
      // (the API, the fake Twilio and the client together).
      const workerMs = ((children.reduce((sum, c) => sum + cpuSecondsOf(c.pid), 0) - workerCpu0) * 1000) / n;
      const own = process.cpuUsage(ownCpu0);
      const ownMs = (own.user + own.system) / 1000 / n;
      rates.push(rate);
      ctx.rows.push({
        section: 'fleet',
        measure: `${workers} worker process${workers > 1 ? 'es' : ''}, PostgreSQL, ${n.toLocaleString('en-US')} SMS`,
        value: Math.round(rate),
        unit: 'messages/s',
        note: `${await countWhere(r, ['sent'])} sent; ×${(rate / rates[0]!).toFixed(2)} one worker; CPU per message: workers ${workerMs.toFixed(2)} ms, API + fake Twilio ${ownMs.toFixed(2)} ms`,
      });
    } finally {
      await Promise.all(
        children.map(
          (c) =>
            new Promise<void>((resolve) => {
              if (c.exitCode !== null) return resolve();
              c.once('exit', () => resolve());
              c.kill('SIGTERM');
            }),
        ),
      );
      await r.stop();
    }
  }
}
