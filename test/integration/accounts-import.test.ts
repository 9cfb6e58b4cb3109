/**
 * The delinquency file through the API: POST /v1/accounts/overdue/batch (a result per account,
 * idempotent), the streamed import over HTTP (NDJSON and CSV) and `npm run import`, resumable
 * after a crash from its checkpoint without scheduling anything twice. Later cadence steps are
 * `scheduled` rows with no job.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, keyIdOf } from '../../src/http/api/auth.js';
import { borrowerKey } from '../../src/store/borrower-key.js';
import { providerEnv, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { dbVariants, sqliteOnly, startHarness, type Harness } from '../support/harness.js';
import { waitFor } from '../support/wait.js';

const borrower = (i: number, over: Record<string, unknown> = {}) => ({
  id: `acct-b-${i}`,
  name: `Borrower ${i}`,
  locale: 'en-US',
  timezone: 'America/New_York',
  phone: `+1415555${String(i).padStart(4, '0')}`,
  email: `b${i}@example.com`,
  ...over,
});
/** The debt of an account entered by its accountRef: `debt.accountRef` may be left out (it is the account's). */
const debt = {
  creditor: 'Northwind Bank',
  amountDue: { amount: '120.50', currency: 'USD' },
  dueDate: '2026-11-20',
  daysOverdue: 1,
};
const account = (i: number, over: Record<string, unknown> = {}) => ({
  accountRef: `A-${i}`,
  borrower: borrower(i),
  debt,
  ...over,
});

/** The line bound the service under test runs with (lowered from 64 KB so a long line is cheap to send). */
const LINE_LIMIT = 4096;
const MB = 1024 * 1024;

const CSV_HEADER =
  'accountRef,borrowerId,name,locale,timezone,phone,email,account,creditor,amount,currency,dueDate,daysOverdue';
const csvRow = (i: number, name = `Borrower ${i}`) =>
  `A-${i},acct-b-${i},${name},en-US,America/New_York,+1415555${String(i).padStart(4, '0')},b${i}@example.com,A-${i},Northwind Bank,120.50,USD,2026-11-20,1`;

/** POST a file to the import route as `fetch` sends it: bytes, a type and optionally an encoding. */
async function postFile(h: Harness, body: Buffer | string, type: string, encoding?: string) {
  const headers: Record<string, string> = { authorization: `Bearer ${h.keys.tokens.collector}`, 'content-type': type };
  if (encoding) headers['content-encoding'] = encoding;
  const res = await fetch(`${h.url}/v1/accounts/overdue/import`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)]),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** A body streamed as it is read: `head`, then `size` bytes of "a" with no newline, then `tail`. */
