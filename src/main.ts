/**
 * The process entry point and the only place that reads the environment.
 *   node dist/src/main.js [all|api|worker|scheduler]     (npm start = all)
 */
import fs from 'node:fs';
import { parseApiKeys } from './http/api/auth.js';
import { ConfigError, loadConfig } from './config/config.js';
import { type Logger, makeLogger, maskedUrl } from './observability/logger.js';
import { ProfileError } from './policy/profile.js';
import { loadOrCreateDevKeys } from './compose/startup/api-keys-file.js';
import { loadPolicyProfile } from './compose/startup/policy-profile.js';
import { loadOrCreateSigningSecret } from './compose/startup/signing-secret.js';
import { loadStrategy } from './compose/startup/strategy-file.js';
import { StrategyError } from './policy/strategy.js';
import { ensureRedis, RedisUnavailableError } from './compose/startup/redis-autostart.js';
import { describeRedisTopology } from './config/redis-topology.js';
import { startService } from './service.js';
import { containStrayErrors, strayErrorHandlers } from './compose/startup/stray-errors.js';
import { TemplateLoadError } from './templates/catalogue.js';
import { AddressKeyUnavailableError } from './store/address-key-unavailable.error.js';

function version(): string {
  try {
    const file = [new URL('../package.json', import.meta.url), new URL('../../package.json', import.meta.url)].find(
      (u) => fs.existsSync(u),
    );
    const pkg = file ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: string }) : {};
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env, process.argv.slice(2));
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`reminder-dispatch: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  // In a terminal, readable lines; otherwise JSON lines. Redaction is the same either way.
  const log = makeLogger({
    level: config.logLevel,
    base: { role: config.role },
    pretty: process.stdout.isTTY === true,
  });
  let profile;
  try {
    profile = loadPolicyProfile(config);
  } catch (err) {
    if (err instanceof ProfileError) {
      process.stderr.write(`reminder-dispatch: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }

  let apiKeys;
  if (config.apiKeys) {
    apiKeys = parseApiKeys(config.apiKeys);
  } else {
    const dev = loadOrCreateDevKeys(config.dataDir);
    apiKeys = dev.records;
    log.warn(
      { file: dev.file, created: dev.created },
      `API_KEYS is not set: using development keys from ${dev.file} (one per role)`,
    );
  }

  let privateRedis;
  try {
    privateRedis = await ensureRedis({
      url: config.redisUrl,
      topology: config.redis.kind,
      autostart: config.redisAutostart,
      dataDir: config.dataDir,
      envPath: process.env.PATH ?? '',
      log,
    });
  } catch (err) {
    if (err instanceof RedisUnavailableError) {
      log.fatal(err.message);
      process.stderr.write(`reminder-dispatch: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }

  let service;
  try {
    service = await startService(config, {
      log,
      apiKeys,
      profile,
      strategy: loadStrategy(config.strategyFile),
      version: version(),
      signingSecret: loadOrCreateSigningSecret(config.dataDir, config.signingSecret),
    });
  } catch (err) {
    // Configuration to fix before any start can succeed (the suppression key: the secrets given do not unwrap it).
    if (err instanceof TemplateLoadError || err instanceof StrategyError || err instanceof AddressKeyUnavailableError) {
      log.fatal(err.message);
      process.stderr.write(`reminder-dispatch: ${err.message}\n`);
      await privateRedis?.stop();
      process.exit(2);
    }
    throw err;
  }
  log.info({ profile: profile.name }, 'compliance profile in force');
  // Which Redis and which store: something answering at the default REDIS_URL is used, so say so.
  log.info(
    {
      redis: config.redis.kind === 'single' ? maskedUrl(config.redisUrl) : describeRedisTopology(config.redis),
      privateRedis: privateRedis !== undefined,
      store: maskedUrl(config.databaseUrl),
    },
    privateRedis
      ? 'using the private redis-server started above, and the store'
      : 'using the Redis that answered at REDIS_URL, and the store',
  );
  if (!config.twilio) log.warn('TWILIO_* not set: SMS and voice go to the sandbox outbox (GET /v1/outbox)');
  if (!config.smtp) log.warn('SMTP_URL not set: email goes to the sandbox outbox (GET /v1/outbox)');

  const stop = stopper(log, config.shutdownGraceMs, async () => {
    await service.close();
    await privateRedis?.stop();
  });
  process.on('SIGTERM', () => stop('SIGTERM', 0));
  process.on('SIGINT', () => stop('SIGINT', 0));
  containStrayErrors(process, strayErrorHandlers({ log }));
}

/** Errors that say what to fix in the configuration: their message is the whole story, a stack trace only noise. */
const SAID_IN_FULL = new Set(['ConfigError', 'ProfileError', 'StrategyError', 'ApiKeyError', 'RedisUnavailableError']);

main().catch((err: unknown) => {
  const e = err as Error | undefined;
  const said = e && SAID_IN_FULL.has(e.name) ? `${e.name}: ${e.message}` : (e?.stack ?? String(err));
  process.stderr.write(`reminder-dispatch: failed to start: ${said}\n`);
  process.exit(1);
});

/** SIGTERM or SIGINT: no new work, jobs in flight finish, then exit (or exit anyway past the grace period). */
function stopper(log: Logger, graceMs: number, close: () => Promise<void>): (why: string, exitCode: number) => void {
  let stopping = false;
  return (why, exitCode) => {
    if (stopping) return;
    stopping = true;
    log.info({ why }, 'shutting down: no new work, letting jobs in flight finish');
    const hardStop = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, graceMs + 10_000);
    hardStop.unref();
    close().then(
      () => {
        log.info('stopped');
        process.exit(exitCode);
      },
      (err: unknown) => {
        log.error({ err }, 'shutdown failed; exiting');
        process.exit(1);
      },
    );
  };
}
