/**
 * A borrower's reply in their own words, over Twilio's signed inbound webhook, understood and
 * acted on at once: the next reminder with no cap or window in the way shows what changed. Each
 * action is an event on the borrower's chain and an outbound event to the collection system.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProfile } from '../support/profiles.js';
import { postSignedCallback, providerEnv, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { startEventReceiver, type EventReceiver } from '../support/event-receiver.js';
import { reminderBody, sqliteOnly, startHarness, type Harness } from '../support/harness.js';
import { waitFor } from '../support/wait.js';

// US-REGF with an all-day window and no caps: only what the reply changed can hold a text back.
const profile = openProfile('replies-test');

describe('replies understood and acted on', () => {
  let tw: FakeTwilio;
  let h: Harness;
  let receiver: EventReceiver;
  let seq = 0;
  const phone = () => `+1415555${String(8000 + seq++).padStart(4, '0')}`;

  beforeAll(async () => {
    tw = await startFakeTwilio();
    receiver = await startEventReceiver();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-replies-'));
    const profileFile = path.join(dir, 'profile.json');
    fs.writeFileSync(profileFile, JSON.stringify(profile));
    h = await startHarness({
      db: sqliteOnly,
      env: { POLICY_FILE: profileFile, ...providerEnv(tw), EVENTS_WEBHOOK_URL: receiver.url },
    });
  });
  afterAll(async () => {
    await h?.destroy();
    await tw?.close();
    await receiver?.close();
  });

  /** An inbound text, signed as Twilio signs it. */
  async function reply(from: string, body: string, sid = `SM${randomSid()}`) {
    const route = '/webhooks/twilio/inbound-sms';
    const params = { From: from, To: '+15005550006', Body: body, MessageSid: sid };
    const res = await postSignedCallback(
      { url: h.url, publicBaseUrl: h.service.config.publicBaseUrl },
      tw.authToken,
      route,
      params,
    );
    expect(res.status).toBe(200);
    return res.text();
  }

  /** A reminder to the borrower; resolves when its message has settled (sent, suppressed…). */
  async function remind(borrowerId: string, p: string, channel = 'sms', locale = 'en-US') {
    const res = await h.api('POST', '/v1/reminders', {
      body: reminderBody({ channel }, { id: borrowerId, phone: p, locale }),
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

  async function borrowerEvents(id: string) {
    return h.service.store.listBorrowerEvents(id);
  }

  it.each([
    ['Please stop texting me.', 'en-US'],
    ['请不要再给我发短信了', 'zh-CN'],
    // Spanish (issue 33): a borrower whose language is Spanish, in their own words, accents left out.
    ['Ya no me manden mensajes por favor, ya estuvo', 'es-US'],
  ])('stops texting a number that wrote %j, confirms once, and tells the collection system', async (text, locale) => {
    const p = phone();
    const id = `b-revoke-${p.slice(-4)}`;
    expect((await remind(id, p, 'sms', locale)).status).toBe('sent');
    const answer = await reply(p, text);
    // The one confirmation, in the borrower's language, as for STOP.
    expect(answer).toMatch(/<Response><Message>[\s\S]+<\/Message><\/Response>/);
    const second = await remind(id, p, 'sms', locale);
    expect(second.status).toBe('suppressed');
    expect(tw.messages().filter((r) => r.form.To === p)).toHaveLength(1);
    const events = await borrowerEvents(id);
    const understood = events.find((e) => e.type === 'reply.understood')!;
    expect(understood.data).toMatchObject({ channel: 'sms', intents: [expect.objectContaining({ intent: 'revoke' })] });
    expect(events.find((e) => e.type === 'consent.revoked')!.data).toMatchObject({ channels: ['sms'] });
    expect(await h.api('GET', `/v1/opt-outs?address=${encodeURIComponent(p)}`, { role: 'agent' })).toMatchObject({
      status: 200,
      body: { suppressed: true, channels: [expect.objectContaining({ channel: 'sms', source: 'reply' })] },
    });
    await waitFor(
      () =>
        ['borrower.replied', 'consent.revoked'].every((t) =>
          receiver.received.some((r) => r.json.type === t && r.json.data.borrowerId === id),
        ),
      { what: 'borrower.replied and consent.revoked outbound' },
    );
    // A second revocation confirms nothing more.
    expect(await reply(p, 'stop texting me!!')).not.toMatch(/<Message>/);
  });

  it('detaches a wrong number from the borrower, and only from that borrower', async () => {
    const p = phone();
    const id = `b-wrong-${p.slice(-4)}`;
    const other = `b-right-${p.slice(-4)}`;
    expect((await remind(id, p)).status).toBe('sent');
    await reply(p, "Wrong number, I don't know this person.");
    expect((await remind(id, p)).status).toBe('suppressed');
    const events = await borrowerEvents(id);
    expect(events.find((e) => e.type === 'contact.wrong_number')!.data).toMatchObject({ channels: ['sms', 'voice'] });
    expect((await h.service.store.getBorrower(id))!.optOuts.map((o) => o.channel).sort()).toEqual(['sms', 'voice']);
    // The number is not on the list: a borrower it does belong to is still texted.
    expect((await remind(other, p)).status).toBe('sent');
    // The same number put again keeps the detachment; a new one lifts it, on the borrower's chain.
    expect((await h.api('PUT', `/v1/borrowers/${id}`, { body: { phone: p } })).status).toBe(200);
    expect((await h.service.store.getBorrower(id))!.optOuts).toHaveLength(2);
    const fresh = phone();
    const put = await h.api('PUT', `/v1/borrowers/${id}`, { body: { phone: fresh } });
    expect(put.status).toBe(200);
    expect(put.body.optOuts).toEqual([]);
    expect((await remind(id, fresh)).status).toBe('sent');
    const lifted = (await borrowerEvents(id)).filter((e) => e.type === 'borrower.opted_in');
    expect(lifted.map((e) => e.data).sort((a, b) => String(a.channel).localeCompare(String(b.channel)))).toEqual([
      { channel: 'sms', lifted: 'detached', reason: 'new-address' },
      { channel: 'voice', lifted: 'detached', reason: 'new-address' },
    ]);
  });

  it("keeps a borrower's own opt-out when a new number is put", async () => {
    const p = phone();
    const id = `b-own-${p.slice(-4)}`;
    expect((await remind(id, p)).status).toBe('sent');
    await reply(p, 'STOP');
    const fresh = phone();
    // Sent inline with a reminder this time: every way a number arrives lifts only detachments.
    expect((await remind(id, fresh)).status).toBe('suppressed');
    expect((await h.service.store.getBorrower(id))!.optOuts.map((o) => o.channel)).toEqual(['sms']);
  });

  /** A reminder that waits: resolves with its message once it is held back with a deferral naming `code`. */
  async function remindHeld(borrowerId: string, p: string, code: string) {
    const res = await h.api('POST', '/v1/reminders', {
      body: reminderBody({ channel: 'sms' }, { id: borrowerId, phone: p }),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const id = res.body.messages[0].id as string;
    return waitFor(
      async () => {
        const m = await h.service.store.getMessage(id);
        if (!m || !['scheduled', 'deferred'].includes(m.status)) return undefined;
        const last = (await h.service.store.listEvents(id)).at(-1);
        return JSON.stringify(last?.data ?? {}).includes(code) ? m : undefined;
      },
      { what: `a message held back (${code})` },
    );
  }

  it('holds a borrower who disputes the debt, and tells the collection system', async () => {
    const p = phone();
    const id = `b-dispute-${p.slice(-4)}`;
    await remind(id, p);
    expect(await reply(p, 'This is not my debt. I never had an account with you.')).not.toMatch(/<Message>/);
    const understood = (await borrowerEvents(id)).find((e) => e.type === 'reply.understood')!;
    expect(understood.data).toMatchObject({
      needsPerson: true,
      intents: [expect.objectContaining({ intent: 'dispute' })],
    });
    // Nothing more is sent while the dispute is open; nothing is dropped either.
    const held = await remindHeld(id, p, 'held');
    expect(tw.messages().filter((r) => r.form.To === p)).toHaveLength(1);
    const holds = await h.api('GET', `/v1/borrowers/${id}/holds`, { role: 'agent' });
    expect(holds.body.items).toEqual([expect.objectContaining({ kind: 'dispute', source: 'reply', until: null })]);
    await waitFor(
      () =>
        ['borrower.replied', 'dispute.opened'].every((t) =>
          receiver.received.some((r) => r.json.type === t && r.json.data.borrowerId === id),
        ),
      { what: 'borrower.replied and dispute.opened outbound' },
    );
    // Closed by the collection system, the held text goes.
    const close = await h.api('POST', `/v1/borrowers/${id}/disputes/${holds.body.items[0].id}/close`, {
      body: { resolution: 'verified' },
    });
    expect(close.status, JSON.stringify(close.body)).toBe(200);
    await waitFor(async () => (await h.service.store.getMessage(held.id))?.status === 'sent', {
      what: 'sent after close',
    });
  });

  it('holds a borrower who says they paid, for the days a payment report takes', async () => {
    const p = phone();
    const id = `b-paid-${p.slice(-4)}`;
    await remind(id, p);
    await reply(p, 'I already paid this yesterday, check your records');
    await remindHeld(id, p, 'held');
    const holds = await h.api('GET', `/v1/borrowers/${id}/holds`, { role: 'agent' });
    expect(holds.body.items).toEqual([expect.objectContaining({ kind: 'paid-claim', source: 'reply' })]);
  });

  it('records a promise with its date and amount on the account of the last reminder', async () => {
    const p = phone();
    const id = `b-promise-${p.slice(-4)}`;
    await remind(id, p);
    const sid = `SM${randomSid()}`;
    await reply(p, "I'll pay $50 on Friday", sid);
    const understood = (await borrowerEvents(id)).find((e) => e.type === 'reply.understood')!;
    const promise = (understood.data.intents as Array<{ intent: string; promise?: { date: string } }>).find(
      (i) => i.intent === 'promise',
    )!;
    // The same promise posted again by the collection system is a repeat: it was recorded exactly so.
    const again = await h.api('POST', '/v1/accounts/4111111111111234/promises', {
      body: {
        id: `reply-${sid}`,
        kind: 'promise',
        promisedFor: promise.promise!.date,
        amount: '50.00',
        currency: 'USD',
      },
    });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toMatchObject({ repeated: true });
  });

  it('takes "I can\'t stop worrying about this" for what it is: the next text is sent', async () => {
    const p = phone();
    const id = `b-worry-${p.slice(-4)}`;
    await remind(id, p);
    await reply(p, "I can't stop worrying about this, I'll pay $50 on Friday");
    // Not suppressed as a revocation would be: held by the promise until Friday (issue 29).
    expect((await remindHeld(id, p, '"kind":"promise"')).status).not.toBe('suppressed');
    const understood = (await borrowerEvents(id)).find((e) => e.type === 'reply.understood')!;
    const intents = (understood.data.intents as Array<{ intent: string }>).map((i) => i.intent);
    expect(intents).toContain('promise');
    expect(intents).not.toContain('revoke');
  });

  it('stops calls, not texts, when the reply says "stop calling me"', async () => {
    const p = phone();
    const id = `b-calls-${p.slice(-4)}`;
    await remind(id, p);
    await reply(p, 'stop calling me please');
    expect((await remind(id, p, 'voice')).status).toBe('suppressed');
    expect((await remind(id, p, 'sms')).status).toBe('sent');
  });

  it('offers a key to stop calls in every call, and a press of it stops calls to the number', async () => {
    const p = phone();
    const id = `b-key-${p.slice(-4)}`;
    const call = await remind(id, p, 'voice', 'zh-CN');
    expect(call.status).toBe('sent');
    // What was sent is what is stored: the script, then the stop key in the borrower's language.
    const twiml = tw.calls().find((c) => c.form.To === p)!.form.Twiml!;
    expect(twiml).toBe(call.body);
    expect(twiml).toMatch(/<Gather [^>]*action="[^"]*\/webhooks\/twilio\/voice-keypress\?m=[^"]+"[^>]*>/);
    expect(twiml).toContain('请按9');
    const keypress = (digits: string) =>
      postSignedCallback(
        { url: h.url, publicBaseUrl: h.service.config.publicBaseUrl },
        tw.authToken,
        `/webhooks/twilio/voice-keypress?m=${call.id}`,
        { CallSid: `CA${randomSid()}`, Digits: digits, To: p },
      );
    // Another key ends the call and changes nothing.
    expect(await (await keypress('1')).text()).toMatch(/<Hangup\/>/);
    expect((await remind(id, p, 'voice', 'zh-CN')).status).toBe('sent');
    const pressed = await (await keypress('9')).text();
    expect(pressed).toMatch(/<Say language="cmn-CN">我们不会再拨打这个号码。再见。<\/Say><Hangup\/>/);
    expect((await remind(id, p, 'voice', 'zh-CN')).status).toBe('suppressed');
    // Texts are another consent: kept.
    expect((await remind(id, p, 'sms', 'zh-CN')).status).toBe('sent');
    expect((await borrowerEvents(id)).find((e) => e.type === 'consent.revoked')!.data).toMatchObject({
      channels: ['voice'],
      via: 'voice',
    });
    // Unsigned, it is refused.
    const unsigned = await fetch(`${h.url}/webhooks/twilio/voice-keypress?m=${call.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Digits=9&CallSid=CAx',
    });
    expect(unsigned.status).toBe(403);
  });

  it('lets agents and compliance try the interpreter, and no one else', async () => {
    const body = { text: '下周五还500，别再打电话了', channel: 'sms', receivedAt: '2026-12-02T10:00:00+08:00' };
    const res = await h.api('POST', '/v1/replies/interpret', { role: 'agent', body });
    expect(res.status).toBe(200);
    expect(res.body.intents).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ intent: 'promise', promise: { date: '2026-12-11', amount: '500.00' } }),
        expect.objectContaining({ intent: 'revoke', scope: ['voice'] }),
      ]),
    );
    expect((await h.api('POST', '/v1/replies/interpret', { role: 'compliance', body })).status).toBe(200);
    // Spanish, with the borrower's locale: each intent with its rule and the words it matched.
    const es = await h.api('POST', '/v1/replies/interpret', {
      role: 'agent',
      body: {
        text: 'le pago 50 dólares el viernes, pero ya no me llamen',
        locale: 'es-US',
        channel: 'sms',
        receivedAt: '2026-12-02T12:00:00Z',
      },
    });
    expect(es.status).toBe(200);
    expect(es.body.intents).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ intent: 'promise', promise: { date: '2026-12-04', amount: '50.00' } }),
        expect.objectContaining({ intent: 'revoke', scope: ['voice'], rule: expect.stringMatching(/^es-/) }),
      ]),
    );
    expect((await h.api('POST', '/v1/replies/interpret', { role: 'collector', body })).status).toBe(403);
    const bad = await h.api('POST', '/v1/replies/interpret', { role: 'agent', body: { channel: 'fax' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['channel', 'text']);
    // A long reply is read in part, and says so.
    const long = await h.api('POST', '/v1/replies/interpret', {
      role: 'agent',
      body: { text: 'stop '.repeat(10_000) },
    });
    expect(long.body).toMatchObject({ truncated: true, intents: [expect.objectContaining({ intent: 'revoke' })] });
  });
});

function randomSid() {
  return Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16)).join('');
}
