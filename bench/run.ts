/**
 * npm run bench [-- --quick] — measures what the service costs, on this machine, in one run.
 * Sections: baselines and the pipeline, ingest, latency, the schedule (Redis per reminder, idle
 * CPU, the feeder), export (streaming 200,000 messages: time and peak memory growth), heavy
 * (/healthz while an export and a verify run: `--only heavy`), strategy, ingest30 (100,000 reminders
 * spread over 30 days), backlog (due-now sends while 100,000 wait), import (the nightly file through
 * the import route and `npm run import`), fleet (1, 2 and 3 worker processes of the built service on
 * PostgreSQL: `--only fleet`). Results print as a table and go to bench/results/<timestamp>.json; the
 * rows of issue 32's table print again at the end with their targets (`--targets`: only their sections).
 */
import { fairnessSection } from './tenants.js';
import { outcomesSection } from './outcomes.js';
import { heavySection } from './heavy.js';
import { fleetSection } from './fleet.js';
import { backlogSection, ingest30Section } from './backlog.js';
import { importSection, overdueAccount } from './nightly.js';
import { openDb } from '../src/store/db.js';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { generateToken, hashToken, keyIdOf } from '../src/http/api/auth.js';
import { loadConfig } from '../src/config/config.js';
import { US_REGF } from '../src/policy/profile.js';
import { ensureRedis } from '../src/compose/startup/redis-autostart.js';
import { startService } from '../src/service.js';
import { freePort } from '../test/support/ports.js';
import { seedMessages } from '../test/support/seed.js';
import { Redis } from 'ioredis';
import { latencyRows, pipelineSections, type Row } from './pipeline.js';
import { type FakeTwilio, startFakeTwilio } from '../test/support/fake-twilio.js';
import { lintSection } from './lint.js';
import { scheduleSections, usedMemory } from './schedule.js';

const quick = process.argv.includes('--quick');
const rows: Row[] = [];

function download(url: string, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const curl = spawn('curl', [
      '-sS',
      '-o',
      '/dev/null',
      '-w',
      '%{size_download}',
      '-H',
      `Authorization: Bearer ${token}`,
      url,
    ]);
    let out = '';
    curl.stdout.on('data', (d: Buffer) => (out += d.toString()));
    curl.on('error', reject);
    curl.on('exit', (code) => (code === 0 ? resolve(Number(out)) : reject(new Error(`curl exited ${code}`))));
  });
}

