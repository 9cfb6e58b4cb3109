/**
 * What a channel learns about an address (issue 30, item 2), with real Redis, the twilio SDK
 * against the fake Twilio, a real SMTP server and Twilio's signed callbacks: a text Twilio reports
 * undelivered with 30006 (a landline) records the number as a landline for that tenant, says so on
 * the borrower's timeline, and from then on `auto` and the cadence choose email, an SMS reminder to
 * the number is suppressed as `unreachable` (not sent), and calls still go. A refusal at send time
 * (21614) teaches the same; a 30003 (handset off) is recorded but rules nothing out. SQLite and
 * PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProfile } from '../support/profiles.js';
import { postSignedCallback, providerEnv, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { dbVariants, reminderBody, startHarness, type Harness } from '../support/harness.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { waitFor } from '../support/wait.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

describe.each(dbVariants())('what a channel learns about an address ($name)', (variant) => {
  let tw: FakeTwilio;
  let smtp: SmtpSink;
  let h: Harness;
  let n = 0;

  beforeAll(async () => {
    tw = await startFakeTwilio();
    smtp = await startSmtpSink();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-facts-'));
    const profileFile = path.join(dir, 'profile.json');
    fs.writeFileSync(profileFile, JSON.stringify(openProfile('address-facts-test')));
    h = await startHarness({ db: variant, env: { POLICY_FILE: profileFile, ...providerEnv(tw, smtp) } });
  });
  afterAll(async () => {
    await h?.destroy();
    await tw?.close();
    await smtp?.close();
  });

  const fresh = () => {
    const i = n++;
    return {
      id: `b-facts-${i}-${Math.random().toString(36).slice(2, 6)}`,
      phone: `+1415557${String(1000 + i * 13 + Math.floor(Math.random() * 800)).padStart(4, '0')}`,
      email: `facts-${i}-${Math.random().toString(36).slice(2, 6)}@example.com`,
    };
  };
  const post = (over: Record<string, unknown>, b: ReturnType<typeof fresh>) =>
    h.api('POST', '/v1/reminders', { body: reminderBody(over, { ...b, timezone: 'UTC' }) });
  const messageOf = async (id: string, status: string) =>
    waitFor(
      async () => {
        const m = await h.service.store.getMessage(id);
        return m?.status === status ? m : undefined;
      },
      { what: `message ${status}` },
    );
  const service = () => ({ url: h.url, publicBaseUrl: h.service.config.publicBaseUrl });

  /** A text sent to the borrower and reported undelivered by Twilio with `code`. */
  async function undelivered(b: ReturnType<typeof fresh>, code: string) {
    const r = await post({ channel: 'sms' }, b);
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    const sent = await messageOf(r.body.messages[0].id, 'sent');
    const res = await postSignedCallback(service(), tw.authToken, `/webhooks/twilio/message-status?m=${sent.id}`, {
      MessageSid: sent.providerId!,
      MessageStatus: 'undelivered',
      ErrorCode: code,
    });
    expect(res.status).toBe(204);
    await messageOf(sent.id, 'undelivered');
    return sent;
  }

  it('learns a landline from 30006: on the timeline, auto and the cadence take email, SMS is not tried, calls still go', async () => {
    const b = fresh();
    const sent = await undelivered(b, '30006');
    const facts = await waitFor(
      async () => {
        const f = await h.service.store.addressFacts.of('default', [b.phone]);
        return f.length ? f : undefined;
      },
      { what: 'the fact recorded' },
    );
    expect(facts).toEqual([
      expect.objectContaining({ fact: 'landline', code: 'twilio-30006', messageId: sent.id, count: 1 }),
    ]);
    const timeline = await h.api('GET', `/v1/borrowers/${b.id}/timeline`, { role: 'agent' });
    const learned = (timeline.body.items as Array<{ type: string; data: Record<string, unknown> }>).find(
      (e) => e.type === 'address.learned',
    );
    expect(learned?.data).toMatchObject({ fact: 'landline', code: 'twilio-30006', channels: ['sms'] });
    expect(JSON.stringify(learned?.data)).not.toContain(b.phone);

    // auto: the gentlest channel that can reach them is now email.
    const auto = await post({ channel: 'auto' }, b);
    expect(auto.status, JSON.stringify(auto.body)).toBe(202);
    expect(auto.body.messages[0].channel).toBe('email');
    await messageOf(auto.body.messages[0].id, 'sent');
    expect(smtp.envelopes.some((e) => e.to.includes(b.email))).toBe(true);

    // An SMS asked for by name is not tried: suppressed as unreachable, nothing reaches Twilio.
    const before = tw.messages().filter((m) => m.form.To === b.phone).length;
    const sms = await post({ channel: 'sms' }, b);
    const suppressed = await messageOf(sms.body.messages[0].id, 'suppressed');
    const events = await h.service.store.listEvents(suppressed.id);
    expect(events.at(-1)?.data).toMatchObject({ reason: 'unreachable' });
    expect(tw.messages().filter((m) => m.form.To === b.phone)).toHaveLength(before);

    // A call still goes: a landline answers calls.
    const call = await post({ channel: 'voice', template: 'payment-plan-offer' }, b);
    expect(call.status, JSON.stringify(call.body)).toBe(202);
    await messageOf(call.body.messages[0].id, 'sent');
    expect(tw.calls().some((c) => c.form.To === b.phone)).toBe(true);
  });

  it('moves a cadence step on SMS to email for a landline', async () => {
    const b = fresh();
    await undelivered(b, '30006');
    const account = `9300${Math.floor(Math.random() * 1e10)}`;
    const overdue = await h.api('POST', `/v1/accounts/${account}/overdue`, {
      body: {
        borrower: { ...b, timezone: 'UTC' },
        debt: {
          creditor: 'Northwind Bank',
          amountDue: { amount: '120.50', currency: 'USD' },
          dueDate: '2026-11-20',
          daysOverdue: 1,
        },
      },
    });
    expect(overdue.status, JSON.stringify(overdue.body)).toBe(202);
    // Early stage, day 1: gentle-overdue by SMS, taken by email instead.
    const step = (overdue.body.plan[0].steps as Array<{ channel: string; messageId: string | null; day: number }>).find(
      (s) => s.day === 1,
    )!;
    const m = await h.service.store.getMessage(step.messageId!);
    expect(m?.channel).toBe('email');
  });

  it('learns from a refusal at send time (21614: not a mobile number)', async () => {
    const b = fresh();
    tw.scriptFor(b.phone, { status: 400, code: 21614, message: "'To' number is not a valid mobile number" });
    const r = await post({ channel: 'sms' }, b);
    await messageOf(r.body.messages[0].id, 'failed');
    const facts = await waitFor(
      async () => {
        const f = await h.service.store.addressFacts.of('default', [b.phone]);
        return f.length ? f : undefined;
      },
      { what: 'the fact recorded' },
    );
    expect(facts[0]).toMatchObject({ fact: 'landline', code: 'twilio-21614' });
    expect((await post({ channel: 'auto' }, b)).body.messages[0].channel).toBe('email');
  });

  it('records an unreachable handset (30003) without ruling SMS out', async () => {
    const b = fresh();
    await undelivered(b, '30003');
    const facts = await waitFor(
      async () => {
        const f = await h.service.store.addressFacts.of('default', [b.phone]);
        return f.length ? f : undefined;
      },
      { what: 'the fact recorded' },
    );
    expect(facts[0]).toMatchObject({ fact: 'unreachable', code: 'twilio-30003' });
    expect((await post({ channel: 'auto' }, b)).body.messages[0].channel).toBe('sms');
  });

  it('keeps what one tenant learned to that tenant', async () => {
    const b = fresh();
    await undelivered(b, '30006');
    await waitFor(async () => (await h.service.store.addressFacts.of('default', [b.phone])).length || undefined, {
      what: 'the fact recorded',
    });
    expect(await h.service.store.addressFacts.of('acme', [b.phone])).toEqual([]);
  });

  describe('channel fallback', () => {
    const emailsTo = (address: string) => smtp.envelopes.filter((e) => e.to.includes(address));

    it('an SMS to a landline with fallback ["email"]: one email, once, linked to the text', async () => {
      const b = fresh();
      const r = await post({ channel: 'sms', fallback: ['email'] }, b);
      expect(r.status, JSON.stringify(r.body)).toBe(202);
      const sent = await messageOf(r.body.messages[0].id, 'sent');
      const callback = {
        MessageSid: sent.providerId!,
        MessageStatus: 'undelivered',
        ErrorCode: '30006',
      };
      const route = `/webhooks/twilio/message-status?m=${sent.id}`;
      expect((await postSignedCallback(service(), tw.authToken, route, callback)).status).toBe(204);
      await waitFor(() => emailsTo(b.email).length === 1 || undefined, { what: 'the fallback email' });
      // Twilio repeating itself changes nothing: still one email.
      expect((await postSignedCallback(service(), tw.authToken, route, callback)).status).toBe(204);
      const events = (await h.api('GET', `/v1/borrowers/${b.id}/timeline`, { role: 'agent' })).body.items as Array<{
        type: string;
        data: Record<string, unknown>;
      }>;
      const taken = events.filter((e) => e.type === 'fallback.taken');
      expect(taken).toHaveLength(1);
      expect(taken[0]!.data).toMatchObject({ from: sent.id, first: sent.id, channel: 'email', why: 'twilio-30006' });
      const email = await messageOf(taken[0]!.data.to as string, 'sent');
      expect(email.channel).toBe('email');
      const reminder = await h.service.store.getReminderOfMessage(email.id);
      expect(reminder?.reminder.metadata).toMatchObject({ fallback: { channels: [], from: sent.id, first: sent.id } });
      // The audit read of each says where it stands in the chain (the console's message page links it).
      const read = (id: string) => h.api('GET', `/v1/audit/messages/${id}`, { role: 'compliance' });
      expect((await read(email.id)).body.reminder.fallback).toEqual({ from: sent.id, first: sent.id });
      expect((await read(sent.id)).body.reminder.fallback).toBeNull();
      expect(emailsTo(b.email)).toHaveLength(1);
    });

    it('a text to a number known as a landline is not tried: the fallback goes at once', async () => {
      const b = fresh();
      await undelivered(b, '30006');
      const r = await post({ channel: 'sms', fallback: ['voice', 'email'] }, b);
      expect(r.status, JSON.stringify(r.body)).toBe(202);
      await messageOf(r.body.messages[0].id, 'suppressed');
      // The first channel of the list that can reach them: a call (a landline takes calls).
      await waitFor(() => tw.calls().some((c) => c.form.To === b.phone) || undefined, { what: 'the fallback call' });
      expect(emailsTo(b.email)).toHaveLength(0);
    });

    it("refuses a fallback naming the reminder's own channel, a channel twice, or metadata.fallback", async () => {
      const b = fresh();
      const own = await post({ channel: 'sms', fallback: ['sms'] }, b);
      expect(own.status).toBe(400);
      expect(own.body.errors).toEqual([
        expect.objectContaining({ path: 'fallback', message: expect.stringMatching(/own channel/) }),
      ]);
      const twice = await post({ channel: 'sms', fallback: ['email', 'email'] }, b);
      expect(twice.status).toBe(400);
      expect(twice.body.errors[0].path).toBe('fallback');
      const reserved = await post({ channel: 'sms', metadata: { fallback: { channels: ['email'] } } }, b);
      expect(reserved.status).toBe(422);
      expect(reserved.body.errors[0].path).toBe('metadata.fallback');
    });
  });
});
