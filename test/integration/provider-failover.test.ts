/**
 * Provider failover (issue 30, item 4; docs/reach.md): while the primary SMTP relay or Twilio
 * account is down, messages go through the secondary, each once; the audit names the route that
 * sent each; callbacks from the secondary account verify with its own token; once the primary is
 * back (its breaker's probe succeeds), sends return to it.
 *
 * The outage's length is the breaker's business, not the test's: BREAKER_OPEN_MS is short, and
 * the test waits on conditions (all sent, the primary's first mail) rather than sleeping.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postSignedCallback, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { freePort } from '../support/ports.js';
import { type Harness, reminderBody, sqliteOnly, startHarness } from '../support/harness.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { waitFor } from '../support/wait.js';

const BREAKER = { BREAKER_FAILURES: '5', BREAKER_OPEN_MS: '500', RETRY_ATTEMPTS: '5', WORKER_CONCURRENCY: '10' };

/** The messages of a channel, with the route each went through. */
async function messages(h: Harness, channel: string) {
  return h.service.store.db
    .selectFrom('messages')
    .select(['id', 'status', 'route', 'to_addr'])
    .where('channel', '=', channel)
    .execute();
}

async function allSent(h: Harness, channel: string, n: number) {
  return waitFor(
    async () => {
      const rows = await messages(h, channel);
      return rows.length === n && rows.every((r) => r.status === 'sent') ? rows : undefined;
    },
    { timeoutMs: 120_000, intervalMs: 250, what: `${n} ${channel} messages sent` },
  );
}

/** How many times each address was sent to, over every provider given. */
function perAddress(...lists: string[][]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const to of lists.flat()) counts.set(to, (counts.get(to) ?? 0) + 1);
  return counts;
}

/**
 * Sends one message at a time until the primary has taken one: its breaker half-opens, a probe
 * goes to it, and its success closes the circuit. Returns how many were posted.
 */
async function trickleUntil(h: Harness, body: (i: number) => Record<string, unknown>, done: () => boolean) {
  let i = 0;
  await waitFor(
    async () => {
      if (done()) return true;
      const res = await h.api('POST', '/v1/reminders', { body: body(i++) });
      expect(res.status, JSON.stringify(res.body)).toBe(202);
      return undefined;
    },
    { timeoutMs: 60_000, intervalMs: 300, what: 'the primary to take a message again' },
  );
  return i;
}

describe('SMTP relay failover', () => {
  let primaryPort: number;
  let primary: SmtpSink | undefined;
  let secondary: SmtpSink;
  let h: Harness;
  const email = (prefix: string, i: number) => `${prefix}-${i}@example.com`;
  const body = (prefix: string, i: number) =>
    reminderBody(
      { channel: 'email', externalId: `${prefix}-${i}` },
      { id: `b-${prefix}-${i}`, email: email(prefix, i) },
    );

  beforeAll(async () => {
    primaryPort = await freePort(); // nothing listens: connection refused, certainly not sent
    secondary = await startSmtpSink();
    h = await startHarness({
      db: sqliteOnly,
      env: {
        SMTP_URL: `smtp://127.0.0.1:${primaryPort}`,
        EMAIL_FROM: 'Northwind Bank <reminders@northwind.example>',
        SMTP_SECONDARY_URL: secondary.url,
        ...BREAKER,
      },
    });
  });
  afterAll(async () => {
    await h?.destroy();
    await secondary?.close();
    await primary?.close();
  });

  it(
    'sends all 200 due emails through the secondary relay, once each, while the primary is down',
    { timeout: 180_000 },
    async () => {
      const reminders = Array.from({ length: 200 }, (_, i) => body('down', i));
      const res = await h.api('POST', '/v1/reminders/batch', { body: { reminders } });
      expect(res.body.accepted).toBe(200);
      const rows = await allSent(h, 'email', 200);

      expect(rows.every((r) => r.route === 'smtp:secondary')).toBe(true);
      const counts = perAddress(secondary.envelopes.map((e) => e.to).flat());
      expect(counts.size).toBe(200);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      // The audit says which relay sent each: the `sent` event names the route.
      const sent = await h.service.store.listEvents(rows[0]!.id);
      expect(sent.find((e) => e.type === 'sent')?.data).toMatchObject({ provider: 'smtp', route: 'smtp:secondary' });
      const metrics = await fetch(`${h.url}/metrics`).then((r) => r.text());
      expect(metrics).toMatch(/messages_sent_by_route_total\{channel="email",route="smtp:secondary"\} 200/);
      const ready = (await fetch(`${h.url}/readyz`).then((r) => r.json())) as { providers: Record<string, string> };
      expect(ready.providers).toMatchObject({ 'smtp:secondary': 'closed' });
      expect(ready.providers.smtp).not.toBe('closed');
    },
  );

  it('returns to the primary relay once it is back', { timeout: 180_000 }, async () => {
    primary = await startSmtpSink({ port: primaryPort });
    const trickled = await trickleUntil(
      h,
      (i) => body('back', i),
      () => primary!.mails.length > 0,
    );
    await allSent(h, 'email', 200 + trickled);

    // The primary's circuit is closed now: every send goes to it.
    const reminders = Array.from({ length: 20 }, (_, i) => body('after', i));
    const res = await h.api('POST', '/v1/reminders/batch', { body: { reminders } });
    expect(res.body.accepted).toBe(20);
    const rows = await allSent(h, 'email', 220 + trickled);
    const after = rows.filter((r) => r.to_addr.startsWith('after-'));
    expect(after).toHaveLength(20);
    expect(after.every((r) => r.route === 'smtp:primary')).toBe(true);
    const toPrimary = primary.envelopes.map((e) => e.to).flat();
    for (let i = 0; i < 20; i++) expect(toPrimary).toContain(email('after', i));
    // Once each, over both relays, for every message of the test.
    const counts = perAddress(toPrimary, secondary.envelopes.map((e) => e.to).flat());
    expect(counts.size).toBe(220 + trickled);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });
});

