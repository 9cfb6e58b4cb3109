/**
 * The built service (`npm run build`, then `node dist/src/main.js <role>`) in child processes, as
 * a fleet runs it: each process with an operations listener (OPS_PORT) so that a worker or a
 * scheduler, which serve no API, can be waited for and probed too.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from './ports.js';
import { runOrThrow, spawnCaptured } from './spawned.js';
import { waitFor } from './wait.js';

export type Role = 'all' | 'api' | 'worker' | 'scheduler';

export interface BuiltProcess {
  role: Role;
  child: ChildProcess;
  /** The API's URL (roles api and all). */
  url: string;
  /** The operations listener's URL (/healthz, /readyz, /metrics). */
  opsUrl: string;
  /** stdout and stderr so far. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs `npm run build` (tsc into dist/, the Lua scripts and the console's files copied). */
export async function buildDist(timeoutMs: number): Promise<void> {
  await runOrThrow('npm', ['run', 'build'], timeoutMs);
  if (!fs.existsSync(path.resolve('dist/src/main.js'))) throw new Error('npm run build left no dist/src/main.js');
}

/** Starts `node dist/src/main.js <role>` from the project root and waits for its /healthz. */
export async function startBuilt(role: Role, env: Record<string, string>): Promise<BuiltProcess> {
  const port = await freePort();
  const opsPort = await freePort();
  const { child, output, exited } = spawnCaptured(process.execPath, ['dist/src/main.js', role], {
    env: { ...process.env, ...env, PORT: String(port), OPS_PORT: String(opsPort), REDIS_AUTOSTART: 'false' },
  });
  const opsUrl = `http://127.0.0.1:${opsPort}`;
  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`${role} exited with ${child.exitCode}:\n${output()}`);
        return (await fetch(`${opsUrl}/healthz`).catch(() => undefined))?.ok;
      },
      { timeoutMs: 120_000, intervalMs: 100, what: `the ${role} process to answer /healthz on OPS_PORT` },
    );
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`${(err as Error).message}\noutput so far:\n${output()}`);
  }
  return { role, child, url: `http://127.0.0.1:${port}`, opsUrl, output, exited };
}

/** SIGTERM, then the exit: its code and how long the process took to stop. */
export async function stopBuilt(p: BuiltProcess): Promise<{ code: number | null; ms: number }> {
  const started = Date.now();
  if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
  const { code } = await p.exited;
  return { code, ms: Date.now() - started };
}
