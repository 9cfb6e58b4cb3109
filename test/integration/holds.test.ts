/**
 * Holds on a borrower through the real service (real Redis, the store on SQLite and PostgreSQL):
 * a message for a borrower with a dispute open is not sent but waits `scheduled`, its deferral
 * naming the dispute, and goes through the sandbox outbox once the dispute is closed; a paid-claim
 * hold ends when a payment is reported; a hardship hold lasts its days; cease suppresses
 * everything; another tenant's key finds nothing; roles the routes do not name are refused.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbVariants, reminderBody, sqliteOnly, startHarness, type Harness } from '../support/harness.js';
import { ACME_TENANT } from '../support/tenants.js';
import { waitFor } from '../support/wait.js';
import { startEventReceiver, type EventReceiver } from '../support/event-receiver.js';

const DAY = 86_400_000;
const ACME = ACME_TENANT;

describe.each(dbVariants())('holds on a borrower on $name', (variant) => {
  let h: Harness;
  /** The collection system's receiver of outbound events. */
  let receiver: EventReceiver;

  beforeAll(async () => {
    receiver = await startEventReceiver();
    h = await startHarness({ db: variant, env: { EVENTS_WEBHOOK_URL: receiver.url } });
  });
  afterAll(async () => {
    await h?.destroy();
    await receiver?.close();
  });

  const uid = () => randomBytes(4).toString('hex');

  /** A stored borrower of the default tenant: its id. */
  async function borrower(): Promise<string> {
    const id = `hb-${uid()}`;
    const r = await h.api('PUT', `/v1/borrowers/${id}`, {
      body: { name: 'Alex Chen', locale: 'en-US', timezone: 'America/New_York', phone: '+14155550100' },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return id;
  }

  /** Accepts an SMS reminder for the borrower on its own account: the reminder and its message id. */
  async function remind(borrowerId: string, account = `ACCT-${uid()}`) {
    const body = reminderBody({ channel: 'sms' }, { id: borrowerId });
    const r = await h.api('POST', '/v1/reminders', { body: { ...body, debt: { ...body.debt, accountRef: account } } });
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    return { reminder: r.body.id as string, message: r.body.messages[0].id as string, account };
  }

  const statusOf = async (messageId: string) => (await h.service.store.getMessage(messageId))?.status;
  const waitStatus = (messageId: string, status: string) =>
    waitFor(async () => ((await statusOf(messageId)) === status ? true : undefined), {
      what: `message ${messageId} to be ${status}`,
    });
  const inOutbox = async (messageId: string) =>
    (await h.service.store.listOutbox(500)).some((o) => o.messageId === messageId);

  it('keeps a reminder for a disputed borrower scheduled, naming the dispute, and sends it once the dispute is closed', async () => {
    const id = await borrower();
    const opened = await h.api('POST', `/v1/borrowers/${id}/disputes`, { body: { detail: 'the balance is wrong' } });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    expect(opened.body).toMatchObject({ kind: 'dispute', borrowerId: id, until: null, source: 'api', closedAt: null });

    // A second dispute while one is open is the open one.
    const again = await h.api('POST', `/v1/borrowers/${id}/disputes`, { role: 'agent', body: {} });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(opened.body.id);

    // "May I contact this borrower now?" No: held, until the next daily look.
    const check = await h.api('POST', '/v1/policy/check', { role: 'agent', body: { borrowerId: id, channel: 'sms' } });
    expect(check.body).toMatchObject({ allowed: false, reasons: [{ code: 'held', hold: { kind: 'dispute' } }] });

    const { reminder, message } = await remind(id);
    await waitStatus(message, 'scheduled');
    // The plan and the timeline show the open dispute; an agent's timeline without its words.
    const plan = await h.api('GET', `/v1/borrowers/${id}/plan`, { role: 'agent' });
    expect(plan.body.holds).toEqual([expect.objectContaining({ id: opened.body.id, kind: 'dispute' })]);
    const timeline = await h.api('GET', `/v1/borrowers/${id}/timeline`, { role: 'compliance' });
    expect(timeline.body.holds).toEqual([
      expect.objectContaining({ id: opened.body.id, detail: 'the balance is wrong' }),
    ]);
    const masked = await h.api('GET', `/v1/borrowers/${id}/timeline`, { role: 'agent' });
    expect(masked.body.holds[0].detail).toBeNull();
    const shown = await h.api('GET', `/v1/reminders/${reminder}`);
    expect(shown.body.messages[0].status).toBe('scheduled');
    expect(shown.body.messages[0].deferral.reasons).toEqual([
      expect.objectContaining({ code: 'held', hold: { id: opened.body.id, kind: 'dispute' } }),
    ]);
    // A day's re-check, not the dispute's end: a dispute has none of its own.
    expect(Date.parse(shown.body.messages[0].deferral.until)).toBeGreaterThan(Date.now() + DAY - 60_000);
    expect(await inOutbox(message)).toBe(false);

    const closed = await h.api('POST', `/v1/borrowers/${id}/disputes/${opened.body.id}/close`, {
      role: 'compliance',
      body: { resolution: 'verified', detail: 'verification mailed' },
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body).toMatchObject({ alreadyClosed: false, rescheduled: [message] });
    expect(closed.body.hold).toMatchObject({ resolution: 'verified', closeDetail: 'verification mailed' });
    await waitStatus(message, 'sent');
    expect(await inOutbox(message)).toBe(true);
    expect((await h.api('GET', `/v1/borrowers/${id}/plan`, { role: 'agent' })).body.holds).toEqual([]);

    const events = (await h.service.store.listBorrowerEvents(id)).map((e) => e.type);
    expect(events).toEqual(expect.arrayContaining(['dispute.opened', 'dispute.closed']));
    expect(events.filter((t) => t === 'dispute.opened')).toHaveLength(1);

    // The collection system hears of both, with the hold's id and what was said (as `source`).
    const heard = await waitFor(
      () => {
        const mine = receiver.received.filter((r) => r.json.data.holdId === opened.body.id).map((r) => r.json);
        return mine.length >= 2 ? mine : undefined;
      },
      { what: 'the dispute’s outbound events' },
    );
    expect(heard.map((e) => e.type).sort()).toEqual(['dispute.closed', 'dispute.opened']);
    expect(heard.find((e) => e.type === 'dispute.opened')?.data).toMatchObject({
      borrowerId: id,
      kind: 'dispute',
      source: 'the balance is wrong',
    });

    // Closed twice: the same hold, nothing more.
    const twice = await h.api('POST', `/v1/borrowers/${id}/disputes/${opened.body.id}/close`, {
      body: { resolution: 'withdrawn' },
    });
    expect(twice.body).toMatchObject({ alreadyClosed: true, rescheduled: [] });
    expect(twice.body.hold.resolution).toBe('verified');
  });

  it('reads the open holds of many borrowers in one query, as one read each would (the workers\u2019 gate)', async () => {
    const [a, b, c] = [await borrower(), await borrower(), await borrower()];
    expect((await h.api('POST', `/v1/borrowers/${a}/disputes`, { body: {} })).status).toBe(201);
    expect((await h.api('POST', `/v1/borrowers/${c}/holds`, { body: { kind: 'hardship' } })).status).toBe(201);
    expect((await h.api('POST', `/v1/borrowers/${c}/disputes`, { body: {} })).status).toBe(201);
    const ids = [c, b, a, c, `hb-none-${uid()}`];
    const many = await h.service.store.holds.unclosedOfMany(ids);
    expect(many.map((l) => l.map((x) => x.kind))).toEqual([
      ['hardship', 'dispute'],
      [],
      ['dispute'],
      ['hardship', 'dispute'],
      [],
    ]);
    for (const [i, id] of ids.entries()) expect(many[i]).toEqual(await h.service.store.holds.unclosed(id));
  });

  it('ends a paid-claim hold when a payment is reported for the account, and the held reminder goes', async () => {
    const id = await borrower();
    const hold = await h.api('POST', `/v1/borrowers/${id}/holds`, { role: 'agent', body: { kind: 'paid-claim' } });
    expect(hold.status, JSON.stringify(hold.body)).toBe(201);
    expect(hold.body).toMatchObject({ kind: 'paid-claim', source: 'agent' });
    expect(Math.abs(Date.parse(hold.body.until) - (Date.now() + 10 * DAY))).toBeLessThan(60_000);

    const { message, account } = await remind(id);
    await waitStatus(message, 'scheduled');
    const paid = await h.api('POST', `/v1/accounts/${account}/payments`, {
      body: { id: `pmt-${uid()}`, kind: 'partial', amount: '20.00', currency: 'USD', paidAt: new Date().toISOString() },
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    const list = await h.api('GET', `/v1/borrowers/${id}/holds`, { role: 'agent' });
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: hold.body.id, resolution: 'payment-reported', closedAt: expect.any(String) }),
    ]);
    await waitStatus(message, 'sent');
    expect((await h.service.store.listBorrowerEvents(id)).map((e) => e.type)).toEqual(
      expect.arrayContaining(['hold.opened', 'hold.released']),
    );
  });

  it('holds a hardship borrower for the configured 30 days, until released', async () => {
    const id = await borrower();
    const hold = await h.api('POST', `/v1/borrowers/${id}/holds`, { body: { kind: 'hardship', detail: 'lost job' } });
    expect(hold.status).toBe(201);
    expect(Math.abs(Date.parse(hold.body.until) - (Date.now() + 30 * DAY))).toBeLessThan(60_000);
    const { message } = await remind(id);
    await waitStatus(message, 'scheduled');
    const released = await h.api('POST', `/v1/borrowers/${id}/holds/${hold.body.id}/release`, {
      role: 'agent',
      body: {},
    });
    expect(released.status, JSON.stringify(released.body)).toBe(200);
    expect(released.body).toMatchObject({ alreadyClosed: false, rescheduled: [message] });
    expect(released.body.hold.resolution).toBe('released');
    await waitStatus(message, 'sent');
  });

  it('ceases a borrower: pending messages suppressed at once, later ones too', async () => {
    const id = await borrower();
    const hold = await h.api('POST', `/v1/borrowers/${id}/holds`, { body: { kind: 'hardship' } });
    const { message } = await remind(id);
    await waitStatus(message, 'scheduled');
    const ceased = await h.api('POST', `/v1/borrowers/${id}/cease`, { role: 'compliance', body: { detail: 'letter' } });
    expect(ceased.status, JSON.stringify(ceased.body)).toBe(200);
    expect(ceased.body).toMatchObject({ alreadyCeased: false, suppressed: [message] });
    expect(ceased.body.borrower.status).toBe('ceased');
    expect(await statusOf(message)).toBe('suppressed');

    // Releasing the hold afterwards brings nothing back; a new reminder is suppressed as ceased.
    await h.api('POST', `/v1/borrowers/${id}/holds/${hold.body.id}/release`, { body: {} });
    const later = await remind(id);
    await waitStatus(later.message, 'suppressed');
    expect(await inOutbox(later.message)).toBe(false);
    expect((await h.service.store.listBorrowerEvents(id)).map((e) => e.type)).toContain('borrower.ceased');
    const repeat = await h.api('POST', `/v1/borrowers/${id}/cease`, { body: {} });
    expect(repeat.body).toMatchObject({ alreadyCeased: true, suppressed: [] });
  });

  it('answers 404 to another tenant’s key, and names the field of a bad request', async () => {
    const id = await borrower();
    const dispute = await h.api('POST', `/v1/borrowers/${id}/disputes`, { body: {} });
    expect((await h.api('PUT', '/v1/tenants/acme-h', { role: 'admin', body: ACME })).status).toBe(201);
    const acme = (await h.service.store.apiKeys.create('collector', 'acme', new Date(), 'acme-h')).token;
    const as = { role: null, headers: { authorization: `Bearer ${acme}` } };
    expect((await h.api('POST', `/v1/borrowers/${id}/disputes`, { ...as, body: {} })).status).toBe(404);
    expect((await h.api('GET', `/v1/borrowers/${id}/holds`, as)).status).toBe(404);
    expect(
      (
        await h.api('POST', `/v1/borrowers/${id}/disputes/${dispute.body.id}/close`, {
          ...as,
          body: { resolution: 'upheld' },
        })
      ).status,
    ).toBe(404);
    expect((await h.api('POST', `/v1/borrowers/${id}/cease`, { ...as, body: {} })).status).toBe(404);
    // The default tenant's dispute is still open.
    const list = await h.api('GET', `/v1/borrowers/${id}/holds`);
    expect(list.body.items[0].closedAt).toBeNull();

    const bad = await h.api('POST', `/v1/borrowers/${id}/holds`, { body: { kind: 'dispute' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('kind');
    const noSuch = await h.api('POST', `/v1/borrowers/${id}/disputes/hold_nope/close`, {
      body: { resolution: 'upheld' },
    });
    expect(noSuch.status).toBe(404);
    expect(noSuch.body.detail).toContain('holdId');
  });

  it('refuses the roles a route does not name', async () => {
    const id = await borrower();
    const dispute = await h.api('POST', `/v1/borrowers/${id}/disputes`, { body: {} });
    expect(
      (
        await h.api('POST', `/v1/borrowers/${id}/disputes/${dispute.body.id}/close`, {
          role: 'agent',
          body: { resolution: 'upheld' },
        })
      ).status,
    ).toBe(403);
    expect((await h.api('POST', `/v1/borrowers/${id}/cease`, { role: 'agent', body: {} })).status).toBe(403);
    expect((await h.api('GET', `/v1/borrowers/${id}/holds`, { role: null })).status).toBe(401);
  });

  // Last: it erases every borrower of this file's store.
  it('erases what was said about a hold with the borrower’s personal data, past retention', async () => {
    const id = await borrower();
    const hold = await h.api('POST', `/v1/borrowers/${id}/holds`, { body: { kind: 'hardship', detail: 'lost job' } });
    await h.api('POST', `/v1/borrowers/${id}/holds/${hold.body.id}/release`, { body: { detail: 'new job' } });
    await h.service.store.retention.apply({ now: new Date(Date.now() + 5 * 366 * DAY), years: 3, dryRun: false });
    const [erased] = (await h.api('GET', `/v1/borrowers/${id}/holds`)).body.items;
    expect(erased).toMatchObject({ id: hold.body.id, detail: null, closeDetail: null, resolution: 'released' });
  });
});

describe('a dispute within the scheduling horizon', () => {
  let h: Harness;
  beforeAll(async () => {
    // A horizon of two days: the dispute's daily re-check is a delayed job, not a row back in the store.
    h = await startHarness({ db: sqliteOnly, env: { SCHEDULE_HORIZON: '2d' } });
  });
  afterAll(async () => {
    await h?.destroy();
  });

  it('defers the message as a delayed job, and closing the dispute removes the job and sends it', async () => {
    const id = `hb-${randomBytes(4).toString('hex')}`;
    const dispute = await h.api('POST', `/v1/borrowers/${id}/disputes`, { body: {} });
    expect(dispute.status).toBe(404);
    await h.api('PUT', `/v1/borrowers/${id}`, { body: { name: 'Alex Chen', locale: 'en-US', phone: '+14155550100' } });
    const opened = await h.api('POST', `/v1/borrowers/${id}/disputes`, { body: {} });
    const r = await h.api('POST', '/v1/reminders', { body: reminderBody({ channel: 'sms' }, { id }) });
    const message = r.body.messages[0].id as string;
    await waitFor(async () => ((await h.service.store.getMessage(message))?.status === 'deferred' ? true : undefined), {
      what: 'the message to be deferred',
    });
    const shown = await h.api('GET', `/v1/reminders/${r.body.id}`);
    expect(shown.body.messages[0].deferral.reasons[0]).toMatchObject({ code: 'held' });
    const closed = await h.api('POST', `/v1/borrowers/${id}/disputes/${opened.body.id}/close`, {
      body: { resolution: 'withdrawn' },
    });
    expect(closed.body.rescheduled).toEqual([message]);
    await waitFor(async () => ((await h.service.store.getMessage(message))?.status === 'sent' ? true : undefined), {
      what: 'the message to be sent',
    });
    // The delayed job of the deferral is gone: the message went once.
    const sends = (await h.service.store.listEvents(message)).filter((e) => e.type === 'sent');
    expect(sends).toHaveLength(1);
  });
});
