/**
 * A reminder posted over HTTP reaches a real provider protocol: the twilio SDK against a local
 * fake Twilio (SMS and voice), and nodemailer against a real SMTP server. Runs on SQLite and,
 * when TEST_DATABASE_URL is set, on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRenderer } from '../../src/templates/render.js';
import { loadCatalogue } from '../../src/templates/catalogue.js';
import { providerEnv, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { dbVariants, reminderBody, startHarness, type Harness } from '../support/harness.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { waitFor } from '../support/wait.js';

const render = makeRenderer(loadCatalogue('templates'));

describe.each(dbVariants())('pipeline on $name', (variant) => {
  let twilio: FakeTwilio;
  let smtp: SmtpSink;
  let h: Harness;

  beforeAll(async () => {
    twilio = await startFakeTwilio();
    smtp = await startSmtpSink();
    h = await startHarness({
      db: variant,
      env: {
        ...providerEnv(twilio, smtp),
      },
    });
  });

  afterAll(async () => {
    await h?.destroy();
    await twilio?.close();
    await smtp?.close();
  });

  async function post(body: Record<string, unknown>) {
    const res = await h.api('POST', '/v1/reminders', { body });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    return res.body as { id: string; messages: { id: string }[] };
  }

  /** No job of the channel's queue is waiting, delayed, prioritised or running. */
  async function drained(channel: 'sms' | 'voice' | 'email') {
    await waitFor(
      async () => {
        const c = await h.service.queues.byChannel[channel].getJobCounts(
          'waiting',
          'active',
          'delayed',
          'prioritized',
          'waiting-children',
        );
        return Object.values(c).every((n) => n === 0) || undefined;
      },
      { what: `the ${channel} queue to drain` },
    );
  }

  async function settled(reminderId: string, status = 'sent') {
    return waitFor(
      async () => {
        const r = await h.api('GET', `/v1/reminders/${reminderId}`, { role: 'compliance' });
        const m = r.body.messages[0];
        return m.status === status ? m : undefined;
      },
      { what: `message of ${reminderId} to be ${status}` },
    );
  }

  it('sends an SMS through the twilio SDK with the rendered body and records accepted → queued → sending → sent', async () => {
    const body = reminderBody({ channel: 'sms' }, { phone: '+14155550101' });
    const reminder = await post(body);
    const message = await settled(reminder.id);

    const got = twilio.messages().filter((r) => r.form.To === '+14155550101');
    expect(got).toHaveLength(1);
    const expected = render({
      key: 'gentle-overdue',
      channel: 'sms',
      locale: 'en-US',
      timezone: 'America/New_York',
      data: { borrower: { name: 'Alex Chen' }, debt: { ...body.debt, minimumPayment: null } },
    });
    expect(got[0]!.form).toMatchObject({ To: '+14155550101', From: '+15005550006', Body: expected.body });
    expect(got[0]!.accountSid).toBe(twilio.accountSid);

    const stored = await h.service.store.getMessage(message.id);
    expect(stored).toMatchObject({
      status: 'sent',
      body: expected.body,
      templateVersion: expected.version,
      provider: 'twilio',
      attempts: 1,
    });
    expect(stored!.providerId).toMatch(/^SM[0-9a-f]{32}$/);
    const events = await h.service.store.listEvents(message.id);
    expect(events.map((e) => e.type)).toEqual(['accepted', 'queued', 'sending', 'sent']);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(events[1]!.prevHash).toBe(events[0]!.hash);
  });

  it('sends an email to a real SMTP server with subject, text and HTML parts and a Message-ID from the message id', async () => {
    const body = reminderBody(
      { channel: 'email' },
      { email: 'mei.lin@example.com', name: '林美', locale: 'zh-CN', timezone: 'Asia/Shanghai' },
    );
    const reminder = await post(body);
    const message = await settled(reminder.id);

    const mail = await waitFor(() => smtp.mails.find((m) => m.messageId === `<${message.id}@northwind.example>`), {
      what: 'the mail',
    });
    const expected = render({
      key: 'gentle-overdue',
      channel: 'email',
      locale: 'zh-CN',
      timezone: 'Asia/Shanghai',
      data: { borrower: { name: '林美' }, debt: { ...body.debt, minimumPayment: null } },
    });
    expect(mail.subject).toBe(expected.subject);
    expect(mail.subject).toContain('Northwind Bank');
    expect(mail.text?.trim()).toBe(expected.text);
    expect(mail.html).toBe(expected.html);
    expect(mail.html).toContain('<a href="https://pay.example.com/a/1234">');
    expect((mail.to as { text: string }).text).toBe('mei.lin@example.com');

    const stored = await h.service.store.getMessage(message.id);
    expect(stored).toMatchObject({ subject: expected.subject, body: expected.text, locale: 'zh-CN', provider: 'smtp' });
    const events = await h.service.store.listEvents(message.id);
    expect(events.map((e) => e.type)).toEqual(['accepted', 'queued', 'sending', 'sent']);
  });

  it('places a call whose TwiML <Say> carries the rendered script with a language attribute', async () => {
    const body = reminderBody({ channel: 'voice' }, { phone: '+14155550102', locale: 'zh-CN', name: '陈明' });
    const reminder = await post(body);
    const message = await settled(reminder.id);

    const calls = twilio.calls().filter((c) => c.form.To === '+14155550102');
    expect(calls).toHaveLength(1);
    const twiml = calls[0]!.form.Twiml!;
    expect(twiml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?><Response><Say language="cmn-CN">陈明您好，这里是Northwind Bank/,
    );
    expect(twiml).toContain('尾号1234');
    const stored = await h.service.store.getMessage(message.id);
    expect(stored!.body).toBe(twiml);
    expect(stored!.providerId).toMatch(/^CA[0-9a-f]{32}$/);
    const events = await h.service.store.listEvents(message.id);
    expect(events.map((e) => e.type)).toEqual(['accepted', 'queued', 'sending', 'sent']);
  });

  it('creates one reminder and sends once when the same externalId is posted 5 times at once', async () => {
    const body = reminderBody({ channel: 'sms' }, { phone: '+14155550103' });
    const results = await Promise.all(Array.from({ length: 5 }, () => h.api('POST', '/v1/reminders', { body })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 202]);
    const ids = new Set(results.map((r) => r.body.id));
    expect(ids.size).toBe(1);
    await settled([...ids][0]);
    // A sixth, later repeat also returns the original and sends nothing.
    const again = await h.api('POST', '/v1/reminders', { body });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe([...ids][0]);
    expect(again.body.messages[0].status).toBe('sent');
    // Counted once nothing is left to run: no job waiting, delayed or active in the SMS queue.
    await drained('sms');
    expect(twilio.messages().filter((r) => r.form.To === '+14155550103')).toHaveLength(1);
    expect(again.body.messages).toHaveLength(1);
    expect(
      (await h.service.store.listEvents(again.body.messages[0].id)).filter((e) => e.type === 'sending'),
    ).toHaveLength(1);
  });

  it('treats the Idempotency-Key header like externalId, and the same key with another body as a 409', async () => {
    const key = `idem-${Date.now()}`;
    const { externalId: _drop, ...body } = reminderBody({ channel: 'sms' }, { phone: '+14155550104' });
    const first = await h.api('POST', '/v1/reminders', { body, headers: { 'idempotency-key': key } });
    expect(first.status).toBe(202);
    const repeat = await h.api('POST', '/v1/reminders', { body, headers: { 'idempotency-key': key } });
    expect(repeat.status).toBe(200);
    expect(repeat.body.id).toBe(first.body.id);
    const changed = await h.api('POST', '/v1/reminders', {
      body: { ...body, debt: { ...body.debt, amountDue: { amount: '999.00', currency: 'USD' } } },
      headers: { 'idempotency-key': key },
    });
    expect(changed.status).toBe(409);
    expect(changed.headers.get('content-type')).toContain('application/problem+json');
    expect(changed.body).toMatchObject({ status: 409, reminderId: first.body.id });
  });

  it('retries a provider that answers 500 twice and ends sent after 3 attempts', async () => {
    twilio.scriptFor('+14155550105', { status: 500, code: 20500 }, { status: 500, code: 20500 });
    const reminder = await post(reminderBody({ channel: 'sms' }, { phone: '+14155550105' }));
    const message = await settled(reminder.id);
    expect(message.attempts).toBe(3);
    expect(twilio.messages().filter((r) => r.form.To === '+14155550105')).toHaveLength(3);
    const events = await h.service.store.listEvents(message.id);
    expect(events.map((e) => e.type)).toEqual([
      'accepted',
      'queued',
      'sending',
      'retry-scheduled',
      'sending',
      'retry-scheduled',
      'sending',
      'sent',
    ]);
    expect(events[3]!.data).toMatchObject({ code: '20500' });
    expect(message.error).toBeNull();
  });

  it('fails after one attempt when Twilio answers 400 with code 21211 (invalid number), recording the code', async () => {
    twilio.scriptFor('+14155550106', {
      status: 400,
      code: 21211,
      message: "The 'To' number +14155550106 is not a valid phone number.",
    });
    const reminder = await post(reminderBody({ channel: 'sms' }, { phone: '+14155550106' }));
    const message = await settled(reminder.id, 'failed');
    expect(message.attempts).toBe(1);
    expect(message.error.code).toBe('21211');
    expect(message.error.message).toContain('invalid "To" phone number');
    expect(twilio.messages().filter((r) => r.form.To === '+14155550106')).toHaveLength(1);
    const events = await h.service.store.listEvents(message.id);
    expect(events.map((e) => e.type)).toEqual(['accepted', 'queued', 'sending', 'failed']);
    expect(events[3]!.data).toMatchObject({ code: '21211', permanent: true });
  });

  it('fails an email the SMTP server refuses with a 5xx after one attempt, and retries a 4xx', async () => {
    smtp.refuseNext(550);
    const refused = await post(reminderBody({ channel: 'email' }, { email: 'refused@example.com' }));
    const failed = await settled(refused.id, 'failed');
    expect(failed).toMatchObject({ attempts: 1, error: { code: 'smtp-550' } });

    smtp.refuseNext(451);
    const later = await post(reminderBody({ channel: 'email' }, { email: 'greylisted@example.com' }));
    const sent = await settled(later.id);
    expect(sent.attempts).toBe(2);
  });

  it('cancels a reminder that has not been sent yet, and nothing reaches the provider', async () => {
    // Due in two seconds: had the cancel not stopped it, it would go before the control below.
    const sendAt = new Date(Date.now() + 2_000).toISOString();
    const reminder = await post(reminderBody({ channel: 'sms', sendAt }, { phone: '+14155550107' }));
    const del = await h.api('DELETE', `/v1/reminders/${reminder.id}`);
    expect(del.status).toBe(200);
    expect(del.body.status).toBe('cancelled');
    expect(del.body.cancelled).toEqual([reminder.messages[0]!.id]);
    // A control reminder due just after it: once the control has reached Twilio and the queue is
    // empty, the cancelled one's time has passed too.
    const control = await post(
      reminderBody(
        { channel: 'sms', sendAt: new Date(Date.parse(sendAt) + 300).toISOString() },
        { phone: '+14155550117' },
      ),
    );
    await settled(control.id);
    await drained('sms');
    expect(twilio.messages().filter((r) => r.form.To === '+14155550117')).toHaveLength(1);
    expect(twilio.messages().filter((r) => r.form.To === '+14155550107')).toHaveLength(0);
    expect(await h.service.queues.byChannel.sms.getJob(reminder.messages[0]!.id)).toBeUndefined();
    expect((await h.service.store.getMessage(reminder.messages[0]!.id))!.status).toBe('cancelled');
    const events = await h.service.store.listEvents(reminder.messages[0]!.id);
    expect(events.map((e) => e.type)).toEqual(['accepted', 'queued', 'cancelled']);
  });

  it('shows the reminder with its messages and their events to agents and compliance', async () => {
    const reminder = await post(reminderBody({ channel: 'sms' }, { phone: '+14155550108' }));
    await settled(reminder.id);
    const got = await h.api('GET', `/v1/reminders/${reminder.id}`, { role: 'agent' });
    expect(got.status).toBe(200);
    expect(got.body.messages[0].events.map((e: { type: string }) => e.type)).toEqual([
      'accepted',
      'queued',
      'sending',
      'sent',
    ]);
    expect(got.body.status).toBe('sent');
  });
});