describe('Twilio failover to a second account', () => {
  let primaryPort: number;
  let primary: FakeTwilio;
  let secondary: FakeTwilio;
  let h: Harness;
  const phone = (base: number, i: number) => `+1415${String(base + i).padStart(7, '0')}`;
  const body = (prefix: string, base: number, i: number) =>
    reminderBody({ channel: 'sms', externalId: `${prefix}-${i}` }, { id: `b-${prefix}-${i}`, phone: phone(base, i) });

  beforeAll(async () => {
    primaryPort = await freePort();
    primary = await startFakeTwilio({ port: primaryPort });
    await primary.close(); // down: connection refused
    secondary = await startFakeTwilio();
    h = await startHarness({
      db: sqliteOnly,
      env: {
        TWILIO_ACCOUNT_SID: primary.accountSid,
        TWILIO_AUTH_TOKEN: primary.authToken,
        TWILIO_FROM: '+15005550006',
        TWILIO_API_BASE_URL: `http://127.0.0.1:${primaryPort}`,
        TWILIO_SECONDARY_ACCOUNT_SID: secondary.accountSid,
        TWILIO_SECONDARY_AUTH_TOKEN: secondary.authToken,
        TWILIO_SECONDARY_FROM: '+15005550007',
        TWILIO_SECONDARY_API_BASE_URL: secondary.url,
        ...BREAKER,
      },
    });
  });
  afterAll(async () => {
    await h?.destroy();
    await primary?.close();
    await secondary?.close();
  });

  it(
    'sends all 200 due SMS through the second account, once each, while the first is down',
    { timeout: 180_000 },
    async () => {
      const reminders = Array.from({ length: 200 }, (_, i) => body('down', 5_550_000, i));
      const res = await h.api('POST', '/v1/reminders/batch', { body: { reminders } });
      expect(res.body.accepted).toBe(200);
      const rows = await allSent(h, 'sms', 200);

      expect(rows.every((r) => r.route === 'twilio:secondary')).toBe(true);
      const sent = secondary.messages();
      expect(sent.every((r) => r.accountSid === secondary.accountSid && r.form.From === '+15005550007')).toBe(true);
      const counts = perAddress(sent.map((r) => r.form.To!));
      expect(counts.size).toBe(200);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      const events = await h.service.store.listEvents(rows[0]!.id);
      expect(events.find((e) => e.type === 'sent')?.data).toMatchObject({
        provider: 'twilio',
        route: 'twilio:secondary',
      });
    },
  );

  it("verifies the second account's status callbacks with its own auth token", async () => {
    const [m] = await messages(h, 'sms');
    const providerId = (await h.service.store.getMessage(m!.id))!.providerId!;
    const route = `/webhooks/twilio/message-status?m=${m!.id}`;
    const params = {
      AccountSid: secondary.accountSid,
      MessageSid: providerId,
      MessageStatus: 'delivered',
    };
    const service = { url: h.url, publicBaseUrl: h.service.config.publicBaseUrl };
    // Signed with the first account's token, claiming the second: refused.
    expect((await postSignedCallback(service, primary.authToken, route, params)).status).toBe(403);
    expect((await postSignedCallback(service, secondary.authToken, route, params)).status).toBe(204);
    expect((await h.service.store.getMessage(m!.id))!.status).toBe('delivered');
  });

  it('returns to the first account once it is back', { timeout: 180_000 }, async () => {
    primary = await startFakeTwilio({
      port: primaryPort,
      accountSid: primary.accountSid,
      authToken: primary.authToken,
    });
    const trickled = await trickleUntil(
      h,
      (i) => body('back', 5_560_000, i),
      () => primary.messages().length > 0,
    );
    await waitFor(
      async () => (await messages(h, 'sms')).every((r) => r.status === 'sent' || r.status === 'delivered') || undefined,
      { timeoutMs: 60_000, what: 'the trickled messages sent' },
    );

    const reminders = Array.from({ length: 20 }, (_, i) => body('after', 5_570_000, i));
    const res = await h.api('POST', '/v1/reminders/batch', { body: { reminders } });
    expect(res.body.accepted).toBe(20);
    await waitFor(
      async () => {
        const rows = (await messages(h, 'sms')).filter((r) => r.to_addr.startsWith('+1415557'));
        return rows.length === 20 && rows.every((r) => r.status === 'sent') ? rows : undefined;
      },
      { timeoutMs: 60_000, what: 'the 20 sent after the first account came back' },
    );
    const after = (await messages(h, 'sms')).filter((r) => r.to_addr.startsWith('+1415557'));
    expect(after.every((r) => r.route === 'twilio:primary')).toBe(true);
    const toPrimary = primary.messages().map((r) => r.form.To!);
    for (let i = 0; i < 20; i++) expect(toPrimary).toContain(phone(5_570_000, i));
    expect(primary.messages().every((r) => r.form.From === '+15005550006')).toBe(true);
    const counts = perAddress(
      toPrimary,
      secondary.messages().map((r) => r.form.To!),
    );
    expect(counts.size).toBe(220 + trickled);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });
});
