/**
 * Reach in the reports (issue 30, item 5), on a known population, through the real pipeline:
 * texts go out through the twilio SDK to the fake Twilio and its signed status callbacks say what
 * became of them (delivered, undelivered 30006 / 30003 / 30005, failed 30008, or nothing yet); one
 * text is refused by Twilio at once (21211: failed, never handed over); emails go out through a real
 * SMTP server and the relay's signed bounce webhook bounces one hard (5.1.1) and one soft (4.2.2).
 * Acme's text to a landline names an email fallback, which goes and is counted as a fallback.
 * The reach report (`GET /v1/outcomes/reach`, JSON and CSV) and the periodic review's reach block
 * are held to the figures and Wilson intervals computed here, per tenant and channel, tenant-scoped
 * for a tenant's key. Real Redis, the real store (SQLite and PostgreSQL).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postSignedCallback, providerEnv, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { dbVariants, messageSettled, reminderBody, startHarness, type Harness } from '../support/harness.js';
import { wilsonHere } from '../support/experiments.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { ACME_TENANT } from '../support/tenants.js';
import { waitFor } from '../support/wait.js';
import { signatureOf } from '../../src/http/webhooks/inbound-mail.routes.js';

const SECRET = 'relay-secret-for-reach-tests';
const FROM = '2000-01-01T00:00:00Z';

type RateBody = { successes: number; trials: number; rate: number; low: number; high: number };
function expectRate(r: RateBody, delivered: number, handedOver: number) {
  expect(r).toMatchObject({ successes: delivered, trials: handedOver });
  expect(r.rate).toBeCloseTo(delivered / handedOver, 12);
  const w = wilsonHere(delivered, handedOver);
  expect(r.low).toBeCloseTo(w.low, 10);
  expect(r.high).toBeCloseTo(w.high, 10);
}

/** What becomes of each text: a status callback with its code, nothing (still sent), or a refusal when sent. */
type Fate = 'delivered' | '30006' | '30003' | '30005' | 'failed-30008' | 'none' | 'refused';
const DEFAULT_TEXTS: Fate[] = [
  'delivered',
  'delivered',
  'delivered',
  '30006',
  '30006',
  '30003',
  'failed-30008',
  'none',
  'refused',
];

