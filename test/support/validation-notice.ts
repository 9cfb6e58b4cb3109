/**
 * What the validation notice's integration tests share: the debt and its itemization, an agency and a creditor, the
 * open profile with the notice the US-REGF profile asks of agencies, and waiting for a message to settle or a mail to
 * arrive at the SMTP sink.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ParsedMail } from 'mailparser';
import type { Harness } from './harness.js';
import { OPEN_PROFILE } from './harness.js';
import type { SmtpSink } from './smtp-sink.js';
import { waitFor } from './wait.js';

// The service's clock: Friday 4 September 2026, 11:00 in New York (the Friday before Labor Day).
export const NOTICE_START = Date.parse('2026-09-04T15:00:00Z');

export const usd = (amount: string) => ({ amount, currency: 'USD' });
export const ITEMIZATION = {
  date: '2026-06-30',
  dateKind: 'last-statement',
  atItemization: usd('1000.00'),
  interest: usd('25.50'),
  fees: usd('10.00'),
  payments: usd('100.00'),
  credits: usd('5.25'),
};
export const DEBT = {
  accountRef: '4111111111111234',
  creditor: 'Northwind Bank',
  amountDue: usd('930.25'),
  dueDate: '2026-08-20',
  daysOverdue: 15,
  itemization: ITEMIZATION,
};
export const BRAVO = {
  name: 'Bravo Collections',
  kind: 'agency',
  channels: ['email'],
  contact: {
    name: 'Bravo Collections',
    phone: '+1 800 555 0100',
    hours: 'Mon-Fri 9-5',
    mailingAddress: 'PO Box 100\nSpringfield, IL 62701',
  },
  senders: { email: { from: 'Bravo Collections <help@bravo.example>' } },
};
export const ACME = {
  name: 'Acme Bank',
  kind: 'creditor',
  channels: ['email'],
  contact: { name: 'Acme Bank', mailingAddress: '1 Main St\nAnytown, CA 90001' },
  senders: { email: { from: 'Acme Bank <billing@acme.example>' } },
};

/** Every hour open and no caps, with the notice the US-REGF profile asks of agencies: written in `dir`, its path. */
export function writeNoticeProfile(dir: string): string {
  const profile = {
    ...JSON.parse(fs.readFileSync(OPEN_PROFILE, 'utf8')),
    validationNotice: { source: '12 CFR 1006.34' },
  };
  const file = path.join(dir, 'profile.json');
  fs.writeFileSync(file, JSON.stringify(profile));
  return file;
}

/** The message once it is no longer on its way (sent, failed, suppressed…). */
export const settled = (h: Pick<Harness, 'service'>, id: string) =>
  waitFor(
    async () => {
      const m = await h.service.store.getMessage(id);
      return m && !['accepted', 'queued', 'sending'].includes(m.status) ? m : undefined;
    },
    { what: `message ${id} to settle` },
  );

/** The sink's mails to an address. */
export const mailsTo = (smtp: SmtpSink, to: string): ParsedMail[] =>
  smtp.mails.filter((m: ParsedMail) => (Array.isArray(m.to) ? m.to : [m.to]).some((a) => a?.text === to));

/** The `nth` mail to an address, once it has come. */
export const mailTo = (smtp: SmtpSink, to: string, nth = 0) =>
  waitFor(() => mailsTo(smtp, to)[nth], { what: `mail ${nth} to ${to}` });
