/**
 * Outcomes at their edges: the largest amounts the API takes (and larger ones stored before the
 * bound) leave the reports exact and answering; a payment or promise dated in the future or
 * centuries ago is refused; thirty concurrent payments in full resolve the borrower once and keep
 * the one thank-you; a tenant's STOP confirmation says who is writing; an accepted reminder is
 * JSON. Real Redis, the real store (SQLite and PostgreSQL), the twilio SDK against the fake Twilio.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WARM_WORDING } from '../support/experiments.js';
import { providerEnv, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { dbVariants, reminderBody, startHarness, type Harness } from '../support/harness.js';
import { waitFor } from '../support/wait.js';

/** A promised date the API accepts: ahead, within PROMISE_MAX_AHEAD_DAYS. */
const PROMISED_FOR = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

const now = () => new Date().toISOString();

/** The arm by the documented rule: sha256(experiment NUL borrower), first 32 bits, as a share of 100. */
function armOf(storedBorrowerId: string): string {
  const h = createHash('sha256').update(`${WARM_WORDING.id}\u0000${storedBorrowerId}`).digest();
  return (h.readUInt32BE(0) / 4_294_967_296) * 100 < 50 ? 'control' : 'warm';
}

describe.each(dbVariants())('outcome bounds on $name', (variant) => {
  let h: Harness;
  let tw: FakeTwilio;
  let dir: string;
  const account = (n: number) => `5000000000000${String(n).padStart(3, '0')}`;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-bounds-'));
    fs.writeFileSync(path.join(dir, 'experiments.json'), JSON.stringify({ experiments: [WARM_WORDING] }));
    tw = await startFakeTwilio();
    h = await startHarness({
      db: variant,
      env: { ...providerEnv(tw), EXPERIMENTS_FILE: path.join(dir, 'experiments.json') },
    });
    const reminders = [0, 1, 2].map((n) => {
      const body = reminderBody(
        { experiment: WARM_WORDING.id, template: undefined, channel: 'sms' },
        { id: `big-${n}`, phone: `+1415777000${n}`, timezone: 'UTC' },
      );
      return { ...body, debt: { ...body.debt, accountRef: account(n) } };
    });
    const res = await h.api('POST', '/v1/reminders/batch', { body: { reminders } });
    expect(res.body.accepted).toBe(3);
    for (const r of res.body.results) {
      const id = r.reminder.messages[0].id;
      await waitFor(async () => ((await h.service.store.getMessage(id))?.status === 'sent' ? true : undefined), {
        what: `message ${id} sent`,
      });
    }
  });
  afterAll(async () => {
    await h?.destroy();
    await tw?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const pay = (n: number, body: Record<string, unknown>) =>
    h.api('POST', `/v1/accounts/${account(n)}/payments`, {
      body: { id: `pay-${Math.random()}`, amount: '1.00', currency: 'USD', paidAt: now(), kind: 'partial', ...body },
    });

  it('answers an accepted reminder as application/json', async () => {
    const res = await h.api('POST', '/v1/reminders', { body: reminderBody({ channel: 'email' }) });
    expect(res.status).toBe(202);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('refuses an amount past 12 digits before the point or 4 after, naming the field, and takes the largest one within', async () => {
    for (const amount of ['999999999999999', '999999999999999.999999', '1000000000000001.88', '1.00001']) {
      const res = await pay(2, { amount });
      expect(res.status, amount).toBe(400);
      expect(res.body.errors[0].path).toBe('amount');
    }
    const promise = await h.api('POST', `/v1/accounts/${account(2)}/promises`, {
      body: { id: 'big-promise', kind: 'promise', promisedFor: PROMISED_FOR, amount: '9999999999999', currency: 'USD' },
    });
    expect(promise.status).toBe(400);
    expect(promise.body.errors[0].path).toBe('amount');
    expect((await pay(2, { amount: '999999999999.9999' })).status).toBe(201);
  });

  it('keeps the experiment report and the review exact and answering with the largest amounts stored before the bound', async () => {
    // Rows as the API took them before amounts were bounded: two of the largest for one borrower, one for another.
    const rows = [
      { n: 0, id: 'old-1', amount: '999999999999999.999999' },
      { n: 0, id: 'old-2', amount: '999999999999999' },
      { n: 1, id: 'old-3', amount: '1000000000000001.88' },
    ];
    for (const r of rows) {
      const borrower = `big-${r.n}`;
      await h.service.store.db
        .insertInto('outcomes')
        .values({
          id: `default:payment:${r.id}`,
          tenant: 'default',
          kind: 'payment',
          caller_id: r.id,
          account_ref: account(r.n),
          borrower_id: borrower,
          amount: r.amount,
          currency: 'USD',
          full: 0,
          at: now(),
          promised_for: null,
          request_hash: r.id,
          created_at: now(),
        })
        .execute();
    }
    const report = await h.api('GET', `/v1/outcomes/experiments/${WARM_WORDING.id}?from=2000-01-01T00:00:00Z`, {
      role: 'compliance',
    });
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    // Each arm's payments added in units of 1/10,000 and shown to the cent (never rounded up): computed here with bigint.
    const units: Record<string, bigint> = {
      'big-0': 19999999999999989999n,
      'big-1': 10000000000000018800n,
      'big-2': 9999999999999999n,
    };
    const expected: Record<string, bigint> = {};
    for (const [b, u] of Object.entries(units)) expected[armOf(b)] = (expected[armOf(b)] ?? 0n) + u;
    const shown = (u: bigint) => `${u.toString().slice(0, -4)}.${u.toString().slice(-4, -2)}`;
    for (const arm of report.body.arms as Array<{ arm: string; recovered: Record<string, string> }>) {
      expect(arm.recovered.USD, arm.arm).toBe(expected[arm.arm] === undefined ? undefined : shown(expected[arm.arm]!));
    }
    const review = await h.api('GET', '/v1/outcomes/review?from=2000-01-01T00:00:00Z', { role: 'compliance' });
    expect(review.status, JSON.stringify(review.body)).toBe(200);
    // 1999999999999998.9999 + 1000000000000001.88 + 999999999999.9999 (the largest the API takes, from the test before)
    expect(review.body.recovered.amounts.USD).toBe('3001000000000000.87');
  });

  it('refuses a payment dated in the future or centuries ago, and a promise agreed in the future', async () => {
    const future = await pay(2, { paidAt: '2099-01-01T00:00:00Z' });
    expect(future.status).toBe(400);
    expect(future.body.errors[0]).toMatchObject({ path: 'paidAt' });
    const ancient = await pay(2, { paidAt: '0001-01-01T00:00:00Z' });
    expect(ancient.status).toBe(400);
    expect(ancient.body.errors[0]).toMatchObject({ path: 'paidAt' });
    for (const agreedAt of ['2099-01-01T00:00:00Z', '0001-01-01T00:00:00Z']) {
      const res = await h.api('POST', `/v1/accounts/${account(2)}/promises`, {
        body: { id: `p-${agreedAt}`, kind: 'promise', promisedFor: PROMISED_FOR, agreedAt },
      });
      expect(res.status, agreedAt).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ path: 'agreedAt' });
    }
  });

  it('resolves a borrower once for thirty concurrent payments in full, and keeps the one thank-you', async () => {
    const debt = { ...reminderBody().debt, accountRef: 'RES-0001', daysOverdue: 3 };
    const overdue = await h.api('POST', '/v1/accounts/RES-0001/overdue', {
      body: {
        borrower: {
          id: 'res-1',
          name: 'Rae Solved',
          locale: 'en-US',
          timezone: 'UTC',
          phone: '+14157770099',
          email: 'rae@example.com',
        },
        debt,
      },
    });
    expect(overdue.status, JSON.stringify(overdue.body)).toBe(202);
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        h.api('POST', '/v1/accounts/RES-0001/payments', {
          body: { id: `full-${i}`, amount: '120.50', currency: 'USD', paidAt: now(), kind: 'full' },
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(30).fill(201));
    const resolvedEvents = await h.service.store.db
      .selectFrom('events')
      .select('seq')
      .where('chain', '=', 'b:res-1')
      .where('type', '=', 'borrower.resolved')
      .execute();
    expect(resolvedEvents).toHaveLength(1);
    const thanks = await h.service.store.db
      .selectFrom('messages')
      .select(['id', 'status'])
      .where('borrower_id', '=', 'res-1')
      .where('template', '=', 'payment-received')
      .execute();
    expect(thanks).toHaveLength(1);
    const sent = await waitFor(
      async () => {
        const m = await h.service.store.getMessage(thanks[0]!.id);
        return m && !['accepted', 'queued', 'sending', 'scheduled'].includes(m.status) ? m : undefined;
      },
      { what: 'the thank-you to settle' },
    );
    expect(sent.status).toBe('sent');
  });

  it('says who is writing in a tenant’s STOP confirmation, for a borrower it has never reminded', async () => {
    expect(
      (
        await h.api('PUT', '/v1/tenants/acme', {
          role: 'admin',
          body: {
            name: 'Acme Bank',
            kind: 'creditor',
            contact: { name: 'Acme Bank card services' },
            senders: {
              sms: { from: '+14155550001' },
              voice: { from: '+14155550001' },
              email: { from: 'Acme <b@acme.example>' },
            },
          },
        })
      ).status,
    ).toBe(201);
    const key = (await h.service.store.apiKeys.create('collector', 'acme collector', new Date(), 'acme')).token;
    const put = await h.api('PUT', '/v1/borrowers/quiet-1', {
      role: null,
      headers: { authorization: `Bearer ${key}` },
      body: { name: 'Quinn', locale: 'en-US', phone: '+14157770123' },
    });
    expect(put.status).toBe(201);
    const route = '/webhooks/twilio/inbound-sms';
    const params = { From: '+14157770123', To: '+14155550001', Body: 'STOP', MessageSid: `SM${'7'.repeat(32)}` };
    const res = await fetch(`${h.url}${route}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilio.getExpectedTwilioSignature(
          tw.authToken,
          `${h.service.config.publicBaseUrl}${route}`,
          params,
        ),
      },
      body: new URLSearchParams(params).toString(),
    });
    const twiml = await res.text();
    expect(twiml).toContain('<Message>Acme Bank card services: You have been unsubscribed');
  });
});
