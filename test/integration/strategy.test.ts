/**
 * One borrower through the strategy: early → middle → resolved, with a cadence "day" shortened
 * to a second through configuration (STRATEGY_DAY_MS), asserting exactly what reached the fake
 * Twilio and the SMTP server; and a late account handed off with a `borrower.escalated` event.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_STRATEGY } from '../../src/policy/strategy.js';
import { runServiceToExit, spawnService } from '../support/child-service.js';
import { providerEnv, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { startEventReceiver, type EventReceiver } from '../support/event-receiver.js';
import { dropData, prepareRun, sqliteOnly, startHarness, type Harness } from '../support/harness.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { waitFor } from '../support/wait.js';

describe('collection strategy', () => {
  let tw: FakeTwilio;
  let smtp: SmtpSink;
  let h: Harness;
  let receiver: EventReceiver;

  beforeAll(async () => {
    tw = await startFakeTwilio();
    smtp = await startSmtpSink();
    receiver = await startEventReceiver();
    h = await startHarness({
      db: sqliteOnly,
      env: {
        STRATEGY_DAY_MS: '1000',
        ...providerEnv(tw, smtp),
        EVENTS_WEBHOOK_URL: receiver.url,
      },
    });
  });
  afterAll(async () => {
    await h?.destroy();
    await tw?.close();
    await smtp?.close();
    await receiver?.close();
  });

  const borrower = (id: string, phone: string, email: string) => ({
    id,
    name: 'Alex Chen',
    locale: 'en-US',
    timezone: 'America/New_York',
    phone,
    email,
  });
  const debt = (daysOverdue: number, amount = '120.50') => ({
    accountRef: '4111111111111234',
    creditor: 'Northwind Bank',
    amountDue: { amount, currency: 'USD' },
    dueDate: '2026-11-20',
    daysOverdue,
    paymentUrl: 'https://pay.example.com/a/1234',
  });
  /** The same debt for an account the path names (`debt.accountRef` left out: it is the path's). */
  const owed = (daysOverdue: number, amount?: string) => ({ ...debt(daysOverdue, amount), accountRef: undefined });

  /** What reached the providers for one borrower, as template names. */
  function sends(phone: string, email: string) {
    // Each template has a phrase no other one uses (SMS and email alike).
    const kind = (text: string) =>
      /specialist team/.test(text)
        ? 'final-courtesy'
        : /received your payment|payment has reached us|received your recent payment/i.test(text)
          ? 'payment-received'
          : /times can be hard|split/i.test(text)
            ? 'payment-plan-offer'
            : 'gentle-overdue';
    return {
      sms: tw
        .messages()
        .filter((m) => m.form.To === phone)
        .map((m) => m.form.Body!),
      calls: tw
        .calls()
        .filter((c) => c.form.To === phone)
        .map((c) => c.form.Twiml!),
      emails: smtp.mails.filter((m) => (m.to as { text: string }).text === email).map((m) => m.text ?? ''),
      kind,
    };
  }

  async function plan(id: string) {
    return (await h.api('GET', `/v1/borrowers/${id}/plan`, { role: 'agent' })).body.accounts[0];
  }

  it(
    'drives one borrower early → middle → resolved, sending exactly the cadence and nothing after payment',
    { timeout: 60_000 },
    async () => {
      const phone = '+14155559001';
      const email = 'strategy@example.com';
      const early = await h.api('POST', '/v1/accounts/acct-1/overdue', {
        body: { borrower: borrower('b-strat', phone, email), debt: owed(1) },
      });
      expect(early.status).toBe(202);
      expect(early.body).toMatchObject({ stage: 'early', why: '1 day overdue (1 to 7)' });
      // Day 1: the SMS; day 3 (two shortened days later): the email.
      await waitFor(
        () => (sends(phone, email).sms.length === 1 && sends(phone, email).emails.length === 1) || undefined,
        { what: 'early SMS and email', timeoutMs: 15_000 },
      );
      // The provider has a message a moment before its `sent` row commits.
      const afterEarly = await waitFor(async () => {
        const x = await plan('b-strat');
        return x.steps.every((s: { status: string }) => s.status === 'done') ? x : undefined;
      });
      expect(
        afterEarly.steps.map(
          (s: { template: string; channel: string; status: string }) => `${s.template}/${s.channel}/${s.status}`,
        ),
      ).toEqual(['gentle-overdue/sms/done', 'gentle-overdue/email/done']);

      // Day 8: the account moves to middle.
      const middle = await h.api('POST', '/v1/accounts/acct-1/overdue', {
        body: { borrowerId: 'b-strat', debt: owed(8) },
      });
      expect(middle.body).toMatchObject({ stage: 'middle' });
      await waitFor(
        () =>
          (sends(phone, email).sms.length === 2 &&
            sends(phone, email).emails.length === 2 &&
            sends(phone, email).calls.length === 1) ||
          undefined,
        {
          what: 'middle SMS, email and the day-10 call',
          timeoutMs: 15_000,
        },
      );
      const p = await waitFor(async () => {
        const x = await plan('b-strat');
        return x.steps.filter((s: { status: string }) => s.status === 'done').length === 3 ? x : undefined;
      });
      expect(p.stage).toBe('middle');
      expect(p.steps.map((s: { channel: string; status: string }) => `${s.channel}/${s.status}`)).toEqual([
        'sms/done',
        'email/done',
        'voice/done',
        'voice/pending',
      ]);
      const dayTwenty = p.steps[3];
      expect(Date.parse(dayTwenty.sendAt)).toBeGreaterThan(Date.now());

      // Paid: one thank-you, and the day-20 call never goes.
      const resolved = await h.api('POST', '/v1/borrowers/b-strat/resolve', { body: { note: 'paid in full' } });
      expect(resolved.status).toBe(200);
      expect(resolved.body.cancelled).toContain(dayTwenty.messageId);
      expect(resolved.body.thanks).toHaveLength(1);
      await waitFor(() => sends(phone, email).sms.length === 3 || undefined, { what: 'the thank-you SMS' });
      expect(await h.service.queues.byChannel.voice.getJob(dayTwenty.messageId)).toBeUndefined();
      expect((await h.service.store.getMessage(dayTwenty.messageId))!.status).toBe('cancelled');

      const s = sends(phone, email);
      expect(s.sms.map(s.kind)).toEqual(['gentle-overdue', 'payment-plan-offer', 'payment-received']);
      expect(s.emails.map(s.kind)).toEqual(['gentle-overdue', 'payment-plan-offer']);
      expect(s.calls).toHaveLength(1);
      expect(s.calls[0]).toMatch(/payment plan|split|instal/i);

      // Posting again after payment changes nothing; a new reminder to the resolved borrower is suppressed.
      expect((await plan('b-strat')).stage).toBe('resolved');
      const late = await h.api('POST', '/v1/reminders', {
        body: { borrowerId: 'b-strat', debt: debt(9), channel: 'sms', template: 'gentle-overdue' },
      });
      const lateId = late.body.messages[0].id as string;
      await waitFor(async () => (await h.service.store.getMessage(lateId))?.status === 'suppressed' || undefined, {
        what: 'suppressed',
      });
      expect(sends(phone, email).sms).toHaveLength(3);
    },
  );

  it(
    'hands a late account to people: final-courtesy by email and SMS, a borrower.escalated event, no calls',
    { timeout: 30_000 },
    async () => {
      const phone = '+14155559002';
      const email = 'late@example.com';
      const res = await h.api('POST', '/v1/accounts/acct-2/overdue', {
        body: { borrower: borrower('b-late', phone, email), debt: owed(45, '9000.00') },
      });
      expect(res.body).toMatchObject({ stage: 'late' });
      await waitFor(
        () => (sends(phone, email).sms.length === 1 && sends(phone, email).emails.length === 1) || undefined,
        { what: 'final courtesy', timeoutMs: 15_000 },
      );
      const s = sends(phone, email);
      expect(s.sms.map(s.kind)).toEqual(['final-courtesy']);
      expect(s.emails.map(s.kind)).toEqual(['final-courtesy']);
      expect(s.calls).toEqual([]);
      const escalated = await waitFor(
        () =>
          receiver.received
            .map((r) => r.json)
            .find((e) => e.type === 'borrower.escalated' && e.data.borrowerId === 'b-late'),
        {
          what: 'borrower.escalated',
          timeoutMs: 20_000,
        },
      );
      expect(escalated.data).toMatchObject({ accountRef: 'acct-2' });
    },
  );

  it(
    'shows the hand-off in the plan: when, why, and that the collection system was told',
    { timeout: 30_000 },
    async () => {
      const plan = await waitFor(
        async () => {
          const p = await h.api('GET', '/v1/borrowers/b-late/plan', { role: 'agent' });
          return p.body.accounts[0]?.handoff?.event.delivery === 'delivered' ? p.body : undefined;
        },
        { what: 'the hand-off delivered', timeoutMs: 20_000 },
      );
      const account = plan.accounts[0];
      expect(account).toMatchObject({ accountRef: 'acct-2', stage: 'late' });
      expect(account.handoff).toMatchObject({
        at: expect.any(String),
        why: account.why,
        event: { id: expect.stringMatching(/^evt_\d+$/), delivery: 'delivered', deliveredAt: expect.any(String) },
      });
      const early = await h.api('GET', '/v1/borrowers/b-strat/plan', { role: 'agent' });
      expect(early.body.accounts.every((a: { handoff: unknown }) => a.handoff === null)).toBe(true);
    },
  );

  it('picks the stage’s preferred channel for channel "auto", and refuses a currency without thresholds', async () => {
    await h.api('POST', '/v1/accounts/acct-3/overdue', {
      body: { borrower: borrower('b-auto', '+14155559003', 'auto@example.com'), debt: owed(45, '9000.00') },
    });
    const auto = await h.api('POST', '/v1/reminders', {
      body: { borrowerId: 'b-auto', debt: debt(45), channel: 'auto', template: 'final-courtesy' },
    });
    expect(auto.body.messages[0].channel).toBe('email'); // late prefers email
    const jpy = await h.api('POST', '/v1/accounts/acct-4/overdue', {
      body: {
        borrower: borrower('b-jpy', '+14155559004', 'jpy@example.com'),
        debt: { ...owed(3), amountDue: { amount: '1000', currency: 'JPY' } },
      },
    });
    expect(jpy.status).toBe(400);
    expect(jpy.body.errors[0]).toMatchObject({
      path: 'debt.amountDue.currency',
      message: expect.stringContaining('no thresholds for JPY'),
    });
  });
});

