/**
 * What a new user does: start the service with nothing configured (no Redis running at
 * REDIS_URL, no API keys, no providers) and post the README's reminder. The service starts a
 * private Redis, writes development keys, and the message lands in the sandbox outbox.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisAnswers } from '../../src/compose/startup/redis-autostart.js';
import { checkAnswersOf } from '../support/contract.js';
import { freePort } from '../support/ports.js';
import { waitFor } from '../support/wait.js';
import { zoneWhereHourIn } from '../support/zones.js';

describe('npm start with nothing configured', () => {
  let child: ChildProcess;
  let dataDir: string;
  let base: string;
  let redisUrl: string;
  let output = '';
  let exit: Promise<number | null>;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-e2e-'));
    const port = await freePort();
    redisUrl = `redis://127.0.0.1:${await freePort()}`;
    base = `http://127.0.0.1:${port}`;
    checkAnswersOf(base);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      REDIS_URL: redisUrl,
      LOG_LEVEL: 'info',
    };
    for (const k of [
      'API_KEYS',
      'TWILIO_ACCOUNT_SID',
      'TWILIO_AUTH_TOKEN',
      'TWILIO_FROM',
      'SMTP_URL',
      'EMAIL_FROM',
      'DATABASE_URL',
    ])
      delete env[k];
    // What `npm start` runs (package.json "start"), without npm in between so signals reach it.
    child = spawn(path.resolve('node_modules/.bin/tsx'), ['src/main.ts', 'all'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    exit = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    await waitFor(async () => (await fetch(`${base}/healthz`).catch(() => undefined))?.ok, {
      timeoutMs: 30_000,
      what: `the service to answer /healthz; output so far:\n${output}`,
    });
  });

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves /healthz and /readyz, having started a private Redis with AOF under DATA_DIR', async () => {
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ ok: true });
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect(fs.existsSync(path.join(dataDir, 'redis'))).toBe(true);
    expect(output).toContain('started a private redis-server');
  });

  it('says which Redis and which store it is using', async () => {
    await waitFor(async () => output.includes('using the private redis-server') || undefined, {
      what: `the connections logged; output so far:\n${output}`,
    });
    const line = output.split('\n').find((l) => l.includes('using the private redis-server'))!;
    expect(line).toContain(redisUrl);
    expect(line).toContain(`sqlite:${path.join(dataDir, 'reminders.db')}`);
  });

  it('lands the README example reminder in the outbox when it is daytime where the borrower is', async () => {
    const keys = JSON.parse(fs.readFileSync(path.join(dataDir, 'api-keys.json'), 'utf8')) as Record<string, string>;
    expect(Object.keys(keys).sort()).toEqual(['admin', 'agent', 'collector', 'compliance']);
    // The README's curl example, as fetch.
    const posted = await fetch(`${base}/v1/reminders`, {
      method: 'POST',
      headers: { authorization: `Bearer ${keys.collector}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        externalId: 'invoice-2026-11-0042',
        // The README uses America/New_York; the test picks a zone where it is daytime now, since
        // US-REGF (the default profile) holds reminders back outside 08:00–21:00 local time.
        borrower: {
          id: 'b-1001',
          name: 'Alex Chen',
          locale: 'en-US',
          timezone: zoneWhereHourIn(10, 18),
          phone: '+14155550100',
        },
        debt: {
          accountRef: '4111111111111234',
          creditor: 'Northwind Bank',
          amountDue: { amount: '120.50', currency: 'USD' },
          dueDate: '2026-11-20',
          daysOverdue: 3,
          paymentUrl: 'https://pay.example.com/a/1234',
        },
        channel: 'sms',
        template: 'gentle-overdue',
      }),
    });
    expect(posted.status).toBe(202);
    const reminder = (await posted.json()) as { id: string };
    const read = await waitFor(
      async () => {
        const r = (await (
          await fetch(`${base}/v1/reminders/${reminder.id}`, { headers: { authorization: `Bearer ${keys.collector}` } })
        ).json()) as { messages: { status: string; id: string }[] };
        return r.messages[0]?.status === 'sent' ? r : undefined;
      },
      { what: 'the reminder to be sent' },
    );
    const outbox = (await (
      await fetch(`${base}/v1/outbox`, { headers: { authorization: `Bearer ${keys.compliance}` } })
    ).json()) as { items: { messageId: string; body: string; to: string }[] };
    const item = outbox.items.find((i) => i.messageId === read.messages[0]!.id);
    expect(item).toMatchObject({ to: '+14155550100', body: expect.stringContaining('Reply STOP to opt out') });
  });

  it('serves the console at / for a browser, and the development agent key signs in to it', async () => {
    const root = await fetch(`${base}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/ui/');
    const page = await fetch(`${base}/ui/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/ui/app.js');
    const keys = JSON.parse(fs.readFileSync(path.join(dataDir, 'api-keys.json'), 'utf8')) as Record<string, string>;
    const me = (await (
      await fetch(`${base}/v1/me`, { headers: { authorization: `Bearer ${keys.agent}` } })
    ).json()) as { role: string; features: string[] };
    expect(me).toMatchObject({ role: 'agent', features: ['templates', 'contact', 'timeline', 'inbox'] });
  });

  it('stops cleanly on SIGTERM, taking its private Redis with it', async () => {
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(output).toContain('"msg":"stopped"');
    expect(await redisAnswers(redisUrl, 300)).toBe(false);
  });
});
