/**
 * npm run import -- <accounts.ndjson | accounts.csv> [--client <key id>] [--restart]
 * The nightly delinquency file: every account enters the collection strategy (as
 * POST /v1/accounts/overdue/batch, a thousand at a time). Resumable: after each thousand a
 * checkpoint (<file>.progress) records the last line done, and a run after a crash starts after it;
 * and since an account already in its stage is left as it is, a line done twice schedules nothing
 * twice. Bad lines are reported by number (exit 1 when there were any, after importing the rest).
 */
import fs from 'node:fs';
import { validateOverdueItem } from '../api/strategy.routes.js';
import { loadConfig } from '../config/config.js';
import { makeLogger } from '../observability/logger.js';
import { loadPolicyProfile } from '../process/policy-profile.js';
import { ensureRedis } from '../process/redis-autostart.js';
import { loadOrCreateSigningSecret } from '../process/signing-secret.js';
import { loadStrategy } from '../process/strategy-file.js';
import { importAccounts, type ImportFormat } from '../scheduler/account-import.js';
import { startService } from '../service.js';
import { runCli } from './run.js';

function arg(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** The checkpoint is only trusted for the same file (size and modification time). */
function readCheckpoint(file: string, stat: fs.Stats): number {
  try {
    const c = JSON.parse(fs.readFileSync(`${file}.progress`, 'utf8')) as { line: number; size: number; mtimeMs: number };
    return c.size === stat.size && c.mtimeMs === stat.mtimeMs ? c.line : 0;
  } catch {
    return 0;
  }
}

async function main(argv: string[]): Promise<number> {
  const file = argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--client');
  if (!file) {
    process.stderr.write('usage: npm run import -- <accounts.ndjson | accounts.csv> [--client <key id>] [--restart]\n');
    return 2;
  }
  if (!fs.existsSync(file)) {
    process.stderr.write(`import: no file ${file}\n`);
    return 2;
  }
  const format: ImportFormat = /\.csv$/i.test(file) ? 'csv' : 'ndjson';
  const client = arg(argv, '--client') ?? 'import';
  const stat = fs.statSync(file);
  const skipLines = argv.includes('--restart') ? 0 : readCheckpoint(file, stat);
  // The service's own parts, as the API role builds them, on a port nobody listens to.
  const config = loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1' }, ['api']);
  const log = makeLogger({ level: 'warn' });
  const redis = await ensureRedis({ url: config.redisUrl, autostart: config.redisAutostart, dataDir: config.dataDir, envPath: process.env.PATH ?? '', log });
  const service = await startService(config, {
    log,
    apiKeys: [],
    profile: loadPolicyProfile(config),
    strategy: loadStrategy(config.strategyFile),
    signingSecret: loadOrCreateSigningSecret(config.dataDir, config.signingSecret),
  });
  try {
    if (skipLines > 0) process.stdout.write(`resuming ${file} after line ${skipLines} (--restart to read it from the start)\n`);
    const report = await importAccounts(
      { validate: validateOverdueItem, accountsOverdue: (accounts) => service.strategyRunner!.accountsOverdue(client, `cli:import`, accounts) },
      fs.createReadStream(file),
      format,
      {
        skipLines,
        onCheckpoint: (line) => fs.writeFileSync(`${file}.progress`, JSON.stringify({ line, size: stat.size, mtimeMs: stat.mtimeMs })),
      },
    );
    fs.rmSync(`${file}.progress`, { force: true });
    for (const e of report.errors) process.stderr.write(`${file}:${e.line}: ${e.path ? `${e.path}: ` : ''}${e.message}\n`);
    if (report.rejected > report.errors.length) process.stderr.write(`${file}: ${report.rejected - report.errors.length} more bad lines not shown\n`);
    process.stdout.write(
      `${report.lines} accounts read: ${report.scheduled} entered their stage, ${report.unchanged} already in it, ${report.rejected} bad lines${report.rejected ? ' (not imported; the rest were)' : ''}\n`,
    );
    return report.rejected > 0 ? 1 : 0;
  } finally {
    await service.close();
    await redis?.stop();
  }
}

runCli('import', () => main(process.argv.slice(2)));