describe.each(dbVariants())('reach in the reports on $name', (variant) => {
  let tw: FakeTwilio;
  let sink: SmtpSink;
  let h: Harness;
  const tag = randomBytes(3).toString('hex');
  const keys = { acmeCompliance: '', acmeCollector: '' };
  const as = (token: string) => ({ headers: { authorization: `Bearer ${token}` }, role: null });
  let seq = 0;
  const phone = () => `+1415${String(7_300_000 + seq++).padStart(7, '0')}`;

  /** A reminder; resolves with its message once it has settled (sent, failed…). */
  async function remind(over: Record<string, unknown>, borrower: Record<string, unknown>, key?: string) {
    const res = await h.api('POST', '/v1/reminders', {
      ...(key ? as(key) : {}),
      body: reminderBody(over, { timezone: 'UTC', ...borrower }),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    return messageSettled(h, res.body.messages[0].id as string);
  }

  /** A message status callback, signed as Twilio signs it. */
  async function statusCallback(id: string, params: Record<string, string>) {
    const service = { url: h.url, publicBaseUrl: h.service.config.publicBaseUrl };
    const res = await postSignedCallback(service, tw.authToken, `/webhooks/twilio/message-status?m=${id}`, params);
    expect(res.status).toBe(204);
  }

  /** A text with its fate played out. */
  async function text(fate: Fate, key?: string, over: Record<string, unknown> = {}) {
    const to = phone();
    if (fate === 'refused') tw.scriptFor(to, { status: 400, code: 21211, message: "The 'To' number is not valid" });
    const m = await remind({ channel: 'sms', ...over }, { id: `b-reach-${tag}-${seq}`, phone: to }, key);
    expect(m.status).toBe(fate === 'refused' ? 'failed' : 'sent');
    const sid = m.providerId!;
    if (fate === 'delivered') await statusCallback(m.id, { MessageSid: sid, MessageStatus: 'delivered' });
    else if (fate === 'failed-30008')
      await statusCallback(m.id, { MessageSid: sid, MessageStatus: 'failed', ErrorCode: '30008' });
    else if (/^\d+$/.test(fate))
      await statusCallback(m.id, { MessageSid: sid, MessageStatus: 'undelivered', ErrorCode: fate });
    return m.id;
  }

  /** The relay's signed bounce webhook about an email. */
  async function bounce(messageId: string, status: string, n: number) {
    const raw = Buffer.from(
      JSON.stringify({
        type: 'bounce',
        messageId: `<${messageId}@northwind.example>`,
        status,
        ...(status.startsWith('4') ? { action: 'delayed' } : {}),
        eventId: `evt-${tag}-${n}`,
      }),
    );
    const res = await fetch(`${h.url}/webhooks/email-bounces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-signature': signatureOf(SECRET, raw) },
      body: new Uint8Array(raw),
    });
    expect(res.status).toBe(202);
  }

  beforeAll(async () => {
    tw = await startFakeTwilio();
    sink = await startSmtpSink();
    h = await startHarness({
      db: variant,
      env: {
        ...providerEnv(tw, sink),
        INBOUND_MAIL_DOMAIN: 'replies.northwind.example',
        BOUNCE_DOMAIN: 'bounces.northwind.example',
        INBOUND_MAIL_SECRET: SECRET,
      },
    });
    expect((await h.api('PUT', '/v1/tenants/acme', { role: 'admin', body: ACME_TENANT })).status).toBe(201);
    const key = async (role: 'compliance' | 'collector') =>
      (await h.service.store.apiKeys.create(role, `acme ${role}`, new Date(), 'acme')).token;
    keys.acmeCompliance = await key('compliance');
    keys.acmeCollector = await key('collector');

    for (const fate of DEFAULT_TEXTS) await text(fate);
    const emails = [];
    for (let i = 0; i < 3; i++) {
      const m = await remind(
        { channel: 'email' },
        { id: `b-reach-mail-${tag}-${i}`, email: `kim.${tag}.${i}@example.com`, phone: phone() },
      );
      expect(m.status).toBe('sent');
      emails.push(m.id);
    }
    await bounce(emails[0]!, '5.1.1', 0);
    await bounce(emails[1]!, '4.2.2', 1);
    expect((await h.service.store.getMessage(emails[0]!))!.status).toBe('undelivered');
    expect((await h.service.store.getMessage(emails[1]!))!.status).toBe('sent');
    // Acme's own texts: one delivered, one the carrier does not know.
    await text('delivered', keys.acmeCollector);
    await text('30005', keys.acmeCollector);
    // A text to a landline that names an email fallback: the email goes, once, and is delivered.
    await text('30006', keys.acmeCollector, { fallback: ['email'] });
    await waitFor(
      async () => {
        const r = await h.api('GET', `/v1/outcomes/reach?from=${FROM}`, as(keys.acmeCompliance));
        return r.body.fallbacks[0]?.delivered === 1 || undefined;
      },
      { what: 'the fallback email to be sent' },
    );
  });
  afterAll(async () => {
    await h?.destroy();
    await tw?.close();
    await sink?.close();
  });

  type Row = Record<string, unknown> & { tenant: string; channel: string; reach: RateBody };
  const rowOf = (rows: Row[], tenant: string, channel: string) =>
    rows.find((r) => r.tenant === tenant && r.channel === channel)!;

  it('counts the texts handed over, delivered, awaiting a report, undelivered and failed by code, and the reach rate', async () => {
    const r = await h.api('GET', `/v1/outcomes/reach?from=${FROM}`, { role: 'compliance' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const sms = rowOf(r.body.items, 'default', 'sms');
    // Nine texts: eight taken by Twilio (one of them failed later, by the carrier), one refused at once.
    expect(sms).toMatchObject({
      handedOver: 8,
      delivered: 3,
      awaiting: 1,
      undelivered: 3,
      failed: 2,
      failedUnsent: 1,
      bounced: { hard: 0, soft: 0 },
    });
    expect(sms.reasons).toEqual([
      { status: 'undelivered', code: '30006', reason: expect.stringMatching(/landline/), n: 2 },
      { status: 'failed', code: '21211', reason: 'the number is not valid', n: 1 },
      { status: 'failed', code: '30008', reason: 'unknown error from the carrier', n: 1 },
      { status: 'undelivered', code: '30003', reason: expect.stringMatching(/unreachable/), n: 1 },
    ]);
    expectRate(sms.reach, 3, 8);
  });

  it('counts an email bounced hard as undelivered and a soft bounce as still delivered, both as bounces', async () => {
    const r = await h.api('GET', `/v1/outcomes/reach?from=${FROM}`, { role: 'compliance' });
    const email = rowOf(r.body.items, 'default', 'email');
    expect(email).toMatchObject({
      handedOver: 3,
      delivered: 2,
      undelivered: 1,
      failed: 0,
      bounced: { hard: 1, soft: 1 },
      reasons: [{ status: 'undelivered', code: '5.1.1', reason: 'hard bounce: the mailbox does not exist', n: 1 }],
    });
    expectRate(email.reach, 2, 3);
    const all = rowOf(r.body.tenants, 'default', 'all');
    expect(all).toMatchObject({ handedOver: 11, delivered: 5, bounced: { hard: 1, soft: 1 } });
    expectRate(all.reach, 5, 11);
  });

  it('shows a tenant’s key its own reach only; a deployment-wide key every tenant, or the one it names', async () => {
    const everyone = await h.api('GET', `/v1/outcomes/reach?from=${FROM}`, { role: 'compliance' });
    expect(everyone.body.tenant).toBeNull();
    expect(everyone.body.tenants.map((t: Row) => t.tenant)).toEqual(['acme', 'default']);
    const acme = await h.api('GET', `/v1/outcomes/reach?from=${FROM}`, as(keys.acmeCompliance));
    expect(acme.status).toBe(200);
    expect(acme.body.tenant).toBe('acme');
    expect(acme.body.items.map((i: Row) => `${i.tenant} ${i.channel}`)).toEqual(['acme email', 'acme sms']);
    const sms = rowOf(acme.body.items, 'acme', 'sms');
    expect(sms).toMatchObject({
      handedOver: 3,
      delivered: 1,
      undelivered: 2,
      reasons: [
        { status: 'undelivered', code: '30005', reason: 'the carrier does not know the number', n: 1 },
        { status: 'undelivered', code: '30006', reason: expect.stringMatching(/landline/), n: 1 },
      ],
    });
    expectRate(sms.reach, 1, 3);
    // The fallback email counts on its own channel, and apart as a fallback from SMS.
    expect(rowOf(acme.body.items, 'acme', 'email')).toMatchObject({ handedOver: 1, delivered: 1 });
    expect(acme.body.fallbacks).toEqual([
      expect.objectContaining({ tenant: 'acme', from: 'sms', to: 'email', taken: 1, handedOver: 1, delivered: 1 }),
    ]);
    expectRate(acme.body.fallbacks[0].reach, 1, 1);
    expect(everyone.body.fallbacks).toEqual(acme.body.fallbacks);
    expect(rowOf(everyone.body.items, 'acme', 'sms')).toEqual(sms);
    const named = await h.api('GET', `/v1/outcomes/reach?from=${FROM}&tenant=acme`, { role: 'compliance' });
    expect(named.body.items).toEqual(acme.body.items);
    // Acme's key cannot name another tenant.
    expect((await h.api('GET', `/v1/outcomes/reach?from=${FROM}&tenant=default`, as(keys.acmeCompliance))).status).toBe(
      404,
    );
  });

  it('counts each template group’s bounced emails beside what it delivered', async () => {
    const r = await h.api('GET', `/v1/outcomes/templates?from=${FROM}&tenant=default`, { role: 'compliance' });
    expect(r.status).toBe(200);
    const group = (channel: string) =>
      r.body.items.find((g: Row & { template: string }) => g.template === 'gentle-overdue' && g.channel === channel);
    // The hard-bounced email is undelivered: not among the messages that reached, but counted as bounced.
    expect(group('email')).toMatchObject({ messages: 2, delivered: 2, bounced: { hard: 1, soft: 1 } });
    expect(group('sms')).toMatchObject({ bounced: { hard: 0, soft: 0 } });
    const csv = await h.api('GET', `/v1/outcomes/templates?from=${FROM}&tenant=default&format=csv`, {
      role: 'compliance',
    });
    const [header, ...lines] = String(csv.body).trim().split('\r\n');
    const cols = header!.split(',');
    const email = lines.map((l) => l.split(',')).find((c) => c[0] === 'gentle-overdue' && c[1] === 'email')!;
    expect([email[cols.indexOf('bouncedHard')], email[cols.indexOf('bouncedSoft')]]).toEqual(['1', '1']);
  });

  it('puts the same reach in the periodic review, scoped like the rest of it', async () => {
    const reach = await h.api('GET', `/v1/outcomes/reach?from=${FROM}`, { role: 'compliance' });
    const review = await h.api('GET', `/v1/outcomes/review?from=${FROM}`, { role: 'compliance' });
    expect(review.status).toBe(200);
    expect(review.body.reach).toEqual({
      items: reach.body.items,
      tenants: reach.body.tenants,
      fallbacks: reach.body.fallbacks,
    });
    const acme = await h.api('GET', `/v1/outcomes/review?from=${FROM}`, as(keys.acmeCompliance));
    expect(acme.body.reach.tenants.map((t: Row) => t.tenant)).toEqual(['acme']);
    expect(
      String((await h.api('GET', `/v1/outcomes/review?from=${FROM}&format=csv`, as(keys.acmeCompliance))).body),
    ).toMatch(/\r\nfallback,acme sms to email,1,"1 of 1 handed over delivered/);
    // A period before any message: nothing handed over.
    const empty = await h.api('GET', `/v1/outcomes/review?from=${FROM}&to=2001-01-01T00:00:00Z`, {
      role: 'compliance',
    });
    expect(empty.body.reach).toEqual({ items: [], tenants: [], fallbacks: [] });
  });

  it('exports the reach as CSV, a row per tenant and channel and per tenant, and in the review’s CSV', async () => {
    const csv = await h.api('GET', `/v1/outcomes/reach?from=${FROM}&format=csv`, { role: 'compliance' });
    expect(csv.status).toBe(200);
    const text = String(csv.body);
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'tenant,channel,handedOver,delivered,awaiting,notAnswered,undelivered,failed,failedUnsent,bouncedHard,bouncedSoft,reachRate,reachLow,reachHigh,reasons',
    );
    expect(lines.find((l) => l.startsWith('default,sms,'))).toMatch(/^default,sms,8,3,1,0,3,2,1,0,0,0\.375,/);
    expect(lines.find((l) => l.startsWith('default,email,'))).toMatch(/^default,email,3,2,0,0,1,0,0,1,1,0\.6667,/);
    expect(lines.find((l) => l.startsWith('default,all,'))).toMatch(/^default,all,11,5,/);
    const review = await h.api('GET', `/v1/outcomes/review?from=${FROM}&format=csv`, { role: 'compliance' });
    expect(String(review.body)).toMatch(/\r\nreach,default sms,0\.375,"3 of 8 handed over delivered/);
  });
});
