/**
 * Providers in earnest: Twilio callbacks signed the way Twilio signs them (the SDK's own
 * function), answering machines, inbound STOP, one-click email unsubscribe, outbound events to
 * the collection system, and a Twilio outage the service rides out without losing or failing
 * a message.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveProfile, US_REGF } from '../../src/policy/profile.js';
import { signEvent } from '../../src/http/webhooks/outbound-events.js';
import { derivedEventsSecret } from '../../src/http/webhooks/signing-keys.js';
import { providerEnv, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { startEventReceiver, type EventReceiver } from '../support/event-receiver.js';
import { freePort } from '../support/ports.js';
import { reminderBody, sqliteOnly, startHarness, type Harness } from '../support/harness.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { waitFor } from '../support/wait.js';

// US-REGF's rules with an all-day window and one call a day, so outcomes decide what comes next.
const profile = resolveProfile({
  ...US_REGF,
  name: 'providers-test',
  windows: {
    sms: { from: '00:00', to: '24:00' },
    voice: { from: '00:00', to: '24:00' },
    email: { from: '00:00', to: '24:00' },
  },
  caps: [
    {
      name: 'voice-1-per-day',
      channels: ['voice'],
      max: 1,
      per: { days: 1 },
      counts: ['pending', 'answered', 'no-answer', 'voicemail'],
    },
  ],
  spreadSeconds: 0,
});

describe('providers in earnest', () => {
  let tw: FakeTwilio;
  let smtp: SmtpSink;
  let h: Harness;
  let receiver: EventReceiver;
  let phoneSeq = 0;
  const phone = () => `+1415555${String(7000 + phoneSeq++).padStart(4, '0')}`;

  beforeAll(async () => {
    tw = await startFakeTwilio();
    smtp = await startSmtpSink();
    receiver = await startEventReceiver({ refuseFirst: 1 });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-prov-'));
    const profileFile = path.join(dir, 'profile.json');
    fs.writeFileSync(profileFile, JSON.stringify(profile));
    h = await startHarness({
      db: sqliteOnly,
      env: {
        POLICY_FILE: profileFile,
        ...providerEnv(tw, smtp),
        EVENTS_WEBHOOK_URL: receiver.url,
        RECONCILE_EVERY_MS: '60000',
      },
    });
  });
  afterAll(async () => {
    await h?.destroy();
    await tw?.close();
    await smtp?.close();
    await receiver?.close();
  });

  /** POSTs a Twilio callback, signed as Twilio signs it (or not). */
  async function callback(route: string, params: Record<string, string>, sign: 'valid' | 'wrong' | 'none' = 'valid') {
    const url = `${h.service.config.publicBaseUrl}${route}`;
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    if (sign === 'valid') headers['x-twilio-signature'] = twilio.getExpectedTwilioSignature(tw.authToken, url, params);
    if (sign === 'wrong')
      headers['x-twilio-signature'] = twilio.getExpectedTwilioSignature('not-the-auth-token', url, params);
    const res = await fetch(`${h.url}${route}`, {
      method: 'POST',
      headers,
      body: new URLSearchParams(params).toString(),
    });
    return { status: res.status, text: await res.text() };
  }

  async function sentMessage(body: Record<string, unknown>) {
    const res = await h.api('POST', '/v1/reminders', { body });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const id = res.body.messages[0].id as string;
    return waitFor(
      async () => {
        const m = await h.service.store.getMessage(id);
        return m && m.status !== 'queued' && m.status !== 'accepted' && m.status !== 'sending' ? m : undefined;
      },
      { what: `message ${id} settled` },
    );
  }

  const events = async (id: string) => (await h.service.store.listEvents(id)).map((e) => e.type);

  it('creates every SMS and call with status callback URLs under PUBLIC_BASE_URL', async () => {
    const m = await sentMessage(reminderBody({ channel: 'sms' }, { phone: phone() }));
    const req = tw.messages().find((r) => r.form.To === m.to)!;
    expect(req.form.StatusCallback).toBe(`${h.service.config.publicBaseUrl}/webhooks/twilio/message-status?m=${m.id}`);
    const call = await sentMessage(reminderBody({ channel: 'voice' }, { phone: phone() }));
    const creq = tw.calls().find((r) => r.form.To === call.to)!;
    expect(creq.form).toMatchObject({
      StatusCallback: `${h.service.config.publicBaseUrl}/webhooks/twilio/call-status?m=${call.id}`,
      MachineDetection: 'DetectMessageEnd',
      AsyncAmd: 'true',
    });
  });

  it('refuses unsigned and mis-signed callbacks with 403', async () => {
    const m = await sentMessage(reminderBody({ channel: 'sms' }, { phone: phone() }));
    const route = `/webhooks/twilio/message-status?m=${m.id}`;
    const params = { MessageSid: m.providerId!, MessageStatus: 'delivered' };
    expect((await callback(route, params, 'none')).status).toBe(403);
    expect((await callback(route, params, 'wrong')).status).toBe(403);
    expect((await callback(route, { ...params, MessageStatus: 'failed' }, 'valid')).status).toBe(204);
    // A valid signature over other parameters does not carry over.
    const url = `${h.service.config.publicBaseUrl}${route}`;
    const forged = await fetch(`${h.url}${route}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilio.getExpectedTwilioSignature(tw.authToken, url, params),
      },
      body: new URLSearchParams({ ...params, MessageStatus: 'undelivered' }).toString(),
    });
    expect(forged.status).toBe(403);
  });

  it('reads sending → sent → delivered after callbacks arrive as delivered, then sent', async () => {
    const m = await sentMessage(reminderBody({ channel: 'sms' }, { phone: phone() }));
    const route = `/webhooks/twilio/message-status?m=${m.id}`;
    expect((await callback(route, { MessageSid: m.providerId!, MessageStatus: 'delivered' })).status).toBe(204);
    expect((await callback(route, { MessageSid: m.providerId!, MessageStatus: 'sent' })).status).toBe(204);
    expect((await callback(route, { MessageSid: m.providerId!, MessageStatus: 'delivered' })).status).toBe(204); // repeated
    expect(await events(m.id)).toEqual(['accepted', 'queued', 'sending', 'sent', 'delivered']);
    expect((await h.service.store.getMessage(m.id))!.status).toBe('delivered');
  });

  it('blocks calls after an answered call for the profile’s period; a busy call uses no slot', async () => {
    const busyPhone = phone();
    const busy = await sentMessage(reminderBody({ channel: 'voice' }, { id: 'b-busy', phone: busyPhone }));
    await callback(`/webhooks/twilio/call-status?m=${busy.id}`, { CallSid: busy.providerId!, CallStatus: 'busy' });
    expect((await h.service.store.getMessage(busy.id))!.status).toBe('busy');
    const again = await h.api('POST', '/v1/policy/check', { body: { borrowerId: 'b-busy', channel: 'voice' } });
    expect(again.body.allowed).toBe(true); // the one call a day was not used up

    const answered = await sentMessage(reminderBody({ channel: 'voice' }, { id: 'b-talked', phone: phone() }));
    await callback(`/webhooks/twilio/call-status?m=${answered.id}`, {
      CallSid: answered.providerId!,
      CallStatus: 'completed',
      CallDuration: '42',
    });
    expect((await h.service.store.getMessage(answered.id))!.status).toBe('answered');
    const blocked = await h.api('POST', '/v1/policy/check', {
      body: { borrowerId: 'b-talked', channel: 'voice', at: new Date(Date.now() + 3 * 86_400_000).toISOString() },
    });
    expect(blocked.body).toMatchObject({
      allowed: false,
      reasons: [expect.objectContaining({ code: 'conversation-block' })],
    });
  });

  it('leaves the limited-content voicemail when a machine answers', async () => {
    const m = await sentMessage({
      ...reminderBody({ channel: 'voice' }, { phone: phone() }),
      contact: { name: 'Northwind Customer Care', agent: 'Jordan Lee', phone: '+1 800 555 0199' },
    });
    expect(
      (await callback(`/webhooks/twilio/amd?m=${m.id}`, { CallSid: m.providerId!, AnsweredBy: 'machine_end_beep' }))
        .status,
    ).toBe(204);
    const update = tw.requests.find((r) => r.kind === 'call-update' && r.sid === m.providerId)!;
    expect(update.form.Twiml).toContain('Jordan Lee');
    expect(update.form.Twiml).not.toMatch(/debt|payment|\$|120\.50/i);
    const stored = (await h.service.store.getMessage(m.id))!;
    expect(stored.status).toBe('machine');
    expect((await h.service.store.listEvents(m.id)).at(-1)!.data.voicemail).toBe(update.form.Twiml);
  });

  it.each([['stop'], [' STOP '], ['退订'], ['Stop.']])(
    'opts the number out on an inbound %j, and a later reminder to it is suppressed',
    async (body) => {
      const p = phone();
      const borrowerId = `b-stop-${p.slice(-4)}`;
      await h.api('PUT', `/v1/borrowers/${borrowerId}`, {
        body: { phone: p, locale: body === '退订' ? 'zh-CN' : 'en-US' },
      });
      const reply = await callback('/webhooks/twilio/inbound-sms', {
        From: p,
        To: '+15005550006',
        Body: body,
        MessageSid: `SM${p.slice(1).padEnd(32, 'a')}`,
      });
      expect(reply.status).toBe(200);
      expect(reply.text).toMatch(/<Response><Message>[\s\S]+<\/Message><\/Response>/);
      const before = tw.messages().length;
      const res = await h.api('POST', '/v1/reminders', {
        body: reminderBody({ channel: 'sms' }, { id: borrowerId, phone: p }),
      });
      const id = res.body.messages[0].id as string;
      const m = await waitFor(
        async () => {
          const x = await h.service.store.getMessage(id);
          return x?.status === 'suppressed' ? x : undefined;
        },
        { what: 'suppressed' },
      );
      expect((await h.service.store.listEvents(m.id)).at(-1)!.data).toMatchObject({ reason: 'opted-out' });
      expect(tw.messages().length).toBe(before);
      expect(tw.messages().filter((r) => r.form.To === p)).toHaveLength(0);
      expect((await h.service.store.listBorrowerEvents(borrowerId)).map((e) => e.type)).toEqual([
        'inbound.sms',
        'borrower.opted_out',
      ]);
    },
  );

  it('opts back in on START and answers HELP', async () => {
    const p = phone();
    await h.api('PUT', '/v1/borrowers/b-start', { body: { phone: p } });
    await callback('/webhooks/twilio/inbound-sms', { From: p, Body: 'STOP' });
    expect((await h.service.store.getBorrower('b-start'))!.optOuts).toHaveLength(1);
    await callback('/webhooks/twilio/inbound-sms', { From: p, Body: 'start' });
    expect((await h.service.store.getBorrower('b-start'))!.optOuts).toHaveLength(0);
    const help = await callback('/webhooks/twilio/inbound-sms', { From: p, Body: 'HELP' });
    expect(help.text).toContain('For help');
  });

  it('records an opt-out when Twilio refuses with 21610 (recipient unsubscribed)', async () => {
    const p = phone();
    tw.scriptFor(p, { status: 400, code: 21610, message: 'Attempt to send to unsubscribed recipient' });
    const m = await sentMessage(reminderBody({ channel: 'sms' }, { id: 'b-21610', phone: p }));
    expect(m.status).toBe('failed');
    expect((await h.service.store.getBorrower('b-21610'))!.optOuts).toEqual([
      expect.objectContaining({ channel: 'sms' }),
    ]);
  });

  it('sends both List-Unsubscribe headers; one-click POST opts the address out; a tampered token gets 403', async () => {
    const m = await sentMessage(
      reminderBody({ channel: 'email' }, { id: 'b-unsub', email: 'unsub@example.com', locale: 'zh-CN' }),
    );
    const mail = await waitFor(() => smtp.mails.find((x) => x.messageId === `<${m.id}@northwind.example>`), {
      what: 'mail',
    });
    // The raw header lines, as the receiving server got them.
    const raw = (key: string) => mail.headerLines.find((l) => l.key === key)?.line.replace(/^[^:]+:\s*/, '');
    expect(raw('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const link = raw('list-unsubscribe')!.replace(/^<|>$/g, '');
    expect(link).toMatch(/^http.*\/u\/u2\.[\w-]+\.[\w-]+$/);
    const token = link.split('/u/')[1]!;
    expect(link).toBe(`${h.service.config.publicBaseUrl}/u/${token}`);

    const page = await fetch(`${h.url}/u/${token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('退订');
    const tampered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect((await fetch(`${h.url}/u/${tampered}`)).status).toBe(403);
    expect(
      (
        await fetch(`${h.url}/u/${tampered}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'List-Unsubscribe=One-Click',
        })
      ).status,
    ).toBe(403);

    const post = await fetch(`${h.url}/u/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
      redirect: 'manual',
    });
    expect(post.status).toBe(200);
    expect((await h.service.store.getBorrower('b-unsub'))!.optOuts).toEqual([
      expect.objectContaining({ channel: 'email', source: expect.stringContaining('one-click') }),
    ]);
    const again = await fetch(`${h.url}/u/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(again.status).toBe(200); // idempotent
    expect((await h.service.store.getBorrower('b-unsub'))!.optOuts).toHaveLength(1);
  });

  it('POSTs signed outbound events with unique ids to the collection system, retrying failures', async () => {
    const m = await sentMessage(reminderBody({ channel: 'sms' }, { phone: phone() }));
    const got = await waitFor(
      () => receiver.received.find((r) => r.json.data.messageId === m.id && r.json.type === 'message.sent'),
      { what: 'message.sent event', timeoutMs: 30_000 },
    );
    const ts = String(got.headers['x-reminder-timestamp']);
    expect(got.headers['x-reminder-signature']).toBe(
      `v1=${signEvent(derivedEventsSecret(`test-secret-${h.prefix}`, 'default'), ts, got.body)}`,
    );
    const event = JSON.parse(got.body) as { id: string; type: string };
    expect(got.headers['x-reminder-event-id']).toBe(event.id);
    // The first delivery of the file was refused with a 500, and that same event (same id, same
    // content) came again later and was taken.
    expect(receiver.refusalsLeft()).toBe(0);
    expect(receiver.refused).toHaveLength(1);
    const refused = receiver.refused[0]!;
    const redelivered = await waitFor(() => receiver.received.find((r) => r.json.id === refused.json.id), {
      what: `the refused event ${refused.json.id} to be delivered again`,
      timeoutMs: 30_000,
    });
    expect(redelivered.json).toEqual(refused.json);
    expect(redelivered.headers['x-reminder-event-id']).toBe(refused.json.id);
    // Every delivery is signed, and each event arrived once.
    for (const r of receiver.received) {
      expect(r.headers['x-reminder-signature'], r.json.id).toBe(
        `v1=${signEvent(derivedEventsSecret(`test-secret-${h.prefix}`, 'default'), String(r.headers['x-reminder-timestamp']), r.body)}`,
      );
      expect(r.headers['x-reminder-event-id']).toBe(r.json.id);
    }
    const ids = receiver.received.map((r) => r.json.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(receiver.received.some((r) => r.json.type === 'borrower.opted_out')).toBe(true);
  });
});

describe('a Twilio outage', () => {
  it(
    'loses and fails nothing: the breaker opens, and all 200 are sent once Twilio is back',
    { timeout: 180_000 },
    async () => {
      const port = await freePort();
      let tw = await startFakeTwilio({ port });
      const creds = { accountSid: tw.accountSid, authToken: tw.authToken };
      await tw.close(); // down: connection refused
      const h = await startHarness({
        db: sqliteOnly,
        env: {
          TWILIO_ACCOUNT_SID: creds.accountSid,
          TWILIO_AUTH_TOKEN: creds.authToken,
          TWILIO_FROM: '+15005550006',
          TWILIO_API_BASE_URL: `http://127.0.0.1:${port}`,
          BREAKER_FAILURES: '5',
          BREAKER_OPEN_MS: '2000',
          RETRY_ATTEMPTS: '5',
          WORKER_CONCURRENCY: '10',
        },
      });
      try {
        const reminders = Array.from({ length: 200 }, (_, i) =>
          reminderBody(
            { channel: 'sms', externalId: `outage-${i}` },
            { id: `b-outage-${i}`, phone: `+1415555${String(8000 + i).padStart(4, '0')}` },
          ),
        );
        const res = await h.api('POST', '/v1/reminders/batch', { body: { reminders } });
        expect(res.body.accepted).toBe(200);
        await waitFor(
          async () =>
            ((await fetch(`${h.url}/readyz`).then((r) => r.json())) as { providers: Record<string, string> }).providers[
              'twilio-sms'
            ] !== 'closed' || undefined,
          {
            what: 'the breaker to open',
          },
        );
        const metrics = await fetch(`${h.url}/metrics`).then((r) => r.text());
        expect(metrics).toMatch(/provider_circuit_state\{provider="twilio-sms"\} [12]/);
        // The outage itself: wait until the provider has been tried (first failures, then the
        // breaker's probes) more times than a message has attempts, so a design that spent an
        // attempt per try would have failed messages by now.
        const db = h.service.store.db;
        const tries = async () =>
          Number(
            (
              await db
                .selectFrom('events')
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .where('type', '=', 'sending')
                .executeTakeFirstOrThrow()
            ).n,
          );
        await waitFor(async () => (await tries()) >= 5 + 5 + 2 || undefined, {
          timeoutMs: 60_000,
          intervalMs: 250,
          what: 'more tries than a message has attempts',
        });
        expect((await db.selectFrom('messages').select('id').where('status', '=', 'failed').execute()).length).toBe(0);

        tw = await startFakeTwilio({ port, ...creds }); // back
        await waitFor(
          async () =>
            (await db.selectFrom('messages').select('id').where('status', '=', 'sent').execute()).length === 200 ||
            undefined,
          {
            timeoutMs: 120_000,
            intervalMs: 250,
            what: 'all 200 sent',
          },
        );
        const perNumber = new Map<string, number>();
        for (const r of tw.messages()) perNumber.set(r.form.To!, (perNumber.get(r.form.To!) ?? 0) + 1);
        expect(perNumber.size).toBe(200);
        expect([...perNumber.values()].every((n) => n === 1)).toBe(true);
        expect((await db.selectFrom('messages').select('id').where('status', '=', 'failed').execute()).length).toBe(0);
      } finally {
        await h.destroy();
        await tw.close();
      }
    },
  );
});
