/**
 * The production image, as far as a machine without a container engine can take it: the tree the
 * Dockerfile builds (scripts/build-production.sh, the same script its build stage runs) is built
 * into a directory of the test's own and started as the image starts it (its ENTRYPOINT, its ENV,
 * sandbox providers); the Dockerfile's HEALTHCHECK command is run against it, in the `all` role
 * and in a `worker`.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkAnswersOf } from '../support/contract.js';
import { apiKeysEnv, makeTestKeys, OPEN_PROFILE, reminderBody } from '../support/harness.js';
import { freePort } from '../support/ports.js';
import { buildProductionTree, envOf, execForm, readDockerfile } from '../support/production-tree.js';
import { type Spawned, spawnCaptured } from '../support/spawned.js';
import { waitFor } from '../support/wait.js';

const stages = readDockerfile();
const runtime = stages.at(-1)!;
const last = (op: string) => runtime.instructions.filter((i) => i.op === op).at(-1)?.args ?? '';

describe('the production image', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-image-'));
  const tree = path.join(work, 'app');
  const keys = makeTestKeys();
  const started: Spawned[] = [];
  let env: NodeJS.ProcessEnv;
  let base: string;

  /** What the image runs (ENTRYPOINT + a role), in the tree, with the image's ENV and the test's own. */
  const start = (role: string, extra: Record<string, string>): Spawned => {
    const [cmd, ...args] = execForm(last('ENTRYPOINT'));
    const s = spawnCaptured(cmd === 'node' ? process.execPath : cmd!, [...args, role], {
      cwd: tree,
      env: { ...env, ...extra },
    });
    started.push(s);
    return s;
  };

  /** The Dockerfile's HEALTHCHECK command, run in the tree with a process's environment: its exit code. */
  const healthcheck = (extra: Record<string, string>) => {
    const [cmd, ...args] = execForm(last('HEALTHCHECK'));
    return spawnSync(cmd === 'node' ? process.execPath : cmd!, args, {
      cwd: tree,
      env: { ...env, ...extra },
      timeout: 15_000,
    }).status;
  };

  beforeAll(async () => {
    await buildProductionTree(tree, 900_000);
    const dataDir = path.join(work, 'data');
    // Only what the image's ENV sets, plus what this machine needs to find node: nothing of the
    // test run's environment leaks in.
    env = {
      PATH: process.env.PATH,
      ...envOf(runtime),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      REDIS_URL: inject('redisUrl'),
      QUEUE_PREFIX: `img${randomBytes(4).toString('hex')}`,
      API_KEYS: apiKeysEnv(keys),
      POLICY_FILE: OPEN_PROFILE,
      LOG_LEVEL: 'info',
    };
  }, 960_000);

  afterAll(async () => {
    for (const s of started) if (s.child.exitCode === null) s.child.kill('SIGKILL');
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('builds in one stage and runs in a slim one, as a user other than root', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const build = stages.find((s) => s.instructions.some((i) => i.op === 'RUN' && i.args.includes('build-production')));
    expect(build, 'a stage runs scripts/build-production.sh').toBeDefined();
    expect(build).not.toBe(runtime);
    expect(runtime.from).toMatch(/^node:20-.*slim$/);
    expect(runtime.instructions.some((i) => i.op === 'COPY' && i.args === `--from=${build!.name} /app /app`)).toBe(
      true,
    );
    expect(last('USER')).not.toMatch(/^(root|0)$/);
    expect(last('USER')).toBe('node');
    expect(execForm(last('ENTRYPOINT'))).toEqual(['node', 'dist/src/main.js']);
    expect(execForm(last('CMD'))).toEqual(['all']);
  });

  it('holds the compiled service, its runtime files and production dependencies only', () => {
    for (const f of [
      'dist/src/main.js',
      'dist/queues/index.js',
      'dist/src/jobs/caps/lua/reserve-contact-slot.lua',
      'dist/src/http/ui/public/index.html',
      'dist/src/policy/replies/model.en.json',
      'templates/gentle-overdue',
      'node_modules/better-sqlite3',
      'node_modules/bullmq',
    ])
      expect(fs.existsSync(path.join(tree, f)), f).toBe(true);
    for (const f of [
      'dist/test',
      'dist/bench',
      'src',
      'node_modules/typescript',
      'node_modules/vitest',
      'node_modules/eslint',
    ])
      expect(fs.existsSync(path.join(tree, f)), f).toBe(false);
  });

  it('starts as the image does, answers /healthz and its HEALTHCHECK, and sends a reminder', async () => {
    const port = await freePort();
    const opsPort = await freePort();
    base = `http://127.0.0.1:${port}`;
    checkAnswersOf(base);
    const all = start('all', { PORT: String(port), OPS_PORT: String(opsPort) });
    await waitFor(
      async () => {
        if (all.child.exitCode !== null) throw new Error(`exited with ${all.child.exitCode}:\n${all.output()}`);
        return (await fetch(`${base}/healthz`).catch(() => undefined))?.ok;
      },
      { timeoutMs: 60_000, intervalMs: 200, what: 'the production tree to answer /healthz' },
    );
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ ok: true });
    expect((await fetch(`http://127.0.0.1:${opsPort}/readyz`)).status).toBe(200);
    expect(healthcheck({ PORT: String(port), OPS_PORT: String(opsPort) })).toBe(0);

    const headers = { authorization: `Bearer ${keys.tokens.collector}`, 'content-type': 'application/json' };
    const posted = await fetch(`${base}/v1/reminders`, {
      method: 'POST',
      headers,
      body: JSON.stringify(reminderBody()),
    });
    expect(posted.status).toBe(202);
    const { id } = (await posted.json()) as { id: string };
    const sent = await waitFor(
      async () => {
        const r = (await (await fetch(`${base}/v1/reminders/${id}`, { headers })).json()) as {
          messages: { id: string; status: string }[];
        };
        return r.messages[0]?.status === 'sent' ? r.messages[0] : undefined;
      },
      { timeoutMs: 30_000, what: 'the reminder to be sent' },
    );
    const outbox = (await (
      await fetch(`${base}/v1/outbox`, { headers: { authorization: `Bearer ${keys.tokens.compliance}` } })
    ).json()) as { items: { messageId: string; to: string }[] };
    expect(outbox.items.find((i) => i.messageId === sent.id)).toMatchObject({ to: '+14155550100' });
    expect(all.output()).toContain('operations listener');
  });

  it('answers the HEALTHCHECK in a worker too, which serves no API', async () => {
    const opsPort = await freePort();
    const worker = start('worker', { PORT: String(await freePort()), OPS_PORT: String(opsPort) });
    await waitFor(
      async () => {
        if (worker.child.exitCode !== null)
          throw new Error(`exited with ${worker.child.exitCode}:\n${worker.output()}`);
        return (await fetch(`http://127.0.0.1:${opsPort}/healthz`).catch(() => undefined))?.ok;
      },
      { timeoutMs: 60_000, intervalMs: 200, what: 'the worker to answer /healthz on OPS_PORT' },
    );
    expect(healthcheck({ OPS_PORT: String(opsPort) })).toBe(0);
    const metrics = await (await fetch(`http://127.0.0.1:${opsPort}/metrics`)).text();
    expect(metrics).toContain('provider_circuit_state');
    expect(metrics).toContain('oldest_due_message_age_seconds');
  });

  it('stops on SIGTERM with exit code 0', async () => {
    for (const s of started) s.child.kill('SIGTERM');
    for (const s of started) expect((await s.exited).code, s.output()).toBe(0);
  });
});
