/**
 * The validation notice's pure parts (12 CFR 1006.34): the legal public holidays, the five
 * business days of assumed receipt and the 30 days after (fixed dates around weekends and
 * holidays), the itemization's exact sums, the request's itemization checks, and the notice
 * rendered after an email's body in en-US and es-US, clean under the wording linter.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintRenderedMessage } from '../../src/policy/template-lint.js';
import {
  addBusinessDays,
  isBusinessDay,
  itemizedAmounts,
  legalPublicHolidays,
  noticeContext,
  noticeDates,
  noticePartialFor,
} from '../../src/policy/validation-notice.js';
import { Debt } from '../../src/schemas/request.schemas.js';
import { loadCatalogue } from '../../src/templates/catalogue.js';
import { templateContext } from '../../src/templates/context.js';
import { makeRenderer, renderFromSources } from '../../src/templates/render.js';

const usd = (amount: string) => ({ amount, currency: 'USD' });
const ITEMIZATION = {
  date: '2026-06-30',
  dateKind: 'charge-off' as const,
  atItemization: usd('1000.00'),
  interest: usd('25.5'),
  fees: usd('10'),
  payments: usd('100.00'),
  credits: usd('5.25'),
};

describe('legal public holidays (5 U.S.C. 6103(a))', () => {
  it('lists 2026’s, with Independence Day on a Saturday observed on Friday 3 July', () => {
    expect([...legalPublicHolidays(2026)].sort()).toEqual([
      '2026-01-01',
      '2026-01-19',
      '2026-02-16',
      '2026-05-25',
      '2026-06-19',
      '2026-07-03',
      '2026-07-04',
      '2026-09-07',
      '2026-10-12',
      '2026-11-11',
      '2026-11-26',
      '2026-12-25',
    ]);
  });

  it('observes New Year’s Day 2028 (a Saturday) on Friday 31 December 2027, and Christmas 2027 on the 24th', () => {
    expect(isBusinessDay('2027-12-31')).toBe(false);
    expect(isBusinessDay('2027-12-24')).toBe(false);
    expect(isBusinessDay('2027-12-30')).toBe(true);
    // Juneteenth only since 2021.
    expect(legalPublicHolidays(2020).has('2020-06-19')).toBe(false);
    expect(legalPublicHolidays(2022).has('2022-06-20')).toBe(true);
  });
});

describe('the notice’s dates (1006.34(b)(5))', () => {
  it('sent on the Friday before Labor Day: received the fifth business day after (Monday 14 September), the period ends 30 days later', () => {
    const d = noticeDates(new Date('2026-09-04T15:00:00Z'), 'America/New_York');
    expect(d).toEqual({
      sentOn: '2026-09-04',
      assumedReceiptOn: '2026-09-14',
      endsOn: '2026-10-14',
      // The end of 14 October in New York (EDT).
      endsAt: '2026-10-15T03:59:59.999Z',
    });
  });

  it('skips Thanksgiving, and the observed Christmas and New Year’s Day of 2027', () => {
    expect(addBusinessDays('2026-11-25', 5)).toBe('2026-12-03');
    expect(noticeDates(new Date('2026-11-25T17:00:00Z'), 'America/Chicago').endsOn).toBe('2027-01-02');
    expect(addBusinessDays('2027-12-23', 5)).toBe('2028-01-03');
    // Sent on the Saturday before Columbus Day: counting starts on Tuesday.
    expect(addBusinessDays('2026-10-10', 5)).toBe('2026-10-19');
    expect(addBusinessDays('2026-10-17', 5)).toBe('2026-10-23');
  });

  it('dates the sending in the borrower’s zone: Friday evening in Los Angeles is Saturday in UTC', () => {
    const at = new Date('2026-09-05T02:00:00Z');
    expect(noticeDates(at, 'America/Los_Angeles').sentOn).toBe('2026-09-04');
    // Unknown zone: the UTC date, and the period ends at the end of its last day everywhere (UTC−12).
    const unknown = noticeDates(at, null);
    expect(unknown.sentOn).toBe('2026-09-05');
    expect(unknown.endsOn).toBe('2026-10-14');
    expect(unknown.endsAt).toBe('2026-10-15T11:59:59.999Z');
  });
});

describe('the itemization', () => {
  it('adds up exactly, in decimal, payments and credits together on the model form’s line', () => {
    expect(itemizedAmounts(ITEMIZATION)).toEqual({
      currency: 'USD',
      atItemization: '1000.00',
      interest: '25.50',
      fees: '10.00',
      payments: '100.00',
      credits: '5.25',
      paidOrCredited: '105.25',
      current: '930.25',
    });
    expect(
      itemizedAmounts({
        ...ITEMIZATION,
        atItemization: usd('0.1'),
        interest: usd('0.2'),
        fees: usd('0'),
        payments: usd('0'),
        credits: usd('0'),
      }).current,
    ).toBe('0.30');
  });

  const debt = {
    accountRef: '4111111111111234',
    creditor: 'Northwind Bank',
    amountDue: usd('930.25'),
    dueDate: '2026-08-20',
    daysOverdue: 15,
  };

  it('is accepted when it adds up to amountDue', () => {
    expect(Debt.safeParse({ ...debt, itemization: ITEMIZATION }).success).toBe(true);
    expect(Debt.safeParse(debt).success).toBe(true);
  });

  it('names the field that is missing or wrong', () => {
    const { interest: _omit, ...noInterest } = ITEMIZATION;
    const paths = (body: unknown) => {
      const r = Debt.safeParse(body);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(paths({ ...debt, itemization: noInterest })).toEqual([expect.stringMatching(/^itemization\.interest: /)]);
    expect(paths({ ...debt, itemization: { ...ITEMIZATION, dateKind: 'due-date' } })).toEqual([
      expect.stringMatching(/^itemization\.dateKind: /),
    ]);
    expect(paths({ ...debt, itemization: { ...ITEMIZATION, fees: usd('10.001.5') } })).toEqual([
      expect.stringMatching(/^itemization\.fees\.amount: must be a decimal string/),
    ]);
    expect(paths({ ...debt, itemization: { ...ITEMIZATION, fees: { amount: '10', currency: 'EUR' } } })).toEqual([
      'itemization.fees.currency: must be the currency of amountDue (USD)',
    ]);
    expect(paths({ ...debt, amountDue: usd('900.00'), itemization: ITEMIZATION })).toEqual([
      expect.stringMatching(/^itemization: adds up to 930\.25 .* but amountDue is 900\.00/),
    ]);
  });
});

describe('the notice rendered after an email', () => {
  // The catalogue as shipped, with an es-US email of gentle-overdue for the Spanish notice.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vn-templates-'));
  fs.cpSync('templates', dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'gentle-overdue', 'email.es-US.hbs'),
    '---\nsubject: "Un recordatorio sobre su cuenta de {{debt.creditor}}"\n---\nHola:\n\nLe escribimos sobre la cuenta {{mask debt.accountRef}} de {{debt.creditor}}.\n\n{{#if sender.agency}}Este mensaje es de un cobrador de deudas. {{/if}}Para dejar de recibir estos correos, responda STOP.\n',
  );
  const catalogue = loadCatalogue(dir);
  const render = makeRenderer(catalogue);
  const dates = noticeDates(new Date('2026-09-04T15:00:00Z'), 'America/New_York');
  const collector = {
    name: 'Bravo Collections',
    mailingAddress: 'PO Box 100\nSpringfield, IL 62701',
    phone: '+1 800 555 0100',
    hours: 'Mon-Fri 9-5',
  };
  const data = (locale: string) => ({
    ...templateContext({
      borrower: { id: 'b-1', name: 'Alex Chen' },
      debt: {
        accountRef: '4111111111111234',
        creditor: 'Northwind Bank',
        amountDue: usd('930.25'),
        dueDate: '2026-08-20',
        daysOverdue: 15,
      },
      sender: 'agency',
      senderContact: { name: 'Bravo Collections' },
    }),
    validation: noticeContext(ITEMIZATION, collector, dates),
    _test: locale,
  });

  for (const [locale, says] of [
    [
      'en-US',
      [
        'Bravo Collections is a debt collector.',
        'As of June 30, 2026 (the date the debt was charged off), you owed: $1,000.00',
        'You were charged this amount in interest: + $25.50',
        'You paid or were credited this amount toward the debt: - $105.25',
        'Total amount of the debt now: $930.25',
        'Call or write to us by October 14, 2026, to dispute',
        'If you write by October 14, 2026, we must stop collection until we send you that information.',
        'Go to www.cfpb.gov/debt-collection',
        'PO Box 100\nSpringfield, IL 62701',
      ],
    ],
    [
      'es-US',
      [
        'Bravo Collections es un cobrador de deudas.',
        'Al 30 de junio de 2026 (la fecha en que la deuda se dio por incobrable), usted debía:',
        'Cantidad total de la deuda ahora: $930.25',
        'a más tardar el 14 de octubre de 2026 para disputar',
        'Visite www.cfpb.gov/debt-collection',
      ],
    ],
  ] as const) {
    it(`in ${locale}: the model notice's parts, its dates, clean under the linter, and rendered again from its stored sources`, () => {
      const out = render({
        key: 'gentle-overdue',
        channel: 'email',
        locale,
        timezone: 'America/New_York',
        data: data(locale),
        appendix: noticePartialFor,
      });
      expect(out.locale).toBe(locale);
      for (const s of says) expect(out.text).toContain(s);
      // After the message's own body, in its HTML too.
      expect(out.text.indexOf(locale === 'es-US' ? 'AVISO DE VALIDACIÓN' : 'VALIDATION NOTICE')).toBeGreaterThan(
        out.text.indexOf(locale === 'es-US' ? 'cobrador de deudas.' : 'Northwind Bank'),
      );
      expect(out.html).toContain('www.cfpb.gov/debt-collection');
      expect(out.sources.partials[noticePartialFor(locale)]).toBeDefined();
      expect(lintRenderedMessage([out.subject, out.text].join('\n'))).toEqual([]);
      const again = renderFromSources(out, data(locale), 'America/New_York');
      expect(again.body).toBe(out.body);
      // The plain variant's version differs: the stored sources say the notice went.
      const plain = render({ key: 'gentle-overdue', channel: 'email', locale, timezone: null, data: data(locale) });
      expect(plain.version).not.toBe(out.version);
      expect(plain.text).not.toContain('www.cfpb.gov/debt-collection');
    });
  }
});