describe('STRATEGY_FILE', () => {
  let tw: FakeTwilio;
  let smtp: SmtpSink;
  let dir: string;

  beforeAll(async () => {
    tw = await startFakeTwilio();
    smtp = await startSmtpSink();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-strategy-'));
  });
  afterAll(async () => {
    await tw?.close();
    await smtp?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const writeStrategy = (name: string, strategy: unknown) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, JSON.stringify(strategy, null, 2));
    return file;
  };

  it(
    'runs the cadence of a custom strategy file: its steps, channels, days and thresholds',
    { timeout: 30_000 },
    async () => {
      // The default early stage is SMS on day 1, email on day 3. This one: email on day 1, SMS on
      // day 2, and over USD 100.00 an account is late.
      const custom = {
        ...DEFAULT_STRATEGY,
        thresholds: { ...DEFAULT_STRATEGY.thresholds, USD: { threshold: '50.00', high: '100.00' } },
        cadences: {
          ...DEFAULT_STRATEGY.cadences,
          early: [
            { template: 'gentle-overdue', channel: 'email', day: 1 },
            { template: 'gentle-overdue', channel: 'sms', day: 2 },
          ],
        },
        preferredChannel: { ...DEFAULT_STRATEGY.preferredChannel, early: 'email' },
      };
      const file = writeStrategy('custom.json', custom);
      // The service as an operator starts it (`tsx src/main.ts all`), with STRATEGY_FILE set.
      const run = prepareRun({
        db: sqliteOnly,
        env: { STRATEGY_FILE: file, STRATEGY_DAY_MS: '1000', ...providerEnv(tw, smtp) },
      });
      const h = await spawnService('all', run);
      try {
        const phone = '+14155559101';
        const email = 'custom-strategy@example.com';
        const debt = (daysOverdue: number, amount: string) => ({
          accountRef: '4111111111111234',
          creditor: 'Northwind Bank',
          amountDue: { amount, currency: 'USD' },
          dueDate: '2026-11-20',
          daysOverdue,
        });
        const early = await h.api('POST', '/v1/accounts/acct-custom/overdue', {
          body: {
            borrower: {
              id: 'b-custom',
              name: 'Alex Chen',
              locale: 'en-US',
              timezone: 'America/New_York',
              phone,
              email,
            },
            debt: { ...debt(1, '80.00'), accountRef: 'acct-custom' },
          },
        });
        expect(early.status).toBe(202);
        expect(early.body).toMatchObject({ stage: 'early' });
        const plan = (await h.api('GET', '/v1/borrowers/b-custom/plan', { role: 'agent' })).body.accounts[0];
        expect(
          plan.steps.map(
            (s: { template: string; channel: string; day: number }) => `${s.template}/${s.channel}/day ${s.day}`,
          ),
        ).toEqual(['gentle-overdue/email/day 1', 'gentle-overdue/sms/day 2']);
        // One cadence day (STRATEGY_DAY_MS) between them.
        expect(Date.parse(plan.steps[1].sendAt) - Date.parse(plan.steps[0].sendAt)).toBe(1000);
        await waitFor(
          () =>
            (smtp.mails.some((m) => (m.to as { text: string }).text === email) &&
              tw.messages().some((m) => m.form.To === phone)) ||
            undefined,
          {
            what: 'the email, then the SMS',
            timeoutMs: 15_000,
          },
        );
        expect(tw.messages().filter((m) => m.form.To === phone)).toHaveLength(1);
        expect(smtp.mails.filter((m) => (m.to as { text: string }).text === email)).toHaveLength(1);
        // The provider has the SMS a moment before its `sent` row commits.
        await waitFor(
          async () => {
            const steps = (await h.api('GET', '/v1/borrowers/b-custom/plan', { role: 'agent' })).body.accounts[0].steps;
            return steps.every((s: { status: string }) => s.status === 'done') || undefined;
          },
          { what: 'both steps done in the plan' },
        );

        // The stage's preferred channel for "auto", and the file's thresholds.
        const auto = await h.api('POST', '/v1/reminders', {
          body: {
            borrowerId: 'b-custom',
            debt: debt(1, '80.00'),
            channel: 'auto',
            template: 'gentle-overdue',
            sendAt: new Date(Date.now() + 3_600_000).toISOString(),
          },
        });
        expect(auto.body.messages[0].channel).toBe('email');
        const late = await h.api('POST', '/v1/accounts/acct-custom-2/overdue', {
          body: { borrowerId: 'b-custom', debt: { ...debt(3, '120.50'), accountRef: 'acct-custom-2' } },
        });
        expect(late.body).toMatchObject({
          stage: 'late',
          why: expect.stringContaining('over the high threshold of 100.00 USD'),
        });
      } finally {
        h.child.kill('SIGTERM');
        await h.exited;
        await dropData(run);
      }
    },
  );

  it('refuses to start with an invalid strategy file, naming the wrong field', { timeout: 60_000 }, async () => {
    const run = prepareRun({ db: sqliteOnly });
    const start = (file: string) => runServiceToExit('all', { ...run, env: { ...run.env, STRATEGY_FILE: file } });
    try {
      // A threshold written as a number, not a decimal string.
      const typo = writeStrategy('typo.json', {
        ...DEFAULT_STRATEGY,
        thresholds: { ...DEFAULT_STRATEGY.thresholds, USD: { threshold: 1000, high: '5000.00' } },
      });
      const a = await start(typo);
      expect(a.code, a.output).toBe(2);
      expect(a.output).toContain(`STRATEGY_FILE ${typo} is not a valid strategy`);
      expect(a.output).toMatch(/thresholds\.USD\.threshold: .*expected string/);
      // It stopped before listening.
      expect(a.output).not.toContain('HTTP API listening');

      // Well-formed, but against the strategy's own rule: no automated calls in the late stage.
      const calls = writeStrategy('late-calls.json', {
        ...DEFAULT_STRATEGY,
        cadences: { ...DEFAULT_STRATEGY.cadences, late: [{ template: 'final-courtesy', channel: 'voice', day: 31 }] },
      });
      const b = await start(calls);
      expect(b.code, b.output).toBe(2);
      expect(b.output).toContain('cadences.late.0.channel: the late stage hands off to people: no automated calls');

      const c = await start(path.join(dir, 'nowhere.json'));
      expect(c.code, c.output).toBe(2);
      expect(c.output).toMatch(/STRATEGY_FILE .*nowhere\.json: ENOENT/);
    } finally {
      await dropData(run);
    }
  });
});