function longLineBody(head: string, size: number, tail: string): ReadableStream<Uint8Array> {
  const block = new Uint8Array(64 * 1024).fill(0x61);
  let sent = -1;
  return new ReadableStream({
    pull(c) {
      if (sent < 0) {
        c.enqueue(new TextEncoder().encode(head));
        sent = 0;
      } else if (sent < size) {
        c.enqueue(block);
        sent += block.length;
      } else {
        c.enqueue(new TextEncoder().encode(tail));
        c.close();
      }
    },
  });
}

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
    h = await startHarness({
      db: variant,
      env: {
        ...providerEnv(twilio),
        FEED_EVERY_MS: '0',
        RECONCILE_EVERY_MS: '0',
        SCHEDULE_HORIZON: '10m',
        IMPORT_MAX_LINE_CHARS: String(LINE_LIMIT),
      },
    });
  });
  afterAll(async () => {
    await h?.destroy();
    await twilio?.close();
  });

  const messagesOf = (borrowerId: string) =>
    h.service.store.db
      .selectFrom('messages')
      .selectAll()
      .where('borrower_id', '=', borrowerId)
      .orderBy('send_at')
      .execute();

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
    expect(res.body.results[2].problem.errors[0]).toMatchObject({
      path: 'accountRef',
      message: expect.stringContaining('item 0'),
    });
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
    expect(again.body).toMatchObject({
      scheduled: 0,
      unchanged: 1,
      results: [{ index: 0, status: 200, accountRef: 'A-1', stage: 'early' }],
    });
    expect(await messagesOf('acct-b-1')).toHaveLength(2);
    const plan = await h.api('GET', '/v1/borrowers/acct-b-1/plan', { role: 'agent' });
    const [now, later] = plan.body.accounts[0].steps;
    expect(['pending', 'done']).toContain(now.status);
    expect(later).toMatchObject({ status: 'pending', channel: 'email', sendAt: rows[1]!.due_at });
  });

  it('refuses an account whose debt.accountRef is not the one in the path, naming debt.accountRef', async () => {
    const res = await h.api('POST', '/v1/accounts/A-90/overdue', {
      body: { borrower: borrower(90), debt: { ...debt, accountRef: '4111111111111234' } },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { path: 'debt.accountRef', message: expect.stringContaining('"4111111111111234" is not the account "A-90"') },
    ]);
    expect(await messagesOf('acct-b-90')).toEqual([]);
  });

  it('takes the path as the account when debt.accountRef is left out, so its payments find it', async () => {
    expect((await h.api('POST', '/v1/accounts/A-91/overdue', { body: { borrower: borrower(91), debt } })).status).toBe(
      202,
    );
    const paid = await h.api('POST', '/v1/accounts/A-91/payments', {
      body: { id: 'pmt-91', amount: '20.00', currency: 'USD', paidAt: '2026-11-21T10:00:00Z', kind: 'partial' },
    });
    expect(paid.status).toBe(201);
  });

  it('refuses a batch account whose debt.accountRef is not its accountRef, naming debt.accountRef', async () => {
    const res = await h.api('POST', '/v1/accounts/overdue/batch', {
      body: { accounts: [account(92, { debt: { ...debt, accountRef: 'A-93' } })] },
    });
    expect(res.body.results[0]).toMatchObject({ status: 400, problem: { errors: [{ path: 'debt.accountRef' }] } });
  });

  it('refuses a batch over 1,000 accounts, naming the field', async () => {
    const res = await h.api('POST', '/v1/accounts/overdue/batch', {
      body: { accounts: Array.from({ length: 1001 }, (_, i) => account(i)) },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ path: 'accounts', message: 'at most 1000 accounts per batch' });
  });

  it("records the strategy.stage event on the borrower's chain for an account entering its stage by batch or import, as the single endpoint does", async () => {
    const stageEvents = async (borrowerId: string) =>
      (await h.service.store.listBorrowerEvents(borrowerId))
        .filter((e) => e.type === 'strategy.stage' || e.type === 'borrower.escalated')
        .map((e) => ({ type: e.type, actor: e.actor, data: e.data }));
    const actor = `api:${keyIdOf(hashToken(h.keys.tokens.collector))}`;
    expect(
      (await h.api('POST', '/v1/accounts/A-160/overdue', { body: { borrower: borrower(160), debt } })).status,
    ).toBe(202);
    const single = await stageEvents('acct-b-160');
    expect(single).toEqual([
      {
        type: 'strategy.stage',
        actor,
        data: { accountRef: 'A-160', stage: 'early', from: null, why: expect.any(String) },
      },
    ]);
    const why = single[0]!.data.why;

    const batch = await h.api('POST', '/v1/accounts/overdue/batch', { body: { accounts: [account(161)] } });
    expect(batch.body).toMatchObject({ scheduled: 1 });
    expect(await stageEvents('acct-b-161')).toEqual([
      { type: 'strategy.stage', actor, data: { accountRef: 'A-161', stage: 'early', from: null, why } },
    ]);
    const imported = await h.api('POST', '/v1/accounts/overdue/import', {
      raw: `${JSON.stringify(account(162))}\n`,
      headers: { 'content-type': 'application/x-ndjson' },
    });
    expect(imported.body).toMatchObject({ scheduled: 1 });
    expect(await stageEvents('acct-b-162')).toEqual([
      { type: 'strategy.stage', actor, data: { accountRef: 'A-162', stage: 'early', from: null, why } },
    ]);

    // Moving on to late: the stage event names the stage it left, then the hand-off follows it.
    const late = { ...debt, amountDue: { amount: '9000.00', currency: 'USD' }, daysOverdue: 45 };
    const moved = await h.api('POST', '/v1/accounts/overdue/batch', {
      body: { accounts: [account(161, { debt: late })] },
    });
    expect(moved.body.results[0]).toMatchObject({ status: 202, stage: 'late' });
    const events = await stageEvents('acct-b-161');
    expect(events.slice(1)).toEqual([
      {
        type: 'strategy.stage',
        actor,
        data: { accountRef: 'A-161', stage: 'late', from: 'early', why: moved.body.results[0].why },
      },
      { type: 'borrower.escalated', actor: 'strategy', data: { accountRef: 'A-161', why: moved.body.results[0].why } },
    ]);
    // Posted again: already in its stage, no second event.
    await h.api('POST', '/v1/accounts/overdue/batch', { body: { accounts: [account(161, { debt: late })] } });
    expect(await stageEvents('acct-b-161')).toHaveLength(3);
    const verify = await h.api('GET', '/v1/audit/verify', { role: 'compliance' });
    expect(verify.body).toMatchObject({ ok: true });
  });

  it('imports a streamed NDJSON or CSV file over HTTP, reporting bad lines by number', async () => {
    const ndjson = [JSON.stringify(account(10)), '{not json', JSON.stringify(account(11)), ''].join('\n');
    const a = await h.api('POST', '/v1/accounts/overdue/import', {
      raw: ndjson,
      headers: { 'content-type': 'application/x-ndjson' },
    });
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({
      lines: 3,
      scheduled: 2,
      unchanged: 0,
      rejected: 1,
      errors: [{ line: 2, message: expect.stringContaining('not JSON') }],
    });
    const csv = [
      'accountRef,borrowerId,name,locale,timezone,phone,email,account,creditor,amount,currency,dueDate,daysOverdue',
      'A-20,acct-b-20,Borrower 20,en-US,America/New_York,+14155550020,b20@example.com,A-20,Northwind Bank,120.50,USD,2026-11-20,1',
      'A-21,acct-b-21,Borrower 21,en-US,America/New_York,+14155550021,b21@example.com,,Northwind Bank,120.50,USD,2026-11-20,not-a-number',
    ].join('\n');
    const b = await h.api('POST', '/v1/accounts/overdue/import', { raw: csv, headers: { 'content-type': 'text/csv' } });
    expect(b.body).toMatchObject({
      lines: 2,
      scheduled: 1,
      rejected: 1,
      errors: [{ line: 3, accountRef: 'A-21', path: 'debt.daysOverdue' }],
    });
    const typo = await h.api('POST', '/v1/accounts/overdue/import', {
      raw: 'acountRef\nA-1',
      headers: { 'content-type': 'text/csv' },
    });
    expect(typo.body.errors[0].message).toContain('unknown columns "acountRef"');
    const wrong = await h.api('POST', '/v1/accounts/overdue/import', {
      raw: 'x',
      headers: { 'content-type': 'text/plain' },
    });
    expect(wrong.status).toBe(415);
    expect(
      (
        await h.api('POST', '/v1/accounts/overdue/import', {
          raw: ndjson,
          headers: { 'content-type': 'application/x-ndjson' },
          role: 'agent',
        })
      ).status,
    ).toBe(403);
  });

  it.runIf(variant.name === 'sqlite')(
    'refuses a 256 MB line as it arrives, naming it, imports the lines around it, and memory stays bounded',
    async () => {
      const body = longLineBody(`${JSON.stringify(account(40))}\n`, 256 * MB, `\n${JSON.stringify(account(41))}\n`);
      const before = process.memoryUsage().rss;
      let peak = before;
      const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
      const res = await fetch(`${h.url}/v1/accounts/overdue/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${h.keys.tokens.collector}`, 'content-type': 'application/x-ndjson' },
        body,
        duplex: 'half',
      } as RequestInit);
      const report = await res.json();
      clearInterval(sample);
      expect(res.status).toBe(200);
      // Nothing near the line's size was held: the process grew by well under a quarter of it.
      expect((peak - before) / MB).toBeLessThan(64);
      expect(report).toMatchObject({
        lines: 3,
        scheduled: 2,
        rejected: 1,
        errors: [{ line: 2, message: `longer than ${LINE_LIMIT} characters: the rest of the line was skipped` }],
      });
      expect((await h.api('GET', '/healthz', { role: null })).status).toBe(200);
    },
  );

  it.runIf(variant.name === 'sqlite')(
    'keeps the lines read before a client went away mid-file, and stays up',
    async () => {
      const abort = new AbortController();
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        async pull(c) {
          if (sent === 2) {
            // Give the service time to read both lines, then hang up mid-line.
            await new Promise((r) => setTimeout(r, 200));
            c.enqueue(new TextEncoder().encode('{"accountRef": "A-4'));
            abort.abort();
            return;
          }
          c.enqueue(new TextEncoder().encode(`${JSON.stringify(account(42 + sent++))}\n`));
        },
      });
      const gone = fetch(`${h.url}/v1/accounts/overdue/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${h.keys.tokens.collector}`, 'content-type': 'application/x-ndjson' },
        body,
        duplex: 'half',
        signal: abort.signal,
      } as RequestInit);
      await expect(gone).rejects.toThrow();
      await waitFor(async () => (await messagesOf('acct-b-43')).length === 2, {
        what: 'the lines read before the client went',
      });
      expect((await h.api('GET', '/healthz', { role: null })).status).toBe(200);
    },
  );

  it('reports malformed CSV lines by number (an open quote, a stray quote, an over-long field) and imports the lines after them', async () => {
    const csv = [
      CSV_HEADER,
      csvRow(50),
      `${csvRow(51, '"Alex')}`,
      `${csvRow(52, 'a""b')}`,
      csvRow(53, 'x'.repeat(LINE_LIMIT + 10)),
      csvRow(54),
      '',
    ].join('\n');
    const res = await postFile(h, csv, 'text/csv');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ lines: 5, scheduled: 2, rejected: 3 });
    expect(
      res.body.errors.map((e: { line: number; message: string }) => [
        e.line,
        e.message.split(' ').slice(0, 3).join(' '),
      ]),
    ).toEqual([
      [3, 'a quoted field'],
      [4, 'a quote in'],
      [5, `longer than ${LINE_LIMIT}`],
    ]);
    expect(await messagesOf('acct-b-54')).toHaveLength(2);
  });

  it('reads a gzip-compressed file (Content-Encoding: gzip)', async () => {
    const res = await postFile(
      h,
      zlib.gzipSync([JSON.stringify(account(60)), JSON.stringify(account(61))].join('\n')),
      'application/x-ndjson',
      'gzip',
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ lines: 2, scheduled: 2, rejected: 0 });
  });

  it('answers 415 for a Content-Encoding the route does not read, before reading the body', async () => {
    const res = await postFile(h, zlib.brotliCompressSync(JSON.stringify(account(62))), 'application/x-ndjson', 'br');
    expect(res.status).toBe(415);
    expect(res.body.detail).toContain('Content-Encoding "br" is not read here');
    expect(await messagesOf('acct-b-62')).toEqual([]);
  });

  it('answers 400 for a body that says gzip and is not, saying which lines were stored', async () => {
    // One account, then enough blank lines that it is read before the broken end of the stream.
    const good = zlib.gzipSync(
      Buffer.concat([Buffer.from(`${JSON.stringify(account(63))}\n`), Buffer.alloc(MB, 0x0a)]),
    );
    const res = await postFile(
      h,
      Buffer.concat([good.subarray(0, good.length - 8), Buffer.from('not the gzip trailer')]),
      'application/x-ndjson',
      'gzip',
    );
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/^the body is not valid gzip/);
    expect(res.body).toMatchObject({ committedThrough: 1, scheduled: 1 });
  });

  it.runIf(variant.name === 'sqlite')('npm run import --tenant imports the file as that tenant', async () => {
    const tenant = {
      name: 'Acme Bank',
      kind: 'creditor',
      senders: {
        sms: { from: '+14155550001', ratePerSecond: 5 },
        voice: { from: '+14155550001' },
        email: { from: 'Acme Bank <billing@acme.example>' },
      },
    };
    const put = await h.api('PUT', '/v1/tenants/acme-import', { role: 'admin', body: tenant });
    expect(put.status, JSON.stringify(put.body)).toBe(201);
    const file = path.join(h.dir, 'acme.ndjson');
    fs.writeFileSync(file, `${JSON.stringify(account(80))}\n`);
    const run = await runImport(h, [file, '--tenant', 'acme-import']);
    expect(run.out).toContain('1 accounts read: 1 entered their stage');
    expect(run.code).toBe(0);
    expect(await h.service.store.getBorrower(borrowerKey('acme-import', 'acct-b-80'))).toBeDefined();
    expect(await h.service.store.getBorrower(borrowerKey('default', 'acct-b-80'))).toBeUndefined();
  });

  it.runIf(variant.name === 'sqlite')(
    'npm run import --tenant refuses a tenant the store does not have, importing nothing',
    async () => {
      const file = path.join(h.dir, 'nobody.ndjson');
      fs.writeFileSync(file, `${JSON.stringify(account(81))}\n`);
      const run = await runImport(h, [file, '--tenant', 'nobody']);
      expect(run.code).toBe(2);
      expect(run.out).toContain('import: no tenant "nobody" in the store; npm run tenants -- list shows them');
      expect(await messagesOf('acct-b-81')).toEqual([]);
    },
  );

  it.runIf(variant.name === 'sqlite')(
    'npm run import resumes after the last checkpoint, and a second run schedules nothing twice',
    { timeout: 60_000 },
    async () => {
      const file = path.join(h.dir, 'accounts.ndjson');
      fs.writeFileSync(file, `${Array.from({ length: 5 }, (_, i) => JSON.stringify(account(30 + i))).join('\n')}\n`);
      const client = keyIdOf(hashToken(h.keys.tokens.collector));
      // A first run that died after its first checkpoint: lines 1–2 were committed.
      const first = await h.api('POST', '/v1/accounts/overdue/batch', {
        body: { accounts: [account(30), account(31)] },
      });
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
    },
  );
});

