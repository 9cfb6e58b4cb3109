/**
 * Logs carry no personal data: after a busy run at debug level (sends, provider refusals,
 * retries, validation errors, suppressions), no log line holds a phone number, an email address
 * or a message body. The scan also covers every log the rest of the suite has written so far.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { providerEnv, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { reminderBody, sqliteOnly, startHarness, type Harness } from '../support/harness.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { waitFor } from '../support/wait.js';

const PHONE = /\+\d{8,15}/;
// Email addresses, but not SMTP Message-IDs (<msg_…@domain>), which name a message, not a person.
const EMAIL = /(?<!msg_[\w-]{22})@[a-z0-9-]+\.[a-z]{2,}/i;
const BODY_FRAGMENTS = ['friendly reminder', 'Reply STOP', '温馨提醒', 'debt collector', 'Alex Chen', 'Mei Lin'];

function findings(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    const hit =
      PHONE.exec(line)?.[0] ?? (EMAIL.test(line) ? 'email' : undefined) ?? BODY_FRAGMENTS.find((f) => line.includes(f));
    if (hit) out.push(`${hit}: ${line.slice(0, 300)}`);
  }
  return out;
}

describe('logs', () => {
  let twilio: FakeTwilio;
  let smtp: SmtpSink;
  let h: Harness;

  beforeAll(async () => {
    twilio = await startFakeTwilio();
    smtp = await startSmtpSink();
    h = await startHarness({
      db: sqliteOnly,
      logLevel: 'debug',
      env: providerEnv(twilio, smtp),
    });
  });
  afterAll(async () => {
    await h?.destroy();
    await twilio?.close();
    await smtp?.close();
  });

  it('hold no phone number, email address or message body after a busy run at debug level', async () => {
    twilio.scriptFor('+14155550601', {
      status: 400,
      code: 21211,
      message: "The 'To' number +14155550601 is not a valid phone number.",
    });
    twilio.scriptFor('+14155550602', { status: 500, code: 20500, message: 'internal error for +14155550602' });
    smtp.refuseNext(550);
    const ids: string[] = [];
    for (const [channel, phone, email] of [
      ['sms', '+14155550601', 'a@example.com'],
      ['sms', '+14155550602', 'b@example.com'],
      ['email', '+14155550603', 'mei.lin@example.com'],
      ['email', '+14155550604', 'c@example.com'],
      ['voice', '+14155550605', 'd@example.com'],
    ] as const) {
      const res = await h.api('POST', '/v1/reminders', {
        body: reminderBody({ channel }, { phone, email, name: channel === 'email' ? 'Mei Lin' : 'Alex Chen' }),
      });
      ids.push(res.body.messages[0].id);
    }
    await h.api('POST', '/v1/reminders', { body: reminderBody({}, { phone: '+86 138' }) });
    await h.api('POST', '/v1/reminders', { raw: '{"borrower": {"phone": "+14155550606"' });
    await h.api('PUT', '/v1/borrowers/b-logs', { body: { phone: '+14155550607', email: 'logs@example.com' } });
    await h.api('POST', '/v1/borrowers/b-logs/opt-out', { body: { channel: 'sms' } });
    await h.api('GET', `/v1/audit/messages/${ids[0]}`, { role: 'compliance' });
    await waitFor(
      async () => {
        for (const id of ids)
          if (!['sent', 'failed'].includes((await h.service.store.getMessage(id))?.status ?? '')) return undefined;
        return true;
      },
      { what: 'all settled' },
    );

    const own = fs.readFileSync(h.logFile, 'utf8');
    expect(own.split('\n').length).toBeGreaterThan(10); // the run did log, at debug level
    expect(findings(own)).toEqual([]);

    const dir = inject('logDir');
    const all = fs
      .readdirSync(dir)
      .flatMap((f) => findings(fs.readFileSync(path.join(dir, f), 'utf8')).map((x) => `${f}: ${x}`));
    expect(all).toEqual([]);
  });
});
