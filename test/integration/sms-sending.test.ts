/**
 * An SMS carries a validity period that ends when the borrower's contact window closes, so a text
 * that waits in Twilio's queue is dropped rather than delivered at night; Twilio reporting that it
 * expired (30036) or overflowed the queue (30001) makes the message `undelivered` with that reason.
 * Driven through the twilio SDK against the local fake of its REST API.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveProfile, US_REGF } from '../../src/policy/profile.js';
import { providerEnv, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { reminderBody, sqliteOnly, startHarness, type Harness } from '../support/harness.js';
import { waitFor } from '../support/wait.js';

const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);

/** An SMS window in UTC that is open now and closes about 90 minutes from now (or at midnight, if that comes first). */
function windowClosingSoon(now: number): { from: string; to: string; closesAt: number } {
  const close = now + 90 * 60_000;
  const midnight = Date.UTC(
    new Date(now).getUTCFullYear(),
    new Date(now).getUTCMonth(),
    new Date(now).getUTCDate() + 1,
  );
  if (close >= midnight) return { from: '01:00', to: '24:00', closesAt: midnight };
  const to = hhmm(close);
  return { from: '00:00', to, closesAt: Date.parse(`${new Date(now).toISOString().slice(0, 11)}${to}:00.000Z`) };
}

describe('SMS validity period', () => {
  let tw: FakeTwilio;
  let h: Harness;
  let window: ReturnType<typeof windowClosingSoon>;

  beforeAll(async () => {
    tw = await startFakeTwilio();
    window = windowClosingSoon(Date.now());
    const profile = resolveProfile({
      ...US_REGF,
      name: 'validity-test',
      windows: { ...US_REGF.windows, sms: { from: window.from, to: window.to } },
      caps: [],
      spreadSeconds: 0,
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-validity-'));
    fs.writeFileSync(path.join(dir, 'profile.json'), JSON.stringify(profile));
    h = await startHarness({
      db: sqliteOnly,
      env: { POLICY_FILE: path.join(dir, 'profile.json'), ...providerEnv(tw) },
    });
  });
  afterAll(async () => {
    await h?.destroy();
    await tw?.close();
  });

  /** Posts an SMS reminder to `phone` (a borrower in UTC) and waits until it is sent. */
  async function sentSms(phone: string) {
    const res = await h.api('POST', '/v1/reminders', {
      body: reminderBody({ channel: 'sms' }, { phone, timezone: 'UTC' }),
    });
    expect(res.status).toBe(202);
    const id = res.body.messages[0].id as string;
    return waitFor(
      async () => {
        const m = await h.service.store.getMessage(id);
        return m?.status === 'sent' ? m : undefined;
      },
      { what: 'the SMS to be sent' },
    );
  }

  /** A status callback, signed as Twilio signs it. */
  async function statusCallback(id: string, params: Record<string, string>) {
    const route = `/webhooks/twilio/message-status?m=${id}`;
    const url = `${h.service.config.publicBaseUrl}${route}`;
    const res = await fetch(`${h.url}${route}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilio.getExpectedTwilioSignature(tw.authToken, url, params),
      },
      body: new URLSearchParams(params).toString(),
    });
    expect(res.status).toBe(204);
  }

  it('sets ValidityPeriod to the time left in the contact window, and records a 30036 expiry as undelivered with its reason', async () => {
    const sent = await sentSms('+14155557701');
    const req = tw.messages().find((r) => r.form.To === '+14155557701')!;
    // The request reached Twilio at req.at; the window closes at window.closesAt.
    const expected = Math.floor((window.closesAt - req.at) / 1000);
    expect(Number(req.form.ValidityPeriod)).toBeGreaterThanOrEqual(expected - 5);
    expect(Number(req.form.ValidityPeriod)).toBeLessThanOrEqual(Math.min(36_000, expected + 5));

    // Twilio gives up at the end of the validity period and says so in a signed status callback.
    await statusCallback(sent.id, { MessageSid: sent.providerId!, MessageStatus: 'undelivered', ErrorCode: '30036' });
    const m = (await h.service.store.getMessage(sent.id))!;
    expect(m).toMatchObject({
      status: 'undelivered',
      error: { code: '30036', message: expect.stringMatching(/validity period expired/) },
    });
    const last = (await h.service.store.listEvents(sent.id)).at(-1)!;
    expect(last).toMatchObject({
      type: 'undelivered',
      data: { errorCode: '30036', reason: expect.stringContaining('contact window closed') },
    });
  });

  it('names a queue overflow (30001) the same way', async () => {
    const sent = await sentSms('+14155557702');
    await statusCallback(sent.id, { MessageSid: sent.providerId!, MessageStatus: 'failed', ErrorCode: '30001' });
    const m = (await h.service.store.getMessage(sent.id))!;
    expect(m).toMatchObject({
      status: 'failed',
      error: { code: '30001', message: expect.stringMatching(/queue overflow/) },
    });
  });
});

describe('SMS through a Messaging Service', () => {
  let tw: FakeTwilio;
  let h: Harness;
  const sid = `MG${'0123456789abcdef'.repeat(2)}`;

  beforeAll(async () => {
    tw = await startFakeTwilio();
    h = await startHarness({ db: sqliteOnly, env: { ...providerEnv(tw), TWILIO_MESSAGING_SERVICE_SID: sid } });
  });
  afterAll(async () => {
    await h?.destroy();
    await tw?.close();
  });

  it('sends with MessagingServiceSid and no From, while calls keep the From number', async () => {
    const sms = await h.api('POST', '/v1/reminders', {
      body: reminderBody({ channel: 'sms' }, { phone: '+14155557711' }),
    });
    const call = await h.api('POST', '/v1/reminders', {
      body: reminderBody({ channel: 'voice', template: 'gentle-overdue' }, { phone: '+14155557712' }),
    });
    await waitFor(
      () =>
        (tw.messages().some((r) => r.form.To === '+14155557711') &&
          tw.calls().some((r) => r.form.To === '+14155557712')) ||
        undefined,
      { what: 'the text and the call' },
    );
    const text = tw.messages().find((r) => r.form.To === '+14155557711')!;
    expect(text.form.MessagingServiceSid).toBe(sid);
    expect(text.form.From).toBeUndefined();
    expect(tw.calls().find((r) => r.form.To === '+14155557712')!.form.From).toBe(providerEnv(tw).TWILIO_FROM);
    expect([sms.status, call.status]).toEqual([202, 202]);
  });
});
