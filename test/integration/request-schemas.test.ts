/**
 * The document's request schemas are as tight as the server where JSON Schema can say it: a body
 * a generated client's validator (Ajv, draft 2020-12, against the served /openapi.json) accepts,
 * the server accepts too. Each body below is posted to the service and validated against the
 * document. What JSON Schema cannot check — the tz database, a country's numbering plan, the size
 * of free-form metadata — is listed apart, each with the words the document uses for it.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, sqliteOnly, startHarness } from '../support/harness.js';

type Body = Record<string, unknown>;
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

let n = 0;
function reminder(change: (r: Body & { borrower: Body; debt: Body }) => void = () => {}): Body {
  n += 1;
  const r = {
    externalId: `schema-${n}`,
    borrower: { id: `schema-b${n}`, locale: 'en-US', timezone: 'America/New_York', phone: '+14155550100' },
    debt: {
      accountRef: `acct-${n}`,
      creditor: 'Northwind Bank',
      amountDue: { amount: '120.50', currency: 'USD' },
      dueDate: '2026-11-20',
      daysOverdue: 10,
      paymentUrl: 'https://pay.example.com/x',
    },
    channel: 'sms',
    template: 'gentle-overdue',
  };
  change(r);
  return r;
}

/** Refused by the server, and by the document's schema. */
const REFUSED_BY_BOTH: Array<[string, Body]> = [
  ['a javascript: payment URL', reminder((r) => (r.debt.paymentUrl = 'javascript:alert(1)'))],
  ['a mailto: payment URL', reminder((r) => (r.debt.paymentUrl = 'mailto:pay@example.com'))],
  ['an ftp payment URL', reminder((r) => (r.debt.paymentUrl = 'ftp://example.com/pay'))],
  ['an SMS to a borrower whose phone is null', reminder((r) => (r.borrower.phone = null))],
  ['a call to a borrower whose phone is null', reminder((r) => ((r.borrower.phone = null), (r.channel = 'voice')))],
  ['an email to a borrower whose email is null', reminder((r) => ((r.borrower.email = null), (r.channel = 'email')))],
  ['a phone without its country code', reminder((r) => (r.borrower.phone = '4155550100'))],
  ['a phone with letters', reminder((r) => (r.borrower.phone = '+1 415 CALL NOW'))],
  ['a phone too short to be a number', reminder((r) => (r.borrower.phone = '+1'))],
  ['a zone that is not a zone name', reminder((r) => (r.borrower.timezone = 'Eastern Time (US)'))],
  ['a zone list with a bad name', reminder((r) => (r.borrower.timezone = ['Asia/Shanghai', 'GMT +8']))],
  ['a locale with an underscore', reminder((r) => (r.borrower.locale = 'en_US'))],
  ['a locale that is a sentence', reminder((r) => (r.borrower.locale = 'English please'))],
  ['an unknown currency', reminder((r) => (r.debt.amountDue = { amount: '1.00', currency: 'ABC' }))],
  ['a lower-case currency', reminder((r) => (r.debt.amountDue = { amount: '1.00', currency: 'usd' }))],
  ['a negative amount', reminder((r) => (r.debt.amountDue = { amount: '-1.00', currency: 'USD' }))],
  ['an unknown template', reminder((r) => (r.template = 'pay-or-else'))],
  ['neither a template nor an experiment', reminder((r) => delete (r as Body).template)],
  ['neither a borrower nor a borrowerId', reminder((r) => delete (r as Body).borrower)],
  ['an unknown field', reminder((r) => ((r as Body).priority = 'high'))],
  ['an unknown channel', reminder((r) => (r.channel = 'fax'))],
  ['a sendAt without a zone', reminder((r) => ((r as Body).sendAt = '2026-12-01T09:00:00'))],
];

/** Refused by the server for what the document says in words only (see each field's description). */
const REFUSED_BY_SERVER_ONLY: Array<[string, Body]> = [
  ['a zone not in the tz database', reminder((r) => (r.borrower.timezone = 'Mars/Olympus_Mons'))],
  ['a number outside its numbering plan', reminder((r) => (r.borrower.phone = '+1 000 000 0000'))],
  [
    'expiresAt before sendAt',
    reminder((r) => Object.assign(r, { sendAt: '2026-12-02T09:00:00Z', expiresAt: '2026-12-01T09:00:00Z' })),
  ],
];

/** Accepted by both: the forms the server normalises. */
const ACCEPTED_BY_BOTH: Array<[string, Body]> = [
  ['a formatted phone', reminder((r) => (r.borrower.phone = '+1 (415) 555-0100'))],
  ['a lower-case locale', reminder((r) => (r.borrower.locale = 'zh-cn'))],
  ['UTC and a list of zones', reminder((r) => (r.borrower.timezone = ['UTC', 'America/Argentina/Buenos_Aires']))],
  ['an HTTP payment URL in capitals', reminder((r) => (r.debt.paymentUrl = 'HTTPS://PAY.EXAMPLE.COM/X'))],
  ['an email reminder', reminder((r) => ((r.borrower.email = 'alex@example.com'), (r.channel = 'email')))],
  [
    'a borrower by id, no phone in the body',
    reminder((r) => (delete (r as Body).borrower, ((r as Body).borrowerId = 'schema-known'))),
  ],
];

describe('the request schemas of the OpenAPI document', () => {
  let h: Harness;
  let valid: (body: unknown) => boolean;
  beforeAll(async () => {
    h = await startHarness({ db: sqliteOnly });
    const doc = (await h.api('GET', '/openapi.json', { role: null })).body as {
      paths: Record<string, Record<string, { requestBody: { content: Record<string, { schema: object }> } }>>;
    };
    const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
    valid = ajv.compile(doc.paths['/v1/reminders']!.post!.requestBody.content['application/json']!.schema);
    // The borrower the by-id case names, with a phone on record.
    const known = reminder((r) => (r.borrower.id = 'schema-known'));
    expect((await h.api('POST', '/v1/reminders', { body: known })).status).toBe(202);
  });
  afterAll(async () => {
    await h?.destroy();
  });

  it.each(REFUSED_BY_BOTH)('refuses %s, in the document too', async (_what, body) => {
    expect(valid(body), 'the document accepts it').toBe(false);
    expect((await h.api('POST', '/v1/reminders', { body })).status).toBe(400);
  });

  it.each(REFUSED_BY_SERVER_ONLY)('refuses %s (the document says so in words)', async (_what, body) => {
    expect(valid(body)).toBe(true);
    expect((await h.api('POST', '/v1/reminders', { body })).status).toBe(400);
  });

  it.each(ACCEPTED_BY_BOTH)('accepts %s, as the document does', async (_what, body) => {
    expect(valid(body), 'the document refuses it').toBe(true);
    expect((await h.api('POST', '/v1/reminders', { body })).status).toBe(202);
  });
});
