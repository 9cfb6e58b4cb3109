/**
 * Answering from the agents' inbox, with real parts: a borrower's text arrives over the signed Twilio webhook (the
 * fake Twilio), an agent answers in their own words or with a suggestion, and the answer goes through the intake,
 * the worker, the fake Twilio or the real SMTP sink, and the audit, whose re-render matches. Threats are refused with
 * the linter's findings, opted-out numbers with the reason; a borrower at the daily cap is answered within 24 hours
 * of their message and the cap holds a later answer; a dispute does not keep an answer back; a collection system
 * cannot send an agent's answer, nor mark a reminder as one.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveProfile, US_REGF } from '../../src/policy/profile.js';
import { borrowerChain } from '../../src/store/hash-chain.js';
import { postSignedCallback, providerEnv, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { dbVariants, reminderBody, startHarness, type Harness } from '../support/harness.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { waitFor } from '../support/wait.js';

// Every hour open, and the service's gentle cadence: one text a day.
const profile = resolveProfile({
  ...US_REGF,
  name: 'answers-test',
  windows: {
    sms: { from: '00:00', to: '24:00' },
    voice: { from: '00:00', to: '24:00' },
    email: { from: '00:00', to: '24:00' },
  },
  caps: US_REGF.caps.filter((c) => c.name === 'sms-1-per-day'),
  spreadSeconds: 0,
});

const SETTLED = (s: string) => !['accepted', 'queued', 'sending', 'scheduled'].includes(s);

describe.each(dbVariants())('answering from the inbox on $name', (variant) => {
  let tw: FakeTwilio;
  let sink: SmtpSink;
  let h: Harness;
  const tag = randomBytes(3).toString('hex');
  let seq = 0;
  const next = (locale = 'en-US') => {
    const n = seq++;
    return {
      id: `b-ans-${tag}-${n}`,
      phone: `+1415557${String(1000 + n).padStart(4, '0')}`,
      email: `ans.${tag}.${n}@example.com`,
      locale,
    };
  };
  type B = ReturnType<typeof next>;

  beforeAll(async () => {
    tw = await startFakeTwilio();
    sink = await startSmtpSink();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-answers-'));
    const profileFile = path.join(dir, 'profile.json');
    fs.writeFileSync(profileFile, JSON.stringify(profile));
    h = await startHarness({ db: variant, env: { POLICY_FILE: profileFile, ...providerEnv(tw, sink) } });
  });
  afterAll(async () => {
    await h?.destroy();
    await tw?.close();
    await sink?.close();
  });

  async function settled(id: string) {
    return waitFor(
      async () => {
        const m = await h.service.store.getMessage(id);
        return m && SETTLED(m.status) ? m : undefined;
      },
      { what: `message ${id} settled` },
    );
  }
  /** A reminder by SMS that went out: the day's one text is used. */
  async function remind(b: B, channel: 'sms' | 'email' = 'sms') {
    const res = await h.api('POST', '/v1/reminders', {
      body: reminderBody({ channel }, { id: b.id, phone: b.phone, email: b.email, locale: b.locale }),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect((await settled(res.body.messages[0].id)).status).toBe('sent');
  }
  async function reply(b: B, body: string) {
    const params = {
      From: b.phone,
      To: '+15005550006',
      Body: body,
      MessageSid: `SM${randomBytes(16).toString('hex')}`,
    };
    const res = await postSignedCallback(
      { url: h.url, publicBaseUrl: h.service.config.publicBaseUrl },
      tw.authToken,
      '/webhooks/twilio/inbound-sms',
      params,
    );
    expect(res.status).toBe(200);
  }
  const answer = (b: B, body: unknown, headers: Record<string, string> = {}) =>
    h.api('POST', `/v1/inbox/${b.id}/replies`, { role: 'agent', body, headers });
  const textsTo = (b: B) => tw.messages().filter((m) => m.form.To === b.phone);
  async function lastReplyId(b: B): Promise<number> {
    const c = await h.api('GET', `/v1/inbox/${b.id}`, { role: 'agent' });
    return (c.body.items as { kind: string; eventId?: number }[]).filter((i) => i.kind === 'reply').at(-1)!.eventId!;
  }

  it('sends an agent’s own words to a borrower at the daily cap, wrapped, once, and the audit re-renders it', async () => {
    const b = next();
    await remind(b);
    await reply(b, 'Can I pay on Friday instead?');
    const inReplyTo = await lastReplyId(b);
    const text = 'Yes, Friday is fine. Thank you for telling us.';
    const res = await answer(b, { channel: 'sms', text, inReplyTo }, { 'Idempotency-Key': `k-${b.id}` });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body).toMatchObject({
      channel: 'sms',
      template: 'agent-reply',
      countsAgainstCaps: false,
      policy: { allowed: true, reasons: [], earliestAllowedAt: null },
    });
    const sent = await settled(res.body.messageId);
    expect(sent.status).toBe('sent');
    const bodies = textsTo(b).map((m) => m.form.Body);
    expect(bodies.at(-1)).toBe(`Northwind Bank: ${text} Reply STOP to opt out.`);

    // A double click: the original, nothing sent again.
    const again = await answer(b, { channel: 'sms', text, inReplyTo }, { 'Idempotency-Key': `k-${b.id}` });
    expect(again.status).toBe(200);
    expect(again.body.messageId).toBe(res.body.messageId);
    expect(textsTo(b).filter((m) => m.form.Body?.includes(text))).toHaveLength(1);

    const audit = await h.api('GET', `/v1/audit/messages/${res.body.messageId}`, { role: 'compliance' });
    expect(audit.body.content.matchesStored).toBe(true);
    expect(audit.body.body).toBe(bodies.at(-1));

    // On the borrower's chain, the words kept as content; the conversation shows what was sent.
    const [event] = await h.service.store.inbox.events(b.id, ['agent.replied'], 5);
    expect(event!.data).toMatchObject({ template: 'agent-reply', messageId: res.body.messageId, inReplyTo });
    const ref = (event!.data.content as { id: string }).id;
    expect((await h.service.store.content.get([ref])).get(ref)?.text).toBe(text);
    const conversation = await h.api('GET', `/v1/inbox/${b.id}`, { role: 'agent' });
    expect(conversation.body.items.at(-1)).toMatchObject({
      kind: 'message',
      template: 'agent-reply',
      body: bodies.at(-1),
    });
  });

  it('answers three concurrent requests with one Idempotency-Key with one message, the others as repeats', async () => {
    const b = next();
    await remind(b);
    await reply(b, 'Can you call me back tomorrow?');
    const inReplyTo = await lastReplyId(b);
    const text = 'Of course, we will call you tomorrow morning.';
    const both = await Promise.all(
      [0, 1, 2].map(() => answer(b, { channel: 'sms', text, inReplyTo }, { 'Idempotency-Key': `kc-${b.id}` })),
    );
    expect(both.map((r) => r.status).sort(), JSON.stringify(both.map((r) => r.body))).toEqual([200, 200, 202]);
    expect(new Set(both.map((r) => r.body.messageId)).size).toBe(1);
    await settled(both[0]!.body.messageId);
    expect(textsTo(b).filter((m) => m.form.Body?.includes(text))).toHaveLength(1);
    expect(await h.service.store.inbox.events(b.id, ['agent.replied'], 5)).toHaveLength(1);
  });

  it('holds an answer to a borrower at the daily cap when their message is older than withinHours', async () => {
    const b = next();
    await remind(b);
    await reply(b, 'Who is this?');
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString();
    await h.service.store.db
      .updateTable('events')
      .set({ at: twoDaysAgo })
      .where('chain', '=', borrowerChain(b.id))
      .where('type', '=', 'inbound.sms')
      .execute();
    const res = await answer(b, { channel: 'sms', text: 'This is Northwind Bank, about your account.' });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body.countsAgainstCaps).toBe(true);
    expect(res.body.policy.allowed).toBe(false);
    expect(res.body.policy.reasons.map((r: { code: string }) => r.code)).toEqual(['cap-reached']);
    expect(res.body.policy.earliestAllowedAt).not.toBeNull();
    const held = await waitFor(
      async () => {
        const m = await h.service.store.getMessage(res.body.messageId);
        return m && !['accepted', 'queued', 'sending'].includes(m.status) ? m : undefined;
      },
      { what: 'the answer held by the cap' },
    );
    expect(held.status).not.toBe('sent');
    expect(textsTo(b).some((m) => m.form.Body?.includes('about your account'))).toBe(false);
  });

  it('refuses a threat with the linter’s findings and sends nothing', async () => {
    const b = next();
    await remind(b);
    await reply(b, 'I am not paying.');
    const before = textsTo(b).length;
    const res = await answer(b, { channel: 'sms', text: 'Pay now or we will sue you and tell your employer.' });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const rules = (res.body.findings as { rule: string; matched: string; message: string }[]).map((f) => f.rule);
    expect(rules.length).toBeGreaterThanOrEqual(2);
    expect(res.body.findings[0].matched).toBeTruthy();
    expect(res.body.findings[0].message).toBeTruthy();
    const messages = await h.service.store.inbox.messages(b.id, 10);
    expect(messages).toHaveLength(1);
    expect(textsTo(b)).toHaveLength(before);
  });

  it('refuses to answer by text a number that opted out, naming why', async () => {
    const b = next();
    await remind(b);
    await reply(b, 'STOP');
    const res = await answer(b, { channel: 'sms', text: 'We are sorry to see you go.' });
    expect(res.status).toBe(422);
    expect(res.body.reasons.map((r: { code: string }) => r.code)).toContain('opted-out');
  });

  it('suggests the promise answer first, in Chinese, and sends it as suggested', async () => {
    const b = next('zh-CN');
    await remind(b);
    await reply(b, '我周五还500元');
    const s = await h.api('GET', `/v1/inbox/${b.id}/suggestions?channel=sms`, { role: 'agent' });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    const first = s.body.suggestions[0];
    expect(first).toMatchObject({
      template: 'reply-promise-ack',
      channel: 'sms',
      locale: 'zh-CN',
      intents: ['promise'],
    });
    expect(first.text).toContain('回复TD退订');
    expect(s.body.suggestions.map((x: { template: string }) => x.template).sort()).toEqual([
      'reply-dispute-ack',
      'reply-hardship-ack',
      'reply-promise-ack',
    ]);
    const res = await answer(b, { channel: 'sms', template: 'reply-promise-ack' });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    await settled(res.body.messageId);
    expect(textsTo(b).at(-1)!.form.Body).toBe(first.text);
  });

  it('answers a borrower whose dispute is open (an acknowledgement is not collection)', async () => {
    const b = next();
    await remind(b);
    await reply(b, 'This is not my debt.');
    await h.api('POST', `/v1/borrowers/${b.id}/disputes`, { body: { detail: 'not mine' } });
    const res = await answer(b, { channel: 'sms', template: 'reply-dispute-ack' });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body.policy.allowed).toBe(true);
    expect((await settled(res.body.messageId)).status).toBe('sent');
    // An ordinary reminder still waits for the dispute.
    const r = await h.api('POST', '/v1/reminders', { body: reminderBody({}, { id: b.id, phone: b.phone }) });
    const held = await h.service.store.getMessage(r.body.messages[0].id);
    expect(['scheduled', 'deferred', 'queued', 'accepted']).toContain(held!.status);
  });

  it('sends an email answer through SMTP with the words escaped in the HTML', async () => {
    const b = next();
    await remind(b, 'email');
    await reply(b, 'Can you email me the details?');
    const text = 'Here are the details: <b>Tom & Jerry</b> owe nothing more.';
    const res = await answer(b, { channel: 'email', text });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect((await settled(res.body.messageId)).status).toBe('sent');
    const mail = await waitFor(
      () => sink.mails.find((m) => m.to && JSON.stringify(m.to).includes(b.email) && m.text?.includes(text)),
      { what: 'the answer at the SMTP sink' },
    );
    expect(mail.html).toContain('&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>Tom');
  });

  it('refuses text and template together, or neither, naming the field', async () => {
    const b = next();
    await remind(b);
    const both = await answer(b, { channel: 'sms', text: 'Hi', template: 'reply-dispute-ack' });
    expect(both.status).toBe(422);
    expect(both.body.errors[0].path).toBe('template');
    const neither = await answer(b, { channel: 'sms' });
    expect(neither.status).toBe(422);
    expect(neither.body.errors[0].path).toBe('text');
    const long = await answer(b, { channel: 'sms', text: 'a'.repeat(641) });
    expect(long.status).toBe(422);
    expect(long.body.errors[0].path).toBe('text');
  });

  it('does not let a collection system send an agent’s answer or mark a reminder as one', async () => {
    const b = next();
    const internal = await h.api('POST', '/v1/reminders', {
      body: reminderBody({ template: 'agent-reply' }, { id: b.id, phone: b.phone }),
    });
    expect(internal.status).toBe(422);
    expect(internal.body.errors[0].path).toBe('template');
    const marked = await h.api('POST', '/v1/reminders', {
      body: reminderBody(
        {
          metadata: { agentReply: { text: 'x', promise: null, keyId: 'k', inReplyTo: null, countsAgainstCaps: false } },
        },
        { id: b.id, phone: b.phone },
      ),
    });
    expect(marked.status).toBe(422);
    expect(marked.body.errors[0].path).toBe('metadata.agentReply');
    const batch = await h.api('POST', '/v1/reminders/batch', {
      body: { reminders: [reminderBody({ template: 'reply-dispute-ack' }, { id: b.id, phone: b.phone })] },
    });
    expect(batch.body.results[0].status).toBe(422);
  });

  it('answers 404 for another tenant’s borrower and 403 to a compliance key', async () => {
    const b = next();
    await remind(b);
    const put = await h.api('PUT', '/v1/tenants/other', {
      role: 'admin',
      body: {
        name: 'Other Bank',
        kind: 'creditor',
        senders: {
          sms: { from: '+14155550009' },
          voice: { from: '+14155550009' },
          email: { from: 'billing@other.example' },
        },
      },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(201);
    const otherAgent = (await h.service.store.apiKeys.create('agent', 'other agent', new Date(), 'other')).token;
    const res = await fetch(`${h.url}/v1/inbox/${b.id}/replies`, {
      method: 'POST',
      headers: { authorization: `Bearer ${otherAgent}`, 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'sms', text: 'Hello' }),
    });
    expect(res.status).toBe(404);
    const sug = await fetch(`${h.url}/v1/inbox/${b.id}/suggestions?channel=sms`, {
      headers: { authorization: `Bearer ${otherAgent}` },
    });
    expect(sug.status).toBe(404);
    expect(
      (await h.api('POST', `/v1/inbox/${b.id}/replies`, { role: 'compliance', body: { channel: 'sms', text: 'Hi' } }))
        .status,
    ).toBe(403);
    expect((await h.api('GET', `/v1/inbox/${b.id}/suggestions?channel=sms`, { role: 'compliance' })).status).toBe(403);
  });
});
