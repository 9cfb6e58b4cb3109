/**
 * The command-line tools as an operator runs them (`npm run …`, a child process with the
 * service's environment): exit codes and what they print.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { derivedEventsSecret } from '../../src/http/webhooks/signing-keys.js';
import { dbVariants, startHarness, type Harness } from '../support/harness.js';

/** `npm run --silent <script> -- <args>`: exit code, stdout and stderr (a non-zero exit is not an error here). */
function npmRun(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'npm',
      ['run', '--silent', script, '--', ...args],
      { env, cwd: path.resolve('.'), timeout: 60_000 },
      (err, stdout, stderr) => {
        const code = err
          ? typeof (err as { code?: unknown }).code === 'number'
            ? (err as { code: number }).code
            : -1
          : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('npm run lint:templates', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-lint-cli-'));
    fs.cpSync('templates', dir, { recursive: true });
    // Line 2 threatens legal action.
    fs.writeFileSync(
      path.join(dir, 'due-soon', 'sms.en-US.hbs'),
      '{{debt.creditor}}: pay by {{date debt.dueDate}}\nor we will take legal action.{{#if sender.agency}} This is from a debt collector.{{/if}} Reply STOP to opt out.',
    );
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('passes the shipped templates with exit code 0', { timeout: 60_000 }, async () => {
    const r = await npmRun('lint:templates', ['templates']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^\d+ template files checked under US-REGF: 0 errors\n$/);
  });

  it('exits 1 on a bad template, naming the file, line, column and rule', { timeout: 60_000 }, async () => {
    const r = await npmRun('lint:templates', [dir]);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const file = path.relative(process.cwd(), path.join(dir, 'due-soon', 'sms.en-US.hbs'));
    expect(r.stdout).toContain(`${file}:2:17 threat-legal-action`);
    expect(r.stdout).toMatch(/template files checked under US-REGF: 1 error\n$/);
    // Only that file has findings.
    const findings = r.stdout.trim().split('\n').slice(0, -1);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((l) => l.startsWith(`${file}:`))).toBe(true);
  });

  it('applies --max-segments and --profile', { timeout: 60_000 }, async () => {
    const tight = await npmRun('lint:templates', ['templates', '--max-segments', '2']);
    expect(tight.code).toBe(1);
    expect(tight.stdout).toContain('templates/gentle-overdue/sms.zh-CN.hbs:1:1 sms-too-long');
    const cn = await npmRun('lint:templates', ['templates', '--profile', 'CN']);
    expect(cn.code, cn.stdout).toBe(0);
    expect(cn.stdout).toMatch(/checked under CN: 0 errors/);
    const unknown = await npmRun('lint:templates', ['templates', '--profile', 'Mars']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^lint:templates: .*Mars/);
  });
});