describe('an import past IMPORT_MAX_BYTES', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      db: sqliteOnly,
      env: { FEED_EVERY_MS: '0', RECONCILE_EVERY_MS: '0', IMPORT_MAX_BYTES: String(MB) },
    });
  });
  afterAll(async () => {
    await h?.destroy();
  });

  it('stops a gzip body that inflates past the bound with 413, saying which lines were stored', async () => {
    // Two accounts, then 64 MB of blank lines compressed to a few dozen KB.
    const bomb = zlib.gzipSync(
      Buffer.concat([
        Buffer.from(`${JSON.stringify(account(70))}\n${JSON.stringify(account(71))}\n`),
        Buffer.alloc(64 * MB, 0x0a),
      ]),
    );
    expect(bomb.length).toBeLessThan(MB);
    const res = await postFile(h, bomb, 'application/x-ndjson', 'gzip');
    expect(res.status).toBe(413);
    expect(res.body.detail).toContain('over 1,048,576 bytes (decompressed)');
    expect(res.body.detail).toContain('Sending the same file again completes it');
    expect(res.body).toMatchObject({ scheduled: 2, rejected: 0 });
    expect(res.body.committedThrough).toBeGreaterThanOrEqual(2);
    expect((await h.api('GET', '/v1/borrowers/acct-b-71/plan', { role: 'agent' })).status).toBe(200);
  });
});
