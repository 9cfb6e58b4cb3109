/**
 * State rules in the running service, chosen by where the borrower lives: a Massachusetts
 * borrower's third text in seven days waits, citing 940 CMR 7.04(1)(f), while a New Jersey
 * borrower's goes (real Redis, the store, the API and the worker); the region is validated,
 * stored and shown; the policy check and the simulator name the layer that decided.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContactLedger } from '../../src/jobs/caps/contact-ledger.js';
import { providerEnv, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { dbVariants, reminderBody, reminderMessageIn, startHarness, type Harness } from '../support/harness.js';
import { zoneWhereHourIn } from '../support/zones.js';

const DAY = 86_400_000;
const MA_CITATION = 'US-MA: 940 CMR 7.04(1)(f) — at most two calls or texts in seven days';

describe.each(dbVariants())('state rules in the service on $name', (variant) => {
  let twilio: FakeTwilio;
  let h: Harness;
  let redis: Redis;
  let phoneSeq = 0;
  const nextPhone = () => `+1617555${String(4000 + phoneSeq++).padStart(4, '0')}`;

  beforeAll(async () => {
    twilio = await startFakeTwilio();
    h = await startHarness({
      db: variant,
      env: { POLICY_PROFILE: 'US-REGF', SCHEDULE_HORIZON: '9d', ...providerEnv(twilio) },
    });
    redis = new Redis(h.env.REDIS_URL!);
  });
  afterAll(async () => {
    redis?.disconnect();
    await h?.destroy();
    await twilio?.close();
  });

  const sentTo = (phone: string) => twilio.messages().filter((m) => m.form.To === phone).length;

  const messageIn = (reminderId: string, statuses: string[]) => reminderMessageIn(h, reminderId, statuses);

  /** Two texts this week, recorded in the contact ledger as the worker records a sent text (default tenant: the bare id). */
  async function twoTextsThisWeek(borrowerId: string, phone: string): Promise<number> {
    const ledger = makeContactLedger(redis, h.prefix);
    const first = Date.now() - 4 * DAY;
    for (const [i, at] of [first, Date.now() - 2 * DAY].entries())
      await ledger.record(
        borrowerId,
        `earlier-${i}-${randomBytes(3).toString('hex')}`,
        { channel: 'sms', at, outcome: 'delivered', direction: 'outbound', to: phone },
        30 * DAY,
      );
    return first;
  }

  it('defers a Massachusetts borrower’s third text in seven days with the 940 CMR citation; a New Jersey borrower’s goes', async () => {
    const zone = zoneWhereHourIn(9, 17);
    const ma = { id: `b-ma-${randomBytes(3).toString('hex')}`, phone: nextPhone() };
    const nj = { id: `b-nj-${randomBytes(3).toString('hex')}`, phone: nextPhone() };
    const firstMa = await twoTextsThisWeek(ma.id, ma.phone);
    await twoTextsThisWeek(nj.id, nj.phone);

    const toMa = await h.api('POST', '/v1/reminders', {
      body: reminderBody(
        { channel: 'sms' },
        { id: ma.id, timezone: zone, phone: ma.phone, address: { region: 'US-MA' } },
      ),
    });
    const toNj = await h.api('POST', '/v1/reminders', {
      body: reminderBody(
        { channel: 'sms' },
        { id: nj.id, timezone: zone, phone: nj.phone, address: { region: 'US-NJ' } },
      ),
    });
    expect([toMa.status, toNj.status]).toEqual([202, 202]);

    const held = await messageIn(toMa.body.id, ['deferred', 'sent']);
    expect(held.status).toBe('deferred');
    expect(held.deferral.reasons).toEqual([
      {
        code: 'cap-reached',
        rule: MA_CITATION,
        layer: 'US-MA',
        detail: 'US-MA-calls-texts-2-per-7-days: 2 of 2 already used in the period',
      },
    ]);
    // It waits for the first text of the week to leave the seven days (plus the window's spread, if any).
    const until = Date.parse(held.deferral.until);
    expect(until).toBeGreaterThanOrEqual(firstMa + 7 * DAY);
    expect(until).toBeLessThan(firstMa + 8 * DAY);
    expect(sentTo(ma.phone)).toBe(0);

    const went = await messageIn(toNj.body.id, ['deferred', 'sent']);
    expect(went.status).toBe('sent');
    expect(sentTo(nj.phone)).toBe(1);

    // "May I contact?" names the layers and the one that decided, as the worker did.
    const checked = await h.api('POST', '/v1/policy/check', {
      role: 'agent',
      body: { borrowerId: ma.id, channel: 'voice' },
    });
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({ allowed: false, layers: ['US-REGF', 'US-MA'], region: 'US-MA' });
    expect(checked.body.reasons).toEqual([
      expect.objectContaining({ code: 'cap-reached', layer: 'US-MA', rule: MA_CITATION }),
    ]);
    const elsewhere = await h.api('POST', '/v1/policy/check', {
      role: 'agent',
      body: { borrowerId: nj.id, channel: 'email' },
    });
    expect(elsewhere.body).toMatchObject({ layers: ['US-REGF'], region: 'US-NJ' });
  });

  it('places no more than two calls to a Massachusetts borrower when eight are due at once (the cap is reserved atomically)', async () => {
    const zone = zoneWhereHourIn(9, 17);
    const borrower = { id: `b-ma-calls-${randomBytes(3).toString('hex')}`, timezone: zone, phone: nextPhone() };
    const accepted = await h.api('POST', '/v1/reminders/batch', {
      body: {
        reminders: Array.from({ length: 8 }, () =>
          reminderBody({ channel: 'voice' }, { ...borrower, address: { region: 'US-MA' } }),
        ),
      },
    });
    expect(accepted.status).toBe(200);
    const ids = accepted.body.results.map((r: { reminder: { id: string } }) => r.reminder.id);
    const settled = await Promise.all(ids.map((id: string) => messageIn(id, ['sent', 'deferred', 'failed'])));
    expect(settled.filter((m) => m.status === 'sent')).toHaveLength(2);
    expect(twilio.calls().filter((c) => c.form.To === borrower.phone)).toHaveLength(2);
    const held = settled.filter((m) => m.status === 'deferred');
    expect(held).toHaveLength(6);
    for (const m of held)
      expect(m.deferral.reasons).toContainEqual(expect.objectContaining({ layer: 'US-MA', rule: MA_CITATION }));
  });

  it('stores the region with the borrower, shows it in borrower reads, and clears it on null', async () => {
    const id = `b-region-${randomBytes(3).toString('hex')}`;
    const put = await h.api('PUT', `/v1/borrowers/${id}`, {
      body: { phone: nextPhone(), timezone: 'America/New_York', address: { region: 'US-MA' } },
    });
    expect(put.status).toBe(201);
    expect(put.body.address).toEqual({ region: 'US-MA' });
    // Another update that says nothing of the address keeps it.
    const kept = await h.api('PUT', `/v1/borrowers/${id}`, { body: { name: 'Pat Doe' } });
    expect(kept.body.address).toEqual({ region: 'US-MA' });
    const timeline = await h.api('GET', `/v1/borrowers/${id}/timeline`, { role: 'agent' });
    expect(timeline.status).toBe(200);
    expect(timeline.body.borrower.address).toEqual({ region: 'US-MA' });
    const cleared = await h.api('PUT', `/v1/borrowers/${id}`, { body: { address: { region: null } } });
    expect(cleared.body.address).toEqual({ region: null });
  });

  it('refuses a malformed region with a problem naming borrower.address.region, on reminders and overdue accounts', async () => {
    for (const region of ['MA', 'US-ZZ', 'XX-MA', 'us-ma']) {
      const res = await h.api('POST', '/v1/reminders', {
        body: reminderBody({ channel: 'sms' }, { address: { region } }),
      });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.errors).toEqual([expect.objectContaining({ path: 'borrower.address.region' })]);
    }
    const overdue = await h.api('POST', '/v1/accounts/acct-ma-1/overdue', {
      body: {
        borrower: { id: 'b-overdue-region', phone: nextPhone(), address: { region: 'US-M@' } },
        debt: reminderBody().debt,
      },
    });
    expect(overdue.status).toBe(400);
    expect(overdue.body.errors).toEqual([expect.objectContaining({ path: 'borrower.address.region' })]);
  });

  it('simulates a Massachusetts borrower by the sender’s kind, naming the layer and its citation', async () => {
    const body = (senderKind: 'creditor' | 'agency') => ({
      profile: 'US-REGF',
      borrower: { timezone: 'America/New_York', phone: '+16175550123', address: { region: 'US-MA' } },
      senderKind,
      history: [
        { channel: 'voice', at: '2026-11-02T10:00:00-05:00', outcome: 'no-answer' },
        { channel: 'sms', at: '2026-11-04T10:00:00-05:00', outcome: 'delivered' },
      ],
      attempt: { channel: 'sms', at: '2026-11-06T10:00:00-05:00' },
    });
    const creditor = await h.api('POST', '/v1/policy/simulate', { role: 'compliance', body: body('creditor') });
    expect(creditor.status).toBe(200);
    expect(creditor.body).toMatchObject({
      allowed: false,
      layers: ['US-REGF', 'US-MA'],
      region: 'US-MA',
      earliestAllowedAt: '2026-11-09T15:00:00.000Z',
      reasons: [{ code: 'cap-reached', layer: 'US-MA', rule: MA_CITATION }],
    });
    const agency = await h.api('POST', '/v1/policy/simulate', { role: 'compliance', body: body('agency') });
    expect(agency.body.reasons[0].rule).toBe('US-MA: 209 CMR 18.16(1)(d) — at most two calls or texts in seven days');
  });
});
