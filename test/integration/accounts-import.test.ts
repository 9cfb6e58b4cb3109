/**
 * The delinquency file through the API: POST /v1/accounts/overdue/batch (a result per account,
 * idempotent), the streamed import over HTTP (NDJSON and CSV) and `npm run import`, resumable
 * after a crash from its checkpoint without scheduling anything twice. Later cadence steps are
 * `scheduled` rows with no job.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, keyIdOf } from '../../src/api/auth.js';
import { providerEnv, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { dbVariants, startHarness, type Harness } from '../support/harness.js';

const borrower = (i: number, over: Record<string, unknown> = {}) => ({
  id: `acct-b-${i}`,
  name: `Borrower ${i}`,
  locale: 'en-US',
  timezone: 'America/New_York',
  phone: `+1415555${String(i).padStart(4, '0')}`,
  email: `b${i}@example.com`,
  ...over,
});
const debt = { accountRef: '4111111111111234', creditor: 'Northwind Bank', amountDue: { amount: '120.50', currency: 'USD' }, dueDate: '2026-11-20', daysOverdue: 1 };
const account = (i: number, over: Record<string, unknown> = {}) => ({ accountRef: `A-${i}`, borrower: borrower(i), debt, ...over });

function runImport(h: Harness, args: string[]): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', ...args], {
    env: { ...process.env, ...h.env, REDIS_AUTOSTART: 'false', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out })));
}

describe.each(dbVariants())('the delinquency file on $name', (variant) => {
  let twilio: FakeTwilio;
  let h: Harness;
  beforeAll(async () => {
    twilio = await startFakeTwilio();
    h = await startHarness({ db: variant, env: { ...providerEnv(twilio), FEED_EVERY_MS: '0', RECONCILE_EVERY_MS: '0', SCHEDULE_HORIZON: '10m' } });
  });
  afterAll(async () => {
    await h?.destroy();
    await twilio?.close();
  });

  const messagesOf = (borrowerId: string) => h.service.store.db.selectFrom('messages').selectAll().where('borrower_id', '=', borrowerId).orderBy('send_at').execute();

  it('answers a batch with a result per account; a bad one fails alone and leaves no trace; posting it again changes nothing', async () => {
    const body = {
      accounts: [
        account(1),
        account(2, { borrower: borrower(2, { phone: undefined }) }),
        account(1),
        { accountRef: 'A-3', debt: { ...debt, amountDue: { amount: 'lots', currency: 'USD' } }, borrowerId: 'x' },
      ],
    };
    const res = await h.api('POST', '/v1/accounts/overdue/batch', { body });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ scheduled: 1, unchanged: 0, rejected: 3 });
    expect(res.body.results.map((r: { status: number }) => r.status)).toEqual([202, 400, 400, 400]);
    expect(res.body.results[0]).toMatchObject({ accountRef: 'A-1', stage: 'early', steps: 2 });
    expect(res.body.results[1].problem.errors[0]).toMatchObject({ path: 'borrower.phone' });
    expect(res.body.results[2].problem.errors[0]).toMatchObject({ path: 'accountRef', message: expect.stringContaining('item 0') });
    expect(res.body.results[3].problem.errors[0].path).toBe('debt.amountDue.amount');
    // The refused account left nothing: no borrower, no message.
    expect((await h.api('GET', '/v1/borrowers/acct-b-2/plan', { role: 'agent' })).status).toBe(404);
    expect(await messagesOf('acct-b-2')).toEqual([]);
    // Day 1 goes now (a job); day 3 waits in the store (no job).
    const rows = await messagesOf('acct-b-1');
    expect(rows.map((r) => [r.channel, r.status === 'scheduled' ? 'scheduled' : 'due'])).toEqual([
      ['sms', 'due'],
      ['email', 'scheduled'],
    ]);
    expect(await h.service.queues.byChannel.email.getJob(rows[1]!.id)).toBeUndefined();
    const again = await h.api('POST', '/v1/accounts/overdue/batch', { body: { accounts: [account(1)] } });
    expect(again.body).toMatchObject({ scheduled: 0, unchanged: 1, results: [{ index: 0, status: 200, accountRef: 'A-1', stage: 'early' }] });
    expect(await messagesOf('acct-b-1')).toHaveLength(2);
    const plan = await h.api('GET', '/v1/borrowers/acct-b-1/plan', { role: 'agent' });
    const [now, later] = plan.body.accounts[0].steps;
    expect(['pending', 'done']).toContain(now.status);
    expect(later).toMatchObject({ status: 'pending', channel: 'email', sendAt: rows[1]!.due_at });
  });

  it('refuses a batch over 1,000 accounts, naming the field', async () => {
    const res = await h.api('POST', '/v1/accounts/overdue/batch', { body: { accounts: Array.from({ length: 1001 }, (_, i) => account(i)) } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ path: 'accounts', message: 'at most 1000 accounts per batch' });
  });

  it('imports a streamed NDJSON or CSV file over HTTP, reporting bad lines by number', async () => {
    const ndjson = [JSON.stringify(account(10)), '{not json', JSON.stringify(account(11)), ''].join('\n');
    const a = await h.api('POST', '/v1/accounts/overdue/import', { raw: ndjson, headers: { 'content-type': 'application/x-ndjson' } });
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ lines: 3, scheduled: 2, unchanged: 0, rejected: 1, errors: [{ line: 2, message: expect.stringContaining('not JSON') }] });
    const csv = [
      'accountRef,borrowerId,name,locale,timezone,phone,email,account,creditor,amount,currency,dueDate,daysOverdue',
      'A-20,acct-b-20,Borrower 20,en-US,America/New_York,+14155550020,b20@example.com,4111111111111234,Northwind Bank,120.50,USD,2026-11-20,1',
      'A-21,acct-b-21,Borrower 21,en-US,America/New_York,+14155550021,b21@example.com,4111111111111234,Northwind Bank,120.50,USD,2026-11-20,not-a-number',
    ].join('\n');
    const b = await h.api('POST', '/v1/accounts/overdue/import', { raw: csv, headers: { 'content-type': 'text/csv' } });
    expect(b.body).toMatchObject({ lines: 2, scheduled: 1, rejected: 1, errors: [{ line: 3, accountRef: 'A-21', path: 'debt.daysOverdue' }] });
    const typo = await h.api('POST', '/v1/accounts/overdue/import', { raw: 'acountRef\nA-1', headers: { 'content-type': 'text/csv' } });
    expect(typo.body.errors[0].message).toContain('unknown columns "acountRef"');
    const wrong = await h.api('POST', '/v1/accounts/overdue/import', { raw: 'x', headers: { 'content-type': 'text/plain' } });
    expect(wrong.status).toBe(415);
    expect((await h.api('POST', '/v1/accounts/overdue/import', { raw: ndjson, headers: { 'content-type': 'application/x-ndjson' }, role: 'agent' })).status).toBe(403);
  });

  it.runIf(variant.name === 'sqlite')('npm run import resumes after the last checkpoint, and a second run schedules nothing twice', { timeout: 60_000 }, async () => {
    const file = path.join(h.dir, 'accounts.ndjson');
    fs.writeFileSync(file, `${Array.from({ length: 5 }, (_, i) => JSON.stringify(account(30 + i))).join('\n')}\n`);
    const client = keyIdOf(hashToken(h.keys.tokens.collector));
    // A first run that died after its first checkpoint: lines 1–2 were committed.
    const first = await h.api('POST', '/v1/accounts/overdue/batch', { body: { accounts: [account(30), account(31)] } });
    expect(first.body.scheduled).toBe(2);
    const stat = fs.statSync(file);
    fs.writeFileSync(`${file}.progress`, JSON.stringify({ line: 2, size: stat.size, mtimeMs: stat.mtimeMs }));
    const resumed = await runImport(h, [file, '--client', client]);
    expect(resumed.out).toContain('resuming');
    expect(resumed.out).toContain('3 accounts read: 3 entered their stage, 0 already in it, 0 bad lines');
    expect(resumed.code).toBe(0);
    expect(fs.existsSync(`${file}.progress`)).toBe(false);
    const again = await runImport(h, [file, '--client', client]);
    expect(again.out).toContain('5 accounts read: 0 entered their stage, 5 already in it');
    for (let i = 30; i < 35; i++) expect(await messagesOf(`acct-b-${i}`)).toHaveLength(2);
  });
});
