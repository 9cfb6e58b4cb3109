/**
 * The service as production runs it: `tsx src/main.ts <role>` in a child process, with a run's
 * environment (see prepareRun), so a test can kill it for real or watch it refuse to start.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { apiKeysEnv, makeApi, type Harness, type RunData } from './harness.js';
import { freePort } from './ports.js';
import { waitFor } from './wait.js';

/**
 * `node --import tsx src/main.ts`: what `tsx src/main.ts` runs, in one process (the tsx command
 * runs node as a child of its own, which a SIGKILL of the tsx process would leave running).
 */
const NODE_ARGS = ['--import', 'tsx', 'src/main.ts'];

export interface ChildService {
  child: ChildProcess;
  url: string;
  api: Harness['api'];
  /** stdout and stderr so far. */
  output(): string;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function childEnv(run: Pick<RunData, 'env' | 'keys'>, extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    LOG_LEVEL: 'warn',
    ...run.env,
    REDIS_AUTOSTART: 'false',
    API_KEYS: apiKeysEnv(run.keys),
    ...extra,
  };
}

/** Starts the service in a child process and, for a role that serves HTTP, waits for /healthz. */
export async function spawnService(
  role: 'all' | 'api' | 'worker' | 'scheduler',
  run: Pick<RunData, 'env' | 'keys'>,
): Promise<ChildService> {
  const port = await freePort();
  const child = spawn(process.execPath, [...NODE_ARGS, role], {
    env: childEnv(run, { PORT: String(port) }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}`;
  if (role === 'all' || role === 'api') {
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}:\n${output}`);
        return (await fetch(`${url}/healthz`).catch(() => undefined))?.ok;
      },
      { timeoutMs: 90_000, intervalMs: 100, what: `the service to answer /healthz` },
    );
  }
  return { child, url, api: makeApi(url, run.keys), output: () => output, exited };
}

/** Runs `tsx src/main.ts <role>` (as above) expecting it to stop on its own (a refusal to start): exit code and output. */
export async function runServiceToExit(
  role: string,
  run: Pick<RunData, 'env' | 'keys'>,
  timeoutMs = 30_000,
): Promise<{ code: number | null; output: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [...NODE_ARGS, role], {
    env: childEnv(run, { PORT: String(port) }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  clearTimeout(timer);
  return { code, output };
}
