/**
 * The validation notice after an agency's first text about a debt (12 CFR 1006.34(a)(1)(i)(B)), end to end through
 * the fake Twilio and a real SMTP server: the text goes, then the notice goes by email on its own (its short note and
 * the notice, dates computed from its own sending: Friday 4 September 2026, assumed received Monday 14 September, the
 * period ends Wednesday 14 October), recorded as an email's notice is; another text, or two racing, send no second
 * one; a creditor's text sends none; a borrower without an email makes a `validation-notice.required` event for the
 * collection system, due five days after the text.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiRole } from '../../src/domain/keys.js';
import { startEventReceiver, type EventReceiver } from '../support/event-receiver.js';
import { providerEnv, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { dbVariants, type Harness, reminderBody, startHarness } from '../support/harness.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import {
  ACME,
  BRAVO,
  DEBT,
  mailsTo,
  mailTo,
  NOTICE_START,
  settled,
  writeNoticeProfile,
} from '../support/validation-notice.js';
import { waitFor } from '../support/wait.js';

const DAY_MS = 86_400_000;
/** Five days after the text went (its `sent` event is written a moment after the instant the rule counts from). */
const fiveDaysAfter = (sentAt: number, dueBy: string) => {
  const d = Date.parse(dueBy) - 5 * DAY_MS;
  return d <= sentAt && d > sentAt - 60_000;
};

