/**
 * A hold that ends at night waits for the contact window (issue 29, item 6), with real Redis, the
 * fake Twilio and the service's clock moved forward: texts are allowed 08:00–21:00 in the
 * borrower's zone (UTC here). A promise kept by a payment at 02:00 releases what it held, and that
 * goes at 08:00, not at 02:00. A promise broken at midnight (its deadline) sends "we missed your
 * payment" when the window opens, and only then — an hour after it — the step it held: the hold
 * stays until its note is out, so nothing due meanwhile goes ahead of it. SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveProfile } from '../../src/policy/profile.js';
import { openProfile } from '../support/profiles.js';
import type { FakeTwilio } from '../support/fake-twilio.js';
import { dbVariants, reminderBody, type Harness } from '../support/harness.js';
import { type MovedClock, startMovedClock } from '../support/moved-clock.js';
import { waitFor } from '../support/wait.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const open = openProfile('promise-night-test');
// Texts 08:00–21:00 local; no caps: only the window and the promise hold a text back.
const profile = resolveProfile({ ...open, windows: { ...open.windows, sms: { from: '08:00', to: '21:00' } } });

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** The next 10:00 UTC from `ms` (inside the window, whatever the hour the tests run at). */
const nextTen = (ms: number) => {
  const t = Date.parse(`${day(ms)}T10:00:00Z`);
  return t > ms ? t : t + DAY;
};
const hourOf = (iso: string) => new Date(iso).getUTCHours();

