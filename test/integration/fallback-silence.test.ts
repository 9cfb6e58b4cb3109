/**
 * Channel fallback on silence (issue 30, item 3), with real Redis, the fake Twilio and the
 * service's clock moved forward: where the profile says so, a text with no delivery report
 * FALLBACK_AFTER (4 h) after it went falls back to the next channel its reminder names, once; a
 * text delivered in time does not, and neither does one under a profile that does not say so.
 * SQLite and PostgreSQL.
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
