/**
 * The validation notice (12 CFR 1006.34), end to end through a real SMTP server: an agency's first
 * email about a debt carries it, with the dates computed from the sending (Friday 4 September 2026,
 * the Friday before Labor Day: assumed received Monday 14 September, the period ends Wednesday
 * 14 October), in en-US and es-US; the account's second email does not repeat it; a creditor's
 * email never carries it; a first email without the itemization is not sent and says what is
 * missing; a dispute within the period is held citing 1006.34(c)(4) and FDCPA 809(b).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiRole } from '../../src/domain/keys.js';
import { providerEnv, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { dbVariants, type Harness, reminderBody, startHarness } from '../support/harness.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import {
  ACME,
  BRAVO,
  DEBT,
  mailsTo,
  mailTo as mailOf,
  NOTICE_START,
  settled as settledIn,
  usd,
  writeNoticeProfile,
} from '../support/validation-notice.js';
import { waitFor } from '../support/wait.js';

const START = NOTICE_START;

describe.each(dbVariants())('the validation notice on $name', (variant) => {
  let tw: FakeTwilio;
  let smtp: SmtpSink;
  let h: Harness;
  let dir: string;
  const keys: Record<string, string> = {};
  const as = (tenant: 'bravo' | 'acme', role: ApiRole = 'collector') => ({
    role: null,
    headers: { authorization: `Bearer ${keys[`${tenant}:${role}`]}` },
  });
  let seq = 0;
  const email = () => `borrower-${variant.name}-${seq++}@example.com`;

  const settled = (id: string) => settledIn(h, id);
  const mailTo = (to: string, nth = 0) => mailOf(smtp, to, nth);
  const send = async (tenant: 'bravo' | 'acme', borrower: Record<string, unknown>, debt: object = DEBT) => {
    const res = await h.api('POST', '/v1/reminders', {
      ...as(tenant),
      body: { ...reminderBody({ channel: 'email' }, { phone: null, ...borrower }), debt },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    return settled(res.body.messages[0].id);
  };

  beforeAll(async () => {
    tw = await startFakeTwilio();
    smtp = await startSmtpSink();
    // The shipped templates, with an es-US email of gentle-overdue (its Spanish notice follows the variant's language).
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-templates-'));
    fs.cpSync('templates', path.join(dir, 'templates'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'templates', 'gentle-overdue', 'email.es-US.hbs'),
      '---\nsubject: "Un recordatorio sobre su cuenta de {{debt.creditor}}"\n---\nHola:\n\nLe escribimos sobre la cuenta {{mask debt.accountRef}} de {{debt.creditor}}.\n\n{{#if sender.agency}}Este mensaje es de un cobrador de deudas. {{/if}}Para dejar de recibir estos correos, responda STOP.\n',
    );
    // Every hour open and no caps, with the notice the US-REGF profile asks of agencies.
    const profileFile = writeNoticeProfile(dir);
    const offset = Date.now() - START;
    h = await startHarness({
      db: variant,
      env: {
        ...providerEnv(tw, smtp),
        TEMPLATES_DIR: path.join(dir, 'templates'),
        POLICY_FILE: profileFile,
        TENANT_REFRESH_MS: '200',
      },
      service: { clock: { now: () => new Date(Date.now() - offset) } },
    });
    for (const [id, body] of [
      ['bravo', BRAVO],
      ['acme', ACME],
    ] as const) {
      expect((await h.api('PUT', `/v1/tenants/${id}`, { role: 'admin', body })).status).toBe(201);
      for (const role of ['collector', 'compliance'] as const)
        keys[`${id}:${role}`] = (await h.service.store.apiKeys.create(role, `${id} ${role}`, new Date(), id)).token;
    }
  });
  afterAll(async () => {
    await h?.destroy();
    await tw?.close();
    await smtp?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('an agency’s first email carries the notice with its dates (en-US), records it, and the second email does not repeat it', async () => {
    const to = email();
    const borrower = { id: `vn-en-${variant.name}`, email: to, locale: 'en-US', timezone: 'America/New_York' };
    const m = await send('bravo', borrower);
    expect(m.status).toBe('sent');
    const mail = await mailTo(to);
    const text = mail.text!;
    for (const s of [
      'VALIDATION NOTICE',
      'Bravo Collections is a debt collector. We are trying to collect a debt that you owe to Northwind Bank.',
      'You had account number ****1234 with Northwind Bank.',
      'As of June 30, 2026 (the date of your last statement), you owed: $1,000.00',
      'You were charged this amount in interest: + $25.50',
      'You were charged this amount in fees: + $10.00',
      'You paid or were credited this amount toward the debt: - $105.25',
      'Total amount of the debt now: $930.25',
      'Call or write to us by October 14, 2026, to dispute all or part of the debt.',
      'If you write by October 14, 2026, we must stop collection until we send you that information.',
      'www.cfpb.gov/debt-collection',
      'PO Box 100\nSpringfield, IL 62701',
    ])
      expect(text).toContain(s);
    expect(mail.html).toContain('www.cfpb.gov/debt-collection');
    // What went is what is stored, and the notice is recorded with its dates.
    expect((await h.service.store.getMessage(m.id))!.body).toContain('October 14, 2026');
    const notice = await waitFor(() => h.service.store.validationNotices.of(m.borrowerId, DEBT.accountRef), {
      what: 'the notice recorded',
    });
    expect(notice).toMatchObject({
      messageId: m.id,
      sentOn: '2026-09-04',
      assumedReceiptOn: '2026-09-14',
      endsOn: '2026-10-14',
      endsAt: '2026-10-15T03:59:59.999Z',
      itemizationDate: '2026-06-30',
    });
    const events = await h.service.store.listBorrowerEvents(m.borrowerId);
    expect(events.find((e) => e.type === 'validation-notice.sent')?.data).toMatchObject({
      messageId: m.id,
      rule: '12 CFR 1006.34',
      sentOn: '2026-09-04',
      assumedReceiptOn: '2026-09-14',
      validationPeriodEndsOn: '2026-10-14',
    });
    // The audit re-renders the message, notice included, from its stored sources.
    const read = await h.api('GET', `/v1/audit/messages/${m.id}`, as('bravo', 'compliance'));
    expect(read.status).toBe(200);
    expect(read.body.content.matchesStored).toBe(true);
    expect(read.body.content.html).toContain('www.cfpb.gov/debt-collection');
    // The account's second email: no notice again.
    const second = await send('bravo', borrower);
    expect(second.status).toBe('sent');
    const again = await mailTo(to, 1);
    expect(again.text).toContain('Northwind Bank');
    expect(again.text).not.toContain('VALIDATION NOTICE');
    expect(again.text).not.toContain('cfpb.gov');
  });

  it('in es-US: the Spanish notice, with the dates in Spanish', async () => {
    const to = email();
    const m = await send('bravo', {
      id: `vn-es-${variant.name}`,
      email: to,
      locale: 'es-US',
      timezone: 'America/Chicago',
    });
    expect(m.status).toBe('sent');
    const text = (await mailTo(to)).text!;
    for (const s of [
      'AVISO DE VALIDACIÓN',
      'Bravo Collections es un cobrador de deudas.',
      'Al 30 de junio de 2026 (la fecha de su último estado de cuenta), usted debía:',
      'Cantidad total de la deuda ahora: $930.25',
      'Llámenos o escríbanos a más tardar el 14 de octubre de 2026 para disputar',
      'Visite www.cfpb.gov/debt-collection',
    ])
      expect(text).toContain(s);
    expect(text).not.toContain('VALIDATION NOTICE');
  });

  it('a creditor’s email does not carry it', async () => {
    const to = email();
    const m = await send('acme', { id: `vn-cr-${variant.name}`, email: to });
    expect(m.status).toBe('sent');
    const text = (await mailTo(to)).text!;
    expect(text).toContain('Northwind Bank');
    expect(text).not.toContain('VALIDATION NOTICE');
    expect(text).not.toContain('debt collector');
    expect(await h.service.store.validationNotices.of(m.borrowerId, DEBT.accountRef)).toBeUndefined();
  });

  it('an agency’s first email without the itemization is not sent, and says what is missing', async () => {
    const to = email();
    const { itemization: _none, ...bare } = DEBT;
    const m = await send(
      'bravo',
      { id: `vn-bare-${variant.name}`, email: to },
      { ...bare, accountRef: '4000000000005555' },
    );
    expect(m.status).toBe('failed');
    expect(m.error?.code).toBe('validation-notice-incomplete');
    expect(m.error?.message).toContain('debt.itemization');
    expect(m.error?.message).toContain('12 CFR 1006.34');
    expect(mailsTo(smtp, to)).toHaveLength(0);
  });

  it('refuses an itemization that does not add up to amountDue, naming the field', async () => {
    const res = await h.api('POST', '/v1/reminders', {
      ...as('bravo'),
      body: { ...reminderBody({ channel: 'email' }), debt: { ...DEBT, amountDue: usd('900.00') } },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors).toEqual([
      { path: 'debt.itemization', message: expect.stringContaining('but amountDue is 900.00') },
    ]);
  });

  it('a dispute within the validation period holds collection until verification, citing 1006.34(c)(4) and FDCPA 809(b)', async () => {
    const to = email();
    const id = `vn-dispute-${variant.name}`;
    const sent = await send('bravo', { id, email: to });
    expect(sent.status).toBe('sent');
    await mailTo(to);
    // The notice is recorded once the provider has the email, a moment after the message is sent.
    await waitFor(() => h.service.store.validationNotices.of(sent.borrowerId, DEBT.accountRef), {
      what: 'the notice recorded',
    });
    const dispute = await h.api('POST', `/v1/borrowers/${id}/disputes`, {
      ...as('bravo'),
      body: { detail: 'says the amount is wrong' },
    });
    expect(dispute.status, JSON.stringify(dispute.body)).toBe(201);
    expect(dispute.body.ruleRef).toContain('12 CFR 1006.34(c)(4)');
    expect(dispute.body.ruleRef).toContain('FDCPA 809(b)');
    expect(dispute.body.ruleRef).toContain('validation period (ends 2026-10-14)');
    // The next email waits, its reason naming the rule.
    const res = await h.api('POST', '/v1/reminders', {
      ...as('bravo'),
      body: { ...reminderBody({ channel: 'email' }, { id, email: to, phone: null }), debt: DEBT },
    });
    const held = await waitFor(
      async () => {
        const m = await h.service.store.getMessage(res.body.messages[0].id);
        return m && ['deferred', 'scheduled'].includes(m.status) ? m : undefined;
      },
      { what: 'the email held' },
    );
    const last = (await h.service.store.listEvents(held.id)).at(-1)!;
    expect(last.data.reasons).toEqual([
      expect.objectContaining({ code: 'held', rule: expect.stringContaining('FDCPA 809(b)') }),
    ]);
  });
});
