/**
 * The README's flow through a client generated from the served OpenAPI document, as a collection
 * system would build one: types from openapi-typescript (test/generated/openapi.ts, compiled by
 * `npm run typecheck`), calls through openapi-fetch against the running service. Post a reminder,
 * read it back, the outbox, a payment, a promise, an opt-out; each answer is checked against the
 * response schema the document publishes. The committed types must be what the document
 * generates today.
 */
import fs from 'node:fs';
import createClient from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiRole } from '../../src/domain/keys.js';
import {
  OptOutAdded,
  OptOutView,
  OutboxList,
  PaymentView,
  PromiseView,
  ReminderView,
} from '../../src/http/api/response.schemas.js';
import type { paths } from '../generated/openapi.js';
import { generateApiTypes, GENERATED } from '../support/api-types.js';
import { type Harness, sqliteOnly, startHarness } from '../support/harness.js';
import { waitFor } from '../support/wait.js';

/** A promised date the API accepts: ahead, within PROMISE_MAX_AHEAD_DAYS. */
const PROMISED_FOR = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

describe('a typed client generated from the OpenAPI document', () => {
  let h: Harness;
  const client = (role: ApiRole) =>
    createClient<paths>({ baseUrl: h.url, headers: { Authorization: `Bearer ${h.keys.tokens[role]}` } });
  beforeAll(async () => {
    h = await startHarness({ db: sqliteOnly });
  });
  afterAll(async () => {
    await h?.destroy();
  });

  it('is generated from the document as it is served today', async () => {
    expect(fs.readFileSync(GENERATED, 'utf8'), 'run npm run api:types and commit test/generated/openapi.ts').toBe(
      await generateApiTypes(),
    );
  });

  it("runs the README's flow: a reminder, read back, the outbox, a payment, a promise, an opt-out", async () => {
    const collector = client('collector');
    const compliance = client('compliance');
    const posted = await collector.POST('/v1/reminders', {
      body: {
        externalId: 'invoice-2026-11-0042',
        borrower: {
          id: 'b-1001',
          name: 'Alex Chen',
          locale: 'en-US',
          timezone: 'America/New_York',
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
      },
    });
    expect(posted.response.status, JSON.stringify(posted.error)).toBe(202);
    const reminder = ReminderView.parse(posted.data);
    const messageId: string = posted.data!.messages[0]!.id;
    expect(reminder.borrowerId).toBe('b-1001');

    await waitFor(async () => (await h.service.store.getMessage(messageId))?.status === 'sent', { what: 'sent' });
    const read = await collector.GET('/v1/reminders/{id}', { params: { path: { id: reminder.id } } });
    expect(read.response.status).toBe(200);
    expect(ReminderView.parse(read.data).messages[0]!.status).toBe('sent');
    expect(read.data!.messages[0]!.events!.map((e) => e.type)).toEqual(['accepted', 'queued', 'sending', 'sent']);

    const outbox = await compliance.GET('/v1/outbox', { params: { query: { limit: 50 } } });
    expect(outbox.response.status).toBe(200);
    const sent = OutboxList.parse(outbox.data).items.find((i) => i.messageId === messageId);
    expect(sent).toMatchObject({ channel: 'sms', to: '+14155550100', body: expect.stringContaining('Northwind Bank') });

    const paid = await collector.POST('/v1/accounts/{accountRef}/payments', {
      params: { path: { accountRef: '4111111111111234' } },
      body: { id: 'pmt-9001', amount: '20.00', currency: 'USD', paidAt: new Date().toISOString(), kind: 'partial' },
    });
    expect(paid.response.status, JSON.stringify(paid.error)).toBe(201);
    expect(PaymentView.parse(paid.data)).toMatchObject({ id: 'pmt-9001', kind: 'partial', amount: '20.00' });

    const promised = await collector.POST('/v1/accounts/{accountRef}/promises', {
      params: { path: { accountRef: '4111111111111234' } },
      body: { id: 'plan-77', kind: 'plan', promisedFor: PROMISED_FOR, amount: '40.00', currency: 'USD' },
    });
    expect(promised.response.status, JSON.stringify(promised.error)).toBe(201);
    expect(PromiseView.parse(promised.data)).toMatchObject({ id: 'plan-77', kind: 'plan', promisedFor: PROMISED_FOR });

    const optedOut = await collector.POST('/v1/opt-outs', {
      body: { address: '+14155550100', channel: 'sms', source: 'asked on the phone' },
    });
    expect(optedOut.response.status, JSON.stringify(optedOut.error)).toBe(201);
    expect(OptOutAdded.parse(optedOut.data)).toMatchObject({ suppressed: true, added: ['sms'], borrowers: 1 });
    const listed = await compliance.GET('/v1/opt-outs', { params: { query: { address: '+14155550100' } } });
    expect(OptOutView.parse(listed.data).channels.map((c) => c.channel)).toEqual(['sms']);
  });

  it('gets a typed problem for a refused request', async () => {
    const bad = await client('collector').POST('/v1/accounts/{accountRef}/payments', {
      params: { path: { accountRef: 'no-such-account' } },
      body: { id: 'pmt-x', amount: '1.00', currency: 'USD', paidAt: new Date().toISOString(), kind: 'full' },
    });
    expect(bad.response.status).toBe(404);
    expect(bad.error).toMatchObject({ status: 404, errors: [{ path: 'accountRef' }] });
  });
});
