/**
 * A PostgreSQL server of the test's own, on a free port, that the test can stop and start again
 * (an outage) without touching the shared one: Debian's `initdb` and `pg_ctl` (postgresql-15 here),
 * run as the `postgres` user (initdb refuses root), on a data directory in the temp folder.
 *
 *   runuser -u postgres -- /usr/lib/postgresql/15/bin/initdb -D <dir>/data -U postgres -A trust
 *   runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D <dir>/data -w -o "-p <port> …" start
 *   runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D <dir>/data -w -m fast stop
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './ports.js';

const run = promisify(execFile);

/** Where Debian puts the server binaries: /usr/lib/postgresql/<newest version>/bin (PG_BIN overrides). */
export const PG_BIN = process.env.PG_BIN ?? debianPgBin();

function debianPgBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'pg_ctl')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return path.join(root, versions[0] ?? '15', 'bin');
}

export interface PrivatePostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  /** Stops the server as an operator would (`pg_ctl stop -m fast`: sessions are ended, the port closes). */
  stop(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  /** Stops it (if running) and removes its data directory. */
  teardown(): Promise<void>;
}

/** Whether this machine can run a private server (the binaries exist, and a `postgres` user to run them). */
export function privatePostgresAvailable(): boolean {
  if (!fs.existsSync(path.join(PG_BIN, 'pg_ctl')) || !fs.existsSync(path.join(PG_BIN, 'initdb'))) return false;
  try {
    return fs
      .readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .some((l) => l.startsWith('postgres:'));
  } catch {
    return false;
  }
}

/** Runs a server binary as the `postgres` user when this process is root (initdb refuses root), else as itself. */
async function asPostgres(bin: string, args: string[]): Promise<string> {
  const file = path.join(PG_BIN, bin);
  const [cmd, argv] = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  try {
    const { stdout, stderr } = await run(cmd, argv, { timeout: 60_000 });
    return stdout + stderr;
  } catch (err) {
    const e = err as Error & { stdout?: string; stderr?: string };
    throw new Error(`${bin} ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

function postgresIds(): { uid: number; gid: number } {
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('no postgres user on this machine (apt-get install postgresql creates it)');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** initdb on a fresh directory and start the server on a free port; the caller tears it down. */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-test-pg-'));
  const data = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  if (process.getuid?.() === 0) {
    const { uid, gid } = postgresIds();
    fs.chownSync(dir, uid, gid);
  }
  const port = await freePort();
  let running = false;
  await asPostgres('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--no-sync',
    '--no-instructions',
  ]);
  // The socket in the data's own folder (not the shared /var/run/postgresql); fsync off: a test's data.
  const serverOptions = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c full_page_writes=off`;
  const pg: PrivatePostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    async start() {
      await asPostgres('pg_ctl', ['-D', data, '-l', logFile, '-w', '-t', '30', '-o', serverOptions, 'start']);
      running = true;
    },
    async stop() {
      await asPostgres('pg_ctl', ['-D', data, '-w', '-t', '30', '-m', 'fast', 'stop']);
      running = false;
    },
    async teardown() {
      if (running) await asPostgres('pg_ctl', ['-D', data, '-w', '-m', 'immediate', 'stop']).catch(() => undefined);
      running = false;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await pg.start();
  } catch (err) {
    await pg.teardown();
    throw err;
  }
  return pg;
}