describe.each(dbVariants())('the validation notice after a first text on $name', (variant) => {
  let tw: FakeTwilio;
  let smtp: SmtpSink;
  let receiver: EventReceiver;
  let h: Harness;
  let dir: string;
  const keys: Record<string, string> = {};
  const as = (tenant: 'bravo' | 'acme') => ({
    role: null as ApiRole | null,
    headers: { authorization: `Bearer ${keys[tenant]}` },
  });
  let seq = 0;
  const next = () => `${variant.name}-${seq++}`;

  /** Posts a text (or a call) about `debt`; the message once it has settled. */
  const text = async (
    tenant: 'bravo' | 'acme',
    borrower: Record<string, unknown>,
    debt: object = DEBT,
    channel: 'sms' | 'voice' = 'sms',
  ) => {
    const res = await h.api('POST', '/v1/reminders', {
      ...as(tenant),
      body: { ...reminderBody({ channel }, borrower), debt },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    return settled(h, res.body.messages[0].id);
  };
  /** The worker is done with a message it sent (what follows a text is arranged before it logs the send). */
  const doneWith = (id: string) =>
    waitFor(
      () =>
        fs
          .readFileSync(h.logFile, 'utf8')
          .split('\n')
          .some((l) => l.includes(`"messageId":"${id}"`) && l.includes('"msg":"message sent"')),
      { what: `the worker done with ${id}` },
    );
  /** The borrower's messages of the notice on its own. */
  const notices = async (borrowerId: string) => {
    const entries = await h.service.store.audit.timeline(borrowerId, 500);
    const ids = new Set(entries.flatMap((e) => (e.message?.template === 'validation-notice' ? [e.message.id] : [])));
    return [...ids];
  };

  beforeAll(async () => {
    tw = await startFakeTwilio();
    smtp = await startSmtpSink();
    receiver = await startEventReceiver();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-text-'));
    const offset = Date.now() - NOTICE_START;
    h = await startHarness({
      db: variant,
      env: { ...providerEnv(tw, smtp), POLICY_FILE: writeNoticeProfile(dir), TENANT_REFRESH_MS: '200' },
      service: { clock: { now: () => new Date(Date.now() - offset) } },
    });
    // Both send texts; the agency's SMS provider allows third-party collection texts to +1 numbers.
    const tenants = {
      bravo: {
        ...BRAVO,
        channels: ['sms', 'voice', 'email'],
        senders: {
          ...BRAVO.senders,
          sms: { from: '+14155550002', allowsAgencySmsToNanp: true },
          voice: { from: '+14155550002' },
        },
        events: { url: receiver.url },
      },
      acme: { ...ACME, channels: ['sms', 'email'], senders: { ...ACME.senders, sms: { from: '+14155550003' } } },
    };
    for (const [id, body] of Object.entries(tenants)) {
      expect((await h.api('PUT', `/v1/tenants/${id}`, { role: 'admin', body })).status).toBe(201);
      keys[id] = (await h.service.store.apiKeys.create('collector', `${id} collector`, new Date(), id)).token;
    }
  });
  afterAll(async () => {
    await h?.destroy();
    await tw?.close();
    await smtp?.close();
    await receiver?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('an agency’s first text about an account is followed by the notice by email, with its dates, recorded', async () => {
    const to = `vn-text-${next()}@example.com`;
    const sms = await text('bravo', { id: `vn-t-${next()}`, email: to, timezone: 'America/New_York' });
    expect(sms.status).toBe('sent');
    const mail = await mailTo(smtp, to);
    expect(mail.subject).toBe('Important information about your Northwind Bank account');
    const body = mail.text!;
    for (const s of [
      'We were in touch with you recently about account ****1234 with Northwind Bank.',
      'This message is from a debt collector. To stop these emails, reply with the word STOP.',
      'VALIDATION NOTICE',
      'Bravo Collections is a debt collector. We are trying to collect a debt that you owe to Northwind Bank.',
      'Total amount of the debt now: $930.25',
      'Call or write to us by October 14, 2026, to dispute all or part of the debt.',
      'www.cfpb.gov/debt-collection',
    ])
      expect(body).toContain(s);
    expect(mail.headerLines.map((l) => l.key)).toContain('list-unsubscribe');
    // One email on its own, marked as following the text, due five days after it.
    const [id] = await notices(sms.borrowerId);
    const email = (await settled(h, id!))!;
    expect(email).toMatchObject({ channel: 'email', status: 'sent', to });
    const notice = await waitFor(() => h.service.store.validationNotices.of(sms.borrowerId, DEBT.accountRef), {
      what: 'the notice recorded',
    });
    expect(notice).toMatchObject({
      messageId: id,
      sentOn: '2026-09-04',
      assumedReceiptOn: '2026-09-14',
      endsOn: '2026-10-14',
      itemizationDate: '2026-06-30',
    });
    const found = await h.service.store.getReminderOfMessage(id!);
    const mark = found!.reminder.metadata!.validationNotice as { after: string; channel: string; dueBy: string };
    expect(mark).toMatchObject({ after: sms.id, channel: 'sms' });
    const sentAt = Date.parse((await h.service.store.listEvents(sms.id)).find((e) => e.type === 'sent')!.at);
    expect(fiveDaysAfter(sentAt, mark.dueBy)).toBe(true);
    const events = await h.service.store.listBorrowerEvents(sms.borrowerId);
    expect(events.filter((e) => e.type === 'validation-notice.sent').map((e) => e.data)).toEqual([
      expect.objectContaining({ messageId: id, validationPeriodEndsOn: '2026-10-14', rule: '12 CFR 1006.34' }),
    ]);
    expect(events.some((e) => e.type === 'validation-notice.required')).toBe(false);
  });

  it('an agency’s first call is followed by the notice too', async () => {
    const to = `vn-text-${next()}@example.com`;
    const call = await text('bravo', { id: `vn-call-${next()}`, email: to }, DEBT, 'voice');
    expect(call).toMatchObject({ channel: 'voice', status: 'sent' });
    expect((await mailTo(smtp, to)).text).toContain('VALIDATION NOTICE');
    const [id] = await notices(call.borrowerId);
    const found = await h.service.store.getReminderOfMessage(id!);
    expect(found!.reminder.metadata!.validationNotice).toMatchObject({ after: call.id, channel: 'voice' });
  });

  it('a collection system may not send the notice’s template or mark itself', async () => {
    const res = await h.api('POST', '/v1/reminders', {
      ...as('bravo'),
      body: { ...reminderBody({ channel: 'email', template: 'validation-notice' }), debt: DEBT },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      { path: 'template', message: expect.stringContaining('sent by the service only') },
    ]);
    const marked = await h.api('POST', '/v1/reminders', {
      ...as('bravo'),
      body: { ...reminderBody({ channel: 'email' }), debt: DEBT, metadata: { validationNotice: {} } },
    });
    expect(marked.status).toBe(422);
    expect(marked.body.errors).toEqual([{ path: 'metadata.validationNotice', message: expect.any(String) }]);
  });

  it('in es-US: the note and the notice in Spanish', async () => {
    const to = `vn-text-${next()}@example.com`;
    await text('bravo', { id: `vn-es-${next()}`, email: to, locale: 'es-US', timezone: 'America/Chicago' });
    const mail = await mailTo(smtp, to);
    expect(mail.subject).toBe('Información importante sobre su cuenta de Northwind Bank');
    for (const s of [
      'Nos comunicamos con usted hace poco sobre la cuenta ****1234 de Northwind Bank.',
      'AVISO DE VALIDACIÓN',
      'Llámenos o escríbanos a más tardar el 14 de octubre de 2026 para disputar',
    ])
      expect(mail.text).toContain(s);
  });

  it('without the itemization the notice is not sent: it fails saying what is missing', async () => {
    const to = `vn-text-${next()}@example.com`;
    const { itemization: _none, ...bare } = DEBT;
    const sms = await text(
      'bravo',
      { id: `vn-bare-${next()}`, email: to },
      { ...bare, accountRef: '4000000000006666' },
    );
    expect(sms.status).toBe('sent');
    await doneWith(sms.id);
    const [id] = await notices(sms.borrowerId);
    const email = await settled(h, id!);
    expect(email.status).toBe('failed');
    expect(email.error?.code).toBe('validation-notice-incomplete');
    expect(email.error?.message).toContain("due after an agency's first text or call");
    expect(email.error?.message).toContain('debt.itemization');
    expect((await h.service.store.listEvents(id!)).at(-1)).toMatchObject({
      type: 'failed',
      data: { code: 'validation-notice-incomplete' },
    });
    expect(mailsTo(smtp, to)).toHaveLength(0);
  });

  it('a second text about the account sends no second notice', async () => {
    const to = `vn-text-${next()}@example.com`;
    const borrower = { id: `vn-t2-${next()}`, email: to };
    const first = await text('bravo', borrower);
    await mailTo(smtp, to);
    await waitFor(() => h.service.store.validationNotices.of(first.borrowerId, DEBT.accountRef), {
      what: 'the notice recorded',
    });
    const second = await text('bravo', borrower);
    expect(second.status).toBe('sent');
    await doneWith(second.id);
    expect(await notices(first.borrowerId)).toHaveLength(1);
    expect(mailsTo(smtp, to)).toHaveLength(1);
  });

  it('two texts racing make one notice', async () => {
    const to = `vn-text-${next()}@example.com`;
    const borrower = { id: `vn-race-${next()}`, email: to };
    const [a, b] = await Promise.all([text('bravo', borrower), text('bravo', borrower)]);
    await Promise.all([doneWith(a.id), doneWith(b.id)]);
    const ids = await notices(a.borrowerId);
    expect(ids).toHaveLength(1);
    await settled(h, ids[0]!);
    await mailTo(smtp, to);
    expect(mailsTo(smtp, to)).toHaveLength(1);
  });

  it('a creditor’s text sends no notice', async () => {
    const to = `vn-text-${next()}@example.com`;
    const sms = await text('acme', { id: `vn-cr-${next()}`, email: to });
    expect(sms.status).toBe('sent');
    await doneWith(sms.id);
    expect(await notices(sms.borrowerId)).toEqual([]);
    expect(await h.service.store.validationNotices.of(sms.borrowerId, DEBT.accountRef)).toBeUndefined();
    expect(await h.service.store.validationNotices.requestOf(sms.borrowerId, DEBT.accountRef)).toBeUndefined();
  });

  it('a borrower without an email: the collection system is asked for the notice, due five days after the text', async () => {
    const ref = `vn-paper-${next()}`;
    const sms = await text('bravo', { id: ref, email: null });
    expect(sms.status).toBe('sent');
    await doneWith(sms.id);
    const sentAt = Date.parse((await h.service.store.listEvents(sms.id)).find((e) => e.type === 'sent')!.at);
    const chain = await h.service.store.listBorrowerEvents(sms.borrowerId);
    const required = chain.filter((e) => e.type === 'validation-notice.required');
    expect(required).toHaveLength(1);
    expect(required[0]!.data).toMatchObject({
      borrowerRef: ref,
      accountRef: DEBT.accountRef,
      messageId: sms.id,
      channel: 'sms',
      why: 'no-email',
    });
    expect(fiveDaysAfter(sentAt, required[0]!.data.dueBy as string)).toBe(true);
    expect(await notices(sms.borrowerId)).toEqual([]);
    // Out to the collection system, like every outbound event.
    const out = await waitFor(
      () =>
        receiver.received.find((e) => e.json.type === 'validation-notice.required' && e.json.data.messageId === sms.id),
      { what: 'the validation-notice.required event delivered' },
    );
    expect(out.json.data).toMatchObject({
      borrowerId: sms.borrowerId,
      borrowerRef: ref,
      accountRef: DEBT.accountRef,
      channel: 'sms',
      dueBy: required[0]!.data.dueBy,
    });
    // Once per account: another text asks no more.
    const again = await text('bravo', { id: ref, email: null });
    await doneWith(again.id);
    const after = await h.service.store.listBorrowerEvents(sms.borrowerId);
    expect(after.filter((e) => e.type === 'validation-notice.required')).toHaveLength(1);
  });
});