async function exportSection(redisUrl: string): Promise<void> {
  const count = quick ? 20_000 : 200_000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-bench-'));
  const log = pino({ level: 'silent' });
  const token = generateToken('compliance');
  const config = loadConfig(
    {
      PORT: '0',
      DATA_DIR: dir,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: `bench${randomBytes(3).toString('hex')}`,
      LOG_LEVEL: 'silent',
    },
    ['api'],
  );
  const service = await startService(config, {
    log,
    profile: US_REGF,
    signingSecret: 'bench',
    apiKeys: [{ id: keyIdOf(hashToken(token)), role: 'compliance', hash: hashToken(token) }],
  });
  try {
    const seeded = Date.now();
    // The bench's own connection to the service's database (the store hands out none).
    const seedDb = await openDb(config.databaseUrl);
    await seedMessages(seedDb.db, count, { chunk: 1_000 });
    await seedDb.db.destroy();
    rows.push({
      section: 'export',
      measure: 'seed messages into SQLite',
      value: count,
      unit: 'messages',
      note: `${((Date.now() - seeded) / 1000).toFixed(1)} s`,
    });
    for (const format of ['csv', 'ndjson'] as const) {
      global.gc?.();
      const base = process.memoryUsage();
      let peak = base.rss;
      let peakHeap = base.heapUsed;
      const sampler = setInterval(() => {
        const m = process.memoryUsage();
        peak = Math.max(peak, m.rss);
        peakHeap = Math.max(peakHeap, m.heapUsed);
      }, 10);
      const started = process.hrtime.bigint();
      // The client is another process (curl), so only the service's memory is measured.
      const bytes = await download(`${service.url}/v1/audit/export?format=${format}`, token);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      clearInterval(sampler);
      rows.push({
        section: 'export',
        measure: `${format}: ${count.toLocaleString('en-US')} messages`,
        value: Math.round(count / seconds),
        unit: 'messages/s',
        note: `${(bytes / 1e6).toFixed(0)} MB in ${seconds.toFixed(1)} s`,
      });
      rows.push({
        section: 'export',
        measure: `${format}: peak RSS growth`,
        value: Math.round((peak - base.rss) / 1024 / 1024),
        unit: 'MB',
        note: 'target < 100 MB',
      });
      rows.push({
        section: 'export',
        measure: `${format}: peak heap growth`,
        value: Math.round((peakHeap - base.heapUsed) / 1024 / 1024),
        unit: 'MB',
      });
    }
  } finally {
    await service.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** 100,000 borrowers entering the strategy through POST /v1/accounts/overdue/batch, as a collection system would. */
async function strategySection(redisUrl: string): Promise<void> {
  const count = quick ? 10_000 : 100_000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-bench-'));
  const log = pino({ level: 'silent' });
  const token = generateToken('collector');
  const config = loadConfig(
    {
      PORT: '0',
      DATA_DIR: dir,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: `bench${randomBytes(3).toString('hex')}`,
      LOG_LEVEL: 'silent',
      RATE_LIMIT_PER_MINUTE: '1000000',
      RECONCILE_EVERY_MS: '0',
    },
    ['api'],
  );
  const service = await startService(config, {
    log,
    profile: US_REGF,
    signingSecret: 'bench',
    apiKeys: [{ id: keyIdOf(hashToken(token)), role: 'collector', hash: hashToken(token) }],
  });
  const redis = new Redis(redisUrl);
  try {
    const before = await usedMemory(redis);
    const t0 = process.hrtime.bigint();
    let scheduled = 0;
    for (let i = 0; i < count; i += 1000) {
      const res = await fetch(`${service.url}/v1/accounts/overdue/batch`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          accounts: Array.from({ length: Math.min(1000, count - i) }, (_, k) => overdueAccount(i + k)),
        }),
      });
      if (res.status !== 200)
        throw new Error(`accounts batch answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
      scheduled += ((await res.json()) as { scheduled: number }).scheduled;
    }
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const grown = (await usedMemory(redis)) - before;
    rows.push({
      section: 'strategy',
      measure: `${count.toLocaleString('en-US')} borrowers enter early through POST /v1/accounts/overdue/batch`,
      value: Number(seconds.toFixed(1)),
      unit: 's',
      note: `${scheduled} accounts, ${Math.round((scheduled * 2) / seconds)} steps/s (target ≤ 10 s for 100,000)`,
      goal: {
        figure: `${count.toLocaleString('en-US')} accounts into the strategy`,
        target: `≤ ${(count / 10_000).toFixed(0)} s`,
        met: seconds <= count / 10_000,
      },
    });
    rows.push({
      section: 'strategy',
      measure: 'Redis growth for those accounts (day-1 step queued, day-3 step in the store)',
      value: Math.round(grown / 1024 / 1024),
      unit: 'MB',
      note: `${Math.round(grown / scheduled)} bytes an account`,
    });
  } finally {
    redis.disconnect();
    await service.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A fake Twilio for one section, closed after it. */
async function withFakeTwilio(section: (tw: FakeTwilio) => Promise<unknown>): Promise<void> {
  const tw = await startFakeTwilio();
  try {
    await section(tw);
  } finally {
    await tw.close();
  }
}

async function main() {
  const started = new Date();
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
  // --targets: only the sections that measure a row of issue 32's table (its summary printed at the end).
  const targets = process.argv.includes('--targets');
  const runs = (section: string, hasTarget = false) => (only ? only === section : !targets || hasTarget);
  // One private Redis for every section.
  const redisDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-bench-redis-'));
  const redisUrl = process.env.REDIS_URL ?? `redis://127.0.0.1:${await freePort()}`;
  const privateRedis = await ensureRedis({
    url: redisUrl,
    autostart: true,
    dataDir: redisDir,
    envPath: process.env.PATH ?? '',
    log: pino({ level: 'silent' }),
  });
  try {
    if (runs('pipeline', true))
      await pipelineSections(
        { quick, redisUrl, rows },
        process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL,
        scheduleSections,
      );
    if (only === 'latency')
      await withFakeTwilio(async (tw) => {
        await latencyRows({ quick, redisUrl, rows }, tw);
      });
    if (only === 'schedule')
      await withFakeTwilio(async (tw) => {
        await scheduleSections({ quick, redisUrl, rows }, tw);
      });
    if (runs('tenants'))
      await withFakeTwilio((tw) => fairnessSection({ quick, redisUrl, rows }, tw, quick ? 20_000 : 200_000));
    const benchDb = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
    if (runs('outcomes', true) && benchDb)
      await outcomesSection({ quick, redisUrl, rows }, benchDb, quick ? 100_000 : 1_000_000, quick ? 10_000 : 100_000);
    if (runs('export')) await exportSection(redisUrl);
    if (runs('heavy')) await heavySection({ quick, redisUrl, rows }, benchDb);
    if (runs('strategy', true)) await strategySection(redisUrl);
    if (runs('ingest30', true)) {
      await ingest30Section({ quick, redisUrl, rows });
      if (benchDb) await ingest30Section({ quick, redisUrl, rows }, benchDb);
    }
    if (runs('backlog', true)) await withFakeTwilio((tw) => backlogSection({ quick, redisUrl, rows }, tw));
    if (runs('import', true)) await importSection({ quick, redisUrl, rows }, benchDb);
    if (runs('lint')) lintSection(rows, quick);
    if (runs('fleet')) await withFakeTwilio((tw) => fleetSection({ quick, redisUrl, rows }, tw, benchDb));
  } finally {
    await privateRedis?.stop();
    fs.rmSync(redisDir, { recursive: true, force: true });
  }
  const width = Math.max(...rows.map((r) => r.measure.length));
  process.stdout.write(
    `\nReminder Dispatch bench (${quick ? 'quick' : 'full'}) on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n\n`,
  );
  for (const r of rows)
    process.stdout.write(
      `${r.section.padEnd(8)} ${r.measure.padEnd(width)}  ${String(r.value).padStart(10)} ${r.unit.padEnd(11)} ${r.note ?? ''}\n`,
    );
  const goals = rows.filter((r) => r.goal);
  if (goals.length) {
    // Issue 32's table, every row of it this run measured, with its target and what it is read beside.
    const fw = Math.max(...goals.map((r) => r.goal!.figure.length));
    const tw = Math.max(...goals.map((r) => r.goal!.target.length));
    process.stdout.write(
      `\nTargets (issue 32), this run${quick ? ' (quick: smaller sizes, targets scaled)' : ''}:\n\n`,
    );
    for (const r of goals) {
      const g = r.goal!;
      process.stdout.write(
        `${g.figure.padEnd(fw)}  ${`${r.value} ${r.unit}`.padStart(18)}  ${g.target.padEnd(tw)}  ${g.met ? 'met   ' : 'missed'}  ${g.beside ?? ''}\n`,
      );
    }
  }
  const out = path.join('bench', 'results', `${started.toISOString().replace(/[:.]/g, '-')}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(
    out,
    JSON.stringify(
      {
        started: started.toISOString(),
        quick,
        machine: {
          cpus: os.cpus().length,
          model: os.cpus()[0]?.model,
          memGiB: os.totalmem() / 2 ** 30,
          node: process.version,
        },
        rows,
      },
      null,
      2,
    ),
  );
  process.stdout.write(`\nwritten to ${out}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
