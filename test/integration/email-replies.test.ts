/**
 * Borrowers' email replies, with real parts: a reminder email goes out through the real SMTP sink
 * with its own `reply+<token>@` Reply-To; nodemailer answers it to the service's SMTP receiver (or
 * a relay POSTs the raw mail, signed); the reply is understood and acted on as an SMS reply is,
 * and the next reminder shows what changed. Mail that maps to nothing is refused and touches no
 * borrower.
 */
import { randomBytes } from 'node:crypto';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerEnv, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { dbVariants, reminderBody, startHarness, type Harness } from '../support/harness.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { waitFor } from '../support/wait.js';
import { signatureOf } from '../../src/http/webhooks/inbound-mail.routes.js';
import { makeReplyAddresses } from '../../src/http/webhooks/reply-address.js';

const DOMAIN = 'replies.northwind.example';
const SECRET = 'relay-secret-for-tests';
const REPLY_TO = /^reply\+[a-z2-7-]+@replies\.northwind\.example$/;

describe.each(dbVariants())('email replies on $name', (variant) => {
  let tw: FakeTwilio;
  let sink: SmtpSink;
  let h: Harness;
  let seq = 0;
  const tag = randomBytes(3).toString('hex');
  const borrower = () => {
    const n = seq++;
    return {
      id: `b-mail-${tag}-${n}`,
      email: `alex.${tag}.${n}@example.com`,
      phone: `+1415555${String(6000 + n).padStart(4, '0')}`,
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
        INBOUND_SMTP_PORT: '0',
        INBOUND_MAIL_SECRET: SECRET,
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
  async function remind(b: { id: string; email: string; phone: string }, channel: 'email' | 'sms') {
    const res = await h.api('POST', '/v1/reminders', {
      body: reminderBody({ channel }, { id: b.id, email: b.email, phone: b.phone }),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const id = res.body.messages[0].id as string;
    return waitFor(
      async () => {
        const m = await h.service.store.getMessage(id);
        return m && !['accepted', 'queued', 'sending', 'scheduled', 'deferred'].includes(m.status) ? m : undefined;
      },
      { what: `message ${id} settled` },
    );
  }

  /** An email reminder that went out; its Reply-To as the sink received it. */
  async function replyAddressOf(b: { id: string; email: string; phone: string }) {
    const m = await remind(b, 'email');
    expect(m.status).toBe('sent');
    const mail = await waitFor(() => sink.mails.find((x) => x.messageId === `<${m.id}@northwind.example>`), {
      what: 'the reminder email at the sink',
    });
    const replyTo = mail.replyTo?.value[0]?.address ?? '';
    expect(replyTo).toMatch(REPLY_TO);
    return { replyTo, mail, messageId: m.id };
  }

  function client() {
    return nodemailer.createTransport({
      host: '127.0.0.1',
      port: h.service.inboundSmtpPort!,
      secure: false,
      ignoreTLS: true,
      connectionTimeout: 5_000,
    });
  }

  /** A borrower's answer, as their mail client sends it: the words, then the reminder quoted. */
  async function answer(from: string, to: string, words: string, quoted = 'To stop texts, reply STOP.') {
    const transport = client();
    try {
      return await transport.sendMail({
        from,
        to,
        subject: 'Re: Your payment reminder',
        text: `${words}\n\nOn Mon, Dec 1, 2026 at 10:00 AM Northwind Bank <reminders@northwind.example> wrote:\n> ${quoted}\n`,
      });
    } finally {
      transport.close();
    }
  }

  async function refusal(send: Promise<unknown>) {
    const err = (await send.then(
      () => undefined,
      (e: unknown) => e,
    )) as { responseCode?: number; rejectedErrors?: Array<{ responseCode?: number }> } | undefined;
    expect(err, 'the mail was refused').toBeDefined();
    return err!.responseCode ?? err!.rejectedErrors?.[0]?.responseCode;
  }

  const events = (id: string) => h.service.store.listBorrowerEvents(id);

  it.each([['Please unsubscribe me from these emails'], ['请不要再发邮件了']])(
    'stops emailing a borrower who wrote %j, without reading the quoted "reply STOP" as theirs',
    async (words) => {
      const b = borrower();
      const { replyTo, messageId } = await replyAddressOf(b);
      await answer(b.email, replyTo, words);
      const list = await events(b.id);
      const inbound = list.find((e) => e.type === 'inbound.email')!;
      expect(inbound.data).toMatchObject({ messageId, via: 'smtp', content: expect.any(Object) });
      // The text is personal data: not in the hashed event, but in the content table.
      expect(JSON.stringify(inbound.data)).not.toContain(words);
      // Compliance reads it on the borrower's timeline, without the quoted reminder.
      const timeline = await h.api('GET', `/v1/borrowers/${b.id}/timeline`, { role: 'compliance' });
      expect(timeline.status).toBe(200);
      expect(JSON.stringify(timeline.body)).toContain(JSON.stringify(words).slice(1, -1));
      expect(JSON.stringify(timeline.body)).not.toContain('reply STOP');
      expect(list.find((e) => e.type === 'reply.understood')!.data).toMatchObject({
        channel: 'email',
        intents: [expect.objectContaining({ intent: 'revoke', scope: ['email'] })],
      });
      expect(list.find((e) => e.type === 'consent.revoked')!.data).toMatchObject({ channels: ['email'], via: 'email' });
      expect((await remind(b, 'email')).status).toBe('suppressed');
      // Email only: texts still go.
      expect((await remind(b, 'sms')).status).toBe('sent');
      // No confirmation mail to an address that asked for none.
      expect(sink.envelopes.filter((e) => e.to.includes(b.email))).toHaveLength(1);
    },
  );

  it('reads an HTML-only reply as text, its quoted reminder left out', async () => {
    const b = borrower();
    const { replyTo } = await replyAddressOf(b);
    const transport = client();
    try {
      await transport.sendMail({
        from: b.email,
        to: replyTo,
        subject: 'Re: Your payment reminder',
        html:
          '<div dir="ltr">I will pay $50 on Friday.</div><br><div class="gmail_quote">' +
          '<div>On Mon, Dec 1, 2026 Northwind Bank wrote:</div>' +
          '<blockquote class="gmail_quote"><p>To stop emails, reply STOP or unsubscribe.</p></blockquote></div>',
      });
    } finally {
      transport.close();
    }
    const understood = (await events(b.id)).find((e) => e.type === 'reply.understood')!;
    const intents = (understood.data.intents as Array<{ intent: string }>).map((i) => i.intent);
    expect(intents).toContain('promise');
    expect(intents).not.toContain('revoke');
    // Not a revocation: the address is not suppressed; the promise holds the account until Friday (issue 29).
    const optOut = await h.api('GET', `/v1/opt-outs?address=${encodeURIComponent(b.email)}`, { role: 'agent' });
    expect(optOut.body.suppressed).toBe(false);
    const holds = await h.api('GET', `/v1/borrowers/${b.id}/holds`, { role: 'agent' });
    expect(holds.body.items).toEqual([expect.objectContaining({ kind: 'promise', closedAt: null })]);
  });

  it('detaches a wrong address from that borrower only', async () => {
    const b = borrower();
    const other = { ...borrower(), email: b.email };
    const { replyTo } = await replyAddressOf(b);
    await answer(b.email, replyTo, 'Wrong address, I am not this person');
    expect((await events(b.id)).find((e) => e.type === 'contact.wrong_number')!.data).toMatchObject({
      channels: ['email'],
    });
    expect((await h.service.store.getBorrower(b.id))!.optOuts.map((o) => o.channel)).toEqual(['email']);
    expect((await remind(b, 'email')).status).toBe('suppressed');
    // The address is not on the list: the borrower it does belong to is still emailed, and b still texted.
    expect((await remind(other, 'email')).status).toBe('sent');
    expect((await remind(b, 'sms')).status).toBe('sent');
  });

  it('stops texts when the email says "stop texting me"', async () => {
    const b = borrower();
    expect((await remind(b, 'sms')).status).toBe('sent');
    const { replyTo } = await replyAddressOf(b);
    await answer(b.email, replyTo, 'stop texting me');
    expect((await remind(b, 'sms')).status).toBe('suppressed');
    expect((await remind(b, 'email')).status).toBe('sent');
  });

  it('holds a borrower whose email disputes the debt: the next reminder waits', async () => {
    const b = borrower();
    const { replyTo } = await replyAddressOf(b);
    await answer(b.email, replyTo, 'This is not my debt. I never had an account with you.');
    await waitFor(async () => (await events(b.id)).some((e) => e.type === 'dispute.opened'), {
      what: 'dispute.opened',
    });
    const holds = await h.api('GET', `/v1/borrowers/${b.id}/holds`, { role: 'agent' });
    expect(holds.body.items).toEqual([expect.objectContaining({ kind: 'dispute', source: 'reply' })]);
    const res = await h.api('POST', '/v1/reminders', {
      body: reminderBody({ channel: 'email' }, { id: b.id, email: b.email, phone: b.phone }),
    });
    const id = res.body.messages[0].id as string;
    await waitFor(
      async () => {
        const m = await h.service.store.getMessage(id);
        const last = (await h.service.store.listEvents(id)).at(-1);
        return m && ['scheduled', 'deferred'].includes(m.status) && JSON.stringify(last?.data).includes('held');
      },
      { what: 'the reminder held' },
    );
  });

  it('counts email replies among the replies of the periodic review', async () => {
    // Every reply of this file came by email; none by text.
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const review = await h.api('GET', `/v1/outcomes/review?from=${encodeURIComponent(from)}`, { role: 'compliance' });
    expect(review.status).toBe(200);
    expect(review.body.relationship.replies).toBeGreaterThan(0);
  });

  it('refuses at RCPT a tampered token, another tenant’s, another domain and an unknown mailbox, and records nothing', async () => {
    const b = borrower();
    const { replyTo, messageId } = await replyAddressOf(b);
    const before = (await events(b.id)).length;
    const [local, domain] = replyTo.split('@') as [string, string];
    const last = local.at(-1) === 'a' ? 'b' : 'a';
    const tampered = `${local.slice(0, -1)}${last}@${domain}`;
    const idFlipped = `${local.slice(0, 8)}${local[8] === 'a' ? 'b' : 'a'}${local.slice(9)}@${domain}`;
    // Signed with the service's own key, but for another tenant than the message's.
    const otherTenant = makeReplyAddresses({ secret: `test-secret-${h.prefix}`, domain: DOMAIN });
    expect(otherTenant.addressOf(messageId, 'default')).toBe(replyTo);
    const foreign = otherTenant.addressOf(messageId, 'acme');
    for (const to of [
      foreign,
      tampered,
      idFlipped,
      `postmaster@${DOMAIN}`,
      `reply+abc@${DOMAIN}`,
      `${local}@elsewhere.example`,
    ])
      expect(await refusal(answer(b.email, to, 'Please unsubscribe me from these emails')), to).toBe(550);
    expect(await events(b.id)).toHaveLength(before);
    expect((await remind(b, 'email')).status).toBe('sent');
    const metrics = await (await fetch(`${h.url}/metrics`)).text();
    expect(metrics).toMatch(/inbound_mail_refused_total\{via="smtp",reason="bad-signature"\} [1-9]/);
    expect(metrics).toMatch(/inbound_mail_refused_total\{via="smtp",reason="not-a-reply-address"\} [1-9]/);
  });

  it('refuses a mail over INBOUND_MAIL_MAX_BYTES (10 MB) with 552', async () => {
    const b = borrower();
    const { replyTo } = await replyAddressOf(b);
    const before = (await events(b.id)).length;
    const transport = client();
    try {
      const big = 'x'.repeat(76) + '\r\n';
      const send = transport.sendMail({
        from: b.email,
        to: replyTo,
        subject: 'Re: big',
        text: `Please unsubscribe me from these emails\n${big.repeat(Math.ceil((11 * 1024 * 1024) / big.length))}`,
      });
      expect(await refusal(send)).toBe(552);
    } finally {
      transport.close();
    }
    expect(await events(b.id)).toHaveLength(before);
  });

  describe('POST /webhooks/inbound-mail', () => {
    async function mime(from: string, to: string, words: string) {
      const t = nodemailer.createTransport({ streamTransport: true, buffer: true });
      const info = await t.sendMail({ from, to, subject: 'Re: reminder', text: `${words}\n\n> reply STOP\n` });
      return info.message as Buffer;
    }
    const post = (body: Buffer, signature: string | undefined) =>
      fetch(`${h.url}/webhooks/inbound-mail`, {
        method: 'POST',
        headers: { 'content-type': 'message/rfc822', ...(signature ? { 'x-signature': signature } : {}) },
        body: new Uint8Array(body),
      });

    it('takes a signed mail (202) and acts on it', async () => {
      const b = borrower();
      const { replyTo } = await replyAddressOf(b);
      const body = await mime(b.email, replyTo, 'Please unsubscribe me from these emails');
      const res = await post(body, signatureOf(SECRET, body));
      expect(res.status).toBe(202);
      expect((await events(b.id)).find((e) => e.type === 'inbound.email')!.data).toMatchObject({ via: 'http' });
      // The relay retries (it timed out waiting): taken again, handled once.
      expect((await post(body, signatureOf(SECRET, body))).status).toBe(202);
      expect((await events(b.id)).filter((e) => e.type === 'inbound.email')).toHaveLength(1);
      expect((await remind(b, 'email')).status).toBe('suppressed');
    });

    it('refuses a missing or wrong signature (403), and mail that maps to nothing (422)', async () => {
      const b = borrower();
      const { replyTo } = await replyAddressOf(b);
      const before = (await events(b.id)).length;
      const body = await mime(b.email, replyTo, 'Please unsubscribe me from these emails');
      expect((await post(body, undefined)).status).toBe(403);
      expect((await post(body, signatureOf('another-secret', body))).status).toBe(403);
      expect((await post(body, signatureOf(SECRET, Buffer.concat([body, Buffer.from('x')])))).status).toBe(403);
      const stranger = await mime(b.email, `someone@${DOMAIN}`, 'Please unsubscribe me from these emails');
      const res = await post(stranger, signatureOf(SECRET, stranger));
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      const forged = await mime(
        b.email,
        replyTo.replace(/.@/, (m) => (m[0] === 'a' ? 'b@' : 'a@')),
        'unsubscribe',
      );
      expect((await post(forged, signatureOf(SECRET, forged))).status).toBe(422);
      expect(await events(b.id)).toHaveLength(before);
      expect((await remind(b, 'email')).status).toBe('sent');
    });
  });
});
