/**
 * State rules in the running service, chosen by where the borrower lives: a Massachusetts
 * borrower's third text in seven days waits, citing 940 CMR 7.04(1)(f), while a New Jersey
 * borrower's goes, and a New York City borrower's third communication waits, citing 6 RCNY 5-77,
 * while one elsewhere in New York goes (real Redis, the store, the API and the worker); Washington's
 * agency-only rule through the simulator; the region (or locality) is validated,
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
const NYC_CITATION = 'US-NY-NYC: 6 RCNY 5-77(b)(1)(iv) — at most two communications in seven days';

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

  /**
   * Contacts this week, four and two days ago, recorded in the contact ledger as the worker records
   * them (default tenant: the bare id); the first one's instant.
   */
  async function contactsThisWeek(
    borrowerId: string,
    phone: string,
    contacts: Array<{ channel: 'sms' | 'voice' | 'email'; outcome: 'delivered' | 'sent' | 'voicemail' }>,
  ): Promise<number> {
    const ledger = makeContactLedger(redis, h.prefix);
    const first = Date.now() - 4 * DAY;
    for (const [i, c] of contacts.entries())
      await ledger.record(
        borrowerId,
        `earlier-${i}-${randomBytes(3).toString('hex')}`,
        { ...c, at: first + i * 2 * DAY, direction: 'outbound', to: c.channel === 'email' ? null : phone },
        30 * DAY,
      );
    return first;
  }
  /**
   * A text to each borrower, now: `held`'s waits for its first contact (at `held.first`) to leave the
   * seven days, for the layer's cap alone (`reason`), and is not sent; `went`'s is sent.
   */
  async function heldAndSent(
    zone: string,
    held: { id: string; phone: string; region: string; first: number },
    went: { id: string; phone: string; region: string },
    reason: { rule: string; layer: string; detail: string },
  ): Promise<void> {
    const send = (b: { id: string; phone: string; region: string }) =>
      h.api('POST', '/v1/reminders', {
        body: reminderBody(
          { channel: 'sms' },
          { id: b.id, timezone: zone, phone: b.phone, address: { region: b.region } },
        ),
      });
    const [toHeld, toWent] = [await send(held), await send(went)];
    expect([toHeld.status, toWent.status]).toEqual([202, 202]);

    const deferred = await messageIn(toHeld.body.id, ['deferred', 'sent']);
    expect(deferred.status).toBe('deferred');
    expect(deferred.deferral.reasons).toEqual([{ code: 'cap-reached', ...reason }]);
    // It waits for the first contact of the week to leave the seven days (plus the window's spread, if any).
    const until = Date.parse(deferred.deferral.until);
    expect(until).toBeGreaterThanOrEqual(held.first + 7 * DAY);
    expect(until).toBeLessThan(held.first + 8 * DAY);
    expect(sentTo(held.phone)).toBe(0);

    const sent = await messageIn(toWent.body.id, ['deferred', 'sent']);
    expect(sent.status).toBe('sent');
    expect(sentTo(went.phone)).toBe(1);
  }

  const twoTextsThisWeek = (borrowerId: string, phone: string) =>
    contactsThisWeek(borrowerId, phone, [
      { channel: 'sms', outcome: 'delivered' },
      { channel: 'sms', outcome: 'delivered' },
    ]);

  it('defers a Massachusetts borrower’s third text in seven days with the 940 CMR citation; a New Jersey borrower’s goes', async () => {
    const zone = zoneWhereHourIn(9, 17);
    const ma = { id: `b-ma-${randomBytes(3).toString('hex')}`, phone: nextPhone() };
    const nj = { id: `b-nj-${randomBytes(3).toString('hex')}`, phone: nextPhone() };
    const firstMa = await twoTextsThisWeek(ma.id, ma.phone);
    await twoTextsThisWeek(nj.id, nj.phone);

    await heldAndSent(
      zone,
      { ...ma, region: 'US-MA', first: firstMa },
      { ...nj, region: 'US-NJ' },
      {
        rule: MA_CITATION,
        layer: 'US-MA',
        detail: 'US-MA-calls-texts-2-per-7-days: 2 of 2 already used in the period',
      },
    );

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

  it('defers a New York City borrower’s third communication in seven days, an email counting, citing 6 RCNY 5-77; elsewhere in the state it goes', async () => {
    const zone = zoneWhereHourIn(9, 17);
    const nyc = { id: `b-nyc-${randomBytes(3).toString('hex')}`, phone: nextPhone() };
    const state = { id: `b-nys-${randomBytes(3).toString('hex')}`, phone: nextPhone() };
    const emailAndVoicemail = [
      { channel: 'email', outcome: 'sent' },
      { channel: 'voice', outcome: 'voicemail' },
    ] as const;
    const firstNyc = await contactsThisWeek(nyc.id, nyc.phone, [...emailAndVoicemail]);
    await contactsThisWeek(state.id, state.phone, [...emailAndVoicemail]);

    await heldAndSent(
      zone,
      { ...nyc, region: 'US-NY-NYC', first: firstNyc },
      { ...state, region: 'US-NY' },
      {
        rule: NYC_CITATION,
        layer: 'US-NY-NYC',
        detail: 'US-NY-NYC-contacts-2-per-7-days: 2 of 2 already used in the period',
      },
    );

    // "May I contact?" names the city's layer, by email too.
    const checked = await h.api('POST', '/v1/policy/check', {
      role: 'agent',
      body: { borrowerId: nyc.id, channel: 'email' },
    });
    expect(checked.body).toMatchObject({ allowed: false, layers: ['US-REGF', 'US-NY-NYC'], region: 'US-NY-NYC' });
    expect(checked.body.reasons).toEqual([
      expect.objectContaining({ code: 'cap-reached', layer: 'US-NY-NYC', rule: NYC_CITATION }),
    ]);
    const borrower = await h.api('GET', `/v1/borrowers/${nyc.id}/timeline`, { role: 'agent' });
    expect(borrower.body.borrower.address).toEqual({ region: 'US-NY-NYC' });
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
    for (const region of ['MA', 'US-ZZ', 'XX-MA', 'us-ma', 'US-NY-XYZ', 'US-MA-NYC', 'US-NY-NY']) {
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

  it('simulates a Washington borrower: an agency’s fourth communication in a week waits, citing RCW 19.16.250(13)(a); a creditor’s goes', async () => {
    const body = (senderKind: 'creditor' | 'agency') => ({
      profile: 'US-REGF',
      borrower: { timezone: 'America/Los_Angeles', phone: '+12065550123', address: { region: 'US-WA' } },
      senderKind,
      history: [
        { channel: 'voice', at: '2026-11-02T10:00:00-08:00', outcome: 'no-answer' },
        { channel: 'sms', at: '2026-11-03T10:00:00-08:00', outcome: 'delivered' },
        { channel: 'email', at: '2026-11-04T10:00:00-08:00', outcome: 'sent' },
      ],
      attempt: { channel: 'voice', at: '2026-11-06T10:00:00-08:00' },
    });
    const agency = await h.api('POST', '/v1/policy/simulate', { role: 'compliance', body: body('agency') });
    expect(agency.status).toBe(200);
    expect(agency.body).toMatchObject({
      allowed: false,
      layers: ['US-REGF', 'US-WA'],
      region: 'US-WA',
      earliestAllowedAt: '2026-11-09T18:00:00.000Z',
      reasons: [
        {
          code: 'cap-reached',
          layer: 'US-WA',
          rule: 'US-WA: RCW 19.16.250(13)(a) — at most three communications in a week',
        },
      ],
    });
    const creditor = await h.api('POST', '/v1/policy/simulate', { role: 'compliance', body: body('creditor') });
    expect(creditor.body).toMatchObject({ allowed: true, layers: ['US-REGF'], region: 'US-WA' });
  });
});
