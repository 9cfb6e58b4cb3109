/**
 * Channel fallback (issue 30, item 3), with real Redis, the fake Twilio and the service's clock
 * moved forward: where the profile says so, a text with no delivery report FALLBACK_AFTER (4 h)
 * after it went falls back to the next channel its reminder names, once, and a text delivered in
 * time does not; a fallback waits for the caps like any message (an SMS to a landline under a
 * one-contact-a-day cap calls the next day). SQLite and PostgreSQL. (Fallbacks on a provider's
 * answer, and on what the gate knows, are in address-facts.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveProfile } from '../../src/policy/profile.js';
import { postSignedCallback } from '../support/fake-twilio.js';
import { dbVariants, reminderBody } from '../support/harness.js';
import { type MovedClock, startMovedClock } from '../support/moved-clock.js';
import { openProfile } from '../support/profiles.js';
import { waitFor } from '../support/wait.js';

const HOUR = 3_600_000;

describe.each(dbVariants())('channel fallback on silence ($name)', (variant) => {
  let c: MovedClock;
  let n = 0;

  beforeAll(async () => {
    c = await startMovedClock(variant, resolveProfile({ ...openProfile('silence-test'), fallbackOnSilence: true }));
  });
  afterAll(async () => {
    await c?.destroy();
  });

  const fresh = () => {
    const i = n++;
    return {
      id: `b-silent-${i}-${Math.random().toString(36).slice(2, 6)}`,
      phone: `+1415558${String(1000 + i * 17 + Math.floor(Math.random() * 800)).padStart(4, '0')}`,
    };
  };
  /** A text with fallback ["voice"], sent. */
  async function sentText(b: ReturnType<typeof fresh>) {
    const r = await c.h.api('POST', '/v1/reminders', {
      body: reminderBody(
        { channel: 'sms', template: 'payment-plan-offer', fallback: ['voice'] },
        { ...b, timezone: 'UTC' },
      ),
    });
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    return waitFor(
      async () => {
        const m = await c.h.service.store.getMessage(r.body.messages[0].id);
        return m?.status === 'sent' ? m : undefined;
      },
      { what: 'the text sent' },
    );
  }
  const callsTo = (phone: string) => c.tw.calls().filter((x) => x.form.To === phone);

  it('falls back to a call for a text with no delivery report 4 hours on, once; not for one delivered', async () => {
    const silent = fresh();
    const delivered = fresh();
    const text = await sentText(silent);
    const other = await sentText(delivered);
    const res = await postSignedCallback(
      { url: c.h.url, publicBaseUrl: c.h.service.config.publicBaseUrl },
      c.tw.authToken,
      `/webhooks/twilio/message-status?m=${other.id}`,
      { MessageSid: other.providerId!, MessageStatus: 'delivered' },
    );
    expect(res.status).toBe(204);
    c.moveTo(c.now() + 4 * HOUR + 60_000);
    await waitFor(() => callsTo(silent.phone).length === 1 || undefined, { what: 'the fallback call' });
    const taken = (await c.h.service.store.listBorrowerEvents(silent.id)).filter((e) => e.type === 'fallback.taken');
    expect(taken).toHaveLength(1);
    expect(taken[0]!.data).toMatchObject({ from: text.id, channel: 'voice', why: 'silence' });

    // Later rounds: a text that went silent after these falls back, and nothing is taken twice.
    const later = fresh();
    await sentText(later);
    c.moveTo(c.now() + 4 * HOUR + 60_000);
    await waitFor(() => callsTo(later.phone).length === 1 || undefined, { what: 'the later fallback call' });
    expect(callsTo(silent.phone)).toHaveLength(1);
    expect(callsTo(delivered.phone)).toHaveLength(0);
  });
});

describe.each(dbVariants())('a fallback waits for the caps like any message ($name)', (variant) => {
  let c: MovedClock;

  beforeAll(async () => {
    // One contact a day on any channel, an undelivered text counted too: the fallback must wait for tomorrow.
    const profile = resolveProfile({
      ...openProfile('fallback-caps-test'),
      caps: [
        {
          name: 'one-contact-per-day',
          channels: ['sms', 'voice', 'email'],
          max: 1,
          per: { days: 1 },
          counts: ['pending', 'sent', 'delivered', 'undelivered'],
          source: 'test',
        },
      ],
    });
    c = await startMovedClock(variant, profile);
  });
  afterAll(async () => {
    await c?.destroy();
  });

  it('an SMS to a landline with fallback ["voice"] calls the next day, once, not over the cap', async () => {
    // At 10:00 UTC (whatever the hour the tests run at), so that tomorrow is far from now.
    const day = new Date(c.now()).toISOString().slice(0, 10);
    c.moveTo(Date.parse(`${day}T10:00:00Z`) + (Date.parse(`${day}T10:00:00Z`) > c.now() ? 0 : 86_400_000));
    const b = { id: `b-cap-${Math.random().toString(36).slice(2, 8)}`, phone: '+14155559901' };
    const r = await c.h.api('POST', '/v1/reminders', {
      body: reminderBody(
        { channel: 'sms', fallback: ['voice'], template: 'payment-plan-offer' },
        { ...b, timezone: 'UTC' },
      ),
    });
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    const text = await waitFor(
      async () => {
        const m = await c.h.service.store.getMessage(r.body.messages[0].id);
        return m?.status === 'sent' ? m : undefined;
      },
      { what: 'the text sent' },
    );
    const res = await postSignedCallback(
      { url: c.h.url, publicBaseUrl: c.h.service.config.publicBaseUrl },
      c.tw.authToken,
      `/webhooks/twilio/message-status?m=${text.id}`,
      { MessageSid: text.providerId!, MessageStatus: 'undelivered', ErrorCode: '30006' },
    );
    expect(res.status).toBe(204);
    // The fallback call is made, and held by the cap: deferred until tomorrow, not placed.
    const call = await waitFor(
      async () => {
        const taken = (await c.h.service.store.listBorrowerEvents(b.id)).find((e) => e.type === 'fallback.taken');
        if (!taken) return undefined;
        const events = await c.h.service.store.listEvents(taken.data.to as string);
        return JSON.stringify(events.at(-1)?.data ?? {}).includes('cap-reached')
          ? (taken.data.to as string)
          : undefined;
      },
      { what: 'the fallback call held by the cap' },
    );
    expect(c.tw.calls().filter((x) => x.form.To === b.phone)).toHaveLength(0);
    // Tomorrow: it goes, once.
    c.moveTo(c.now() + 86_400_000);
    await waitFor(async () => ((await c.h.service.store.getMessage(call))?.status === 'sent' ? true : undefined), {
      what: 'the fallback call placed the next day',
    });
    expect(c.tw.calls().filter((x) => x.form.To === b.phone)).toHaveLength(1);
  });
});
