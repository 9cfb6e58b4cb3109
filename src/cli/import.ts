/**
 * npm run import -- <accounts.ndjson | accounts.csv>[.gz] [--tenant <id>] [--client <key id>] [--restart]
 * The nightly delinquency file: every account enters the collection strategy (as
 * POST /v1/accounts/overdue/batch, a thousand at a time), for the default tenant or the one
 * --tenant names (it must exist in the store). Resumable: after each thousand a checkpoint
 * (<file>.progress) records the last line done, and a run after a crash starts after it; and since
 * an account already in its stage is left as it is, a line done twice schedules nothing twice. Bad
 * lines are reported by number (exit 1 when there were any, after importing the rest); a line over
 * IMPORT_MAX_LINE_CHARS is one of them, skipped without being held.
 */
import fs from 'node:fs';
import { validateOverdueItem } from '../usecases/accept-overdue-accounts/accept-overdue-accounts.usecase.js';
import { loadConfig } from '../config/config.js';
import { makeLogger } from '../observability/logger.js';
import { loadPolicyProfile } from '../compose/startup/policy-profile.js';
import { ensureRedis } from '../compose/startup/redis-autostart.js';
import { loadOrCreateSigningSecret } from '../compose/startup/signing-secret.js';
import { loadStrategy } from '../compose/startup/strategy-file.js';
import { DEFAULT_TENANT, TenantId } from '../domain/tenant.js';
import { ImportInterruptedError, importAccounts, type ImportFormat } from '../services/account-import.js';
import { importBytes } from '../lib/import-source.js';
import { startService } from '../service.js';
import { runCli } from './run.js';

function arg(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** The checkpoint is only trusted for the same file (size and modification time). */
function readCheckpoint(file: string, stat: fs.Stats): number {
  try {
    const c = JSON.parse(fs.readFileSync(`${file}.progress`, 'utf8')) as {
      line: number;
      size: number;
      mtimeMs: number;
    };
    return c.size === stat.size && c.mtimeMs === stat.mtimeMs ? c.line : 0;
  } catch {
    return 0;
  }
}

const USAGE =
  'usage: npm run import -- <accounts.ndjson | accounts.csv>[.gz] [--tenant <id>] [--client <key id>] [--restart]\n';
const VALUED = ['--client', '--tenant'];

async function main(argv: string[]): Promise<number> {
  const file = argv.find((a, i) => !a.startsWith('--') && !VALUED.includes(argv[i - 1] ?? ''));
  if (!file) {
    process.stderr.write(USAGE);
    return 2;
  }
  if (!fs.existsSync(file)) {
    process.stderr.write(`import: no file ${file}\n`);
    return 2;
  }
  const tenantArg = arg(argv, '--tenant');
  const tenantId =
    tenantArg === undefined ? { success: true as const, data: DEFAULT_TENANT } : TenantId.safeParse(tenantArg);
  if (!tenantId.success) {
    process.stderr.write(
      `import: --tenant "${String(tenantArg).slice(0, 60)}" is not a tenant id (${tenantId.error.issues[0]?.message ?? 'invalid'}); npm run tenants -- list shows them\n`,
    );
    return 2;
  }
  const tenant = tenantId.data;
  const gzip = /\.gz$/i.test(file);
  const format: ImportFormat = /\.csv(\.gz)?$/i.test(file) ? 'csv' : 'ndjson';
  // Accounts belong to a client: another tenant's import gets a client of its own, never the default tenant's.
  const client = arg(argv, '--client') ?? (tenant === DEFAULT_TENANT ? 'import' : `import:${tenant}`);
  const stat = fs.statSync(file);
  const skipLines = argv.includes('--restart') ? 0 : readCheckpoint(file, stat);
  // The service's own parts, as the API role builds them, on a port nobody listens to.
  const config = loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1' }, ['api']);
  const log = makeLogger({ level: 'warn' });
  const redis = await ensureRedis({
    url: config.redisUrl,
    topology: config.redis.kind,
    autostart: config.redisAutostart,
    dataDir: config.dataDir,
    envPath: process.env.PATH ?? '',
    log,
  });
  const service = await startService(config, {
    log,
    apiKeys: [],
    profile: loadPolicyProfile(config),
    strategy: loadStrategy(config.strategyFile),
    signingSecret: loadOrCreateSigningSecret(config.dataDir, config.signingSecret),
  });
  try {
    if (tenant !== DEFAULT_TENANT && !(await service.store.tenants.get(tenant))) {
      process.stderr.write(
        `import: no tenant "${tenant}" in the store; npm run tenants -- list shows them, npm run tenants -- put <file.json> adds one\n`,
      );
      return 2;
    }
    if (skipLines > 0)
      process.stdout.write(`resuming ${file} after line ${skipLines} (--restart to read it from the start)\n`);
    const report = await importAccounts(
      {
        validate: (raw) => validateOverdueItem(raw, tenant),
        accountsOverdue: (accounts) => service.strategyRunner!.accountsOverdue(client, `cli:import`, accounts),
      },
      importBytes(fs.createReadStream(file), gzip ? 'gzip' : 'identity', config.accountImport.maxBytes),
      format,
      {
        skipLines,
        maxLineChars: config.accountImport.maxLineChars,
        onCheckpoint: (line) =>
          fs.writeFileSync(`${file}.progress`, JSON.stringify({ line, size: stat.size, mtimeMs: stat.mtimeMs })),
      },
    ).catch((err: unknown) => {
      if (!(err instanceof ImportInterruptedError)) throw err;
      process.stderr.write(
        `${file}: stopped: ${(err.cause as Error)?.message ?? String(err.cause)}; lines 1 to ${err.committedThrough} are stored (the same command goes on after them)\n`,
      );
      return undefined;
    });
    if (!report) return 1;
    fs.rmSync(`${file}.progress`, { force: true });
    for (const e of report.errors)
      process.stderr.write(`${file}:${e.line}: ${e.path ? `${e.path}: ` : ''}${e.message}\n`);
    if (report.rejected > report.errors.length)
      process.stderr.write(`${file}: ${report.rejected - report.errors.length} more bad lines not shown\n`);
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