describe.each(dbVariants())('a hold ending at night waits for the window ($name)', (variant) => {
  let c: MovedClock;
  let h: Harness;
  let tw: FakeTwilio;
  const now = () => c.now();
  const moveTo = (when: number) => c.moveTo(when);
  let seq = 0;

  beforeAll(async () => {
    c = await startMovedClock(variant, profile, { PROMISE_GRACE_DAYS: '1' });
    ({ h, tw } = c);
  });
  afterAll(async () => {
    await c?.destroy();
  });

  const at = <T>(when: number, what: string, check: () => Promise<T | undefined> | T | undefined) => {
    moveTo(when);
    return waitFor(check, { what, timeoutMs: 20_000 });
  };
  const textsTo = (phone: string) => tw.messages().filter((m) => m.form.To === phone);
  const statusOf = async (id: string) => (await h.service.store.getMessage(id))?.status;
  const heldByPromise = async (id: string) => {
    const last = (await h.service.store.listEvents(id)).at(-1);
    return JSON.stringify(last?.data ?? {}).includes('"kind":"promise"') || undefined;
  };
  /** When the store says the message went to Twilio (its `sent` event), on the service's clock. */
  const sentAt = async (id: string) => (await h.service.store.listEvents(id)).find((e) => e.type === 'sent')?.at;

  /** At 10:00 UTC: a borrower with one text sent and a second reminder on the account due the next day. */
  async function borrowerWithPending() {
    moveTo(nextTen(now()));
    const n = seq++;
    const phone = `+1415556${String(1000 + n * 7 + Math.floor(Math.random() * 900)).padStart(4, '0')}`;
    const id = `b-night-${n}-${Math.random().toString(36).slice(2, 6)}`;
    const account = `8100${String(n).padStart(4, '0')}${Math.floor(Math.random() * 1e8)}`;
    const body = (over: Record<string, unknown>) => {
      const b = reminderBody(over, { id, phone, timezone: 'UTC' });
      return { ...b, debt: { ...b.debt, accountRef: account } };
    };
    expect((await h.api('POST', '/v1/reminders', { body: body({}) })).status).toBe(202);
    await waitFor(() => textsTo(phone).length === 1 || undefined, { what: 'the first text' });
    const later = await h.api('POST', '/v1/reminders', {
      body: body({ sendAt: new Date(now() + DAY).toISOString(), template: 'payment-plan-offer' }),
    });
    expect(later.status, JSON.stringify(later.body)).toBe(202);
    return { id, phone, account, pending: later.body.messages[0].id as string };
  }

  it('a promise kept at 02:00 releases what it held, and that goes when the window opens', async () => {
    const b = await borrowerWithPending();
    const due = day(now() + 3 * DAY);
    const made = await h.api('POST', `/v1/accounts/${b.account}/promises`, {
      body: { id: `n-${b.id}`, kind: 'promise', promisedFor: due, amount: '50', currency: 'USD' },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    await at(now() + DAY + 60_000, 'the step held by the promise', () => heldByPromise(b.pending));
    // 02:00 UTC the next night: the payment comes in and keeps the promise; the hold ends.
    moveTo(Date.parse(`${day(now() + DAY)}T02:00:00Z`));
    const paid = await c.pay(b.account, `pay-${b.id}`, '50.00');
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    await waitFor(
      async () => (await h.service.store.listBorrowerEvents(b.id)).some((e) => e.type === 'promise.kept') || undefined,
      { what: 'the promise kept' },
    );
    // Through the night nothing goes: the thank-you waits for the window, the hold for the thank-you.
    moveTo(now() + 3 * HOUR);
    await waitFor(
      async () => {
        const events = await h.service.store.listEvents(b.pending);
        return JSON.stringify(events.at(-1)?.data ?? {}).includes('"kind":"promise"') || undefined;
      },
      { what: 'the step still held at 05:00' },
    );
    expect(textsTo(b.phone)).toHaveLength(1);
    // 08:00: the window opens and it goes (the thank-you as well).
    await at(Date.parse(`${day(now())}T08:00:30Z`), 'the held step sent at 08:00', async () =>
      (await statusOf(b.pending)) === 'sent' ? true : undefined,
    );
    expect(hourOf((await sentAt(b.pending))!)).toBe(8);
    // The thank-you first: the hold stayed until it was out.
    const bodies = textsTo(b.phone).map((m) => m.form.Body ?? '');
    const thanks = bodies.findIndex((t) => /received the payment you arranged/.test(t));
    expect(thanks).toBeGreaterThan(0);
    expect(bodies.findIndex((t) => /split the/.test(t))).toBeGreaterThan(thanks);
  });

  it('a promise broken at midnight: "we missed your payment" at 08:00, the held step an hour after it', async () => {
    const b = await borrowerWithPending();
    const due = day(now() + 2 * DAY);
    const made = await h.api('POST', `/v1/accounts/${b.account}/promises`, {
      body: { id: `m-${b.id}`, kind: 'promise', promisedFor: due },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    await at(now() + DAY + 60_000, 'the step held by the promise', () => heldByPromise(b.pending));
    // The deadline is the end of the due day plus the grace day: 00:00 UTC, at night.
    const deadline = Date.parse(`${due}T00:00:00Z`) + 2 * DAY;
    await at(
      deadline + 60_000,
      'the promise broken',
      async () =>
        (await h.service.store.listBorrowerEvents(b.id)).some((e) => e.type === 'promise.broken') || undefined,
    );
    // Through the night nothing is sent: the note waits for the window, the hold for the note.
    const before = textsTo(b.phone).length;
    moveTo(deadline + 5 * HOUR);
    await waitFor(
      async () => {
        const events = await h.service.store.listEvents(b.pending);
        return events.at(-1)?.type === 'deferred' || events.at(-1)?.type === 'scheduled' || undefined;
      },
      { what: 'the held step still waiting at 05:00' },
    );
    expect(textsTo(b.phone)).toHaveLength(before);
    expect((await h.api('GET', `/v1/borrowers/${b.id}/holds`, { role: 'agent' })).body.items[0]).toMatchObject({
      kind: 'promise',
      closedAt: null,
    });
    // 08:00: the note goes; the hold ends once it is out, and the step resumes an hour later.
    const note = await at(deadline + 8 * HOUR + 30_000, 'the missed-payment text at 08:00', () =>
      textsTo(b.phone).find((m) => /haven't seen the payment you planned/.test(m.form.Body ?? '')),
    );
    expect(note).toBeDefined();
    await waitFor(
      async () =>
        (await h.api('GET', `/v1/borrowers/${b.id}/holds`, { role: 'agent' })).body.items[0].closedAt || undefined,
      { what: 'the hold ended after the note' },
    );
    expect(await statusOf(b.pending)).not.toBe('sent');
    await at(deadline + 9 * HOUR + 60_000, 'the held step sent after the note', async () =>
      (await statusOf(b.pending)) === 'sent' ? true : undefined,
    );
    const bodies = textsTo(b.phone).map((m) => m.form.Body ?? '');
    const missed = bodies.findIndex((t) => /haven't seen the payment you planned/.test(t));
    const step = bodies.findIndex((t) => /split the/.test(t));
    expect(step).toBeGreaterThan(missed);
    expect(hourOf((await sentAt(b.pending))!)).toBe(9);
  });
});