describe.each(dbVariants())('npm run retention on $name', (variant) => {
  let h: Harness;
  // The service's clock, moved back to make old data (an API-only service: no worker touches it).
  let offsetMs = 0;
  const YEAR = 365.25 * 86_400_000;

  beforeAll(async () => {
    h = await startHarness({
      db: variant,
      role: 'api',
      service: { clock: { now: () => new Date(Date.now() - offsetMs) } },
    });
  });
  afterAll(async () => {
    await h?.destroy();
  });

  const retention = (...args: string[]) => npmRun('retention', args, { ...process.env, ...h.env });

  it(
    '--dry-run lists who would be erased and erases nothing; without it, erases just them',
    { timeout: 120_000 },
    async () => {
      offsetMs = 4 * YEAR;
      expect(
        (
          await h.api('PUT', '/v1/borrowers/b-ret-old', {
            body: { name: 'Old Borrower', phone: '+14155550901', locale: 'en-US', timezone: 'America/New_York' },
          })
        ).status,
      ).toBe(201);
      const old = await h.api('POST', '/v1/reminders', {
        body: {
          borrower: {
            id: 'b-ret-msg',
            name: 'Old With Message',
            phone: '+14155550902',
            locale: 'en-US',
            timezone: 'America/New_York',
          },
          debt: {
            accountRef: '4111111111111234',
            creditor: 'Northwind Bank',
            amountDue: { amount: '12.00', currency: 'USD' },
            dueDate: '2022-11-20',
            daysOverdue: 3,
          },
          channel: 'sms',
          template: 'gentle-overdue',
        },
      });
      expect(old.status).toBe(202);
      offsetMs = 0;
      expect(
        (
          await h.api('PUT', '/v1/borrowers/b-ret-new', {
            body: { name: 'Recent Borrower', phone: '+14155550903', locale: 'en-US', timezone: 'America/New_York' },
          })
        ).status,
      ).toBe(201);

      const dry = await retention('--dry-run');
      expect(dry.code, dry.stderr).toBe(0);
      const [head, ...lines] = dry.stdout.trim().split('\n');
      expect(head).toMatch(
        /^would erase 2 borrowers \(last activity before \d{4}-\d\d-\d\dT[\d:.]+Z, test-open: 3 years\)$/,
      );
      expect(lines.map((l) => l.trim().split('\t'))).toEqual([
        ['b-ret-msg', expect.stringMatching(/^last activity \d{4}-/), '1 messages'],
        ['b-ret-old', expect.stringMatching(/^last activity \d{4}-/), '0 messages'],
      ]);
      // Nothing was erased.
      for (const id of ['b-ret-old', 'b-ret-msg', 'b-ret-new'])
        expect((await h.service.store.getBorrower(id))!.name, id).not.toBeNull();
      expect((await h.service.store.getMessage(old.body.messages[0].id))!.to).toBe('+14155550902');

      // A shorter period (--years) reaches the recent borrower too, still dry.
      const all = await retention('--dry-run', '--years', '0');
      expect(all.code).toBe(0);
      expect(all.stdout).toMatch(/^would erase 3 borrowers .*: 0 years\)\n/);

      const wet = await retention();
      expect(wet.code, wet.stderr).toBe(0);
      expect(wet.stdout).toMatch(/^erased 2 borrowers \(last activity before .*, test-open: 3 years\)\n/);
      expect(wet.stdout).toContain('b-ret-old');
      expect((await h.service.store.getBorrower('b-ret-old'))!).toMatchObject({ name: null, phone: null });
      expect((await h.service.store.getMessage(old.body.messages[0].id))!.to).toBe('[erased]');
      expect((await h.service.store.getBorrower('b-ret-new'))!).toMatchObject({
        name: 'Recent Borrower',
        phone: '+14155550903',
      });
      const again = await retention('--dry-run');
      expect(again.stdout).toMatch(/^would erase 0 borrowers/);
    },
  );

  it('exits non-zero with one line on stderr when the store cannot be opened', { timeout: 60_000 }, async () => {
    const r = await npmRun('retention', ['--dry-run'], {
      ...process.env,
      ...h.env,
      DATABASE_URL: 'mysql://nowhere/db',
    });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/^retention: /);
    expect(r.stdout).toBe('');
  });
});

