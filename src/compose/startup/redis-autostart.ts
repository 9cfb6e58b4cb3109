/**
 * For `npm start` on a laptop: if nothing answers at REDIS_URL (on this machine), start a
 * private redis-server with its files under DATA_DIR/redis and AOF on, so accepted reminders
 * survive a restart. Without the binary, explain how to get Redis. A cluster or Sentinel is
 * never started here, nor checked: the connection itself waits for it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import type { Logger } from '../../observability/logger.js';

export class RedisUnavailableError extends Error {
  override name = 'RedisUnavailableError';
}

export async function redisAnswers(url: string, timeoutMs = 1_000): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

function findBinary(name: string, envPath: string): string | undefined {
  for (const dir of envPath.split(path.delimiter)) {
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export interface PrivateRedis {
  url: string;
  stop(): Promise<void>;
}

/** Returns undefined when Redis already answers; a handle to the private server when one was started. */
export async function ensureRedis(opts: {
  url: string;
  /** Only one server (REDIS_URL) is checked and, if missing, started. */
  topology?: 'single' | 'cluster' | 'sentinel';
  autostart: boolean;
  dataDir: string;
  envPath: string;
  log: Logger;
}): Promise<PrivateRedis | undefined> {
  if ((opts.topology ?? 'single') !== 'single') return undefined;
  if (await redisAnswers(opts.url)) return undefined;
  const u = new URL(opts.url);
  const how =
    'start one with "docker compose up -d redis", or install it ("apt-get install redis-server", "brew install redis"), or point REDIS_URL at a running server';
  if (!opts.autostart || !LOOPBACK.has(u.hostname)) {
    throw new RedisUnavailableError(`Redis does not answer at ${u.host}: ${how}`);
  }
  const binary = findBinary('redis-server', opts.envPath);
  if (!binary)
    throw new RedisUnavailableError(`Redis does not answer at ${u.host} and no redis-server binary is on PATH: ${how}`);
  const dir = path.join(opts.dataDir, 'redis');
  fs.mkdirSync(dir, { recursive: true });
  const port = u.port || '6379';
  const child: ChildProcess = spawn(
    binary,
    [
      '--port',
      port,
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--appendfsync',
      'everysec',
      '--save',
      '',
      '--logfile',
      path.join(dir, 'redis.log'),
    ],
    { stdio: 'ignore' },
  );
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && !exited) {
    if (await redisAnswers(opts.url, 500)) {
      opts.log.info({ port, dir }, 'started a private redis-server (AOF on) because none answered at REDIS_URL');
      return {
        url: opts.url,
        async stop() {
          if (exited) return;
          const done = new Promise((resolve) => child.once('exit', resolve));
          child.kill('SIGTERM');
          await done;
        },
      };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new RedisUnavailableError(
    `started ${binary} on port ${port} but it did not answer; see ${path.join(dir, 'redis.log')}`,
  );
}
