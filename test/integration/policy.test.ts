/**
 * The policy in the running service (US-REGF): what is held back waits with its reason and
 * time, what may never go is suppressed, the policy check and the simulator answer exactly as
 * the worker decided, and resolving or opting out settles pending messages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerEnv, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { dbVariants, reminderBody, reminderMessageIn, startHarness, type Harness } from '../support/harness.js';
import { zoneWhereHourIn } from '../support/zones.js';

describe.each(dbVariants())('policy in the service on $name', (variant) => {
  let twilio: FakeTwilio;
  let h: Harness;
  let phoneSeq = 0;
  const nextPhone = () => `+1415555${String(3000 + phoneSeq++).padStart(4, '0')}`;

  beforeAll(async () => {
    twilio = await startFakeTwilio();
    h = await startHarness({
      db: variant,
      // A horizon of two days: these deferrals stay delayed jobs (parking beyond the horizon is schedule.test.ts's).
      env: { POLICY_PROFILE: 'US-REGF', SCHEDULE_HORIZON: '48h', ...providerEnv(twilio) },
    });
  });
  afterAll(async () => {
    await h?.destroy();
    await twilio?.close();
  });

  const sentTo = (phone: string) => twilio.messages().filter((m) => m.form.To === phone).length;

  const messageIn = (reminderId: string, statuses: string[]) => reminderMessageIn(h, reminderId, statuses);

  it('holds an SMS for a borrower at night and shows the reason and the time it will go', async () => {
    const zone = zoneWhereHourIn(0, 6);
    const phone = nextPhone();
    const res = await h.api('POST', '/v1/reminders', {
      body: reminderBody({ channel: 'sms' }, { timezone: zone, phone }),
    });
    expect(res.status).toBe(202);
    const m = await messageIn(res.body.id, ['deferred']);
    expect(m.deferral.reasons[0]).toMatchObject({ code: 'outside-contact-window', rule: '12 CFR 1006.6(b)(1)(i)' });
    expect(m.deferral.reasons[0].detail).toContain(zone);
    const until = new Date(m.deferral.until);
    const local = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(until);
    expect(local >= '08:00' && local < '08:10').toBe(true); // 08:00 local, spread over the first minutes
    expect(until.getTime()).toBeGreaterThan(Date.now());
    expect(m.events.map((e: { type: string }) => e.type)).toEqual(['accepted', 'queued', 'deferred']);
    const job = await h.service.queues.byChannel.sms.getJob(m.id);
    expect(await job!.getState()).toBe('delayed');
    expect(sentTo(phone)).toBe(0);
  });

  it('sends the first SMS of the day and holds the second until the next local day, as policy check and simulate say', async () => {
    const zone = zoneWhereHourIn(9, 17);
    const phone = nextPhone();
    const borrowerId = `b-cap-${phone.slice(-4)}`;
    const first = await h.api('POST', '/v1/reminders', {
      body: reminderBody({ channel: 'sms' }, { id: borrowerId, timezone: zone, phone }),
    });
    const sent = await messageIn(first.body.id, ['sent']);
    const second = await h.api('POST', '/v1/reminders', {
      body: reminderBody({ channel: 'sms' }, { id: borrowerId, timezone: zone, phone }),
    });
    const held = await messageIn(second.body.id, ['deferred']);
    expect(sentTo(phone)).toBe(1);
    expect(held.deferral.reasons.map((r: { code: string }) => r.code)).toEqual(['cap-reached']);
    const decidedAt = held.events.find((e: { type: string }) => e.type === 'deferred').at as string;

    // The policy check, against the stored history, at the instant the worker decided.
    const checked = await h.api('POST', '/v1/policy/check', {
      role: 'agent',
      body: { borrowerId, channel: 'sms', at: decidedAt },
    });
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({
      allowed: false,
      earliestAllowedAt: held.deferral.until,
      reasons: held.deferral.reasons,
    });

    // The simulator, given the same history by hand, answers the same.
    const simulated = await h.api('POST', '/v1/policy/simulate', {
      role: 'compliance',
      body: {
        profile: 'US-REGF',
        borrower: { timezone: zone, phone },
        history: [
          { channel: 'sms', at: sent.events.find((e: { type: string }) => e.type === 'sending').at, outcome: 'sent' },
        ],
        attempt: { channel: 'sms', at: decidedAt },
      },
    });
    expect(simulated.status).toBe(200);
    expect(simulated.body).toMatchObject({
      allowed: false,
      earliestAllowedAt: held.deferral.until,
      reasons: held.deferral.reasons,
    });
  });

  it('gives the slot back when the provider refuses the message, so the next SMS that day may go', async () => {
    const zone = zoneWhereHourIn(9, 17);
    const phone = nextPhone();
    const borrowerId = `b-release-${phone.slice(-4)}`;
    // A refusal that says nothing about the number (21408: region not enabled): 21211 would teach that it is not valid.
    twilio.scriptFor(phone, { status: 400, code: 21408 });
    const refused = await h.api('POST', '/v1/reminders', {
      body: reminderBody({ channel: 'sms' }, { id: borrowerId, timezone: zone, phone }),
    });
    expect((await messageIn(refused.body.id, ['failed', 'sent', 'deferred'])).status).toBe('failed');
    const next = await h.api('POST', '/v1/reminders', {
      body: reminderBody({ channel: 'sms' }, { id: borrowerId, timezone: zone, phone }),
    });
    // Had the refused message kept its slot, the one SMS a day would be used up and this one deferred.
    const nextSettled = await messageIn(next.body.id, ['sent', 'deferred', 'failed']);
    expect(nextSettled.status).toBe('sent');
    // And the slot it took is held: a third SMS that day waits.
    const third = await h.api('POST', '/v1/reminders', {
      body: reminderBody({ channel: 'sms' }, { id: borrowerId, timezone: zone, phone }),
    });
    expect((await messageIn(third.body.id, ['sent', 'deferred'])).status).toBe('deferred');
  });

  it('suppresses a reminder whose earliest allowed time is after it expires', async () => {
    const zone = zoneWhereHourIn(0, 6);
    const expiresAt = new Date(Date.now() + 60 * 60_000).toISOString();
    const res = await h.api('POST', '/v1/reminders', {
      body: reminderBody({ channel: 'sms', expiresAt }, { timezone: zone, phone: nextPhone() }),
    });
    const m = await messageIn(res.body.id, ['suppressed']);
    expect(m.events.at(-1).data).toMatchObject({ reason: 'expired' });
  });

  it('resolving a borrower cancels every pending message and suppresses later ones', async () => {
    const zone = zoneWhereHourIn(0, 6);
    const phone = nextPhone();
    const borrowerId = `b-resolve-${phone.slice(-4)}`;
    const pending = await h.api('POST', '/v1/reminders', {
      body: reminderBody({ channel: 'sms' }, { id: borrowerId, timezone: zone, phone }),
    });
    const later = await h.api('POST', '/v1/reminders', {
      body: reminderBody(
        { channel: 'email', sendAt: new Date(Date.now() + 86_400_000).toISOString() },
        { id: borrowerId, timezone: zone, phone },
      ),
    });
    await messageIn(pending.body.id, ['deferred']);
    const resolved = await h.api('POST', `/v1/borrowers/${borrowerId}/resolve`, { body: { note: 'paid in full' } });
    expect(resolved.status).toBe(200);
    expect(resolved.body.borrower.status).toBe('resolved');
    expect(resolved.body.cancelled.sort()).toEqual([pending.body.messages[0].id, later.body.messages[0].id].sort());
    expect(await h.service.queues.byChannel.sms.getJob(pending.body.messages[0].id)).toBeUndefined();
    const after = await h.api('POST', '/v1/reminders', {
      body: reminderBody({ channel: 'sms' }, { id: borrowerId, timezone: zoneWhereHourIn(9, 17), phone }),
    });
    const m = await messageIn(after.body.id, ['suppressed']);
    expect(m.events.at(-1).data).toMatchObject({ reason: 'resolved' });
    expect(sentTo(phone)).toBe(0);
    const events = await h.service.store.listBorrowerEvents(borrowerId);
    expect(events.map((e) => e.type)).toEqual(['borrower.resolved']);
  });

  it('an opt-out suppresses pending messages on that channel only, and later ones on it', async () => {
    const zone = zoneWhereHourIn(0, 6);
    const phone = nextPhone();
    const borrowerId = `b-optout-${phone.slice(-4)}`;
    const sms = await h.api('POST', '/v1/reminders', {
      body: reminderBody({ channel: 'sms' }, { id: borrowerId, timezone: zone, phone }),
    });
    const email = await h.api('POST', '/v1/reminders', {
      body: reminderBody({ channel: 'email' }, { id: borrowerId, timezone: zone, phone }),
    });
    await messageIn(sms.body.id, ['deferred']);
    const out = await h.api('POST', `/v1/borrowers/${borrowerId}/opt-out`, {
      role: 'agent',
      body: { channel: 'sms', source: 'phone call with agent' },
    });
    expect(out.status).toBe(200);
    expect(out.body.suppressed).toEqual([sms.body.messages[0].id]);
    expect(out.body.borrower.optOuts).toEqual([
      expect.objectContaining({ channel: 'sms', source: 'phone call with agent' }),
    ]);
    // The SMS opt-out leaves the email alone: it never becomes suppressed.
    const emailId = email.body.messages[0].id as string;
    expect((await h.service.store.getMessage(emailId))!.status).not.toBe('suppressed');
    expect((await h.service.store.listEvents(emailId)).map((e) => e.type)).not.toContain('suppressed');
    const check = await h.api('POST', '/v1/policy/check', { body: { borrowerId, channel: 'sms' } });
    expect(check.body).toMatchObject({
      allowed: false,
      earliestAllowedAt: null,
      reasons: [expect.objectContaining({ code: 'opted-out' })],
    });
    const again = await h.api('POST', '/v1/reminders', {
      body: reminderBody({ channel: 'sms' }, { id: borrowerId, timezone: zoneWhereHourIn(9, 17), phone }),
    });
    expect((await messageIn(again.body.id, ['suppressed'])).events.at(-1).data).toMatchObject({ reason: 'opted-out' });
    expect(sentTo(phone)).toBe(0);
    // Opting out twice is harmless.
    expect((await h.api('POST', `/v1/borrowers/${borrowerId}/opt-out`, { body: { channel: 'sms' } })).body.added).toBe(
      false,
    );
  });

  it('shows the active profile, and validates check and simulate input', async () => {
    const profile = await h.api('GET', '/v1/policy', { role: 'compliance' });
    expect(profile.body).toMatchObject({ name: 'US-REGF', windows: { sms: { from: '08:00', to: '21:00' } } });
    const bad = await h.api('POST', '/v1/policy/check', { body: { borrowerId: 'x', channel: 'fax' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('channel');
    const unknown = await h.api('POST', '/v1/policy/check', { body: { borrowerId: 'nobody', channel: 'sms' } });
    expect(unknown.status).toBe(404);
    const badProfile = await h.api('POST', '/v1/policy/simulate', {
      role: 'agent',
      body: { profile: 'MARS', borrower: {}, attempt: { channel: 'sms', at: '2026-01-01T10:00:00Z' } },
    });
    expect(badProfile.status).toBe(400);
    expect(badProfile.body.errors[0]).toMatchObject({
      path: 'profile',
      message: expect.stringContaining('unknown profile "MARS"'),
    });
    expect((await h.api('POST', '/v1/policy/simulate', { role: 'collector', body: {} })).status).toBe(403);
  });
});
