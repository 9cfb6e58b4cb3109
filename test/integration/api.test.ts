/**
 * The HTTP contract: validation that names every bad field and stores nothing, batch results,
 * auth by role, OpenAPI, metrics, readiness and bull-board.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbVariants, reminderBody, startHarness, type Harness } from '../support/harness.js';
import { waitFor } from '../support/wait.js';

describe.each(dbVariants())('API on $name', (variant) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ db: variant });
  });
  afterAll(async () => {
    await h?.destroy();
  });

  async function rowCounts() {
    const db = h.service.store.db;
    const count = async (t: 'borrowers' | 'reminders' | 'messages' | 'events') =>
      Number(
        (
          await db
            .selectFrom(t)
            .select(sql<number>`count(*)`.as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      borrowers: await count('borrowers'),
      reminders: await count('reminders'),
      messages: await count('messages'),
      events: await count('events'),
    };
  }

  const invalid: Array<[string, () => { body?: unknown; raw?: string }, string, RegExp]> = [
    [
      'a phone number that is not E.164',
      () => ({ body: reminderBody({}, { phone: '+86 138' }) }),
      'borrower.phone',
      /not a valid E\.164 number/,
    ],
    [
      'an unknown time zone',
      () => ({ body: reminderBody({}, { timezone: 'Mars/Olympus_Mons' }) }),
      'borrower.timezone',
      /not an IANA zone/,
    ],
    [
      'an unknown zone among candidates',
      () => ({ body: reminderBody({}, { timezone: ['America/New_York', 'Nowhere/Land'] }) }),
      'borrower.timezone.1',
      /"Nowhere\/Land" is not an IANA zone/,
    ],
    [
      'a locale that is not BCP 47',
      () => ({ body: reminderBody({}, { locale: 'english please' }) }),
      'borrower.locale',
      /BCP 47/,
    ],
    [
      'an amount sent as a float',
      () => ({
        body: reminderBody({ debt: { ...reminderBody().debt, amountDue: { amount: 120.5, currency: 'USD' } } }),
      }),
      'debt.amountDue.amount',
      /decimal string.*not a number/,
    ],
    [
      'an unknown currency',
      () => ({
        body: reminderBody({ debt: { ...reminderBody().debt, amountDue: { amount: '1.00', currency: 'XYZ' } } }),
      }),
      'debt.amountDue.currency',
      /unknown currency/,
    ],
    [
      'no borrower at all',
      () => {
        const { borrower: _b, ...rest } = reminderBody();
        return { body: rest };
      },
      'borrower',
      /required/,
    ],
    [
      'a borrowerId nobody created',
      () => {
        const { borrower: _b, ...rest } = reminderBody();
        return { body: { ...rest, borrowerId: 'never-seen' } };
      },
      'borrowerId',
      /no borrower with id "never-seen"/,
    ],
    [
      'an unknown template',
      () => ({ body: reminderBody({ template: 'threaten-them' }) }),
      'template',
      /unknown template "threaten-them"/,
    ],
    ['an unknown channel', () => ({ body: reminderBody({ channel: 'fax' }) }), 'channel', /./],
    [
      'an SMS for a borrower without a phone',
      () => ({ body: reminderBody({ channel: 'sms' }, { phone: null }) }),
      'borrower.phone',
      /needs the borrower's phone number/,
    ],
    [
      'expiresAt before sendAt',
      () => ({ body: reminderBody({ sendAt: '2026-12-02T10:00:00Z', expiresAt: '2026-12-01T10:00:00Z' }) }),
      'expiresAt',
      /after sendAt/,
    ],
    [
      'a field the API does not know',
      () => ({ body: { ...reminderBody(), priority: 'urgent' } }),
      '(body)',
      /priority/,
    ],
    ['malformed JSON', () => ({ raw: '{"externalId": "x", "borrower": ' }), '(body)', /JSON/],
  ];

  it.each(invalid)(
    'rejects %s with 400 problem+json naming the field, and stores nothing',
    async (_what, make, path, message) => {
      const before = await rowCounts();
      const res = await h.api('POST', '/v1/reminders', make());
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body).toMatchObject({
        type: expect.any(String),
        title: expect.any(String),
        status: 400,
        detail: expect.any(String),
      });
      const err = (res.body.errors as { path: string; message: string }[]).find((e) => e.path === path);
      expect(err, JSON.stringify(res.body.errors)).toBeDefined();
      expect(err!.message).toMatch(message);
      expect(await rowCounts()).toEqual(before);
    },
  );

  it('names every bad field at once', async () => {
    const res = await h.api('POST', '/v1/reminders', {
      body: reminderBody({ template: '' }, { phone: '12345', email: 'not-an-email' }),
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'borrower.email',
      'borrower.phone',
      'template',
    ]);
  });

  it('refuses a 2 MB body with 413 problem+json and stores nothing', async () => {
    const before = await rowCounts();
    const huge = JSON.stringify({ ...reminderBody(), metadata: { blob: 'x'.repeat(2 * 1024 * 1024) } });
    const res = await h.api('POST', '/v1/reminders', { raw: huge });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.detail).toMatch(/over 1mb/);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a body that is not JSON with 415 naming its type, stores nothing, and takes a POST without a body', async () => {
    const before = await rowCounts();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const res = await h.api('POST', '/v1/reminders', {
        raw: JSON.stringify(reminderBody()),
        headers: { 'content-type': type },
      });
      expect(res.status).toBe(415);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.detail).toContain(type);
      expect(res.body.errors).toEqual([{ path: '(body)', message: `must be application/json, not "${type}"` }]);
    }
    expect(await rowCounts()).toEqual(before);
    // No body at all is not a wrong type: the route answers as it always did (an unknown borrower here).
    const none = await h.api('POST', '/v1/borrowers/nobody-here/resolve', { role: 'collector' });
    expect(none.status).toBe(404);
  });

  it('normalises the phone number to E.164 and the locale to its canonical form', async () => {
    const res = await h.api('POST', '/v1/reminders', {
      body: reminderBody(
        { sendAt: new Date(Date.now() + 3600_000).toISOString() },
        { phone: '+1 (415) 555-0177', locale: 'zh-cn' },
      ),
    });
    expect(res.status).toBe(202);
    expect(res.body.messages[0]).toMatchObject({ to: '+14155550177', locale: 'zh-CN' });
  });

  it('accepts a batch where one bad item fails only itself', async () => {
    const good1 = reminderBody({ sendAt: new Date(Date.now() + 3600_000).toISOString() });
    const bad = reminderBody({}, { phone: '+1 415' });
    const good2 = reminderBody({ channel: 'email', sendAt: new Date(Date.now() + 3600_000).toISOString() });
    const res = await h.api('POST', '/v1/reminders/batch', { body: { reminders: [good1, bad, good2, good1] } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 2, repeated: 1, rejected: 1 });
    expect(res.body.results.map((r: { status: number }) => r.status)).toEqual([202, 400, 202, 200]);
    expect(res.body.results[1].problem.errors[0].path).toBe('borrower.phone');
    expect(res.body.results[3].reminder.id).toBe(res.body.results[0].reminder.id);
    // The repeat answers with the original's messages, though they were written in the same transaction.
    expect(res.body.results[3].reminder.messages).toEqual(res.body.results[0].reminder.messages);
    expect(res.body.results[3].reminder.messages).toHaveLength(1);
    // An hour ahead is beyond the horizon: a row in the store, no job yet.
    expect(res.body.results[2].reminder.messages[0].status).toBe('scheduled');
  });

  it('refuses a batch of more than 1,000 reminders, naming the field', async () => {
    const res = await h.api('POST', '/v1/reminders/batch', {
      body: { reminders: Array.from({ length: 1001 }, () => ({})) },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ path: 'reminders', message: expect.stringMatching(/at most 1000/) });
  });

  it('creates and updates a borrower with PUT, then accepts a reminder by borrowerId', async () => {
    const created = await h.api('PUT', '/v1/borrowers/b-put-1', {
      body: {
        name: 'Wang Fang',
        locale: 'zh-CN',
        timezone: 'Asia/Shanghai',
        phone: '+8613800138000',
        blackouts: [{ days: ['sat', 'sun'], from: '00:00', to: '24:00' }],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: 'b-put-1',
      phone: '+8613800138000',
      consent: { sms: null, voice: null, email: null },
      status: 'active',
    });
    const updated = await h.api('PUT', '/v1/borrowers/b-put-1', { body: { consent: { voice: false } } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Wang Fang', consent: { sms: null, voice: false, email: null } });
    const { borrower: _b, ...rest } = reminderBody({
      borrowerId: 'b-put-1',
      sendAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    const res = await h.api('POST', '/v1/reminders', { body: rest });
    expect(res.status).toBe(202);
    expect(res.body.messages[0]).toMatchObject({ to: '+8613800138000', locale: 'zh-CN' });
    const bad = await h.api('PUT', '/v1/borrowers/b-put-1', { body: { timezone: 'Asia/Nowhere' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('timezone');
  });

  it('picks the gentlest usable channel for channel "auto"', async () => {
    const sendAt = new Date(Date.now() + 3600_000).toISOString();
    const sms = await h.api('POST', '/v1/reminders', { body: reminderBody({ channel: 'auto', sendAt }) });
    expect(sms.body.messages[0].channel).toBe('sms');
    const email = await h.api('POST', '/v1/reminders', {
      body: reminderBody({ channel: 'auto', sendAt }, { phone: null }),
    });
    expect(email.body.messages[0].channel).toBe('email');
  });

  it('answers 401 without a key or with an unknown one, and 403 to the wrong role', async () => {
    const none = await h.api('POST', '/v1/reminders', { role: null, body: reminderBody() });
    expect(none.status).toBe(401);
    expect(none.headers.get('content-type')).toContain('application/problem+json');
    const unknown = await h.api('POST', '/v1/reminders', {
      role: null,
      body: reminderBody(),
      headers: { authorization: 'Bearer rd_collector_not-a-real-key-at-all' },
    });
    expect(unknown.status).toBe(401);
    const agent = await h.api('POST', '/v1/reminders', { role: 'agent', body: reminderBody() });
    expect(agent.status).toBe(403);
    expect(agent.body.detail).toMatch(/needs the role collector/);
    const admin = await h.api('POST', '/v1/reminders', {
      role: 'admin',
      body: reminderBody({ sendAt: new Date(Date.now() + 3600_000).toISOString() }),
    });
    expect(admin.status).toBe(202);
  });

  it('answers 404 problem+json for an unknown reminder and an unknown route', async () => {
    const r = await h.api('GET', '/v1/reminders/rem_nope', { role: 'agent' });
    expect(r.status).toBe(404);
    expect(r.body.detail).toContain('rem_nope');
    const route = await h.api('GET', '/v1/nothing-here');
    expect(route.status).toBe(404);
  });

  it('serves liveness and readiness without a key', async () => {
    expect((await h.api('GET', '/healthz', { role: null })).body).toEqual({ ok: true });
    const ready = await h.api('GET', '/readyz', { role: null });
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      ok: true,
      checks: { redis: { ok: true }, database: { ok: true } },
      providers: { 'outbox-sms': 'closed', 'outbox-voice': 'closed', 'outbox-email': 'closed' },
    });
  });

  it('publishes an OpenAPI document generated from the request schemas', async () => {
    const res = await h.api('GET', '/openapi.json', { role: null });
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const post = res.body.paths['/v1/reminders'].post;
    const schema = post.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(expect.arrayContaining(['debt', 'channel']));
    // A template, or an experiment whose arms choose it.
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['template', 'experiment']));
    expect(schema.properties.channel.enum).toEqual(['sms', 'voice', 'email', 'auto']);
    expect(schema.properties.debt.properties.amountDue.properties.amount.pattern).toBeDefined();
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/reminders/batch',
        '/v1/reminders/{id}',
        '/v1/borrowers/{id}',
        '/healthz',
        '/readyz',
        '/metrics',
      ]),
    );
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/audit/messages',
        '/v1/audit/messages/{id}',
        '/v1/audit/export',
        '/v1/audit/verify',
        '/v1/audit/stats',
        '/v1/borrowers/{id}/timeline',
        '/v1/me',
        '/v1/opt-outs',
        '/v1/opt-outs/{address}',
      ]),
    );
    // The console's pages are HTML for people, not part of the contract (issue 27).
    expect(Object.keys(res.body.paths).filter((p) => p.startsWith('/ui'))).toEqual([]);
    expect(res.body.paths['/v1/audit/stats'].get.parameters.map((p: { name: string }) => p.name)).toEqual([
      'from',
      'to',
      'timezone',
      'tenant',
    ]);
  });

  it('exposes Prometheus metrics: accepted, queued, sent, failed per channel, queue depth and provider latency', async () => {
    const metricsText = () => fetch(`${h.url}/metrics`).then((r) => r.text());
    /** A counter's value for exactly these labels (0 when the series does not exist yet). */
    const value = (text: string, series: string) => {
      const line = text.split('\n').find((l) => l.startsWith(`${series} `));
      return line ? Number(line.slice(series.length + 1)) : 0;
    };
    const failedEmail = 'messages_failed_total{channel="email",code="lint-error"}';
    const failedSms = 'messages_failed_total{channel="sms",code="lint-error"}';
    const before = await metricsText();

    const res = await h.api('POST', '/v1/reminders', { body: reminderBody({ channel: 'email' }) });
    await waitFor(async () => (await h.service.store.getMessage(res.body.messages[0].id))?.status === 'sent', {
      what: 'sent',
    });
    // A failure, so that the failed counter has something to count: data that makes the rendered
    // email fail the wording linter at send time (the message fails, nothing is sent).
    const bad = reminderBody({ channel: 'email' });
    const failing = await h.api('POST', '/v1/reminders', {
      body: { ...bad, debt: { ...bad.debt, creditor: 'Arrest Warrant Recovery' } },
    });
    expect(failing.status).toBe(202);
    const failed = await waitFor(
      async () => {
        const m = await h.service.store.getMessage(failing.body.messages[0].id);
        return m?.status === 'failed' ? m : undefined;
      },
      { what: 'the failing message to fail' },
    );
    expect(failed.error).toMatchObject({ code: 'lint-error' });

    const metrics = await metricsText();
    expect(metrics).toMatch(/reminders_accepted_total\{channel="email"\} [1-9]/);
    expect(metrics).toMatch(/messages_queued_total\{channel="email"\} [1-9]/);
    expect(metrics).toMatch(/messages_sent_total\{channel="email",provider="outbox"\} [1-9]/);
    expect(metrics).toContain('# TYPE messages_failed_total counter');
    // Counted once, on its channel, with its code; the other channel is untouched.
    expect(value(metrics, failedEmail) - value(before, failedEmail)).toBe(1);
    expect(value(metrics, failedSms) - value(before, failedSms)).toBe(0);
    expect(metrics).toMatch(/queue_jobs\{queue="dispatch-sms",state="delayed"\} \d+/);
    expect(metrics).toMatch(
      /provider_request_duration_seconds_count\{channel="email",provider="outbox",outcome="ok"\} [1-9]/,
    );
  });

  it('serves bull-board at /admin/queues to the admin role only', async () => {
    const anonymous = await fetch(`${h.url}/admin/queues`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic/);
    const agent = await h.api('GET', '/admin/queues', { role: 'agent' });
    expect(agent.status).toBe(403);
    const admin = await h.api('GET', '/admin/queues', { role: 'admin' });
    expect(admin.status).toBe(200);
    expect(admin.headers.get('content-type')).toContain('text/html');
    const basic = await fetch(`${h.url}/admin/queues/api/queues`, {
      headers: { authorization: `Basic ${Buffer.from(`admin:${h.keys.tokens.admin}`).toString('base64')}` },
    });
    expect(basic.status).toBe(200);
    const names = ((await basic.json()) as { queues: { name: string }[] }).queues.map((q) => q.name).sort();
    expect(names).toEqual(['dispatch-email', 'dispatch-sms', 'dispatch-voice']);
  });

  it('shows what the sandbox outbox recorded: whole to compliance, masked to agents', async () => {
    const res = await h.api('POST', '/v1/reminders', {
      body: reminderBody({ channel: 'sms' }, { phone: '+14155550188' }),
    });
    await waitFor(async () => (await h.service.store.getMessage(res.body.messages[0].id))?.status === 'sent', {
      what: 'sent',
    });
    const outbox = await h.api('GET', '/v1/outbox?limit=50', { role: 'compliance' });
    const item = outbox.body.items.find((i: { messageId: string }) => i.messageId === res.body.messages[0].id);
    expect(item).toMatchObject({ channel: 'sms', to: '+14155550188', body: expect.stringContaining('Northwind Bank') });
    const agent = await h.api('GET', '/v1/outbox?limit=50', { role: 'agent' });
    expect(agent.body.items.find((i: { messageId: string }) => i.messageId === res.body.messages[0].id)).toMatchObject({
      channel: 'sms',
      to: '+141****0188',
    });
    expect((await h.api('GET', '/v1/outbox', { role: 'collector' })).status).toBe(403);
  });
});
