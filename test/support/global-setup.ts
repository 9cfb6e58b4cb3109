/**
 * Starts a private redis-server on a free port for the whole run (tests never touch a shared
 * Redis), and hands its URL to every test file through `inject('redisUrl')`.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import './provided.js';
import { freePort } from './ports.js';

/**
 * The PostgreSQL schemas test files are done with, dropped once every file has finished: a
 * `drop schema` while another file's kysely introspects the catalogue (its migrator lists every
 * schema and checks each with has_schema_privilege) makes that file fail with "schema … does not
 * exist".
 */
async function dropSchemas(listFile: string): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url || !fs.existsSync(listFile)) return;
  const schemas = [
    ...new Set(
      fs
        .readFileSync(listFile, 'utf8')
        .split('\n')
        .filter((s) => /^[a-z_][a-z0-9_]*$/.test(s)),
    ),
  ];
  const pg = await import('pg');
  const client = new pg.default.Client({ connectionString: url });
  await client.connect();
  try {
    for (const s of schemas) await client.query(`drop schema if exists ${s} cascade`);
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject) {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-test-redis-'));
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-test-logs-'));
  let child;
  try {
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
      { stdio: 'ignore' },
    );
    await new Promise<void>((resolve, reject) => {
      child!.once('error', reject);
      child!.once('spawn', () => resolve());
    });
  } catch (err) {
    throw new Error(
      `the tests need the redis-server binary to start a private Redis (apt-get install redis-server, or brew install redis): ${(err as Error).message}`,
    );
  }
  const { Redis } = await import('ioredis');
  const deadline = Date.now() + 10_000;
  for (;;) {
    const client = new Redis({
      port,
      host: '127.0.0.1',
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.ping();
      client.disconnect();
      break;
    } catch {
      client.disconnect();
      if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not answer`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  project.provide('redisUrl', `redis://127.0.0.1:${port}`);
  project.provide('logDir', logDir);
  const schemasToDrop = path.join(logDir, 'schemas-to-drop');
  project.provide('schemasToDrop', schemasToDrop);
  return async () => {
    child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
    await dropSchemas(schemasToDrop);
  };
}