describe('npm run tenants and keys --tenant', () => {
  let h: Harness;
  let dir: string;
  beforeAll(async () => {
    h = await startHarness({ db: dbVariants()[0]!, role: 'api' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-tenants-cli-'));
  });
  afterAll(async () => {
    await h?.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const run = (script: string, ...args: string[]) => npmRun(script, args, { ...process.env, ...h.env });

  it(
    'creates a tenant from a file, refuses a wrong one naming the field, and makes keys that act for it only',
    { timeout: 120_000 },
    async () => {
      const file = path.join(dir, 'acme.json');
      const acme = {
        id: 'acme',
        name: 'Acme Bank',
        kind: 'creditor',
        channels: ['sms', 'email'],
        senders: { sms: { from: '+14155550001' }, email: { from: 'Acme <billing@acme.example>' } },
      };
      fs.writeFileSync(file, JSON.stringify(acme));
      const put = await run('tenants', 'put', file);
      expect(put.code, put.stderr).toBe(0);
      expect(put.stdout).toMatch(/created tenant acme \(creditor, Acme Bank\)/);
      expect((await run('tenants', 'put', file)).stdout).toMatch(/updated tenant acme/);
      const list = await run('tenants', 'list');
      expect(list.stdout.trim().split('\n')).toEqual(['acme\tcreditor\tsms,email\tAcme Bank']);
      const bad = path.join(dir, 'bad.json');
      fs.writeFileSync(bad, JSON.stringify({ ...acme, id: 'bravo', senders: { sms: { messagingServiceSid: 'MG1' } } }));
      const refused = await run('tenants', 'put', bad);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/senders\.sms\.messagingServiceSid: must be a Messaging Service SID/);
      expect(refused.stderr).toMatch(/senders\.email: tenant "bravo" sends on email/);
      // A key for a tenant that does not exist is refused; one for acme reaches acme's data only.
      const ghost = await run('keys', 'create', '--role', 'collector', '--tenant', 'ghost');
      expect(ghost.code).toBe(2);
      expect(ghost.stderr).toMatch(/unknown tenant "ghost"/);
      const made = await run('keys', 'create', '--role', 'agent', '--tenant', 'acme');
      expect(made.code, made.stderr).toBe(0);
      const token = made.stdout.split('\n')[1]!;
      const me = await h.api('GET', '/v1/me', { role: null, headers: { authorization: `Bearer ${token}` } });
      expect(me.body).toMatchObject({ role: 'agent', tenant: 'acme' });
      expect((await run('keys', 'list')).stdout).toMatch(/\tagent\tacme\t/);
    },
  );

  it(
    'prints the events secret a tenant’s receiver checks signatures with, or says it has its own',
    { timeout: 120_000 },
    async () => {
      const withSecret = (...args: string[]) =>
        npmRun('tenants', args, { ...process.env, ...h.env, SIGNING_SECRET: 'the-deployment-secret' });
      const file = path.join(dir, 'bravo.json');
      const bravo = {
        id: 'bravo',
        name: 'Bravo',
        kind: 'creditor',
        channels: ['email'],
        senders: { email: { from: 'Bravo <b@bravo.example>' } },
        events: { url: 'https://bravo.example/ev' },
      };
      fs.writeFileSync(file, JSON.stringify(bravo));
      expect((await withSecret('put', file)).code).toBe(0);
      const derived = await withSecret('events-secret', 'bravo');
      expect(derived.code, derived.stderr).toBe(0);
      expect(derived.stdout).toBe(`${derivedEventsSecret('the-deployment-secret', 'bravo')}\n`);
      fs.writeFileSync(
        file,
        JSON.stringify({ ...bravo, events: { ...bravo.events, secret: 'bravo-own-secret-0123456789abcdefXYZW' } }),
      );
      expect((await withSecret('put', file)).code).toBe(0);
      const own = await withSecret('events-secret', 'bravo');
      expect(own.stdout).toBe('');
      expect(own.stderr).toMatch(/its own events\.secret \(ending XYZW\)/);
      expect((await withSecret('events-secret', 'ghost')).code).toBe(1);
    },
  );
});

describe('the service refusing to start', () => {
  it('says in one line, with no stack trace, that an API key names a tenant that does not exist', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-start-'));
    try {
      const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          ['--import', 'tsx', 'src/main.ts', 'api'],
          {
            cwd: path.resolve('.'),
            timeout: 60_000,
            env: {
              ...process.env,
              DATA_DIR: dir,
              PORT: '0',
              API_KEYS: 'collector@nope:abcdefghijklmnopqrstuvwx',
              LOG_LEVEL: 'silent',
            },
          },
          (err, _stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? -1) : 0, stderr }),
        );
      });
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(
        'reminder-dispatch: failed to start: ConfigError: API_KEYS: a collector key names tenant "nope", which does not exist (npm run tenants -- list)\n',
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
