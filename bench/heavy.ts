/**
 * Heavy reads beside the API (issue 25, item 3): /healthz latency, p50 and p99, with nothing
 * running, and while a CSV export and a verify of a 100,000-message book run, on SQLite and (with
 * BENCH_DATABASE_URL or TEST_DATABASE_URL) PostgreSQL. The prober, the export's client and the
 * verify's client are other processes, so a blocked event loop shows in the figures instead of
 * delaying the probes that would measure it.
 *
 *   npm run bench -- --only heavy [--quick]
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openDb } from '../src/store/db.js';
import { seedChains, seedMessages } from '../test/support/seed.js';
import { type BenchContext, startBenchService } from './pipeline.js';

/** Sequential GET /healthz from a child process until told to stop; prints each latency (ms). */
const PROBE = `
const http = require('node:http');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const url = process.argv[1];
const ms = [];
let stop = false;
process.stdin.on('data', () => (stop = true));
(async () => {
  while (!stop) {
    const t0 = process.hrtime.bigint();
    await new Promise((resolve, reject) => http.get(url, { agent }, (res) => { res.resume(); res.on('end', resolve); }).on('error', reject));
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
    await new Promise((r) => setTimeout(r, 5));
  }
  process.stdout.write(JSON.stringify(ms));
  process.exit(0);
})();
`;

export function startProbe(url: string): { stop(): Promise<number[]> } {
  const child = spawn(process.execPath, ['-e', PROBE, `${url}/healthz`], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    async stop() {
      child.stdin.write('stop\n');
      await exited;
      return JSON.parse(out) as number[];
    },
  };
}

/** GET with curl (another process), body thrown away; resolves with the seconds it took. */
function curl(url: string, token: string): Promise<number> {
  const t0 = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const c = spawn('curl', ['-sS', '-f', '-o', '/dev/null', '-H', `Authorization: Bearer ${token}`, url]);
    c.on('error', reject);
    c.on('exit', (code) =>
      code === 0
        ? resolve(Number(process.hrtime.bigint() - t0) / 1e9)
        : reject(new Error(`curl ${url} exited ${code}`)),
    );
  });
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const round = (x: number) => Math.round(x * 10) / 10;

export async function heavySection(ctx: BenchContext, pgUrl: string | undefined): Promise<void> {
  const count = ctx.quick ? 20_000 : 100_000;
  await heavyOn(ctx, 'sqlite', count);
  if (pgUrl) await heavyOn(ctx, 'postgres', count, pgUrl);
}

async function heavyOn(
  ctx: BenchContext,
  dialect: 'sqlite' | 'postgres',
  count: number,
  pgUrl?: string,
): Promise<void> {
  const schema = pgUrl ? `bench_${randomBytes(4).toString('hex')}` : undefined;
  const r = await startBenchService(ctx, {
    role: 'api',
    ...(schema ? { schema } : {}),
    env: pgUrl ? { DATABASE_URL: pgUrl } : {},
  });
  try {
    // The bench's own connection to the service's database (the default file under DATA_DIR on SQLite).
    const { db } = await openDb(
      r.env.DATABASE_URL ?? `sqlite:${path.join(r.dir, 'reminders.db')}`,
      schema ? { schema } : {},
    );
    const t0 = Date.now();
    await seedMessages(db, count, { chunk: 1_000 });
    await seedChains(db, dialect, count, { eventsEach: 2 });
    await db.destroy();
    const seeded = (Date.now() - t0) / 1000;
    const { token } = await r.service.store.apiKeys.create('compliance', 'bench', new Date());
    const url = r.service.url!;

    // The seeding's garbage is not the service's.
    global.gc?.();
    // The service runs in this process: its event loop's own delay, beside what the prober sees.
    const idleLoop = monitorEventLoopDelay({ resolution: 5 });
    idleLoop.enable();
    const idle = startProbe(url);
    // A few seconds of probes with nothing running.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const quiet = await idle.stop();
    idleLoop.disable();
    const idleLoad = os.loadavg()[0]!;

    const busyLoop = monitorEventLoopDelay({ resolution: 5 });
    busyLoop.enable();
    const busy = startProbe(url);
    const [exportS, verifyS] = await Promise.all([
      curl(`${url}/v1/audit/export?format=csv`, token),
      curl(`${url}/v1/audit/verify`, token),
    ]);
    const loaded = await busy.stop();
    busyLoop.disable();
    // The histogram counts the 5 ms timer interval itself.
    const loop = (h: typeof idleLoop) =>
      `loop delay p99 ${round(h.percentile(99) / 1e6 - 5)} ms, max ${round(h.max / 1e6 - 5)} ms`;

    const n = count.toLocaleString('en-US');
    ctx.rows.push({
      section: 'heavy',
      measure: `${dialect}: seed ${n} messages with 2 events each`,
      value: round(seeded),
      unit: 's',
    });
    ctx.rows.push({
      section: 'heavy',
      measure: `${dialect}: /healthz p99, nothing running`,
      value: round(pct(quiet, 99)),
      unit: 'ms',
      note: `p50 ${round(pct(quiet, 50))} ms, max ${round(Math.max(...quiet))} ms, ${quiet.length} probes; ${loop(idleLoop)}; load avg ${idleLoad.toFixed(1)}`,
    });
    ctx.rows.push({
      section: 'heavy',
      measure: `${dialect}: /healthz p99 while a CSV export and a verify of ${n} messages run`,
      value: round(pct(loaded, 99)),
      unit: 'ms',
      note: `p50 ${round(pct(loaded, 50))} ms, max ${round(Math.max(...loaded))} ms, ${loaded.length} probes; ${loop(busyLoop)}; load avg ${os.loadavg()[0]!.toFixed(1)}; export ${exportS.toFixed(1)} s, verify ${verifyS.toFixed(1)} s (target p99 < 50 ms)`,
    });
  } finally {
    await r.stop();
  }
}
