/**
 * One key per purpose (docs/security.md, "Keys: one per purpose"). The key a collection system
 * holds to check its events cannot sign unsubscribe links; unsubscribe links already sent under
 * the scheme before keep working for their period, and only for messages sent before the change;
 * each tenant's events go to its own receiver, signed with its own key, with nothing of another
 * tenant's. Keys are derived here exactly as the documentation tells a reader to (HKDF-SHA256,
 * salt "reminder-dispatch", a label per purpose). Real service, real SMTP server, real receivers,
 * SQLite and PostgreSQL.
 */
import { createHmac, hkdfSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signEvent } from '../../src/http/webhooks/outbound-events.js';
import { startEventReceiver, type EventReceiver, type ReceivedEvent } from '../support/event-receiver.js';
import { providerEnv, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { dbVariants, reminderBody, startHarness, type Harness } from '../support/harness.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { waitFor } from '../support/wait.js';

/** As docs/security.md says: HKDF-SHA256 of SIGNING_SECRET, salt "reminder-dispatch", 32 bytes. */
const derive = (secret: string, info: string) => Buffer.from(hkdfSync('sha256', secret, 'reminder-dispatch', info, 32));
/** A tenant's events secret as its receiver is given it. */
const eventsSecretOf = (secret: string, tenant: string) => derive(secret, `events:${tenant}`).toString('base64url');
const b64 = (s: string) => Buffer.from(s).toString('base64url');
/** An unsubscribe token of the scheme before keys per purpose, under `key`. */
const legacyToken = (key: string | Buffer, messageId: string) =>
  `${b64(messageId)}.${createHmac('sha256', key)
    .update(`unsubscribe:${b64(messageId)}`)
    .digest('base64url')}`;
/** An unsubscribe token of the current scheme, under `key`. */
const u2Token = (key: string | Buffer, tenant: string, messageId: string) => {
  const payload = b64(`${tenant}/${messageId}`);
  return `u2.${payload}.${createHmac('sha256', key).update(`u2.${payload}`).digest('base64url')}`;
};
const oneClick = (url: string, token: string) =>
  fetch(`${url}/u/${token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });
const signedBy = (r: ReceivedEvent, secret: string) =>
  r.headers['x-reminder-signature'] === `v1=${signEvent(secret, String(r.headers['x-reminder-timestamp']), r.body)}`;

const ACME = {
  name: 'Acme Bank',
  kind: 'creditor',
  channels: ['sms', 'email'],
  senders: { sms: { from: '+14155550001' }, email: { from: 'Acme Bank <billing@acme.example>' } },
};
const BRAVO = {
  name: 'Bravo Lending',
  kind: 'creditor',
  channels: ['sms', 'email'],
  senders: { sms: { from: '+14155550002' }, email: { from: 'Bravo Lending <help@bravo.example>' } },
};
const ACME_EVENTS_SECRET = 'acme-own-events-secret-0123456789abcdef';
const OLD_SECRET = 'the-secret-before-the-rotation';

describe.each(dbVariants())('keys per purpose on $name', (variant) => {
  let tw: FakeTwilio;
  let smtp: SmtpSink;
  let operator: EventReceiver;
  let acmeReceiver: EventReceiver;
  let bravoReceiver: EventReceiver;
  let h: Harness;
  let secret: string;
  let seq = 0;
  const collectorOf: Record<string, string> = {};
  const agentOf: Record<string, string> = {};

  beforeAll(async () => {
    tw = await startFakeTwilio();
    smtp = await startSmtpSink();
    [operator, acmeReceiver, bravoReceiver] = await Promise.all([
      startEventReceiver(),
      startEventReceiver(),
      startEventReceiver(),
    ]);
    h = await startHarness({
      db: variant,
      env: {
        ...providerEnv(tw, smtp),
        EVENTS_WEBHOOK_URL: operator.url,
        SIGNING_SECRET_PREVIOUS: OLD_SECRET,
        TENANT_REFRESH_MS: '200',
      },
    });
    secret = `test-secret-${h.prefix}`;
    await tenant('acme', { ...ACME, events: { url: acmeReceiver.url, secret: ACME_EVENTS_SECRET } });
    await tenant('bravo', { ...BRAVO, events: { url: bravoReceiver.url } });
    await tenant('carol', {
      ...BRAVO,
      name: 'Carol Credit',
      senders: { ...BRAVO.senders, sms: { from: '+14155550003' } },
    });
  });
  afterAll(async () => {
    await h?.destroy();
    await Promise.all([tw?.close(), smtp?.close(), operator?.close(), acmeReceiver?.close(), bravoReceiver?.close()]);
  });

  async function tenant(id: 'acme' | 'bravo' | 'carol', body: Record<string, unknown>) {
    const res = await h.api('PUT', `/v1/tenants/${id}`, { role: 'admin', body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    collectorOf[id] = (await h.service.store.apiKeys.create('collector', `${id} collector`, new Date(), id)).token;
    agentOf[id] = (await h.service.store.apiKeys.create('agent', `${id} agent`, new Date(), id)).token;
  }

  /** Posts an email reminder (for a tenant, or the default one) and waits until it is sent; its message id. */
  async function sentEmail(tenantId?: 'acme' | 'bravo'): Promise<string> {
    const body = reminderBody({ channel: 'email' }, { id: `b-keys-${seq}`, email: `keys.${seq++}@example.com` });
    const res = await h.api(
      'POST',
      '/v1/reminders',
      tenantId ? { role: null, headers: { authorization: `Bearer ${collectorOf[tenantId]}` }, body } : { body },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const id = res.body.messages[0].id as string;
    await waitFor(async () => (await h.service.store.getMessage(id))?.status === 'sent', {
      what: `message ${id} sent`,
    });
    return id;
  }

  const emailOptedOut = async (id: string) => {
    const m = (await h.service.store.getMessage(id))!;
    const res = await h.api('GET', `/v1/opt-outs?address=${encodeURIComponent(m.to)}&tenant=${m.tenant}`, {
      role: 'compliance',
    });
    return res.body.suppressed === true;
  };

  /** Makes a message look as if it was sent `daysAgo` days ago, before this store began the current scheme. */
  const sentBeforeTheChange = async (id: string, daysAgo: number) => {
    await h.service.store.db
      .updateTable('messages')
      .set({ created_at: new Date(Date.now() - daysAgo * 86_400_000).toISOString() })
      .where('id', '=', id)
      .execute();
  };

  it('refuses an unsubscribe token forged with the key that signs the events', async () => {
    const id = await sentEmail();
    const event = await waitFor(
      () => operator.received.find((r) => r.json.data.messageId === id && r.json.type === 'message.sent'),
      { what: 'message.sent event', timeoutMs: 30_000 },
    );
    // The key the collection system checks its events with: whichever of these verifies them.
    const eventsKey = [secret, eventsSecretOf(secret, 'default')].find((k) => signedBy(event, k));
    expect(eventsKey, 'no candidate key verifies the event').toBeDefined();
    for (const forged of [legacyToken(eventsKey!, id), u2Token(eventsKey!, 'default', id)]) {
      const res = await oneClick(h.url, forged);
      expect(res.status, forged).toBe(403);
    }
    expect(await emailOptedOut(id)).toBe(false);
  });

  it('signs unsubscribe links with a key of their own, naming the tenant', async () => {
    const id = await sentEmail();
    const mail = await waitFor(() => smtp.mails.find((m) => m.messageId?.startsWith(`<${id}@`)), { what: 'the mail' });
    const token = mail.headerLines
      .find((l) => l.key === 'list-unsubscribe')!
      .line.replace(/^[^:]+:\s*<|>$/g, '')
      .split('/u/')[1]!;
    expect(token).toBe(u2Token(derive(secret, 'unsubscribe:v2'), 'default', id));
    expect((await oneClick(h.url, token)).status).toBe(200);
    expect(await emailOptedOut(id)).toBe(true);
  });

  it('refuses a token naming one tenant for another tenant’s message', async () => {
    const id = await sentEmail('bravo');
    const key = derive(secret, 'unsubscribe:v2');
    expect((await oneClick(h.url, u2Token(key, 'acme', id))).status).toBe(403);
    expect((await oneClick(h.url, u2Token(key, 'default', id))).status).toBe(403);
    expect(await emailOptedOut(id)).toBe(false);
  });

  it('honours a link of the scheme before for a message sent before the change, within UNSUBSCRIBE_LEGACY_DAYS', async () => {
    const id = await sentEmail();
    await sentBeforeTheChange(id, 30);
    const page = await fetch(`${h.url}/u/${legacyToken(secret, id)}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Unsubscribe');
    expect((await oneClick(h.url, legacyToken(secret, id))).status).toBe(200);
    expect(await emailOptedOut(id)).toBe(true);
  });

  it('refuses a link of the scheme before for a message created since the change', async () => {
    const id = await sentEmail();
    expect((await oneClick(h.url, legacyToken(secret, id))).status).toBe(403);
    expect(await emailOptedOut(id)).toBe(false);
  });

  it('answers a link of the scheme before past UNSUBSCRIBE_LEGACY_DAYS with 410 and how else to stop the emails', async () => {
    const id = await sentEmail();
    await sentBeforeTheChange(id, 91);
    const res = await oneClick(h.url, legacyToken(secret, id));
    expect(res.status).toBe(410);
    const text = await res.text();
    expect(text).toContain('This unsubscribe link has expired');
    expect(text).toContain('use the unsubscribe link in a more recent email from Northwind Bank');
    expect(await emailOptedOut(id)).toBe(false);
  });

  it('honours a link signed under SIGNING_SECRET_PREVIOUS for a message sent before the rotation', async () => {
    const id = await sentEmail();
    await sentBeforeTheChange(id, 30);
    expect((await oneClick(h.url, u2Token(derive(OLD_SECRET, 'unsubscribe:v2'), 'default', id))).status).toBe(200);
    expect(await emailOptedOut(id)).toBe(true);
  });

  it('refuses a link made with SIGNING_SECRET_PREVIOUS for a message created since the rotation', async () => {
    // The secret before may have been known outside (every events receiver held it before keys per purpose).
    const id = await sentEmail();
    expect((await oneClick(h.url, u2Token(derive(OLD_SECRET, 'unsubscribe:v2'), 'default', id))).status).toBe(403);
    expect((await oneClick(h.url, legacyToken(OLD_SECRET, id))).status).toBe(403);
    expect(await emailOptedOut(id)).toBe(false);
  });

  it('sends each tenant’s events to its own receiver, signed with its own key, and no other tenant’s', async () => {
    const acme = await sentEmail('acme');
    const bravo = await sentEmail('bravo');
    const own = await sentEmail();
    const sentAt = (r: EventReceiver, id: string) =>
      waitFor(() => r.received.find((e) => e.json.type === 'message.sent' && e.json.data.messageId === id), {
        what: `message.sent of ${id}`,
        timeoutMs: 30_000,
      });
    expect(signedBy(await sentAt(acmeReceiver, acme), ACME_EVENTS_SECRET)).toBe(true);
    expect(signedBy(await sentAt(bravoReceiver, bravo), eventsSecretOf(secret, 'bravo'))).toBe(true);
    expect(signedBy(await sentAt(operator, own), eventsSecretOf(secret, 'default'))).toBe(true);
    // Every event at each receiver is its tenant's, and signed with its key only.
    const stored = async (r: EventReceiver) =>
      Promise.all(
        r.received.map(
          async (e) =>
            (e.json.data.messageId
              ? (await h.service.store.getMessage(e.json.data.messageId as string))?.borrowerId
              : e.json.data.borrowerId) as string,
        ),
      );
    expect((await stored(acmeReceiver)).every((b) => b.startsWith('acme~'))).toBe(true);
    expect((await stored(bravoReceiver)).every((b) => b.startsWith('bravo~'))).toBe(true);
    expect((await stored(operator)).every((b) => !b.includes('~'))).toBe(true);
    expect(acmeReceiver.received.every((e) => signedBy(e, ACME_EVENTS_SECRET))).toBe(true);
    expect(
      bravoReceiver.received.every((e) => signedBy(e, eventsSecretOf(secret, 'bravo')) && !signedBy(e, secret)),
    ).toBe(true);
    expect(operator.received.every((e) => signedBy(e, eventsSecretOf(secret, 'default')) && !signedBy(e, secret))).toBe(
      true,
    );
  });

  it(
    'shows a hand-off as told to a tenant with a receiver, and as not configured for one whose events go nowhere',
    { timeout: 30_000 },
    async () => {
      const handoff = async (t: 'acme' | 'carol') => {
        const as = { role: null, headers: { authorization: `Bearer ${collectorOf[t]}` } };
        const debt = {
          ...reminderBody().debt,
          accountRef: `late-${t}`,
          amountDue: { amount: '9000.00', currency: 'USD' },
          daysOverdue: 45,
        };
        const res = await h.api('POST', `/v1/accounts/late-${t}/overdue`, {
          ...as,
          body: { borrower: { ...reminderBody().borrower, id: `late-${t}` }, debt },
        });
        expect(res.body, JSON.stringify(res.body)).toMatchObject({ stage: 'late' });
        return waitFor(
          async () => {
            const p = await h.api('GET', `/v1/borrowers/late-${t}/plan`, {
              role: null,
              headers: { authorization: `Bearer ${agentOf[t]}` },
            });
            const d = p.body.accounts?.[0]?.handoff?.event.delivery as string | undefined;
            return d && d !== 'pending' ? d : undefined;
          },
          { what: `the hand-off of ${t}`, timeoutMs: 20_000 },
        );
      };
      expect(await handoff('acme')).toBe('delivered');
      expect(await handoff('carol')).toBe('not-configured');
    },
  );

  it('never answers a tenant’s events secret back, only its last four characters, and refuses those as a secret', async () => {
    const one = await h.api('GET', '/v1/tenants/acme', { role: 'admin' });
    expect(one.body.events).toEqual({ url: acmeReceiver.url, secretEndsWith: ACME_EVENTS_SECRET.slice(-4) });
    const list = await h.api('GET', '/v1/tenants', { role: 'admin' });
    expect(JSON.stringify(list.body)).not.toContain(ACME_EVENTS_SECRET);
    // PUT back what GET gave: refused, naming the field and what to do.
    const res = await h.api('PUT', '/v1/tenants/acme', { role: 'admin', body: { ...ACME, events: one.body.events } });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        path: 'events.secretEndsWith',
        message: expect.stringContaining('give the whole secret again as events.secret'),
      }),
    ]);
  });
});
