/**
 * Promises drive the cadence, with real Redis, the fake Twilio and the service's clock moved
 * forward instead of waiting: a promise holds the account's messages and sends one courtesy
 * reminder the day before; a payment in time keeps it (a thank-you, the held message goes); no
 * payment breaks it ("we missed your payment" first, then the held message); a plan of three
 * instalments with one missed and two paid is kept; a crash between a promise's end and its hold's
 * release loses nothing. SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProfile } from '../support/profiles.js';
import type { FakeTwilio } from '../support/fake-twilio.js';
import { dbVariants, reminderBody, type Harness } from '../support/harness.js';
import { type MovedClock, startMovedClock } from '../support/moved-clock.js';
import { waitFor } from '../support/wait.js';

const DAY = 86_400_000;
// An all-day window and no caps: only a promise holds a text back.
const profile = openProfile('promises-test');

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe.each(dbVariants())('promises and plans drive the cadence ($name)', (variant) => {
  let c: MovedClock;
  let h: Harness;
  let tw: FakeTwilio;
  const now = () => c.now();
  let seq = 0;

  beforeAll(async () => {
    c = await startMovedClock(variant, profile, { PROMISE_GRACE_DAYS: '1', PLAN_MISSED_LIMIT: '2' });
    ({ h, tw } = c);
  });
  afterAll(async () => {
    await c?.destroy();
  });

  /** A borrower with one text sent on a fresh account, and a second reminder on it due `dueIn` from now. */
  async function borrowerWithPending(dueIn: number) {
    const n = seq++;
    const phone = `+1415555${String(7000 + n + Math.floor(Math.random() * 900)).padStart(4, '0')}`;
    const id = `b-prom-${n}-${Math.random().toString(36).slice(2, 6)}`;
    const account = `7000${String(n).padStart(4, '0')}${Math.floor(Math.random() * 1e8)}`;
    const body = (over: Record<string, unknown>) => {
      const b = reminderBody(over, { id, phone, timezone: 'UTC' });
      return { ...b, debt: { ...b.debt, accountRef: account } };
    };
    const first = await h.api('POST', '/v1/reminders', { body: body({}) });
    expect(first.status, JSON.stringify(first.body)).toBe(202);
    await waitFor(() => tw.messages().some((m) => m.form.To === phone) || undefined, { what: 'the first text' });
    const later = await h.api('POST', '/v1/reminders', {
      body: body({ sendAt: new Date(now() + dueIn).toISOString(), template: 'payment-plan-offer' }),
    });
    expect(later.status, JSON.stringify(later.body)).toBe(202);
    return { id, phone, account, pending: later.body.messages[0].id as string };
  }

  const textsTo = (phone: string) => tw.messages().filter((m) => m.form.To === phone);
  const statusOf = async (messageId: string) => (await h.service.store.getMessage(messageId))?.status;
  const events = (borrowerId: string) => h.service.store.listBorrowerEvents(borrowerId);

  /** Waits until the message was deferred with a promise's hold as the reason. */
  const heldByPromise = async (messageId: string) => {
    const last = (await h.service.store.listEvents(messageId)).at(-1);
    return JSON.stringify(last?.data ?? {}).includes('"kind":"promise"') || undefined;
  };

  /** Waits until the borrower's promise hold has ended (a watcher round after its note is out). */
  const holdEnded = (borrowerId: string) =>
    waitFor(
      async () =>
        (await h.api('GET', `/v1/borrowers/${borrowerId}/holds`, { role: 'agent' })).body.items[0]?.closedAt ||
        undefined,
      { what: 'the promise hold ended' },
    );

  async function promise(account: string, body: Record<string, unknown>) {
    return h.api('POST', `/v1/accounts/${account}/promises`, { body });
  }

  /** Moves the clock to `at` and waits until `what` holds (the feeder and the watcher run every 200 ms). */
  async function at<T>(when: number, what: string, check: () => Promise<T | undefined> | T | undefined) {
    c.moveTo(when);
    return waitFor(check, { what, timeoutMs: 20_000 });
  }

  it('holds the account until the promised date and sends one courtesy reminder the day before', async () => {
    const b = await borrowerWithPending(2 * DAY);
    const due = day(now() + 5 * DAY);
    const r = await promise(b.account, {
      id: `p-${b.id}`,
      kind: 'promise',
      promisedFor: due,
      amount: '50',
      currency: 'USD',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    // Its time comes: held with the promise as the reason, not sent.
    await at(now() + 2 * DAY + 60_000, 'the pending step held by the promise', async () => {
      const last = (await h.service.store.listEvents(b.pending)).at(-1);
      return JSON.stringify(last?.data ?? {}).includes('"kind":"promise"') || undefined;
    });
    expect(textsTo(b.phone)).toHaveLength(1);
    const plan = await h.api('GET', `/v1/borrowers/${b.id}/holds`, { role: 'agent' });
    expect(plan.body.items).toEqual([
      expect.objectContaining({ kind: 'promise', until: expect.any(String), closedAt: null }),
    ]);
    // The day before at 10:00 (UTC here): the courtesy reminder, with the date and the amount.
    const courtesy = await at(Date.parse(`${due}T10:00:00Z`) - DAY + 60_000, 'the courtesy text', () =>
      textsTo(b.phone).length === 2 ? textsTo(b.phone)[1] : undefined,
    );
    expect(courtesy!.form.Body).toMatch(/friendly reminder of the payment you arranged of \$50\.00/);
    expect(await statusOf(b.pending)).not.toBe('sent');
  });

  it('keeps a promise paid in time: a thank-you, the hold ends, the held step goes', async () => {
    const b = await borrowerWithPending(DAY);
    const due = day(now() + 3 * DAY);
    expect(
      (await promise(b.account, { id: `k-${b.id}`, kind: 'promise', promisedFor: due, amount: '50', currency: 'USD' }))
        .status,
    ).toBe(201);
    await at(now() + DAY + 60_000, 'the step held by the promise', () => heldByPromise(b.pending));
    const paid = await c.pay(b.account, `pay-${b.id}`, '50.00');
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    await waitFor(async () => ((await statusOf(b.pending)) === 'sent' ? true : undefined), {
      what: 'the held step sent',
    });
    const bodies = textsTo(b.phone).map((m) => m.form.Body);
    expect(bodies.some((t) => /received the payment you arranged/.test(t ?? ''))).toBe(true);
    const types = (await events(b.id)).map((e) => e.type);
    expect(types).toContain('promise.kept');
    expect(types).not.toContain('promise.broken');
    const holds = (await h.api('GET', `/v1/borrowers/${b.id}/holds`, { role: 'agent' })).body.items;
    expect(holds[0]).toMatchObject({ kind: 'promise', resolution: 'promise-kept' });
  });

  it('breaks a promise with no payment: "we missed your payment" first, then the cadence resumes', async () => {
    const b = await borrowerWithPending(DAY);
    const due = day(now() + 2 * DAY);
    expect((await promise(b.account, { id: `b-${b.id}`, kind: 'promise', promisedFor: due })).status).toBe(201);
    // The step comes due during the promise and waits for it.
    await at(now() + DAY + 60_000, 'the step held by the promise', () => heldByPromise(b.pending));
    // The due day and the one grace day pass (end of due + 1 day, UTC).
    const deadline = Date.parse(`${due}T00:00:00Z`) + 2 * DAY;
    await at(
      deadline + 60_000,
      'the missed-payment text',
      () => textsTo(b.phone).some((m) => /haven't seen the payment you planned/.test(m.form.Body ?? '')) || undefined,
    );
    expect(await statusOf(b.pending)).not.toBe('sent');
    // The hold ends once the note is out, and the cadence resumes an hour after that.
    await holdEnded(b.id);
    await at(now() + 3_600_000 + 60_000, 'the held step sent after the promise broke', async () =>
      (await statusOf(b.pending)) === 'sent' ? true : undefined,
    );
    const bodies = textsTo(b.phone).map((m) => m.form.Body);
    const missed = bodies.findIndex((t) => /haven't seen the payment you planned/.test(t ?? ''));
    const step = bodies.findIndex((t) => /split the/.test(t ?? ''));
    expect(missed).toBeGreaterThan(0);
    expect(step).toBeGreaterThan(missed);
    const broken = (await events(b.id)).find((e) => e.type === 'promise.broken');
    expect(broken?.data).toMatchObject({ accountRef: b.account, misses: 1 });
  });

  it('keeps a plan of three instalments with one missed and two paid (the limit is two misses)', async () => {
    const b = await borrowerWithPending(60 * DAY);
    const t0 = now();
    const dates = [day(t0 + 2 * DAY), day(t0 + 9 * DAY), day(t0 + 16 * DAY)];
    const r = await promise(b.account, {
      id: `plan-${b.id}`,
      kind: 'plan',
      currency: 'USD',
      instalments: dates.map((dueDate) => ({ dueDate, amount: '40.00' })),
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const pay = (n: number) =>
      h.api('POST', `/v1/accounts/${b.account}/payments`, {
        body: {
          id: `plan-pay-${n}-${b.id}`,
          amount: '40.00',
          currency: 'USD',
          paidAt: new Date(now()).toISOString(),
          kind: 'partial',
        },
      });
    // The first instalment is missed (nothing paid by its date plus a day of grace)…
    await at(
      Date.parse(`${dates[0]}T00:00:00Z`) + 2 * DAY + 60_000,
      'the first instalment missed',
      async () => (await events(b.id)).some((e) => e.type === 'promise.instalment_missed') || undefined,
    );
    expect((await events(b.id)).map((e) => e.type)).not.toContain('promise.broken');
    // …the second and third are paid on their days.
    c.moveTo(Date.parse(`${dates[1]}T12:00:00Z`));
    expect((await pay(2)).status).toBe(201);
    c.moveTo(Date.parse(`${dates[2]}T12:00:00Z`));
    expect((await pay(3)).status).toBe(201);
    await waitFor(async () => (await events(b.id)).some((e) => e.type === 'promise.kept') || undefined, {
      what: 'the plan kept',
    });
    const kept = (await events(b.id)).find((e) => e.type === 'promise.kept')!;
    expect(kept.data).toMatchObject({ kind: 'plan', misses: 1, instalments: 3, paid: '80.00' });
    expect((await events(b.id)).map((e) => e.type)).not.toContain('promise.broken');
  });

  it('finishes a promise ended but not released (a crash between the two): nothing held is lost', async () => {
    const b = await borrowerWithPending(DAY);
    const due = day(now() + 10 * DAY);
    expect((await promise(b.account, { id: `c-${b.id}`, kind: 'promise', promisedFor: due })).status).toBe(201);
    await at(now() + DAY + 60_000, 'the step held by the promise', () => heldByPromise(b.pending));
    // What a process that stopped right after deciding leaves: the promise broken, its hold still open.
    const id = (await h.service.store.promises.ofBorrower(b.id))[0]!.id;
    expect(await h.service.store.promises.end(id, 'broken', 1)).toBe(true);
    await waitFor(
      () => textsTo(b.phone).some((m) => /haven't seen the payment you planned/.test(m.form.Body ?? '')) || undefined,
      { what: 'the missed-payment text sent by the next round' },
    );
    await holdEnded(b.id);
    await at(now() + 3_600_000 + 60_000, 'the held step released', async () =>
      (await statusOf(b.pending)) === 'sent' ? true : undefined,
    );
    expect((await h.service.store.promises.get(id))!.closedAt).not.toBeNull();
  });

  it.each<[string, (t: number) => Record<string, unknown>, string, RegExp]>([
    ['a date in the past', () => ({ kind: 'promise', promisedFor: '2020-01-01' }), 'promisedFor', /past/],
    [
      'a date too far ahead',
      (t) => ({ kind: 'promise', promisedFor: day(t + 400 * DAY) }),
      'promisedFor',
      /90 days ahead/,
    ],
    ['no instalments', () => ({ kind: 'plan', currency: 'USD', instalments: [] }), 'instalments', /at least one/],
    [
      'instalments out of order',
      (t) => ({
        kind: 'plan',
        currency: 'USD',
        instalments: [
          { dueDate: day(t + 9 * DAY), amount: '10' },
          { dueDate: day(t + 2 * DAY), amount: '10' },
        ],
      }),
      'instalments.1.dueDate',
      /after the previous/,
    ],
    [
      '61 instalments',
      (t) => ({
        kind: 'plan',
        currency: 'USD',
        instalments: Array.from({ length: 61 }, (_, i) => ({ dueDate: day(t + (i + 1) * DAY), amount: '1' })),
      }),
      'instalments',
      /at most 60/,
    ],
    [
      'another currency',
      (t) => ({ kind: 'plan', currency: 'EUR', instalments: [{ dueDate: day(t + 2 * DAY), amount: '10' }] }),
      'currency',
      /USD, not EUR/,
    ],
    [
      'instalments on a promise',
      (t) => ({ kind: 'promise', promisedFor: day(t + 2 * DAY), instalments: [] }),
      'instalments',
      /.+/,
    ],
  ])('refuses %s, naming the field', async (_what, body, field, message) => {
    const b = await borrowerWithPending(DAY);
    const r = await promise(b.account, { id: `bad-${Math.random()}`, ...body(now()) });
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(r.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: field, message: expect.stringMatching(message) })]),
    );
  });

  it('refuses a promise on a resolved account', async () => {
    const b = await borrowerWithPending(DAY);
    expect(
      (
        await h.api('POST', `/v1/accounts/${b.account}/payments`, {
          body: {
            id: `full-${b.id}`,
            amount: '120.50',
            currency: 'USD',
            paidAt: new Date(now()).toISOString(),
            kind: 'full',
          },
        })
      ).status,
    ).toBe(201);
    const r = await promise(b.account, { id: `late-${b.id}`, kind: 'promise', promisedFor: day(now() + 3 * DAY) });
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([expect.objectContaining({ path: 'accountRef' })]);
  });
});
