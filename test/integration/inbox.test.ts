/**
 * The agents' inbox: borrowers' replies arrive over Twilio's signed inbound webhook (the fake Twilio), the inbox lists
 * who replied with unread counts and filters, a conversation shows the words, what was understood and what was done,
 * every read of one is in the read log, marks are per key, and another tenant's borrower is not there.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProfile } from '../support/profiles.js';
import { postSignedCallback, providerEnv, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { dbVariants, reminderBody, startHarness, type Harness } from '../support/harness.js';
import { waitFor } from '../support/wait.js';

// An all-day window and no caps: only what a reply changed holds a message back.
const profile = openProfile('inbox-test');

const ACME = {
  name: 'Acme Bank',
  kind: 'creditor',
  senders: { sms: { from: '+14155550001' }, voice: { from: '+14155550001' }, email: { from: 'billing@acme.example' } },
};

interface Item {
  borrowerId: string;
  name: string | null;
  maskedPhone: string | null;
  lastReplyId: number;
  lastIntents: string[];
  needsPerson: boolean;
  unread: number;
  holds: string[];
}

describe.each(dbVariants())('the agents’ inbox on $name', (variant) => {
  let tw: FakeTwilio;
  let h: Harness;
  let acmeAgent = '';
  let seq = 0;
  const phone = () => `+1415556${String(1000 + seq++).padStart(4, '0')}`;
  const keyIdOf = (role: 'agent' | 'compliance') => h.keys.records.find((r) => r.role === role)!.id;

  beforeAll(async () => {
    tw = await startFakeTwilio();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-inbox-'));
    const profileFile = path.join(dir, 'profile.json');
    fs.writeFileSync(profileFile, JSON.stringify(profile));
    h = await startHarness({ db: variant, env: { POLICY_FILE: profileFile, ...providerEnv(tw) } });
    expect((await h.api('PUT', '/v1/tenants/acme', { role: 'admin', body: ACME })).status).toBe(201);
    acmeAgent = (await h.service.store.apiKeys.create('agent', 'acme agent', new Date(), 'acme')).token;
  });
  afterAll(async () => {
    await h?.destroy();
    await tw?.close();
  });

  async function reply(from: string, body: string) {
    const params = { From: from, To: '+15005550006', Body: body, MessageSid: `SM${randomSid()}` };
    const res = await postSignedCallback(
      { url: h.url, publicBaseUrl: h.service.config.publicBaseUrl },
      tw.authToken,
      '/webhooks/twilio/inbound-sms',
      params,
    );
    expect(res.status).toBe(200);
  }

  async function remind(borrowerId: string, p: string) {
    const res = await h.api('POST', '/v1/reminders', {
      body: reminderBody({ channel: 'sms' }, { id: borrowerId, phone: p, name: `Name ${borrowerId}` }),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const id = res.body.messages[0].id as string;
    await waitFor(
      async () => {
        const m = await h.service.store.getMessage(id);
        return m && !['accepted', 'queued', 'sending', 'scheduled', 'deferred'].includes(m.status) ? m : undefined;
      },
      { what: `message ${id} settled` },
    );
  }

  async function inbox(query = '', role: 'agent' | 'compliance' = 'agent'): Promise<Item[]> {
    const res = await h.api('GET', `/v1/inbox${query}`, { role });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items as Item[];
  }
  const find = (items: Item[], id: string) => items.find((i) => i.borrowerId === id);

  // Two borrowers: one asks to be called (a person must answer), the other promises, then revokes.
  const asks = { id: `b-asks-${variant.name}`, phone: '' };
  const stops = { id: `b-stops-${variant.name}`, phone: '' };

  it('lists the borrowers who replied, newest reply first, with unread counts, filters and pages', async () => {
    asks.phone = phone();
    stops.phone = phone();
    await remind(asks.id, asks.phone);
    await remind(stops.id, stops.phone);
    await reply(asks.phone, 'How much do I owe? Can someone call me after 5?');
    await reply(stops.phone, "I'll pay $50 on Friday");
    await reply(stops.phone, 'Please stop texting me.');

    const items = await inbox();
    const ids = items.map((i) => i.borrowerId);
    expect(ids.indexOf(stops.id)).toBeLessThan(ids.indexOf(asks.id));
    expect(ids.indexOf(asks.id)).toBeGreaterThanOrEqual(0);
    const s = find(items, stops.id)!;
    expect(s).toMatchObject({ name: `Name ${stops.id}`, unread: 2, lastIntents: ['revoke'] });
    // Agents see the number masked.
    expect(s.maskedPhone).not.toContain(stops.phone.slice(2));
    expect(find(items, asks.id)).toMatchObject({ unread: 1, needsPerson: true });

    const revoking = await inbox('?intent=revoke');
    expect(find(revoking, stops.id)).toBeDefined();
    expect(find(revoking, asks.id)).toBeUndefined();
    expect(find(await inbox('?needsPerson=true'), asks.id)).toBeDefined();
    expect(find(await inbox('?unread=true'), asks.id)).toBeDefined();

    // Keyset pages: one borrower each, newest first, no repeats.
    const first = await h.api('GET', '/v1/inbox?limit=1', { role: 'agent' });
    expect(first.body.items).toHaveLength(1);
    expect(first.body.items[0].borrowerId).toBe(stops.id);
    const second = await h.api('GET', `/v1/inbox?limit=1&cursor=${first.body.nextCursor}`, { role: 'agent' });
    expect(second.body.items[0].borrowerId).toBe(asks.id);

    expect((await h.api('GET', '/v1/inbox?cursor=abc', { role: 'agent' })).status).toBe(400);
    expect((await h.api('GET', '/v1/inbox?intent=shouting', { role: 'agent' })).status).toBe(400);
  });

  it('shows a conversation: the words, what was understood and done, what was sent, the time and the policy', async () => {
    const res = await h.api('GET', `/v1/inbox/${stops.id}`, { role: 'agent' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const c = res.body;
    expect(c.borrower).toMatchObject({ id: stops.id, name: `Name ${stops.id}` });
    expect(c.borrower.maskedPhone).not.toContain(stops.phone.slice(2));
    const kinds = c.items.map((i: { kind: string }) => i.kind);
    // The promise's courtesy reminder (issue 29) waits for the day before Friday.
    expect(kinds).toEqual(['message', 'reply', 'message', 'reply']);
    const [sent, promised, courtesy, revoked] = c.items;
    expect(courtesy).toMatchObject({ template: 'promise-courtesy' });
    expect(sent).toMatchObject({ channel: 'sms', status: 'sent' });
    expect(sent.body).toEqual(expect.any(String));
    expect(sent.to).not.toContain(stops.phone.slice(2));
    expect(promised).toMatchObject({
      text: "I'll pay $50 on Friday",
      understood: { intents: [expect.objectContaining({ intent: 'promise' })] },
    });
    expect(promised.actions.map((a: { type: string }) => a.type)).toContain('promise.reported');
    expect(revoked).toMatchObject({
      text: 'Please stop texting me.',
      understood: { intents: [expect.objectContaining({ intent: 'revoke', scope: ['sms'] })] },
    });
    expect(revoked.actions.map((a: { type: string }) => a.type)).toEqual(['consent.revoked']);
    expect(c.now.local[0].zone).toEqual(expect.any(String));
    const sms = c.contactable.find((x: { channel: string }) => x.channel === 'sms');
    expect(sms.allowed).toBe(false);
    expect(sms.reasons).toContain('opted-out');

    // Every read of a conversation is in the read log: who, what, when.
    const reads = await h.api('GET', '/v1/audit/reads?limit=20', { role: 'admin' });
    expect(reads.body.items).toContainEqual(
      expect.objectContaining({ keyId: keyIdOf('agent'), role: 'agent', action: 'conversation', target: stops.id }),
    );
    expect((await h.api('GET', `/v1/inbox/${stops.id}`, { role: 'compliance' })).status).toBe(200);
    const again = await h.api('GET', '/v1/audit/reads?limit=1', { role: 'admin' });
    expect(again.body.items[0]).toMatchObject({ keyId: keyIdOf('compliance'), action: 'conversation' });
  });

  it('marks read per key: the caller’s unread count drops, another key’s stays', async () => {
    expect((await h.api('POST', `/v1/inbox/${stops.id}/read`, { role: 'agent', body: {} })).status).toBe(204);
    expect(find(await inbox(), stops.id)!.unread).toBe(0);
    expect(find(await inbox('?unread=true'), stops.id)).toBeUndefined();
    expect(find(await inbox('', 'compliance'), stops.id)!.unread).toBe(2);

    // Up to the first reply: the second is unread again.
    const conv = (await h.api('GET', `/v1/inbox/${stops.id}`, { role: 'agent' })).body;
    const firstReply = conv.items.find((i: { kind: string }) => i.kind === 'reply').eventId as number;
    expect(
      (await h.api('POST', `/v1/inbox/${stops.id}/read`, { role: 'agent', body: { upTo: firstReply } })).status,
    ).toBe(204);
    expect(find(await inbox(), stops.id)!.unread).toBe(1);
    // A new reply counts.
    await reply(stops.phone, 'thanks');
    expect(find(await inbox(), stops.id)!.unread).toBe(2);
    // Not a reply of this borrower.
    const asksReply = find(await inbox(), asks.id)!.lastReplyId;
    expect(
      (await h.api('POST', `/v1/inbox/${stops.id}/read`, { role: 'agent', body: { upTo: asksReply } })).status,
    ).toBe(400);
  });

  const correct = (id: string, body: Record<string, unknown>, role: 'agent' | 'compliance' | 'collector' = 'agent') =>
    h.api('POST', `/v1/inbox/${id}/corrections`, { role, body });
  const conversation = async (id: string) => (await h.api('GET', `/v1/inbox/${id}`, { role: 'agent' })).body;
  const replies = (c: { items: Array<{ kind: string }> }) =>
    c.items.filter((i) => i.kind === 'reply') as unknown as Array<{
      eventId: number;
      actions: Array<{ type: string; actor: string; data: Record<string, unknown> }>;
    }>;

  it('lifts a hold a reply opened, as the agent, on the borrower’s chain', async () => {
    const b = { id: `b-hardship-${variant.name}`, phone: phone() };
    await remind(b.id, b.phone);
    await reply(b.phone, 'I lost my job');
    const before = await conversation(b.id);
    expect(before.holds.map((x: { kind: string }) => x.kind)).toEqual(['hardship']);
    const [r] = replies(before);
    expect(r!.actions.map((a) => a.type)).toContain('hold.opened');
    expect(find(await inbox(), b.id)!.holds).toEqual(['hardship']);

    const holdId = before.holds[0].id as string;
    expect((await correct(b.id, { kind: 'lift-hold', replyEventId: r!.eventId, detail: 'a misread' })).status).toBe(
      400,
    );
    const res = await correct(b.id, {
      kind: 'lift-hold',
      replyEventId: r!.eventId,
      holdId,
      detail: 'Asked on the phone: they found work again',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ kind: 'lift-hold', hold: { id: holdId, resolution: 'released' } });
    const after = await conversation(b.id);
    expect(after.holds).toEqual([]);
    expect(find(await inbox(), b.id)!.holds).toEqual([]);
    const corrected = replies(after)[0]!.actions.find((a) => a.type === 'reply.corrected')!;
    expect(corrected).toMatchObject({
      actor: `api:${keyIdOf('agent')}`,
      data: { kind: 'lift-hold', holdId, detail: 'Asked on the phone: they found work again' },
    });
    const chain = await h.service.store.listBorrowerEvents(b.id);
    expect(chain.find((e) => e.type === 'hold.released')!.actor).toBe(`api:${keyIdOf('agent')}`);
    expect(
      (await correct(b.id, { kind: 'lift-hold', replyEventId: r!.eventId, holdId: 'h-none', detail: 'x' })).status,
    ).toBe(404);
  });

  it('detaches a wrong number an agent recognised, as a reply saying so would', async () => {
    const b = { id: `b-wrong-${variant.name}`, phone: phone() };
    await remind(b.id, b.phone);
    await reply(b.phone, 'who is this?');
    const [r] = replies(await conversation(b.id));
    const res = await correct(b.id, { kind: 'wrong-number', replyEventId: r!.eventId, detail: 'says it is a shop' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((await h.service.store.getBorrower(b.id))!.optOuts.map((o) => o.channel).sort()).toEqual(['sms', 'voice']);
    const actions = replies(await conversation(b.id))[0]!.actions;
    expect(actions.map((a) => a.type)).toEqual(['contact.wrong_number', 'reply.corrected']);
    expect(actions[0]!.actor).toBe(`api:${keyIdOf('agent')}`);
  });

  it('records a revocation that was not one, and leaves consent to the borrower', async () => {
    const [promised, revoked] = replies(await conversation(stops.id));
    expect(
      (await correct(stops.id, { kind: 'not-a-revocation', replyEventId: promised!.eventId, detail: 'x' })).status,
    ).toBe(400);
    const res = await correct(stops.id, {
      kind: 'not-a-revocation',
      replyEventId: revoked!.eventId,
      detail: 'They meant the late fees',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ kind: 'not-a-revocation', stillRevoked: ['sms'] });
    expect(res.body.next).toContain('DELETE /v1/opt-outs/{address}');
    // Still opted out: only the borrower brings consent back.
    const list = await h.api('GET', `/v1/opt-outs?address=${encodeURIComponent(stops.phone)}`, { role: 'agent' });
    expect(list.body.suppressed).toBe(true);
    const actions = replies(await conversation(stops.id))[1]!.actions;
    expect(actions.map((a) => a.type)).toEqual(['consent.revoked', 'reply.corrected']);
    // Only agents correct; an unknown reply is not there.
    const body = { kind: 'not-a-revocation', replyEventId: revoked!.eventId, detail: 'x' };
    expect((await correct(stops.id, body, 'compliance')).status).toBe(403);
    expect((await correct(stops.id, body, 'collector')).status).toBe(403);
    expect((await correct(stops.id, { ...body, replyEventId: 999_999_999 })).status).toBe(404);
    const acme = { role: null, headers: { authorization: `Bearer ${acmeAgent}` }, body };
    expect((await h.api('POST', `/v1/inbox/${stops.id}/corrections`, acme)).status).toBe(404);
  });

  it('is for agents and compliance, and only for the key’s tenant', async () => {
    expect((await h.api('GET', '/v1/inbox', { role: 'collector' })).status).toBe(403);
    expect((await h.api('GET', `/v1/inbox/${stops.id}`, { role: 'collector' })).status).toBe(403);
    expect((await h.api('POST', `/v1/inbox/${stops.id}/read`, { role: 'collector', body: {} })).status).toBe(403);
    expect((await h.api('GET', '/v1/inbox/acme~b1', { role: 'agent' })).status).toBe(400);

    const acme = { role: null, headers: { authorization: `Bearer ${acmeAgent}` } };
    expect((await h.api('GET', `/v1/inbox/${stops.id}`, acme)).status).toBe(404);
    expect((await h.api('POST', `/v1/inbox/${stops.id}/read`, { ...acme, body: {} })).status).toBe(404);
    const theirs = await h.api('GET', '/v1/inbox', acme);
    expect(theirs.status).toBe(200);
    expect(theirs.body.items).toEqual([]);
    expect(JSON.stringify(theirs.body)).not.toContain(stops.id);
  });
});

function randomSid() {
  return Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16)).join('');
}
