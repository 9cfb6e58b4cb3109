/**
 * The nightly delinquency file (issue 32, item 4): 100,000 accounts as NDJSON, through
 * POST /v1/accounts/overdue/import (the client is curl, another process, streaming the file) and
 * through `npm run import` (src/cli/import.ts, a child process with the running service's
 * configuration, as an operator would run it beside the service). Each on a fresh store, on SQLite
 * and, with a PostgreSQL URL, on PostgreSQL; /healthz is probed from another process meanwhile and
 * Redis's growth is noted (`--only import`).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import { startProbe } from './heavy.js';
import { type BenchContext, type Running, startBenchService } from './pipeline.js';
import { usedMemory } from './schedule.js';

/** One account of the delinquency file, as the strategy rows post it (its own borrower). */
export function overdueAccount(i: number) {
  return {
    accountRef: `4111${String(i).padStart(12, '0')}`,
    borrower: {
      id: `b-${i}`,
      name: `Borrower ${i}`,
      locale: 'en-US',
      timezone: 'America/New_York',
      phone: `+1415${String(2000000 + i).padStart(7, '0')}`,
      email: `b${i}@example.com`,
    },
    debt: {
      accountRef: `4111${String(i).padStart(12, '0')}`,
      creditor: 'Northwind Bank',
      amountDue: { amount: '120.50', currency: 'USD' },
      dueDate: '2026-11-20',
      daysOverdue: 1,
    },
  };
}

interface ImportReport {
  lines: number;
  scheduled: number;
  unchanged: number;
  rejected: number;
}

/** Runs a command to its end; resolves with its stdout, rejects with its stderr when it fails. */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${path.basename(cmd)} exited ${code}: ${err.slice(0, 500)}`)),
    );
  });
}

/** The file streamed to the import route by curl (-T streams it; -X POST keeps the method). */
async function throughRoute(r: Running, file: string): Promise<number> {
  const out = await run(
    'curl',
    [
      '-sS',
      '-f',
      '-X',
      'POST',
      '-T',
      file,
      '-H',
      `Authorization: Bearer ${r.token}`,
      '-H',
      'Content-Type: application/x-ndjson',
      `${r.service.url}/v1/accounts/overdue/import`,
    ],
    process.env,
  );
  return (JSON.parse(out) as ImportReport).scheduled;
}

/** `npm run import -- <file>` with the service's environment (its DATA_DIR or database, Redis, policy). */
async function throughCli(r: Running, file: string): Promise<number> {
  const out = await run(path.resolve('node_modules/.bin/tsx'), ['src/cli/import.ts', file], {
    ...process.env,
    ...r.env,
    REDIS_AUTOSTART: 'false',
  });
  const m = /(\d+) accounts read: (\d+) entered their stage/.exec(out);
  if (!m) throw new Error(`npm run import said: ${out.slice(0, 300)}`);
  return Number(m[2]);
}

async function importRow(
  ctx: BenchContext,
  redis: Redis,
  file: string,
  n: number,
  via: 'route' | 'cli',
  dbUrl?: string,
): Promise<void> {
  const r = await startBenchService(ctx, {
    role: 'api',
    ...(dbUrl ? { env: { DATABASE_URL: dbUrl }, schema: `bench_${randomBytes(4).toString('hex')}` } : {}),
  });
  try {
    const before = await usedMemory(redis);
    const probe = startProbe(r.service.url!);
    const t0 = process.hrtime.bigint();
    const scheduled = via === 'route' ? await throughRoute(r, file) : await throughCli(r, file);
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const probes = (await probe.stop()).sort((a, b) => a - b);
    const grown = (await usedMemory(redis)) - before;
    if (scheduled !== n) throw new Error(`import scheduled ${scheduled} of ${n} accounts`);
    const p99 = probes[Math.min(probes.length - 1, Math.floor(0.99 * probes.length))] ?? 0;
    const rate = Math.round(n / seconds);
    const how =
      via === 'route'
        ? 'POST /v1/accounts/overdue/import (NDJSON, streamed by curl)'
        : 'npm run import (a child process, start-up included)';
    const meanwhile = `/healthz p99 ${Math.round(p99)} ms meanwhile; Redis ${grown >= 0 ? '+' : ''}${(grown / 1024 / 1024).toFixed(0)} MB`;
    ctx.rows.push(
      dbUrl
        ? {
            section: 'import',
            measure: `${n.toLocaleString('en-US')} accounts through ${how}, PostgreSQL`,
            value: rate,
            unit: 'accounts/s',
            note: `${seconds.toFixed(1)} s; ${meanwhile} (target ≥ 5,000/s)`,
            goal: {
              figure: `the nightly file through ${via === 'route' ? 'the import route' : 'npm run import'}, PostgreSQL`,
              target: '≥ 5,000 accounts/s',
              met: rate >= 5_000,
              beside: meanwhile,
            },
          }
        : {
            section: 'import',
            measure: `${n.toLocaleString('en-US')} accounts through ${how}, SQLite`,
            value: Number(seconds.toFixed(1)),
            unit: 's',
            note: `${rate} accounts/s; ${meanwhile} (target ≤ 10 s for 100,000)`,
            goal: {
              figure: `the nightly file through ${via === 'route' ? 'the import route' : 'npm run import'}, SQLite`,
              target: `≤ ${(n / 10_000).toFixed(0)} s for ${n.toLocaleString('en-US')}`,
              met: seconds <= n / 10_000,
              beside: meanwhile,
            },
          },
    );
  } finally {
    await r.stop();
  }
}

/** The nightly file through the route and the command, each into a fresh store. */
export async function importSection(ctx: BenchContext, dbUrl?: string): Promise<void> {
  const n = ctx.quick ? 10_000 : 100_000;
  const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'rd-bench-import-'));
  const file = path.join(dir, 'accounts.ndjson');
  const out = fs.createWriteStream(file);
  for (let i = 0; i < n; i += 1000)
    out.write(
      Array.from({ length: Math.min(1000, n - i) }, (_, k) => `${JSON.stringify(overdueAccount(i + k))}\n`).join(''),
    );
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  const redis = new Redis(ctx.redisUrl);
  try {
    for (const db of dbUrl ? [undefined, dbUrl] : [undefined])
      for (const via of ['route', 'cli'] as const) await importRow(ctx, redis, file, n, via, db);
  } finally {
    redis.disconnect();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
