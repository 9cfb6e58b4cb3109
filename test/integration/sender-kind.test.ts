/**
 * Who is sending decides what a message may say and how it may go: a creditor collecting its own
 * debts must not claim to be a debt collector; an agency must say it is one (12 CFR 1006.18(e)),
 * and its texts to US and Canadian numbers are not handed to Twilio (third-party collection SMS is
 * against Twilio's acceptable use policy): they are suppressed with that reason, and `auto` and
 * cadence steps take the next channel.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerEnv, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { reminderBody, sqliteOnly, startHarness, type Harness } from '../support/harness.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { waitFor } from '../support/wait.js';

describe.each([
  { kind: 'creditor', says: false },
  { kind: 'agency', says: true },
])('a $kind sending', ({ kind, says }) => {
  let tw: FakeTwilio;
  let smtp: SmtpSink;
  let h: Harness;
  let seq = 0;
  const phone = (country = '+1415555') => `${country}${String(7800 + seq++).padStart(4, '0')}`;

  beforeAll(async () => {
    tw = await startFakeTwilio();
    smtp = await startSmtpSink();
    h = await startHarness({ db: sqliteOnly, env: { ...providerEnv(tw, smtp), SENDER_KIND: kind } });
  });
  afterAll(async () => {
    await h?.destroy();
    await tw?.close();
    await smtp?.close();
  });

  const settled = (id: string) =>
    waitFor(
      async () => {
        const m = await h.service.store.getMessage(id);
        return m && !['accepted', 'queued', 'sending', 'deferred', 'scheduled'].includes(m.status) ? m : undefined;
      },
      { what: 'the message to settle' },
    );

  it(`${says ? 'says' : 'does not say'} it is from a debt collector`, async () => {
    // An agency texts a UK number (its +1 texts are suppressed, below).
    const to = kind === 'agency' ? `+4479111${String(23400 + seq++)}` : phone();
    const res = await h.api('POST', '/v1/reminders', {
      body: reminderBody({ channel: 'sms' }, { phone: to, timezone: 'UTC' }),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const m = await settled(res.body.messages[0].id);
    expect(m.status).toBe('sent');
    const body = tw.messages().find((r) => r.form.To === to)!.form.Body!;
    expect(body.includes('This is from a debt collector.')).toBe(says);
    // The preview shows the same by default, and the other kind on request.
    const preview = await h.api('POST', '/v1/templates/gentle-overdue/preview', {
      role: 'agent',
      body: { channel: 'sms', locale: 'en-US' },
    });
    expect(preview.body.text.includes('debt collector')).toBe(says);
    const other = await h.api('POST', '/v1/templates/gentle-overdue/preview', {
      role: 'agent',
      body: { channel: 'sms', locale: 'en-US', senderKind: says ? 'creditor' : 'agency' },
    });
    expect(other.body.text.includes('debt collector')).toBe(!says);
  });

  it(
    kind === 'agency'
      ? 'suppresses its SMS to a +1 number with the rule, and auto picks email'
      : 'texts +1 numbers as usual',
    async () => {
      const to = phone();
      const sms = await h.api('POST', '/v1/reminders', {
        body: reminderBody({ channel: 'sms' }, { phone: to, timezone: 'UTC' }),
      });
      const m = await settled(sms.body.messages[0].id);
      if (kind === 'agency') {
        expect(m.status).toBe('suppressed');
        const last = (await h.service.store.listEvents(m.id)).at(-1)!;
        expect(last.data).toMatchObject({ reason: 'third-party-sms', detail: expect.stringContaining('Twilio') });
        expect(tw.messages().some((r) => r.form.To === to)).toBe(false);
      } else expect(m.status).toBe('sent');
      const auto = await h.api('POST', '/v1/reminders', {
        body: reminderBody({ channel: 'auto' }, { phone: phone(), timezone: 'UTC' }),
      });
      expect(auto.body.messages[0].channel).toBe(kind === 'agency' ? 'email' : 'sms');
    },
  );

  it('lints a draft for its own kind: a creditor may not claim to be a debt collector, an agency must', async () => {
    const hardCoded =
      '{{debt.creditor}}: your payment is overdue. This is from a debt collector. Reply STOP to opt out.';
    const conditional =
      '{{debt.creditor}}: your payment is overdue.{{#if sender.agency}} This is from a debt collector.{{/if}} Reply STOP to opt out.';
    const without = '{{debt.creditor}}: your payment is overdue. Reply STOP to opt out.';
    const rules = async (source: string) =>
      (
        await h.api('POST', '/v1/templates/lint', {
          role: 'agent',
          body: { channel: 'sms', locale: 'en-US', profile: 'US-REGF', source },
        })
      ).body.findings.map((f: { rule: string }) => f.rule);
    expect(await rules(conditional)).toEqual([]);
    expect(await rules(hardCoded)).toEqual(kind === 'creditor' ? ['false-disclosure'] : []);
    expect(await rules(without)).toEqual(kind === 'agency' ? ['missing-disclosure'] : []);
  });
});

describe('a creditor deployment with a template that claims to be a debt collector', () => {
  it('refuses to start, naming the file, line and rule', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-kind-'));
    fs.cpSync('templates', dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'due-soon', 'sms.en-US.hbs'),
      '{{debt.creditor}}: a payment is due {{date debt.dueDate}}. This is from a debt collector. Reply STOP to opt out.',
    );
    try {
      await expect(
        startHarness({ db: sqliteOnly, env: { TEMPLATES_DIR: dir, POLICY_PROFILE: 'US-REGF' } }),
      ).rejects.toThrow(/due-soon\/sms\.en-US\.hbs:1:\d+ false-disclosure/);
      // The same files start as an agency's.
      const agency = await startHarness({
        db: sqliteOnly,
        env: { TEMPLATES_DIR: dir, POLICY_PROFILE: 'US-REGF', SENDER_KIND: 'agency' },
      });
      try {
        // A creditor tenant cannot be added to it: its templates claim to be a debt collector.
        const creditor = {
          name: 'Acme Bank',
          kind: 'creditor',
          channels: ['email'],
          senders: { email: { from: 'Acme <billing@acme.example>' } },
        };
        const res = await agency.api('PUT', '/v1/tenants/acme', { role: 'admin', body: creditor });
        expect(res.status).toBe(400);
        expect(res.body.errors[0]).toMatchObject({
          path: 'kind',
          message: expect.stringMatching(/due-soon\/sms\.en-US\.hbs:1:\d+ false-disclosure/),
        });
        expect(
          (
            await agency.api('PUT', '/v1/tenants/bravo', {
              role: 'admin',
              body: { ...creditor, name: 'Bravo', kind: 'agency' },
            })
          ).status,
        ).toBe(201);
      } finally {
        await agency.destroy();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
