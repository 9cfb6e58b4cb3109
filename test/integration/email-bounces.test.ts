/**
 * Email bounces, with real SMTP servers on both sides: a reminder email goes out through the real
 * SMTP sink with its own envelope sender (`bounces+<token>@`, VERP); a delivery status
 * notification (RFC 3464, as a receiving MTA writes it) comes back over SMTP to the service's
 * receiver, addressed to that envelope sender with a null sender; the message and the address
 * change as the report says. A relay's signed JSON webhook does the same. Out-of-office answers
 * are replies, and what names no message of ours that was sent changes nothing.
 */
import { randomBytes } from 'node:crypto';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerEnv, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { dbVariants, reminderBody, startHarness, type Harness } from '../support/harness.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { waitFor } from '../support/wait.js';
import { signatureOf } from '../../src/http/webhooks/inbound-mail.routes.js';
import { makeBounceAddresses } from '../../src/http/webhooks/bounce-address.js';

const DOMAIN = 'replies.northwind.example';
const BOUNCES = 'bounces.northwind.example';
const SECRET = 'relay-secret-for-tests';
const VERP = /^bounces\+[a-z2-7-]+@bounces\.northwind\.example$/;

/** A DSN as a receiving MTA (Postfix) writes it: a human part, the delivery-status part, the original headers. */
function dsn(o: {
  to: string;
  recipient: string;
  status: string;
  action: string;
  diagnostic?: string;
  statusPart?: string;
}): string {
  const boundary = `b-${randomBytes(6).toString('hex')}`;
  const statusPart =
    o.statusPart ??
    [
      'Reporting-MTA: dns; mx.example.com',
      'Arrival-Date: Sun, 6 Dec 2026 10:00:00 +0000',
      '',
      `Final-Recipient: rfc822; ${o.recipient}`,
      `Original-Recipient: rfc822;${o.recipient}`,
      `Action: ${o.action}`,
      `Status: ${o.status}`,
      'Remote-MTA: dns; mx.example.com',
      ...(o.diagnostic ? [`Diagnostic-Code: smtp; ${o.diagnostic}`] : []),
    ].join('\r\n');
  return [
    'From: MAILER-DAEMON@mx.example.com (Mail Delivery System)',
    `To: ${o.to}`,
    'Subject: Undelivered Mail Returned to Sender',
    `Message-ID: <${randomBytes(8).toString('hex')}@mx.example.com>`,
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=us-ascii',
    '',
    `This is the mail system at host mx.example.com. I'm sorry to have to inform you that your message could not be delivered to ${o.recipient}.`,
    '',
    `--${boundary}`,
    'Content-Type: message/delivery-status',
    '',
    statusPart,
    '',
    `--${boundary}`,
    'Content-Type: text/rfc822-headers',
    '',
    'From: Northwind Bank <reminders@northwind.example>',
    'Subject: Your payment reminder',
    '',
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

describe.each(dbVariants())('email bounces on $name', (variant) => {
  let tw: FakeTwilio;
  let sink: SmtpSink;
  let h: Harness;
  let seq = 0;
  const tag = randomBytes(3).toString('hex');
  const borrower = () => {
    const n = seq++;
    return {
      id: `b-bounce-${tag}-${n}`,
      email: `kim.${tag}.${n}@example.com`,
      phone: `+1415555${String(7000 + n).padStart(4, '0')}`,
    };
  };

  beforeAll(async () => {
    tw = await startFakeTwilio();
    sink = await startSmtpSink();
    h = await startHarness({
      db: variant,
      env: {
        ...providerEnv(tw, sink),
        INBOUND_MAIL_DOMAIN: DOMAIN,
        BOUNCE_DOMAIN: BOUNCES,
        INBOUND_SMTP_PORT: '0',
        INBOUND_MAIL_SECRET: SECRET,
        SOFT_BOUNCE_LIMIT: '2',
      },
    });
    expect(h.service.inboundSmtpPort).toBeGreaterThan(0);
  });
  afterAll(async () => {
    await h?.destroy();
    await tw?.close();
    await sink?.close();
  });

  /** A reminder; resolves when its message has settled (sent, suppressed…). */
  async function remind(b: { id: string; email: string; phone: string }, over: Record<string, unknown> = {}) {
    const res = await h.api('POST', '/v1/reminders', {
      body: reminderBody({ channel: 'email', ...over }, { id: b.id, email: b.email, phone: b.phone }),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const id = res.body.messages[0].id as string;
    return waitFor(
      async () => {
        const m = await h.service.store.getMessage(id);
        return m && !['accepted', 'queued', 'sending', 'deferred'].includes(m.status) ? m : undefined;
      },
      { what: `message ${id} settled` },
    );
  }

  /** An email reminder that went out; its envelope sender (VERP) and Reply-To as the sink received them. */
  async function sent(b: { id: string; email: string; phone: string }) {
    const m = await remind(b);
    expect(m.status).toBe('sent');
    const i = await waitFor(
      () => {
        const at = sink.mails.findIndex((x) => x.messageId === `<${m.id}@northwind.example>`);
        return at < 0 ? undefined : at;
      },
      { what: 'the reminder email at the sink' },
    );
    const verp = sink.envelopes[i]!.from;
    expect(verp).toMatch(VERP);
    // The From the borrower sees is the tenant's, as before.
    expect(sink.mails[i]!.from?.value[0]?.address).toBe('reminders@northwind.example');
    return { messageId: m.id, verp, replyTo: sink.mails[i]!.replyTo?.value[0]?.address ?? '' };
  }

  /** Mail to the service's SMTP receiver, with the envelope given (a bounce's sender is null). */
  async function deliver(raw: string, envelope: { from: string; to: string }) {
    const t = nodemailer.createTransport({
      host: '127.0.0.1',
      port: h.service.inboundSmtpPort!,
      secure: false,
      ignoreTLS: true,
      connectionTimeout: 5_000,
    });
    try {
      return await t.sendMail({ envelope, raw });
    } finally {
      t.close();
    }
  }
  const bounce = (verp: string, b: { email: string }, status: string, action: string, diagnostic?: string) =>
    deliver(dsn({ to: verp, recipient: b.email, status, action, ...(diagnostic ? { diagnostic } : {}) }), {
      from: '',
      to: verp,
    });
  const refusal = async (send: Promise<unknown>) => {
    const err = (await send.then(
      () => undefined,
      (e: unknown) => e,
    )) as { responseCode?: number; rejectedErrors?: Array<{ responseCode?: number }> } | undefined;
    expect(err, 'the mail was refused').toBeDefined();
    return err!.responseCode ?? err!.rejectedErrors?.[0]?.responseCode;
  };
  const bouncesOf = async (messageId: string) =>
    (await h.service.store.listEvents(messageId)).filter((e) => e.type === 'email.bounced');
  const suppressed = async (address: string) =>
    (await h.api('GET', `/v1/opt-outs?address=${encodeURIComponent(address)}`, { role: 'agent' })).body;

  it('a 5.1.1 DSN makes the email undelivered, with its status and diagnostic, and suppresses the address', async () => {
    const b = borrower();
    const { messageId, verp } = await sent(b);
    await bounce(verp, b, '5.1.1', 'failed', `550 5.1.1 <${b.email}>: Recipient address rejected: User unknown`);
    const m = (await h.service.store.getMessage(messageId))!;
    expect(m.status).toBe('undelivered');
    expect(m.error).toMatchObject({ code: '5.1.1' });
    const [event] = await bouncesOf(messageId);
    expect(event!.data).toMatchObject({ status: '5.1.1', hard: true, action: 'failed', via: 'smtp' });
    // The diagnostic is kept without the address it quotes (the event is hashed and outlives retention).
    expect(event!.data.diagnostic).toContain('Recipient address rejected');
    expect(JSON.stringify(event!.data)).not.toContain(b.email);
    expect((await h.service.store.listEvents(messageId)).at(-1)!.type).toBe('undelivered');
    expect(await suppressed(b.email)).toMatchObject({
      suppressed: true,
      channels: [expect.objectContaining({ channel: 'email', source: 'hard-bounce' })],
    });
    expect((await remind(b)).status).toBe('suppressed');
    // Texts to the borrower still go: only the email address cannot be reached.
    expect((await remind(b, { channel: 'sms' })).status).toBe('sent');
  });

  it('a hard bounce is learned about the address, and an email with fallback ["sms"] is texted instead, once', async () => {
    const b = borrower();
    const res = await h.api('POST', '/v1/reminders', {
      body: reminderBody({ channel: 'email', fallback: ['sms'] }, { id: b.id, email: b.email, phone: b.phone }),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const id = res.body.messages[0].id as string;
    await waitFor(async () => ((await h.service.store.getMessage(id))?.status === 'sent' ? true : undefined), {
      what: 'the email sent',
    });
    const i = sink.mails.findIndex((x) => x.messageId === `<${id}@northwind.example>`);
    const verp = sink.envelopes[i]!.from;
    await bounce(verp, b, '5.1.1', 'failed', '550 5.1.1 User unknown');
    await waitFor(() => tw.messages().some((m) => m.form.To === b.phone) || undefined, { what: 'the fallback text' });
    const facts = await h.service.store.addressFacts.of('default', [b.email]);
    expect(facts).toEqual([expect.objectContaining({ fact: 'hard-bounce', code: 'smtp-5.1.1', messageId: id })]);
    const taken = (await h.service.store.listBorrowerEvents(b.id)).filter((e) => e.type === 'fallback.taken');
    expect(taken).toEqual([expect.objectContaining({ data: expect.objectContaining({ from: id, channel: 'sms' }) })]);
    expect(tw.messages().filter((m) => m.form.To === b.phone)).toHaveLength(1);
  });

  it('a 4.2.2 DSN is recorded and the email still counts as sent; the address is not suppressed', async () => {
    const b = borrower();
    const { messageId, verp } = await sent(b);
    await bounce(verp, b, '4.2.2', 'delayed', '452 4.2.2 Mailbox full');
    const [event] = await bouncesOf(messageId);
    expect(event!.data).toMatchObject({ status: '4.2.2', hard: false, action: 'delayed' });
    const m = (await h.service.store.getMessage(messageId))!;
    expect(m.status).toBe('sent');
    expect(m.error).toMatchObject({ code: '4.2.2' });
    expect((await suppressed(b.email)).suppressed).toBe(false);
    expect((await remind(b)).status).toBe('sent');
  });

  it('SOFT_BOUNCE_LIMIT messages soft-bouncing in a row suppress the address; a delivery starts the count again', async () => {
    const b = borrower();
    const first = await sent(b);
    await bounce(first.verp, b, '4.2.2', 'delayed');
    // A second delay notice about the same message is not a second message bouncing.
    await bounce(first.verp, b, '4.4.1', 'delayed');
    const second = await sent(b);
    await bounce(second.verp, b, '2.0.0', 'delivered');
    const third = await sent(b);
    await bounce(third.verp, b, '4.2.2', 'delayed');
    expect((await suppressed(b.email)).suppressed).toBe(false);
    const fourth = await sent(b);
    await bounce(fourth.verp, b, '4.2.2', 'failed', '452 4.2.2 Mailbox full');
    expect(await suppressed(b.email)).toMatchObject({
      suppressed: true,
      channels: [expect.objectContaining({ source: 'soft-bounces' })],
    });
    expect((await h.service.store.getMessage(fourth.messageId))!.status).toBe('sent');
    expect((await remind(b)).status).toBe('suppressed');
  });

  it('an out-of-office answer to the bounce address or the Reply-To is a reply, never a bounce', async () => {
    const b = borrower();
    const { messageId, verp, replyTo } = await sent(b);
    for (const to of [verp, replyTo]) {
      const ooo = [
        `From: ${b.email}`,
        `To: ${to}`,
        'Subject: Automatic reply: Your payment reminder',
        `Message-ID: <${randomBytes(8).toString('hex')}@example.com>`,
        'Auto-Submitted: auto-replied',
        'X-Autoreply: yes',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'I am out of the office until Monday 14 December with no access to email.',
        '',
      ].join('\r\n');
      await deliver(ooo, { from: b.email, to });
    }
    expect(await bouncesOf(messageId)).toEqual([]);
    expect((await h.service.store.getMessage(messageId))!.status).toBe('sent');
    const replies = (await h.service.store.listBorrowerEvents(b.id)).filter((e) => e.type === 'inbound.email');
    expect(replies).toHaveLength(2);
    expect(replies.map((e) => e.data.messageId)).toEqual([messageId, messageId]);
    expect((await suppressed(b.email)).suppressed).toBe(false);
    expect((await remind(b)).status).toBe('sent');
  });

  it('refuses a forged envelope, a malformed DSN and a bounce for a message never sent, and changes nothing', async () => {
    const b = borrower();
    const { messageId, verp } = await sent(b);
    const before = (await h.service.store.listEvents(messageId)).length;
    const [local, domain] = verp.split('@') as [string, string];
    const forged = `${local.slice(0, -1)}${local.at(-1) === 'a' ? 'b' : 'a'}@${domain}`;
    // Signed with the service's key, for another tenant than the message's.
    const ours = makeBounceAddresses({ secret: `test-secret-${h.prefix}`, domain: BOUNCES });
    expect(ours.addressOf(messageId, 'default')).toBe(verp);
    for (const to of [forged, ours.addressOf(messageId, 'acme'), `bounces+abc@${BOUNCES}`])
      expect(await refusal(bounce(to, b, '5.1.1', 'failed')), to).toBe(550);
    const malformed = dsn({
      to: verp,
      recipient: b.email,
      status: '',
      action: '',
      statusPart: 'this is not a field\r\n',
    });
    expect(await refusal(deliver(malformed, { from: '', to: verp }))).toBe(550);
    const noStatus = dsn({ to: verp, recipient: b.email, status: 'failed', action: 'failed' });
    expect(await refusal(deliver(noStatus, { from: '', to: verp }))).toBe(550);
    // A message that was never sent: scheduled for next month.
    const later = await remind(b, { sendAt: new Date(Date.now() + 30 * 86_400_000).toISOString() });
    expect(later.status).toBe('scheduled');
    expect(await refusal(bounce(ours.addressOf(later.id, 'default'), b, '5.1.1', 'failed'))).toBe(550);
    expect((await h.service.store.getMessage(later.id))!.status).toBe('scheduled');
    expect(await h.service.store.listEvents(messageId)).toHaveLength(before);
    expect((await h.service.store.getMessage(messageId))!.status).toBe('sent');
    expect((await suppressed(b.email)).suppressed).toBe(false);
    const metrics = await (await fetch(`${h.url}/metrics`)).text();
    for (const reason of ['bad-signature', 'malformed-dsn', 'never-sent'])
      expect(metrics).toMatch(new RegExp(`inbound_mail_refused_total\\{via="smtp",reason="${reason}"\\} [1-9]`));
  });

  describe('POST /webhooks/email-bounces', () => {
    const post = (body: unknown, secret: string | null = SECRET) => {
      const raw = Buffer.from(JSON.stringify(body));
      return fetch(`${h.url}/webhooks/email-bounces`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(secret ? { 'x-signature': signatureOf(secret, raw) } : {}) },
        body: new Uint8Array(raw),
      });
    };

    it('takes a signed 5.1.1 naming the Message-ID: undelivered and suppressed, a retry handled once', async () => {
      const b = borrower();
      const { messageId } = await sent(b);
      const report = {
        type: 'bounce',
        messageId: `<${messageId}@northwind.example>`,
        status: '5.1.1',
        diagnostic: '550 5.1.1 user unknown',
        eventId: `evt-${tag}-1`,
      };
      const res = await post(report);
      expect(res.status).toBe(202);
      expect(await res.json()).toMatchObject({ result: 'bounced', hard: true, suppressed: true });
      expect((await h.service.store.getMessage(messageId))!.status).toBe('undelivered');
      expect((await post(report)).status).toBe(202);
      expect(await bouncesOf(messageId)).toHaveLength(1);
      expect((await bouncesOf(messageId))[0]!.data).toMatchObject({ via: 'http', hard: true });
      expect((await suppressed(b.email)).suppressed).toBe(true);
    });

    it('takes a soft bounce naming the envelope sender (verp)', async () => {
      const b = borrower();
      const { messageId, verp } = await sent(b);
      const res = await post({ type: 'bounce', verp, status: '4.2.2', action: 'delayed' });
      expect(res.status).toBe(202);
      expect(await res.json()).toMatchObject({ result: 'bounced', hard: false, softInRow: 1 });
      expect((await h.service.store.getMessage(messageId))!.status).toBe('sent');
    });

    it('refuses a bad signature (403), a report it cannot read (400, naming the field) and one naming nothing of ours (422)', async () => {
      const b = borrower();
      const { messageId } = await sent(b);
      const good = { type: 'bounce', messageId, status: '5.1.1' };
      expect((await post(good, null)).status).toBe(403);
      expect((await post(good, 'another-secret')).status).toBe(403);
      const unreadable = await post({ type: 'bounce', messageId });
      expect(unreadable.status).toBe(400);
      expect(unreadable.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect((await unreadable.json()).errors).toEqual([expect.objectContaining({ path: 'status' })]);
      expect((await post({ ...good, messageId: 'msg_nosuchmessage' })).status).toBe(422);
      expect((await post({ type: 'bounce', verp: `bounces+abc@${BOUNCES}`, status: '5.1.1' })).status).toBe(422);
      expect(await bouncesOf(messageId)).toEqual([]);
      expect((await h.service.store.getMessage(messageId))!.status).toBe('sent');
    });
  });
});
